package io.qtrade.backtest.parquet;

import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Type;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DateTimeColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.InstantColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.ShortColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.api.TimeColumn;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ResultParquetWriterTest {

    @TempDir
    Path dir;

    /**
     * One column of every Tablesaw type; row 1 is missing in every column (Tablesaw's missing value of each type),
     * rows 0 and 2 hold values including extremes: negative, pre-epoch, sub-millisecond-free date-times (Tablesaw keeps
     * milliseconds), non-ASCII text, -0.0 and the largest long.
     */
    static Table everyType() {
        ShortColumn s = ShortColumn.create("s", new short[] {-7, 0, Short.MAX_VALUE});
        s.setMissing(1);
        IntColumn i = IntColumn.create("i", -42, 0, Integer.MAX_VALUE);
        i.setMissing(1);
        LongColumn l = LongColumn.create("l", new long[] {1_732_492_800_123_456_789L, 0, Long.MAX_VALUE});
        l.setMissing(1);
        FloatColumn f = FloatColumn.create("f", new float[] {1.5f, 0f, -3.25e-7f});
        f.setMissing(1);
        DoubleColumn d = DoubleColumn.create("d", 100.01, Double.NaN, -0.0);
        BooleanColumn b = BooleanColumn.create("b", true, false, false);
        b.setMissing(1);
        StringColumn t = StringColumn.create("t", "AAA-SYN", "", "Zürich €");
        DateColumn date = DateColumn.create("date", LocalDate.of(2026, 11, 25), null, LocalDate.of(1969, 12, 31));
        TimeColumn time = TimeColumn.create("time", LocalTime.of(9, 30, 0, 123_000_000), null, LocalTime.MIDNIGHT);
        DateTimeColumn dt = DateTimeColumn.create("dt", LocalDateTime.of(2026, 11, 25, 1, 2, 3, 4_000_000), null,
                LocalDateTime.of(1960, 1, 1, 0, 0));
        InstantColumn ins = InstantColumn.create("ins");
        ins.append(Instant.parse("2026-11-25T01:02:03.004Z"));
        ins.appendMissing();
        ins.append(Instant.parse("1969-12-31T23:59:59.999Z"));
        return Table.create("every type", s, i, l, f, d, b, t, date, time, dt, ins);
    }

    @Test
    void schemaMapsEachTablesawTypeToAnOptionalPrimitiveWithItsLogicalType() {
        MessageType schema = ResultParquetWriter.schema(everyType());

        assertThat(schema.getName()).isEqualTo("every_type");
        assertThat(schema.getFields()).allMatch(t -> t.isRepetition(Type.Repetition.OPTIONAL));
        assertField(schema, "s", PrimitiveTypeName.INT32, LogicalTypeAnnotation.intType(16, true));
        assertField(schema, "i", PrimitiveTypeName.INT32, LogicalTypeAnnotation.intType(32, true));
        assertField(schema, "l", PrimitiveTypeName.INT64, LogicalTypeAnnotation.intType(64, true));
        assertField(schema, "f", PrimitiveTypeName.FLOAT, null);
        assertField(schema, "d", PrimitiveTypeName.DOUBLE, null);
        assertField(schema, "b", PrimitiveTypeName.BOOLEAN, null);
        assertField(schema, "t", PrimitiveTypeName.BINARY, LogicalTypeAnnotation.stringType());
        assertField(schema, "date", PrimitiveTypeName.INT32, LogicalTypeAnnotation.dateType());
        assertField(schema, "time", PrimitiveTypeName.INT64, LogicalTypeAnnotation.timeType(false, TimeUnit.MICROS));
        assertField(schema, "dt", PrimitiveTypeName.INT64,
                LogicalTypeAnnotation.timestampType(false, TimeUnit.MICROS));
        assertField(schema, "ins", PrimitiveTypeName.INT64,
                LogicalTypeAnnotation.timestampType(true, TimeUnit.MICROS));
    }

    private static void assertField(MessageType schema, String name, PrimitiveTypeName primitive,
                                    LogicalTypeAnnotation logical) {
        PrimitiveType t = schema.getType(name).asPrimitiveType();
        assertThat(t.getPrimitiveTypeName()).as(name).isEqualTo(primitive);
        assertThat(t.getLogicalTypeAnnotation()).as(name).isEqualTo(logical);
    }

    @Test
    void theFileFooterCarriesTheSchemaAndTheTableName() {
        Path file = new ResultParquetWriter().write(everyType(), dir.resolve("all.parquet"));

        ParquetMetadata footer = ParquetReadBack.footer(file);
        assertThat(footer.getFileMetaData().getSchema()).isEqualTo(ResultParquetWriter.schema(everyType()));
        assertThat(footer.getFileMetaData().getKeyValueMetaData())
                .containsEntry(ResultParquetWriter.META_TABLE_NAME, "every type");
        assertThat(footer.getBlocks()).hasSize(1);
        assertThat(footer.getBlocks().get(0).getRowCount()).isEqualTo(3);
        assertThat(footer.getBlocks().get(0).getColumns().get(0).getCodec()).isEqualTo(CompressionCodecName.SNAPPY);
    }

    @ParameterizedTest
    @EnumSource(value = CompressionCodecName.class, names = {"UNCOMPRESSED", "SNAPPY", "ZSTD"})
    void everyCellOfEveryTypeSurvivesTheRoundTripAndMissingStaysMissing(CompressionCodecName codec) {
        Table table = everyType();
        Path file = new ResultParquetWriter(codec).write(table, dir.resolve("all.parquet"));

        ParquetReadBack.assertSameCells(table, file);
        List<GenericRecord> rows = ParquetReadBack.records(file);
        // Row 1 is missing in every column: 11 nulls. Tablesaw's missing double is NaN and missing string is "".
        for (String c : table.columnNames()) {
            assertThat(rows.get(1).get(c)).as(c).isNull();
        }
        // Hand-computed encodings: 2026-11-25 is day 20,782 since 1970-01-01; 09:30:00.123 is 34,200,123,000 us;
        // 1969-12-31T23:59:59.999Z is -1,000 us; 1960-01-01T00:00 is -315,619,200 s = -315,619,200,000,000 us.
        assertThat(rows.get(0).get("date")).isIn(20_782, LocalDate.of(2026, 11, 25));
        assertThat(ParquetReadBack.normalise(rows.get(0).get("time"))).isEqualTo(34_200_123_000L);
        assertThat(ParquetReadBack.normalise(rows.get(2).get("ins"))).isEqualTo(-1_000L);
        assertThat(ParquetReadBack.normalise(rows.get(2).get("dt"))).isEqualTo(-315_619_200_000_000L);
        assertThat(Double.doubleToRawLongBits((Double) rows.get(2).get("d")))
                .isEqualTo(Double.doubleToRawLongBits(-0.0));
        assertThat(rows.get(2).get("t").toString()).isEqualTo("Zürich €");
    }

    @Test
    void duckDbReadsTheSameTypesNullsAndValues() throws SQLException {
        Path file = new ResultParquetWriter().write(everyType(), dir.resolve("all.parquet"));

        Map<String, String> types = new LinkedHashMap<>();
        try (Connection c = DriverManager.getConnection("jdbc:duckdb:"); Statement st = c.createStatement()) {
            try (ResultSet rs = st.executeQuery("DESCRIBE SELECT * FROM read_parquet('" + file + "')")) {
                while (rs.next()) {
                    types.put(rs.getString("column_name"), rs.getString("column_type"));
                }
            }
            assertThat(types).containsExactly(Map.entry("s", "SMALLINT"), Map.entry("i", "INTEGER"),
                    Map.entry("l", "BIGINT"), Map.entry("f", "FLOAT"), Map.entry("d", "DOUBLE"),
                    Map.entry("b", "BOOLEAN"), Map.entry("t", "VARCHAR"), Map.entry("date", "DATE"),
                    Map.entry("time", "TIME"), Map.entry("dt", "TIMESTAMP"),
                    Map.entry("ins", "TIMESTAMP WITH TIME ZONE"));
            try (ResultSet rs = st.executeQuery("SELECT count(*) FILTER (WHERE s IS NULL AND i IS NULL AND l IS NULL"
                    + " AND f IS NULL AND d IS NULL AND b IS NULL AND t IS NULL AND date IS NULL AND time IS NULL"
                    + " AND dt IS NULL AND ins IS NULL), max(l), sum(i), min(date)::VARCHAR, max(time)::VARCHAR,"
                    + " epoch_us(max(ins)), epoch_us(min(dt)) FROM read_parquet('" + file + "')")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getLong(1)).isEqualTo(1);
                assertThat(rs.getLong(2)).isEqualTo(Long.MAX_VALUE);
                assertThat(rs.getLong(3)).isEqualTo(Integer.MAX_VALUE - 42L);
                assertThat(rs.getString(4)).isEqualTo("1969-12-31");
                assertThat(rs.getString(5)).isEqualTo("09:30:00.123");
                assertThat(rs.getLong(6)).isEqualTo(Instant.parse("2026-11-25T01:02:03.004Z").toEpochMilli() * 1000);
                assertThat(rs.getLong(7)).isEqualTo(-315_619_200_000_000L);
            }
        }
    }

    @Test
    void anEmptyTableIsAValidFileWithTheSchemaAndNoRows() {
        Table empty = everyType().emptyCopy();
        Path file = new ResultParquetWriter().write(empty, dir.resolve("empty.parquet"));

        assertThat(ParquetReadBack.records(file)).isEmpty();
        assertThat(ParquetReadBack.footer(file).getFileMetaData().getSchema())
                .isEqualTo(ResultParquetWriter.schema(everyType()));
    }

    @Test
    void writeAllWritesOneFilePerTableInMapOrderAndLeavesNoTemporaryFile() throws IOException {
        Map<String, Table> tables = new LinkedHashMap<>();
        tables.put("b", Table.create("b", IntColumn.create("x", 1, 2)));
        tables.put("a", Table.create("a", DoubleColumn.create("y", 0.5)));
        Path out = dir.resolve("nested/run-1");

        List<Path> files = new ResultParquetWriter().writeAll(tables, out);

        assertThat(files).containsExactly(out.resolve("b.parquet"), out.resolve("a.parquet"));
        assertThat(listing(out)).containsExactlyInAnyOrder("a.parquet", "b.parquet");
        assertThat(ParquetReadBack.records(files.get(0))).extracting(r -> r.get("x")).containsExactly(1, 2);
    }

    @Test
    void theWrittenFileHasThePermissionsOfAnyNewFileInItsDirectoryNotOwnerOnly() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews()
                .contains("posix"), "POSIX file permissions only");
        Path file = dir.resolve("t.parquet");
        new ResultParquetWriter().write(Table.create("t", LongColumn.create("x", new long[] {1})), file);
        Path plain = Files.createFile(dir.resolve("plain"));
        // The umask decides both; a temp-file-based write would give rw------- whatever the umask.
        assertThat(Files.getPosixFilePermissions(file)).isEqualTo(Files.getPosixFilePermissions(plain));
    }

    @Test
    void rewritingReplacesTheFileWholeAndLeavesNoTemporaryFile() throws IOException {
        Path file = dir.resolve("t.parquet");
        ResultParquetWriter w = new ResultParquetWriter();
        w.write(Table.create("t", LongColumn.create("x", new long[] {1, 2, 3})), file);
        w.write(Table.create("t", LongColumn.create("x", new long[] {7})), file);

        assertThat(ParquetReadBack.records(file)).extracting(r -> r.get("x")).containsExactly(7L);
        assertThat(listing(dir)).containsExactly("t.parquet");
    }

    @Test
    void aWriteThatCannotBePublishedKeepsWhatWasThereDeletesItsTemporaryAndNamesTableAndFile() throws IOException {
        // The target is a non-empty directory: the rename at the end fails after the temporary file was written.
        Path target = dir.resolve("orders.parquet");
        Files.createDirectories(target.resolve("keep"));

        assertThatThrownBy(() -> new ResultParquetWriter().write(everyType(), target))
                .isInstanceOf(UncheckedIOException.class)
                .hasMessageContaining("table 'every type'")
                .hasMessageContaining("3 rows")
                .hasMessageContaining(target.toString());
        assertThat(listing(dir)).containsExactly("orders.parquet");
        assertThat(listing(target)).containsExactly("keep");
    }

    @Test
    void aStringWithoutAUtf8FormIsRejectedNamingTableColumnAndRowAndNothingIsLeft() throws IOException {
        Table t = Table.create("orders", StringColumn.create("reason", "ok", "bad \uD800 half", "ok"));

        assertThatThrownBy(() -> new ResultParquetWriter().write(t, dir.resolve("orders.parquet")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("table 'orders', column 'reason', row 1")
                .hasMessageContaining("unpaired surrogate");
        assertThat(listing(dir)).isEmpty();
    }

    @Test
    void badFileNamesAndCodecsAreRejectedNamingTheValue() {
        Table t = Table.create("t", IntColumn.create("x", 1));
        ResultParquetWriter w = new ResultParquetWriter();
        assertThatThrownBy(() -> w.writeAll(Map.of("../up", t), dir))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'../up'");
        assertThatThrownBy(() -> w.writeAll(Map.of("", t), dir))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("non-empty");
        assertThatThrownBy(() -> new ResultParquetWriter(CompressionCodecName.LZO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("codec = LZO");
        assertThat(w.toString()).contains("codec=SNAPPY");
    }

    private static List<String> listing(Path d) throws IOException {
        List<String> names = new ArrayList<>();
        try (Stream<Path> s = Files.list(d)) {
            s.forEach(p -> names.add(p.getFileName().toString()));
        }
        return names;
    }
}
