package io.qtrade.backtest.parquet;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AfterProperty;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;

/**
 * Any table of the result tables' column types (long, int, double, string), with any values, including extremes,
 * infinities, signed zeros and missing cells anywhere, reads back from its Parquet file cell for cell.
 */
class ResultParquetRoundTripProperties {

    private final Path dir;

    ResultParquetRoundTripProperties() throws IOException {
        this.dir = Files.createTempDirectory("qtrade-parquet-props");
    }

    @AfterProperty
    void deleteFiles() throws IOException {
        try (Stream<Path> s = Files.walk(dir)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }

    /** One row: a long, an int, a double and a string, each possibly missing. */
    record Row(Long l, Integer i, double d, String s) {
    }

    @Provide
    Arbitrary<List<Row>> rows() {
        Arbitrary<Long> longs = Arbitraries.longs().between(Long.MIN_VALUE + 1, Long.MAX_VALUE).injectNull(0.1);
        Arbitrary<Integer> ints = Arbitraries.integers().between(Integer.MIN_VALUE + 1, Integer.MAX_VALUE)
                .injectNull(0.1);
        Arbitrary<Double> doubles = Arbitraries.oneOf(Arbitraries.doubles(),
                Arbitraries.of(Double.NaN, 0.0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                        Double.MIN_VALUE, Double.MAX_VALUE));
        // Any well-formed text: the basic multilingual plane without surrogates, plus emoji (surrogate pairs).
        Arbitrary<String> strings = Arbitraries.oneOf(
                Arbitraries.strings().withCharRange('\u0000', '\uD7FF').withCharRange('\uE000', '\uFFFF')
                        .ofMaxLength(12),
                Arbitraries.of("", "\uD83D\uDE80 to the moon", "\u20AC", "a"));
        return Combinators.combine(longs, ints, doubles, strings).as(Row::new).list().ofMaxSize(300);
    }

    @Property(tries = 60)
    void everyCellRoundTripsAndEveryMissingCellIsNull(@ForAll("rows") List<Row> rows) {
        LongColumn l = LongColumn.create("l");
        IntColumn i = IntColumn.create("i");
        DoubleColumn d = DoubleColumn.create("d");
        StringColumn s = StringColumn.create("s");
        for (Row r : rows) {
            if (r.l() == null) {
                l.appendMissing();
            } else {
                l.append(r.l());
            }
            if (r.i() == null) {
                i.appendMissing();
            } else {
                i.append(r.i());
            }
            d.append(r.d());
            s.append(r.s());
        }
        Table table = Table.create("random", l, i, d, s);

        Path file = new ResultParquetWriter().write(table, dir.resolve("random.parquet"));

        ParquetReadBack.assertSameCells(table, file);
    }
}
