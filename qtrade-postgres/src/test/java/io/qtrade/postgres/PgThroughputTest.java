package io.qtrade.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import io.qtrade.core.bar.BarBatch;
import io.qtrade.core.bar.BarInterval;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledIfSystemProperty;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Throughput harness for docs/benchmarks.md, off by default: run with {@code -Dqtrade.postgres.throughput=true}
 * (optionally {@code -Dqtrade.postgres.rows=N}, bars in total, default 600,000; {@code -Dqtrade.postgres.reps=R},
 * default 4, the first a warm-up). Each repetition empties {@code qtrade_bars}, writes the same bars by COPY and by
 * JDBC batch inserts (10,000 rows per write, auto-commit), and reads them back by COPY and by JDBC (fetch size
 * 10,000), every read checked row for row; it prints rows/s per path and the medians of repetitions 2..R.
 */
@EnabledIfSystemProperty(named = "qtrade.postgres.throughput", matches = "true",
        disabledReason = "throughput harness: run with -Dqtrade.postgres.throughput=true (docs/benchmarks.md)")
@ExtendWith(PgClusterExtension.class)
class PgThroughputTest {

    @Test
    void copyAgainstJdbcBatchInsertAndRead(PgCluster cluster) throws Exception {
        int rows = Integer.getInteger("qtrade.postgres.rows", 600_000);
        int reps = Integer.getInteger("qtrade.postgres.reps", 4);
        int perInstrument = rows / PgBarRoundTripTest.INSTRUMENTS.size();
        BarBatch bars = PgBarRoundTripTest.bars(perInstrument, 1_700_000_000_000_000_000L, 60_000_000_000L, 7);
        PgSettings settings = cluster.freshDatabase("throughput");
        List<double[]> figures = new ArrayList<>();   // copyWrite, jdbcWrite, copyRead, jdbcRead
        try (Connection c = settings.connect()) {
            for (int rep = 0; rep < reps; rep++) {
                double[] f = new double[4];
                int k = 0;
                for (WriteMode mode : WriteMode.values()) {
                    PgSchema.ensureBars(c);
                    PgSchema.execute(c, "emptying", "TRUNCATE qtrade_bars");
                    PgBarSink sink = new PgBarSink(c, BarInterval.ONE_MINUTE, PgBarRoundTripTest.INSTRUMENTS, mode);
                    BarBatch chunk = new BarBatch(10_000);
                    long t0 = System.nanoTime();
                    for (int from = 0; from < bars.size(); from += 10_000) {
                        chunk.clear();
                        chunk.addRange(bars, from, Math.min(10_000, bars.size() - from));
                        sink.write(chunk);
                    }
                    f[k++] = bars.size() * 1e9 / (System.nanoTime() - t0);
                }
                PgSchema.execute(c, "analyzing", "VACUUM ANALYZE qtrade_bars");
                for (ReadMode mode : ReadMode.values()) {
                    BarBatch all = new BarBatch(bars.size());
                    BarBatch batch = new BarBatch(4_096);
                    long t0 = System.nanoTime();
                    try (PgBarSource source = PgBarSource.open(c, BarInterval.ONE_MINUTE,
                            PgBarRoundTripTest.INSTRUMENTS, Long.MIN_VALUE, Long.MAX_VALUE, mode)) {
                        while (source.readBatch(batch)) {
                            all.addRange(batch, 0, batch.size());
                        }
                    }
                    f[k++] = bars.size() * 1e9 / (System.nanoTime() - t0);
                    PgBarRoundTripTest.assertSameRows(all, bars);
                }
                figures.add(f);
                System.out.printf(Locale.ROOT, "rep %d: write COPY %,.0f rows/s, JDBC batch %,.0f rows/s; "
                        + "read COPY %,.0f rows/s, JDBC %,.0f rows/s%n", rep + 1, f[0], f[1], f[2], f[3]);
            }
        }
        double[] median = new double[4];
        for (int k = 0; k < 4; k++) {
            double[] v = new double[reps - 1];
            for (int rep = 1; rep < reps; rep++) {
                v[rep - 1] = figures.get(rep)[k];
            }
            Arrays.sort(v);
            median[k] = v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
        }
        System.out.printf(Locale.ROOT, "median of reps 2-%d, %,d bars: write COPY %,.0f rows/s, JDBC batch %,.0f "
                + "rows/s (COPY/JDBC %.2f); read COPY %,.0f rows/s, JDBC %,.0f rows/s (COPY/JDBC %.2f)%n", reps,
                bars.size(), median[0], median[1], median[0] / median[1], median[2], median[3],
                median[2] / median[3]);
        assertThat(median[0]).isPositive();
    }
}
