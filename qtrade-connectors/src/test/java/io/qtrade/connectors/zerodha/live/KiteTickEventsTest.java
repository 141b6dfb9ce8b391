package io.qtrade.connectors.zerodha.live;

import io.qtrade.connectors.live.MalformedFrameException;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventFlags;
import io.qtrade.core.market.EventKind;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KiteTickEventsTest {

    private static final int INFY_TOKEN = 408065;
    private static final Instrument INFY = Instrument.spot("INFY", "NSE", 0.05, 1);
    private static final long LOCAL = 1_700_000_001_500_000_000L;

    private final KiteTickParser parser = new KiteTickParser();
    private final KiteTickEvents events = new KiteTickEvents(List.of(INFY), new long[] {INFY_TOKEN});
    private final EventBatch out = new EventBatch(64);

    private void feed(byte[] message) {
        parser.parse(ByteBuffer.wrap(message), t -> events.write(t, LOCAL, out));
    }

    @Test
    void fullTickIsASnapshotOfTheTopFiveLevelsAtExchangeTime() {
        feed(KitePackets.message(KitePackets.full(INFY_TOKEN, 150025, 7, 149980, 1000, 1_700_000_000, 1_700_000_001,
                KitePackets.ladder())));
        // First tick: the volume only sets the reference, no trade. 1 begin + 5 bids + 5 asks + 1 end.
        assertThat(out.size()).isEqualTo(12);
        assertThat(out.kind(0)).isEqualTo(EventKind.SNAPSHOT_BEGIN);
        assertThat(out.kind(1)).isEqualTo(EventKind.DEPTH_UPDATE);
        assertThat(out.sideCode(1)).isEqualTo(Side.BUY.code());
        assertThat(out.price(1)).isEqualTo(1500.00);
        assertThat(out.qty(1)).isEqualTo(10);
        assertThat(out.sideCode(6)).isEqualTo(Side.SELL.code());
        assertThat(out.price(6)).isEqualTo(1500.05);
        assertThat(out.qty(6)).isEqualTo(11);
        assertThat(out.kind(11)).isEqualTo(EventKind.SNAPSHOT_END);
        assertThat(EventFlags.has(out.flags(11), EventFlags.END_OF_MESSAGE)).isTrue();
        assertThat(EventFlags.has(out.flags(5), EventFlags.SNAPSHOT)).isTrue();
        assertThat(out.exchTs(0)).isEqualTo(1_700_000_001_000_000_000L);
        assertThat(out.localTs(0)).isEqualTo(LOCAL);
    }

    @Test
    void volumeIncreaseBecomesOneTradeOfTheIncreaseAtTheLastPrice() {
        feed(KitePackets.message(KitePackets.quote(INFY_TOKEN, 150025, 7, 0, 1000, 0, 0, 0, 0, 0, 0)));
        assertThat(out.size()).isZero();
        feed(KitePackets.message(KitePackets.quote(INFY_TOKEN, 150030, 5, 0, 1012, 0, 0, 0, 0, 0, 0)));
        assertThat(out.size()).isEqualTo(1);
        assertThat(out.kind(0)).isEqualTo(EventKind.TRADE);
        assertThat(out.qty(0)).isEqualTo(12); // 1012 - 1000, not the last trade's 5
        assertThat(out.price(0)).isEqualTo(1500.30);
        assertThat(out.sideCode(0)).isEqualTo(Side.NO_SIDE_CODE);
        assertThat(out.exchTs(0)).isEqualTo(LOCAL); // quote mode has no exchange time
        feed(KitePackets.message(KitePackets.quote(INFY_TOKEN, 150030, 5, 0, 1012, 0, 0, 0, 0, 0, 0)));
        assertThat(out.size()).isEqualTo(1); // unchanged volume: no trade
    }

    @Test
    void depthPriceOffTheTickGridIsRefusedBeforeAnyRow() {
        int[][] ladder = KitePackets.ladder();
        ladder[7][1] = 150013; // 1500.13 is not a multiple of 0.05
        assertThatThrownBy(() -> feed(KitePackets.message(KitePackets.full(INFY_TOKEN, 150025, 7, 0, 1000, 1, 1,
                ladder)))).isInstanceOf(MalformedFrameException.class).hasMessageContaining("depth ask[2]")
                .hasMessageContaining("1500.13");
        assertThat(out.size()).isZero();
    }

    @Test
    void unsubscribedTokensAndIndexTicksWriteNothing() {
        feed(KitePackets.message(KitePackets.ltp(999, 100), KitePackets.indexQuote(256265, 1, 1, 1, 1, 1, 0)));
        assertThat(out.size()).isZero();
        assertThat(events.unknownTokens()).isEqualTo(2);
    }
}
