package io.qtrade.store.binance;

import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventKind;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BinanceDepthSynchronizerTest {

    private static DepthMessage diff(long first, long last, long prev) {
        DepthMessage m = new DepthMessage();
        m.firstUpdateId = first;
        m.finalUpdateId = last;
        m.prevFinalUpdateId = prev;
        m.exchTs = last;
        m.localTs = last;
        m.addBid(100.0, last);
        return m;
    }

    private static DepthMessage snapshot(long lastUpdateId) {
        DepthMessage m = new DepthMessage();
        m.firstUpdateId = lastUpdateId;
        m.finalUpdateId = lastUpdateId;
        m.addAsk(101.0, 1);
        return m;
    }

    @Test
    void aLostSpotPacketMidStreamIsAGapEvenLongAfterSync() {
        BinanceDepthSynchronizer sync = new BinanceDepthSynchronizer(BinanceMarket.SPOT, 0, "t", 8);
        EventBatch out = new EventBatch(64);
        sync.onSnapshot(snapshot(10), out);
        sync.onDiff(diff(11, 12, 0), out);
        for (long u = 13; u < 1013; u++) {
            sync.onDiff(diff(u, u, 0), out);
            out.clear();
        }
        assertThat(sync.gaps()).isZero();
        sync.onDiff(diff(1014, 1014, 0), out); // 1013 lost
        assertThat(sync.gaps()).isEqualTo(1);
        assertThat(out.kind(0)).isEqualTo(EventKind.BOOK_CLEAR);
        assertThat(sync.state()).isEqualTo(BinanceDepthSynchronizer.State.AWAITING_SNAPSHOT);
        assertThat(sync.buffered()).isEqualTo(1);
    }

    @Test
    void futuresDiffsChainOnPuNotOnU() {
        BinanceDepthSynchronizer sync = new BinanceDepthSynchronizer(BinanceMarket.USDM_FUTURES, 0, "t", 8);
        EventBatch out = new EventBatch(64);
        sync.onSnapshot(snapshot(10), out);
        sync.onDiff(diff(9, 12, 8), out);   // U <= 10 <= u: first
        sync.onDiff(diff(20, 25, 12), out); // U jumps, but pu == previous u: in chain on futures
        assertThat(sync.gaps()).isZero();
        assertThat(sync.lastUpdateId()).isEqualTo(25);
        sync.onDiff(diff(26, 27, 24), out);
        assertThat(sync.gaps()).isEqualTo(1);
    }

    @Test
    void aFullBufferDropsTheOldestDiffAndCountsIt() {
        BinanceDepthSynchronizer sync = new BinanceDepthSynchronizer(BinanceMarket.SPOT, 0, "t", 2);
        EventBatch out = new EventBatch(64);
        sync.onDiff(diff(1, 1, 0), out);
        sync.onDiff(diff(2, 2, 0), out);
        sync.onDiff(diff(3, 3, 0), out);
        assertThat(sync.bufferOverflows()).isEqualTo(1);
        assertThat(sync.buffered()).isEqualTo(2);
        sync.onSnapshot(snapshot(1), out); // diffs 2 and 3 follow L=1 exactly
        assertThat(sync.state()).isEqualTo(BinanceDepthSynchronizer.State.LIVE);
        assertThat(sync.lastUpdateId()).isEqualTo(3);
        assertThat(out.size()).isEqualTo(3 + 2);
    }
}
