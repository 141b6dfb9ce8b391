package io.qtrade.features.trades;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.book.OrderBook;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventCursor;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TradeSignTest {

    /**
     * Tick rule with zero-tick continuation (Lee and Ready 1991):
     * 10.00 (no prior: 0), 10.00 (zero tick, no prior change: 0), 10.10 (uptick +1), 10.10 (zero-uptick +1),
     * 10.05 (downtick -1), 10.05 (zero-downtick -1), 10.20 (uptick +1).
     */
    @Test
    void tickRuleCarriesTheLastNonZeroTick() {
        double[] prices = {10.00, 10.00, 10.10, 10.10, 10.05, 10.05, 10.20};
        assertThat(TickRule.classify(prices, new int[7])).containsExactly(0, 0, 1, 1, -1, -1, 1);
        TickRule streaming = new TickRule();
        int[] out = new int[7];
        for (int i = 0; i < 7; i++) {
            out[i] = streaming.classify(prices[i]);
        }
        assertThat(out).containsExactly(0, 0, 1, 1, -1, -1, 1);
    }

    /**
     * Lee-Ready against bid 10.00 / ask 10.10 (mid 10.05), then bid 10.00 / ask 10.06 (mid 10.03):
     * 10.08 > mid: +1 (quote); 10.02 < mid: -1 (quote); 10.05 at mid: tick rule, up from 10.02: +1;
     * 10.05 at mid again: zero-uptick +1; 10.03 at the new mid: down from 10.05: -1.
     */
    @Test
    void leeReadyUsesTheQuoteTestAndTheTickRuleAtTheMid() {
        double[] prices = {10.08, 10.02, 10.05, 10.05, 10.03};
        double[] bids = {10.00, 10.00, 10.00, 10.00, 10.00};
        double[] asks = {10.10, 10.10, 10.10, 10.10, 10.06};
        assertThat(LeeReady.classify(prices, bids, asks, new int[5])).containsExactly(1, -1, 1, 1, -1);
        Table trades = Table.create("trades", DoubleColumn.create("price", prices), DoubleColumn.create("bid", bids),
                DoubleColumn.create("ask", asks));
        assertThat(LeeReady.classify(trades, "price", "bid", "ask").asIntArray()).containsExactly(1, -1, 1, 1, -1);
        LeeReady rule = new LeeReady();
        for (int i = 0; i < 5; i++) {
            rule.classify(prices[i], bids[i], asks[i]);
        }
        assertThat(rule.quoteClassified()).isEqualTo(2);
        assertThat(rule.tickClassified()).isEqualTo(3);
        // Without quotes Lee-Ready is the tick rule.
        assertThat(new LeeReady().classify(10.0, Double.NaN, Double.NaN)).isZero();
    }

    @Test
    void theVenueFlagWinsAndUnflaggedTradesFallBackToLeeReady() {
        Instrument instrument = Instrument.spot("S", "SYN", 0.01, 1);
        OrderBook book = new OrderBook(instrument);
        book.update(Side.BUY, 1000, 5);
        book.update(Side.SELL, 1010, 5);
        EventBatch batch = new EventBatch(4);
        batch.addTrade(0, 1, 1, Side.SELL, 10.09, 1); // above the mid, but the venue says a seller hit
        batch.add(0, 2, 2, io.qtrade.core.market.EventKind.TRADE, Side.NO_SIDE_CODE, 10.09, 1, 0L);
        batch.addDepth(0, 3, 3, Side.BUY, 10.00, 1);
        EventCursor cursor = new EventCursor().reset(batch);
        TradeSignClassifier signs = new TradeSignClassifier();
        cursor.next();
        assertThat(signs.classify(cursor, book)).isEqualTo(-1);
        cursor.next();
        assertThat(signs.classify(cursor, book)).isEqualTo(1);
        assertThat(signs.flagged()).isEqualTo(1);
        assertThat(signs.inferred()).isEqualTo(1);
        cursor.next();
        assertThatThrownBy(() -> signs.classify(cursor, book)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("expected a TRADE event, was DEPTH_UPDATE");
        assertThatThrownBy(() -> signs.classify(10.0, (byte) 2, 10.0, 10.1))
                .hasMessageContaining("aggressor code 2");
    }

    /**
     * Signed volume of buys 3 and 2, a sell of 4 and an unclassified 7: V_buy 5, V_sell 4, net 1, ratio 1/9; the
     * unclassified 7 stays apart.
     */
    @Test
    void signedVolumeKeepsUnclassifiedTradesApart() {
        SignedVolume v = new SignedVolume();
        assertThat(v.update(1, 3)).isEqualTo(3);
        v.update(1, 2);
        assertThat(v.update(-1, 4)).isEqualTo(-4);
        v.update(0, 7);
        assertThat(v.buyVolume()).isEqualTo(5);
        assertThat(v.sellVolume()).isEqualTo(4);
        assertThat(v.unsignedVolume()).isEqualTo(7);
        assertThat(v.ratio()).isEqualTo(1.0 / 9);
        assertThat(v.closeWindow()).isEqualTo(1);
        assertThat(v.ratio()).isNaN();
        assertThat(SignedVolume.signedVolumes(new int[]{1, -1, 0}, new double[]{3, 4, 7}, new double[3]))
                .containsExactly(3, -4, 0);
        assertThatThrownBy(() -> SignedVolume.signedVolumes(new int[]{1, 2}, new double[]{1, 1}, new double[2]))
                .hasMessageContaining("trade 1").hasMessageContaining("sign must be -1, 0 or 1, was 2");
    }
}
