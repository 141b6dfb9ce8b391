package io.qtrade.backtest.parquet;

import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileReader;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.metadata.ParquetMetadata;
import org.apache.parquet.io.LocalInputFile;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Reads a Parquet file back with parquet's own readers (parquet-avro's {@link AvroParquetReader} for the records,
 * {@link ParquetFileReader} for the footer), independently of the writer under test, and compares it with the
 * Tablesaw table it came from, cell by cell.
 */
public final class ParquetReadBack {

    private ParquetReadBack() {
    }

    /** Every record of {@code file}, as parquet-avro's generic records. */
    public static List<GenericRecord> records(Path file) {
        List<GenericRecord> out = new ArrayList<>();
        try (ParquetReader<GenericRecord> r = AvroParquetReader.<GenericRecord>builder(new LocalInputFile(file))
                .withConf(new PlainParquetConfiguration()).build()) {
            for (GenericRecord rec = r.read(); rec != null; rec = r.read()) {
                out.add(rec);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /** The footer of {@code file}. */
    public static ParquetMetadata footer(Path file) {
        try (ParquetFileReader r = ParquetFileReader.open(new LocalInputFile(file))) {
            return r.getFooter();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Asserts that {@code file} holds exactly {@code table}: same row count, same field names in order, and in every
     * cell null where Tablesaw has a missing value, else the same value (doubles and floats bit for bit, strings
     * equal, temporals as the writer's integer encoding of the Tablesaw value).
     */
    public static void assertSameCells(Table table, Path file) {
        List<GenericRecord> records = records(file);
        assertThat(records).as("rows of %s", file).hasSize(table.rowCount());
        List<String> names = new ArrayList<>();
        if (!records.isEmpty()) {
            records.get(0).getSchema().getFields().forEach(f -> names.add(f.name()));
            assertThat(names).as("fields of %s", file).isEqualTo(table.columnNames());
        }
        for (int r = 0; r < records.size(); r++) {
            GenericRecord rec = records.get(r);
            for (Column<?> col : table.columns()) {
                Object actual = normalise(rec.get(col.name()));
                String where = file.getFileName() + " row " + r + " column " + col.name();
                if (col.isMissing(r)) {
                    assertThat(actual).as(where).isNull();
                } else {
                    assertThat(actual).as(where).isEqualTo(expected(col, r));
                }
            }
        }
    }

    /** The value parquet-avro gives for a non-missing Tablesaw cell, per the writer's mapping. */
    static Object expected(Column<?> col, int row) {
        ColumnType t = col.type();
        Object v = col.get(row);
        if (t == ColumnType.SHORT) {
            return ((Short) v).intValue();
        } else if (t == ColumnType.LOCAL_DATE) {
            return Math.toIntExact(((LocalDate) v).toEpochDay());
        } else if (t == ColumnType.LOCAL_TIME) {
            return ((LocalTime) v).toNanoOfDay() / 1_000L;
        } else if (t == ColumnType.LOCAL_DATE_TIME) {
            Instant i = ((LocalDateTime) v).toInstant(ZoneOffset.UTC);
            return i.getEpochSecond() * 1_000_000L + i.getNano() / 1_000L;
        } else if (t == ColumnType.INSTANT) {
            Instant i = (Instant) v;
            return i.getEpochSecond() * 1_000_000L + i.getNano() / 1_000L;
        }
        return v;
    }

    /** Avro's representations brought to plain Java values: Utf8 to String, date to epoch days, temporals to micros. */
    static Object normalise(Object v) {
        if (v instanceof CharSequence s) {
            return s.toString();
        } else if (v instanceof LocalDate d) {
            return Math.toIntExact(d.toEpochDay());
        } else if (v instanceof LocalTime t) {
            return t.toNanoOfDay() / 1_000L;
        } else if (v instanceof LocalDateTime t) {
            Instant i = t.toInstant(ZoneOffset.UTC);
            return i.getEpochSecond() * 1_000_000L + i.getNano() / 1_000L;
        } else if (v instanceof Instant i) {
            return i.getEpochSecond() * 1_000_000L + i.getNano() / 1_000L;
        }
        return v;
    }
}
