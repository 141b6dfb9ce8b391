package io.qtrade.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qtrade.core.Instrument;
import io.qtrade.core.bar.BarBatch;
import io.qtrade.core.bar.BarInterval;
import io.qtrade.core.bar.InMemoryBarSource;
import java.sql.Connection;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Bars written by COPY and by JDBC batches read back row for row, bit for bit, by COPY and by JDBC. */
@ExtendWith(PgClusterExtension.class)
class PgBarRoundTripTest {

    static final List<Instrument> INSTRUMENTS = List.of(
            Instrument.spot("AAA", "SYN", 0.01, 1),
            Instrument.spot("B'B\tB\\Zürich", "SYN", 0.5, 0.001),   // quote, tab, backslash, non-ASCII
            new Instrument("ES", "CME", 0.25, 1, 50));

    PgSettings settings;

    @BeforeEach
    void database(PgCluster cluster) {
        settings = cluster.freshDatabase("bars");   // each test its own empty database
    }

    /** {@code n} bars per instrument at {@code step}-ns intervals from {@code t0}, ordered by end time then index. */
    static BarBatch bars(int n, long t0, long step, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        BarBatch b = new BarBatch(n * INSTRUMENTS.size());
        for (int k = 0; k < n; k++) {
            long start = t0 + k * step;
            for (int i = 0; i < INSTRUMENTS.size(); i++) {
                double low = 10 + rnd.nextDouble() * 1000;
                double high = low + rnd.nextDouble() * 5;
                double open = low + (high - low) * rnd.nextDouble();
                double close = low + (high - low) * rnd.nextDouble();
                double vwap = rnd.nextInt(4) == 0 ? BarBatch.NO_VWAP : low + (high - low) * rnd.nextDouble();
                long trades = rnd.nextInt(4) == 0 ? BarBatch.NO_TRADE_COUNT : rnd.nextLong(1_000_000);
                double volume = k == 0 ? 0.0 : rnd.nextDouble() * 1e6;
                b.add(i, start, start + step, open, high, low, close, volume, vwap, trades);
            }
        }
        return b;
    }

    static void assertSameRows(BarBatch actual, BarBatch expected) {
        assertThat(actual.size()).isEqualTo(expected.size());
        for (int r = 0; r < expected.size(); r++) {
            assertThat(actual.instrument(r)).as("instrument of row %d", r).isEqualTo(expected.instrument(r));
            assertThat(actual.startTs(r)).as("startTs of row %d", r).isEqualTo(expected.startTs(r));
            assertThat(actual.endTs(r)).as("endTs of row %d", r).isEqualTo(expected.endTs(r));
            assertThat(bits(actual.open(r))).as("open of row %d", r).isEqualTo(bits(expected.open(r)));
            assertThat(bits(actual.high(r))).as("high of row %d", r).isEqualTo(bits(expected.high(r)));
            assertThat(bits(actual.low(r))).as("low of row %d", r).isEqualTo(bits(expected.low(r)));
            assertThat(bits(actual.close(r))).as("close of row %d", r).isEqualTo(bits(expected.close(r)));
            assertThat(bits(actual.volume(r))).as("volume of row %d", r).isEqualTo(bits(expected.volume(r)));
            assertThat(bits(actual.vwap(r))).as("vwap of row %d", r).isEqualTo(bits(expected.vwap(r)));
            assertThat(actual.tradeCount(r)).as("tradeCount of row %d", r).isEqualTo(expected.tradeCount(r));
        }
    }

    private static long bits(double d) {
        return Double.doubleToRawLongBits(d);
    }

    /** Every row of the source, through a small batch so several reads are exercised. */
    static BarBatch readAll(PgBarSource source, int capacity) {
        BarBatch all = new BarBatch(capacity);
        BarBatch batch = new BarBatch(97);
        while (source.readBatch(batch)) {
            all.addRange(batch, 0, batch.size());
        }
        return all;
    }

    @Test
    void copyWrittenMinuteBarsReadBackRowForRowByCopyAndByJdbc() {
        BarBatch bars = bars(2_000, 1_700_000_000_000_000_000L, 60_000_000_000L, 1);
        try (Connection c = settings.connect()) {
            PgBarSink sink = new PgBarSink(c, BarInterval.ONE_MINUTE, INSTRUMENTS, WriteMode.COPY);
            BarBatch chunk = new BarBatch(1_000);
            for (int from = 0; from < bars.size(); from += 1_000) {
                chunk.clear();
                chunk.addRange(bars, from, Math.min(1_000, bars.size() - from));
                sink.write(chunk);
            }
            assertThat(sink.written()).isEqualTo(6_000);
            for (ReadMode mode : ReadMode.values()) {
                try (PgBarSource source = PgBarSource.open(c, BarInterval.ONE_MINUTE, INSTRUMENTS, Long.MIN_VALUE,
                        Long.MAX_VALUE, mode)) {
                    assertThat(source.instruments()).isEqualTo(INSTRUMENTS);
                    assertSameRows(readAll(source, bars.size()), bars);
                }
            }
            assertThat(c.getAutoCommit()).isTrue();
        } catch (java.sql.SQLException e) {
            throw new AssertionError(e);
        }
    }

    @Test
    void jdbcBatchWrittenDailyBarsReadBackAndAreKeptApartFromOtherIntervals() throws Exception {
        BarBatch bars = bars(300, 1_600_000_000_000_000_000L, 86_400_000_000_000L, 2);
        try (Connection c = settings.connect()) {
            PgBarSink sink = new PgBarSink(c, BarInterval.ONE_DAY, INSTRUMENTS, WriteMode.JDBC_BATCH);
            assertThat(sink.writeAll(new InMemoryBarSource(INSTRUMENTS, bars), 128)).isEqualTo(900);
            try (PgBarSource source = PgBarSource.open(c, BarInterval.ONE_DAY, INSTRUMENTS, Long.MIN_VALUE,
                    Long.MAX_VALUE, ReadMode.COPY)) {
                assertSameRows(readAll(source, bars.size()), bars);
            }
        }
    }

    @Test
    void aRangeAndAReorderedSubsetOfInstrumentsSelectAndReindexTheRows() throws Exception {
        long t0 = 1_500_000_000_000_000_000L;
        long step = 3_600_000_000_000L;
        BarBatch bars = bars(100, t0, step, 3);
        try (Connection c = settings.connect()) {
            new PgBarSink(c, BarInterval.ONE_HOUR, INSTRUMENTS).write(bars);
            // ES (index 2 when written) first, AAA second; B'B... left out; end times in [t0 + 11 step, t0 + 21 step).
            List<Instrument> wanted = List.of(INSTRUMENTS.get(2), INSTRUMENTS.get(0));
            BarBatch expected = new BarBatch(bars.size());
            for (int r = 0; r < bars.size(); r++) {
                long end = bars.endTs(r);
                int i = bars.instrument(r);
                if (end >= t0 + 11 * step && end < t0 + 21 * step && i != 1) {
                    expected.add(i == 2 ? 0 : 1, bars.startTs(r), end, bars.open(r), bars.high(r), bars.low(r),
                            bars.close(r), bars.volume(r), bars.vwap(r), bars.tradeCount(r));
                }
            }
            // The expected rows are by end time then the NEW index: swap each adjacent pair written in old order.
            BarBatch ordered = new BarBatch(expected.size());
            for (int r = 0; r < expected.size(); r += 2) {
                ordered.addFrom(expected, r + 1);
                ordered.addFrom(expected, r);
            }
            for (ReadMode mode : ReadMode.values()) {
                try (PgBarSource source = PgBarSource.open(c, BarInterval.ONE_HOUR, wanted, t0 + 11 * step,
                        t0 + 21 * step, mode)) {
                    BarBatch got = readAll(source, bars.size());
                    assertThat(got.size()).isEqualTo(20);
                    assertSameRows(got, ordered);
                }
            }
            assertThat(PgBarSource.instruments(c, "SYN")).containsExactly(INSTRUMENTS.get(0), INSTRUMENTS.get(1));
        }
    }

    @Test
    void aBarStoredTwiceFailsNamingTheTableAndKey() throws Exception {
        BarBatch bars = bars(5, 1_400_000_000_000_000_000L, 300_000_000_000L, 4);
        try (Connection c = settings.connect()) {
            PgBarSink sink = new PgBarSink(c, BarInterval.parse("5m"), INSTRUMENTS);
            sink.write(bars);
            assertThatThrownBy(() -> sink.write(bars)).isInstanceOf(PgException.class)
                    .hasMessageContaining("qtrade_bars").hasMessageContaining("duplicate key")
                    .satisfies(e -> assertThat(((PgException) e).sqlState()).isEqualTo("23505"));
        }
    }

    @Test
    void anInstrumentStoredWithAnotherTickSizeIsRefused() throws Exception {
        try (Connection c = settings.connect()) {
            new PgBarSink(c, BarInterval.ONE_MINUTE, List.of(Instrument.spot("CCC", "SYN", 0.01, 1)));
            assertThatThrownBy(() -> new PgBarSink(c, BarInterval.ONE_MINUTE,
                    List.of(Instrument.spot("CCC", "SYN", 0.05, 1))))
                    .isInstanceOf(PgException.class).hasMessageContaining("SYN:CCC").hasMessageContaining("0.05");
        }
    }
}
