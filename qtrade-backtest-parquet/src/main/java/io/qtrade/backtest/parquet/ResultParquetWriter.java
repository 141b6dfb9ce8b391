package io.qtrade.backtest.parquet;

import io.qtrade.backtest.BacktestResult;

import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.LogicalTypeAnnotation;
import org.apache.parquet.schema.LogicalTypeAnnotation.TimeUnit;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName;
import org.apache.parquet.schema.Types;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * Writes Tablesaw tables to Parquet files, one file per table, with a schema derived from the column types, through
 * parquet's local-file I/O ({@link LocalOutputFile}: no Hadoop installation, no Hadoop file system).
 *
 * <p>Column type mapping (every field {@code optional}, so that a missing cell is a Parquet null and every file of
 * the same table has the same schema whatever its data; Tablesaw keeps date-times at millisecond precision, so
 * microseconds lose nothing):
 * <pre>{@code
 * Tablesaw          Parquet primitive   logical type                      value written
 * SHORT             INT32               INT(16, signed)                   the short
 * INTEGER           INT32               INT(32, signed)                   the int
 * LONG              INT64               INT(64, signed)                   the long (qtrade timestamps: epoch ns)
 * FLOAT             FLOAT               -                                 the float
 * DOUBLE            DOUBLE              -                                 the double
 * BOOLEAN           BOOLEAN             -                                 the boolean
 * STRING            BINARY              STRING (UTF-8)                    the string's UTF-8 bytes
 * LOCAL_DATE        INT32               DATE                              days since 1970-01-01
 * LOCAL_TIME        INT64               TIME(MICROS, adjustedToUTC=false) microseconds since midnight
 * LOCAL_DATE_TIME   INT64               TIMESTAMP(MICROS, adjustedToUTC=false)  microseconds since 1970-01-01T00:00
 * INSTANT           INT64               TIMESTAMP(MICROS, adjustedToUTC=true)   microseconds since the epoch, UTC
 * }</pre>
 * A cell Tablesaw reports missing ({@code Column.isMissing(row)}: {@code NaN} in a double or float column, the
 * type's {@code MIN_VALUE} sentinel in an integer column, the empty string in a string column, Tablesaw's missing
 * marker in the others) is written as null; read back into Tablesaw it is missing again. A string that has no UTF-8
 * form (an unpaired surrogate) is rejected with its table, column and row, never replaced. Another column type
 * (a type registered by an application) is rejected, naming the table, the column and the type.
 *
 * <p>Crash safety: each table is written to a temporary file in the target's directory, forced to disk, then renamed
 * over the target in one atomic step (and the directory entry forced where the platform allows it), so a reader
 * sees the previous complete file or the new complete one, never a partial file; on any failure the temporary file
 * is deleted and the target is untouched. Several tables are several such steps: a crash between two of them leaves
 * some tables new and some old, each complete.
 *
 * <p>Files carry, in the footer's key-value metadata, {@value #META_TABLE_NAME} = the table's name. Pages are
 * format v2 with dictionary encoding where smaller and column statistics (DuckDB and Spark skip row groups with
 * them). Results are small; the writer is not on a hot path and reads cells through Tablesaw's getters.
 * Immutable and thread-safe: each call writes its own files.
 */
public final class ResultParquetWriter {

    /** The compression codec of {@link #ResultParquetWriter()}. */
    public static final CompressionCodecName DEFAULT_CODEC = CompressionCodecName.SNAPPY;
    /** Footer key-value metadata key holding the Tablesaw table's name. */
    public static final String META_TABLE_NAME = "qtrade.table";
    /** File name extension of {@link #writeAll}. */
    public static final String EXTENSION = ".parquet";

    /** The codecs whose implementation ships with this module's dependencies (no Hadoop native library). */
    private static final Set<CompressionCodecName> SUPPORTED_CODECS = EnumSet.of(CompressionCodecName.UNCOMPRESSED,
            CompressionCodecName.SNAPPY, CompressionCodecName.ZSTD);
    private static final Logger LOG = LoggerFactory.getLogger(ResultParquetWriter.class);

    private final CompressionCodecName codec;

    /** A writer with {@link #DEFAULT_CODEC} (Snappy) pages. */
    public ResultParquetWriter() {
        this(DEFAULT_CODEC);
    }

    /**
     * @param codec page compression: {@code UNCOMPRESSED}, {@code SNAPPY} or {@code ZSTD}
     * @throws IllegalArgumentException for another codec (its implementation would need Hadoop's native codecs)
     */
    public ResultParquetWriter(CompressionCodecName codec) {
        Objects.requireNonNull(codec, "codec");
        if (!SUPPORTED_CODECS.contains(codec)) {
            throw new IllegalArgumentException("codec = " + codec + " is not supported; expected one of "
                    + SUPPORTED_CODECS);
        }
        this.codec = codec;
    }

    /** The page compression codec. */
    public CompressionCodecName codec() {
        return codec;
    }

    /**
     * The Parquet schema of {@code table}: one optional field per column, in column order, typed as the class
     * Javadoc's mapping says; the message is named after the table (characters outside {@code [A-Za-z0-9_]}
     * replaced by {@code _}, so that parquet-avro can name its record after it).
     *
     * @throws IllegalArgumentException naming the table, column and type of a column type outside the mapping
     */
    public static MessageType schema(Table table) {
        Objects.requireNonNull(table, "table");
        Types.MessageTypeBuilder message = Types.buildMessage();
        for (Column<?> column : table.columns()) {
            ColumnType type = column.type();
            String name = column.name();
            if (type == ColumnType.SHORT) {
                message.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.intType(16, true)).named(name);
            } else if (type == ColumnType.INTEGER) {
                message.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.intType(32, true)).named(name);
            } else if (type == ColumnType.LONG) {
                message.optional(PrimitiveTypeName.INT64).as(LogicalTypeAnnotation.intType(64, true)).named(name);
            } else if (type == ColumnType.FLOAT) {
                message.optional(PrimitiveTypeName.FLOAT).named(name);
            } else if (type == ColumnType.DOUBLE) {
                message.optional(PrimitiveTypeName.DOUBLE).named(name);
            } else if (type == ColumnType.BOOLEAN) {
                message.optional(PrimitiveTypeName.BOOLEAN).named(name);
            } else if (type == ColumnType.STRING) {
                message.optional(PrimitiveTypeName.BINARY).as(LogicalTypeAnnotation.stringType()).named(name);
            } else if (type == ColumnType.LOCAL_DATE) {
                message.optional(PrimitiveTypeName.INT32).as(LogicalTypeAnnotation.dateType()).named(name);
            } else if (type == ColumnType.LOCAL_TIME) {
                message.optional(PrimitiveTypeName.INT64)
                        .as(LogicalTypeAnnotation.timeType(false, TimeUnit.MICROS)).named(name);
            } else if (type == ColumnType.LOCAL_DATE_TIME) {
                message.optional(PrimitiveTypeName.INT64)
                        .as(LogicalTypeAnnotation.timestampType(false, TimeUnit.MICROS)).named(name);
            } else if (type == ColumnType.INSTANT) {
                message.optional(PrimitiveTypeName.INT64)
                        .as(LogicalTypeAnnotation.timestampType(true, TimeUnit.MICROS)).named(name);
            } else {
                throw new IllegalArgumentException("table '" + table.name() + "', column '" + name + "': type "
                        + type.name() + " has no Parquet mapping; expected SHORT, INTEGER, LONG, FLOAT, DOUBLE, "
                        + "BOOLEAN, STRING, LOCAL_DATE, LOCAL_TIME, LOCAL_DATE_TIME or INSTANT");
            }
        }
        return message.named(messageName(table.name()));
    }

    /**
     * Writes a backtest's result tables, {@code orders.parquet}, {@code fills.parquet}, {@code equity.parquet} and
     * {@code totals.parquet}, into {@code directory}, creating it: {@link #writeAll(Map, Path)} of
     * {@link BacktestResult#tables()}.
     *
     * @return the files written, in {@link BacktestResult#tables()} order
     * @throws java.io.UncheckedIOException naming the table and the file that could not be written
     */
    public List<Path> writeAll(BacktestResult result, Path directory) {
        return writeAll(result.tables(), directory);
    }

    /**
     * Writes each table to {@code directory/<name>.parquet} (creating the directory), in the map's order, replacing
     * existing files; {@code BacktestResult.tables()} is such a map (orders, fills, equity, totals).
     *
     * @param tables file base name to table; a name must be non-empty and must not contain a path separator
     * @return the files written, in the map's order
     * @throws IllegalArgumentException for a bad name or a column type outside the mapping
     * @throws UncheckedIOException     naming the table and the file that could not be written
     */
    public List<Path> writeAll(Map<String, Table> tables, Path directory) {
        Objects.requireNonNull(tables, "tables");
        Objects.requireNonNull(directory, "directory");
        for (Map.Entry<String, Table> t : tables.entrySet()) {
            String name = t.getKey();
            if (name == null || name.isEmpty() || name.contains("/") || name.contains("\\") || name.equals(".")
                    || name.equals("..")) {
                throw new IllegalArgumentException("table file name '" + name + "' must be non-empty and must not "
                        + "contain a path separator");
            }
            Objects.requireNonNull(t.getValue(), () -> "table '" + name + "' is null");
            schema(t.getValue());
        }
        try {
            Files.createDirectories(directory);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create result directory " + directory, e);
        }
        List<Path> written = new ArrayList<>(tables.size());
        for (Map.Entry<String, Table> t : tables.entrySet()) {
            written.add(write(t.getValue(), directory.resolve(t.getKey() + EXTENSION)));
        }
        return written;
    }

    /**
     * Writes {@code table} to {@code file} (its directory must exist), replacing an existing file atomically.
     *
     * @return {@code file}
     * @throws IllegalArgumentException for a column type outside the mapping, or a string cell that is not valid
     *                                  UTF-16 (naming table, column and row); the temporary file is deleted
     * @throws UncheckedIOException     naming the table and the file, after deleting the temporary file
     */
    public Path write(Table table, Path file) {
        Objects.requireNonNull(file, "file");
        MessageType schema = schema(table);
        Path target = file.toAbsolutePath();
        Path dir = target.getParent();
        Path tmp;
        try {
            // Not Files.createTempFile: its owner-only permissions would stay on the published file (a table written
            // for a team, or by a Spark driver, must be readable as any file the user creates there).
            tmp = Files.createFile(dir.resolve("." + target.getFileName() + "." + ProcessHandle.current().pid() + "."
                    + System.nanoTime() + ".tmp"));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create a temporary file next to " + target + " for table '"
                    + table.name() + "'", e);
        }
        try {
            writeRows(table, schema, tmp);
            try (FileChannel ch = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ch.force(true);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IllegalArgumentException e) {
            deleteQuietly(tmp, e);
            throw e;
        } catch (IOException | RuntimeException e) {
            deleteQuietly(tmp, e);
            IOException cause = e instanceof IOException io ? io : new IOException(e);
            throw new UncheckedIOException("cannot write table '" + table.name() + "' (" + table.rowCount()
                    + " rows) to " + target + ": " + e.getMessage(), cause);
        } catch (Error e) { // a linkage error from a mismatched parquet on the class path: leave no file behind
            deleteQuietly(tmp, e);
            throw e;
        }
        forceDirectory(dir);
        return file;
    }

    private void writeRows(Table table, MessageType schema, Path tmp) throws IOException {
        TableWriteSupport support = new TableWriteSupport(table, schema, Map.of(META_TABLE_NAME, table.name()));
        TableWriteSupport.RowPointer row = new TableWriteSupport.RowPointer();
        try (ParquetWriter<TableWriteSupport.RowPointer> writer = new TableWriteSupport.Builder(
                new LocalOutputFile(tmp), support)
                .withConf(new PlainParquetConfiguration())
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withCompressionCodec(codec)
                .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_2_0)
                .withDictionaryEncoding(true)
                .build()) {
            int rows = table.rowCount();
            for (int r = 0; r < rows; r++) {
                row.row = r;
                writer.write(row);
            }
        }
    }

    /** Makes the rename durable: forces the directory entry (Linux and macOS; Windows cannot open a directory). */
    private static void forceDirectory(Path dir) {
        try (FileChannel ch = FileChannel.open(dir, StandardOpenOption.READ)) {
            ch.force(true);
        } catch (IOException e) {
            LOG.debug("cannot force directory {} to disk ({}); the file itself was forced before its rename", dir,
                    e.toString());
        }
    }

    private static void deleteQuietly(Path tmp, Throwable primary) {
        try {
            Files.deleteIfExists(tmp);
        } catch (IOException e) {
            primary.addSuppressed(e);
        }
    }

    private static String messageName(String tableName) {
        StringBuilder s = new StringBuilder(Math.max(1, tableName == null ? 0 : tableName.length()));
        if (tableName != null) {
            for (int i = 0; i < tableName.length(); i++) {
                char c = tableName.charAt(i);
                boolean ok = c < 128 && (Character.isLetterOrDigit(c) || c == '_');
                s.append(ok ? c : '_');
            }
        }
        if (s.length() == 0 || Character.isDigit(s.charAt(0))) {
            s.insert(0, '_');
        }
        return s.toString();
    }

    @Override
    public String toString() {
        return "ResultParquetWriter[codec=" + codec + ", writerVersion=PARQUET_2_0, dictionary=true, schema="
                + "optional fields from Tablesaw column types]";
    }
}
