package io.qtrade.backtest.parquet;

import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.Binary;
import org.apache.parquet.io.api.RecordConsumer;
import org.apache.parquet.schema.MessageType;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.ColumnType;
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
import tech.tablesaw.columns.Column;

import java.nio.CharBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CharsetEncoder;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

/**
 * Sends one row of a Tablesaw table to parquet's record consumer: each non-missing cell as its field's primitive (see
 * {@link ResultParquetWriter} for the mapping), a missing cell as an absent optional field. The record is a
 * {@link RowPointer} the caller moves along the rows, so no object is made per row.
 */
final class TableWriteSupport extends WriteSupport<TableWriteSupport.RowPointer> {

    /** The row to write next; reused for every row. */
    static final class RowPointer {
        int row;
    }

    private final MessageType schema;
    private final Map<String, String> meta;
    private final Column<?>[] columns;
    private final CellWriter[] cells;
    private RecordConsumer out;

    TableWriteSupport(Table table, MessageType schema, Map<String, String> meta) {
        this.schema = schema;
        this.meta = meta;
        List<Column<?>> cols = table.columns();
        this.columns = cols.toArray(new Column<?>[0]);
        this.cells = new CellWriter[columns.length];
        for (int c = 0; c < columns.length; c++) {
            cells[c] = cellWriter(table.name(), columns[c]);
        }
    }

    // Abstract in parquet 1.15 although deprecated; the ParquetConfiguration overload is the one used.
    @Override
    @SuppressWarnings("deprecation")
    public WriteContext init(Configuration configuration) {
        return new WriteContext(schema, meta);
    }

    @Override
    public WriteContext init(ParquetConfiguration configuration) {
        return new WriteContext(schema, meta);
    }

    @Override
    public void prepareForWrite(RecordConsumer recordConsumer) {
        this.out = recordConsumer;
    }

    @Override
    public void write(RowPointer pointer) {
        int row = pointer.row;
        out.startMessage();
        for (int c = 0; c < columns.length; c++) {
            if (columns[c].isMissing(row)) {
                continue;
            }
            String name = columns[c].name();
            out.startField(name, c);
            cells[c].write(out, row);
            out.endField(name, c);
        }
        out.endMessage();
    }

    /** Writes one non-missing cell's value. */
    @FunctionalInterface
    private interface CellWriter {
        void write(RecordConsumer out, int row);
    }

    /**
     * The UTF-8 bytes of a string cell; a string that is not valid UTF-16 (an unpaired surrogate) has no UTF-8 form
     * and is rejected rather than written with a replacement character.
     */
    private static Binary utf8(CharsetEncoder encoder, String tableName, StringColumn col, int row) {
        String s = col.get(row);
        try {
            return Binary.fromConstantByteBuffer(encoder.encode(CharBuffer.wrap(s)));
        } catch (CharacterCodingException e) {
            throw new IllegalArgumentException("table '" + tableName + "', column '" + col.name() + "', row " + row
                    + ": the string is not valid UTF-16 (an unpaired surrogate), so it has no UTF-8 form for a "
                    + "Parquet STRING; expected well-formed text", e);
        }
    }

    private static CellWriter cellWriter(String tableName, Column<?> column) {
        ColumnType type = column.type();
        if (type == ColumnType.SHORT) {
            ShortColumn col = (ShortColumn) column;
            return (out, row) -> out.addInteger(col.getShort(row));
        } else if (type == ColumnType.INTEGER) {
            IntColumn col = (IntColumn) column;
            return (out, row) -> out.addInteger(col.getInt(row));
        } else if (type == ColumnType.LONG) {
            LongColumn col = (LongColumn) column;
            return (out, row) -> out.addLong(col.getLong(row));
        } else if (type == ColumnType.FLOAT) {
            FloatColumn col = (FloatColumn) column;
            return (out, row) -> out.addFloat(col.getFloat(row));
        } else if (type == ColumnType.DOUBLE) {
            DoubleColumn col = (DoubleColumn) column;
            return (out, row) -> out.addDouble(col.getDouble(row));
        } else if (type == ColumnType.BOOLEAN) {
            BooleanColumn col = (BooleanColumn) column;
            return (out, row) -> out.addBoolean(col.get(row));
        } else if (type == ColumnType.STRING) {
            StringColumn col = (StringColumn) column;
            CharsetEncoder utf8 = StandardCharsets.UTF_8.newEncoder()
                    .onMalformedInput(CodingErrorAction.REPORT).onUnmappableCharacter(CodingErrorAction.REPORT);
            return (out, row) -> out.addBinary(utf8(utf8, tableName, col, row));
        } else if (type == ColumnType.LOCAL_DATE) {
            DateColumn col = (DateColumn) column;
            return (out, row) -> out.addInteger(Math.toIntExact(col.get(row).toEpochDay()));
        } else if (type == ColumnType.LOCAL_TIME) {
            TimeColumn col = (TimeColumn) column;
            return (out, row) -> out.addLong(col.get(row).toNanoOfDay() / 1_000L);
        } else if (type == ColumnType.LOCAL_DATE_TIME) {
            DateTimeColumn col = (DateTimeColumn) column;
            return (out, row) -> out.addLong(micros(col.get(row)));
        } else if (type == ColumnType.INSTANT) {
            InstantColumn col = (InstantColumn) column;
            return (out, row) -> out.addLong(micros(col.get(row)));
        }
        // ResultParquetWriter.schema rejected every other type before a write support is made.
        throw new IllegalArgumentException("column '" + column.name() + "': type " + type.name()
                + " has no Parquet mapping");
    }

    /** Microseconds since 1970-01-01T00:00 of a local date-time (floor for instants before the epoch). */
    static long micros(LocalDateTime t) {
        return micros(t.toInstant(ZoneOffset.UTC));
    }

    /** Microseconds since the epoch, floor division for instants before it. */
    static long micros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1_000L);
    }

    /** The parquet writer builder for a {@link TableWriteSupport}. */
    static final class Builder extends ParquetWriter.Builder<RowPointer, Builder> {
        private final TableWriteSupport support;

        Builder(OutputFile file, TableWriteSupport support) {
            super(file);
            this.support = support;
        }

        @Override
        protected Builder self() {
            return this;
        }

        // Abstract in parquet 1.15 although deprecated; never called, since the builder gets a ParquetConfiguration.
        @Override
        @SuppressWarnings("deprecation")
        protected WriteSupport<RowPointer> getWriteSupport(Configuration conf) {
            return support;
        }

        @Override
        protected WriteSupport<RowPointer> getWriteSupport(ParquetConfiguration conf) {
            return support;
        }
    }
}
