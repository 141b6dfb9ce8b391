package io.qtrade.features.bars;

import io.qtrade.core.Side;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventCursor;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.LongRange;
import org.junit.jupiter.api.Test;
import org.ta4j.core.BarSeries;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.SplittableRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class BarAggregatorTest {

    private static final long S = 1_000_000_000L;
    // Trades (ts, price, qty): 0.1 s 10 x 1, 0.5 s 11 x 2, 1.2 s 9 x 1, 1.7 s 12 x 3, 3.3 s 10 x 1
    private static final long[] TS = {S / 10, S / 2, 12 * S / 10, 17 * S / 10, 33 * S / 10};
    private static final double[] PRICE = {10, 11, 9, 12, 10};
    private static final double[] QTY = {1, 2, 1, 3, 1};

    /**
     * 1-second bars: [0,1) o10 h11 l10 c11 v3 $32 (10 + 22) n2; [1,2) o9 h12 l9 c12 v4 $45 (9 + 36) n2;
     * [2,3) has no trade and no bar; [3,4) o=h=l=c=10 v1 $10 n1 (flushed).
     */
    @Test
    void timeBarsByHand() {
        OhlcvBars bars = BarAggregator.aggregate(BarSpec.time(Duration.ofSeconds(1)), 1.0, TS, PRICE, QTY);
        assertThat(bars.size()).isEqualTo(3);
        assertBar(bars, 0, 0, S, 10, 11, 10, 11, 3, 32, 2);
        assertBar(bars, 1, S, 2 * S, 9, 12, 9, 12, 4, 45, 2);
        assertBar(bars, 2, 3 * S, 4 * S, 10, 10, 10, 10, 1, 10, 1);
        assertThat(bars.vwap(0)).isCloseTo(32.0 / 3, within(1e-12));
    }

    /**
     * Tick bars of 2: [t0, t1], [t2, t3], [t4]. Volume bars of 3: t0 + t1 = 3 closes; t2 + t3 = 4 closes; t4.
     * Dollar bars of 40: $10 + $22 = 32, + $9 = 41 closes (t0..t2); $36 + $10 = 46 closes (t3, t4).
     */
    @Test
    void tickVolumeAndDollarBarsByHand() {
        OhlcvBars ticks = BarAggregator.aggregate(BarSpec.ticks(2), 1.0, TS, PRICE, QTY);
        assertThat(ticks.size()).isEqualTo(3);
        assertBar(ticks, 0, TS[0], TS[1], 10, 11, 10, 11, 3, 32, 2);
        assertBar(ticks, 2, TS[4], TS[4], 10, 10, 10, 10, 1, 10, 1);
        OhlcvBars volume = BarAggregator.aggregate(BarSpec.volume(3), 1.0, TS, PRICE, QTY);
        assertThat(volume.size()).isEqualTo(3);
        assertBar(volume, 1, TS[2], TS[3], 9, 12, 9, 12, 4, 45, 2);
        OhlcvBars dollar = BarAggregator.aggregate(BarSpec.dollar(40), 1.0, TS, PRICE, QTY);
        assertThat(dollar.size()).isEqualTo(2);
        assertBar(dollar, 0, TS[0], TS[2], 10, 11, 9, 9, 4, 41, 3);
        assertBar(dollar, 1, TS[3], TS[4], 12, 12, 10, 10, 4, 46, 2);
        // A contract multiplier of 10 turns $41 into $410: one bar of 40 * 10 = 400 closes at t2 again.
        OhlcvBars futures = BarAggregator.aggregate(BarSpec.dollar(400), 10.0, TS, PRICE, QTY);
        assertThat(futures.dollarVolume(0)).isEqualTo(410);
        assertThat(futures.vwap(0)).isCloseTo(41.0 / 4, within(1e-12));
    }

    /** The ta4j series carries the bars, and ta4j's SMA(2) of the close at bar 1 is (11 + 12) / 2 = 11.5. */
    @Test
    void ta4jSeriesRunsTa4jIndicators() {
        OhlcvBars bars = BarAggregator.aggregate(BarSpec.time(Duration.ofSeconds(1)), 1.0, TS, PRICE, QTY);
        BarSeries series = bars.toBarSeries("AAA", ZoneOffset.UTC);
        assertThat(series.getBarCount()).isEqualTo(3);
        assertThat(series.getBar(0).getEndTime().toInstant()).isEqualTo(Instant.ofEpochSecond(1));
        assertThat(series.getBar(0).getTimePeriod()).isEqualTo(Duration.ofSeconds(1));
        assertThat(series.getBar(0).getAmount().doubleValue()).isEqualTo(32.0);
        assertThat(series.getBar(1).getTrades()).isEqualTo(2);
        SMAIndicator sma = new SMAIndicator(new ClosePriceIndicator(series), 2);
        assertThat(sma.getValue(1).doubleValue()).isCloseTo(11.5, within(1e-12));
        Table table = bars.toTable("bars");
        assertThat(table.rowCount()).isEqualTo(3);
        assertThat(table.longColumn("end_ts").get(1)).isEqualTo(2 * S);
        assertThat(table.doubleColumn("vwap").get(1)).isCloseTo(45.0 / 4, within(1e-12));
        assertThat(table.intColumn("trades").get(2)).isEqualTo(1);
    }

    @Test
    void ta4jRefusesBarsEndingAtTheSameNanosecondAndSaysWhich() {
        OhlcvBars bars = BarAggregator.aggregate(BarSpec.ticks(1), 1.0, new long[]{5, 5}, new double[]{1, 2},
                new double[]{1, 1});
        assertThatThrownBy(() -> bars.toBarSeries("X", ZoneOffset.UTC)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bars 0 and 1 of X end at 5 and 5 ns");
    }

    @Test
    void badTradesAndSpecsAreNamed() {
        assertThatThrownBy(() -> BarAggregator.aggregate(BarSpec.ticks(2), 1.0, new long[]{1, 0},
                new double[]{1, 1}, new double[]{1, 1})).hasMessageContaining("trade 1")
                .hasMessageContaining("precedes the previous trade at 1");
        assertThatThrownBy(() -> BarSpec.volume(0)).hasMessageContaining("VOLUME bar threshold must be finite and > 0");
        assertThatThrownBy(() -> new BarSpec(BarSpec.BarType.TICK, 2.5)).hasMessageContaining("whole number");
        Table t = Table.create("trades", DoubleColumn.create("ts", 1.0), DoubleColumn.create("p", 1.0),
                DoubleColumn.create("q", 1.0));
        assertThatThrownBy(() -> BarAggregator.aggregate(BarSpec.ticks(1), 1, t, "ts", "p", "q"))
                .hasMessageContaining("column 'ts' of table trades must be a LONG column");
    }

    /**
     * Streaming over events (trades among depth rows, via the cursor) gives the batch bars, and volume bars
     * partition the trades: total volume and count are kept, every closed bar reaches the threshold, and no bar
     * reaches it before its last trade.
     */
    @Property(tries = 40)
    void streamingEqualsBatchAndVolumeBarsPartitionTheTrades(
            @ForAll @LongRange(min = 1, max = 1_000_000) long seed,
            @ForAll @DoubleRange(min = 1, max = 200) double threshold) {
        SplittableRandom random = new SplittableRandom(seed);
        int n = 1000;
        long[] ts = new long[n];
        double[] price = new double[n];
        double[] qty = new double[n];
        EventBatch events = new EventBatch(2 * n);
        long t = 0;
        double p = 100;
        for (int i = 0; i < n; i++) {
            t += random.nextInt(1000);
            p += 0.01 * (random.nextInt(3) - 1);
            ts[i] = t;
            price[i] = p;
            qty[i] = 1 + random.nextInt(20);
            events.addDepth(0, t, t, Side.BUY, p - 0.01, 5);
            events.addTrade(0, t, t, random.nextBoolean() ? Side.BUY : Side.SELL, p, qty[i]);
        }
        BarSpec spec = BarSpec.volume(threshold);
        OhlcvBars batch = BarAggregator.aggregate(spec, 1.0, ts, price, qty);
        OhlcvBars streamed = new OhlcvBars(4, 1.0);
        BarAggregator aggregator = new BarAggregator(spec, 1.0, streamed);
        EventCursor cursor = new EventCursor().reset(events);
        while (cursor.next()) {
            aggregator.onEvent(cursor);
        }
        aggregator.flush();
        assertThat(streamed.toTable("s").toString()).isEqualTo(batch.toTable("s").toString());
        double volume = 0;
        int trades = 0;
        int first = 0;
        for (int b = 0; b < batch.size(); b++) {
            volume += batch.volume(b);
            trades += batch.trades(b);
            int last = first + batch.trades(b) - 1;
            if (b < batch.size() - 1) {
                assertThat(batch.volume(b)).isGreaterThanOrEqualTo(threshold);
                assertThat(batch.volume(b) - qty[last]).isLessThan(threshold);
            }
            assertThat(batch.startTs(b)).isEqualTo(ts[first]);
            assertThat(batch.endTs(b)).isEqualTo(ts[last]);
            first = last + 1;
        }
        double total = 0;
        for (double q : qty) {
            total += q;
        }
        assertThat(volume).isEqualTo(total);
        assertThat(trades).isEqualTo(n);
        // The Tablesaw form gives the same bars.
        Table table = Table.create("trades", LongColumn.create("ts", ts), DoubleColumn.create("price", price),
                DoubleColumn.create("qty", qty));
        OhlcvBars fromTable = BarAggregator.aggregate(spec, 1.0, table, "ts", "price", "qty");
        assertThat(fromTable.toTable("s").toString()).isEqualTo(batch.toTable("s").toString());
    }

    private static void assertBar(OhlcvBars bars, int i, long start, long end, double o, double h, double l,
                                  double c, double v, double dollars, int n) {
        assertThat(bars.startTs(i)).as("start").isEqualTo(start);
        assertThat(bars.endTs(i)).as("end").isEqualTo(end);
        assertThat(new double[]{bars.open(i), bars.high(i), bars.low(i), bars.close(i), bars.volume(i),
                bars.dollarVolume(i)}).containsExactly(o, h, l, c, v, dollars);
        assertThat(bars.trades(i)).isEqualTo(n);
    }
}
