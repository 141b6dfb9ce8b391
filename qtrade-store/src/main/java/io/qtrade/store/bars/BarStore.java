package io.qtrade.store.bars;

import io.qtrade.core.Instrument;
import io.qtrade.core.bar.BarBatch;
import io.qtrade.core.bar.BarInterval;
import io.qtrade.core.bar.BarSource;
import io.qtrade.core.bar.MergedBarSource;
import io.qtrade.store.HiveLayout;
import io.qtrade.store.InstrumentFile;
import io.qtrade.store.TickFormat;
import org.apache.avro.Schema;
import org.apache.avro.SchemaBuilder;
import org.apache.avro.generic.GenericData;
import org.apache.avro.generic.GenericRecord;
import org.apache.parquet.avro.AvroParquetReader;
import org.apache.parquet.avro.AvroParquetWriter;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetReader;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalInputFile;
import org.apache.parquet.io.LocalOutputFile;

import java.io.BufferedReader;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Bars in the store's Hive layout, one dataset per interval:
 * <pre>{@code
 * ROOT/bars/interval=1d/venue=NSE/symbol=INFY/_instrument.json
 * ROOT/bars/interval=1d/venue=NSE/symbol=INFY/year=2024/part-0.parquet        (or part-0.csv)
 * }</pre>
 * Columns: {@code start_ts, end_ts} (epoch nanoseconds UTC, int64), {@code open, high, low, close, volume}
 * (double), {@code vwap} (double, null when unknown) and {@code trade_count} (int64, null when unknown); CSV files
 * have that header and empty cells for nulls. A year partition holds the bars that start in that UTC year, in time
 * order. DuckDB reads the dataset as it is
 * ({@code read_parquet('ROOT/bars/interval=1d/**}{@code /*.parquet', hive_partitioning = true)}), as does Spark.
 *
 * <p>{@link #write} streams a {@link BarSource} into new parts (existing parts are kept: a new part number);
 * {@link #read} streams the bars of some symbols back, one year file per symbol in memory at a time, merged in time.
 * A row that is not a valid bar is refused naming the file, row and field.
 */
public final class BarStore {

    /** The Avro schema of a bar row (Parquet files carry it). */
    public static final Schema SCHEMA = SchemaBuilder.record("Bar").namespace("io.qtrade.store.bars").fields()
            .requiredLong("start_ts").requiredLong("end_ts")
            .requiredDouble("open").requiredDouble("high").requiredDouble("low").requiredDouble("close")
            .requiredDouble("volume").optionalDouble("vwap").optionalLong("trade_count").endRecord();

    static final String CSV_HEADER = "start_ts,end_ts,open,high,low,close,volume,vwap,trade_count";

    private final Path root;

    private BarStore(Path root) {
        this.root = Objects.requireNonNull(root, "root");
    }

    /** The store at {@code root} (the bars dataset is {@code root/bars}). */
    public static BarStore at(Path root) {
        return new BarStore(root);
    }

    /** {@code ROOT/bars/interval=LABEL}. */
    public Path dataset(BarInterval interval) {
        return root.resolve("bars").resolve("interval=" + interval.label());
    }

    /** {@code ROOT/bars/interval=LABEL/venue=V/symbol=S}. */
    public Path symbolDir(BarInterval interval, Instrument instrument) {
        return HiveLayout.symbolDir(dataset(interval), instrument.venue(), instrument.symbol());
    }

    /**
     * Writes every bar of {@code source} (ordered as a {@link BarSource} is) into the dataset of {@code interval},
     * one new part per instrument and year.
     *
     * @return the parts written, in the order they were completed
     */
    public List<Path> write(BarSource source, BarInterval interval, TickFormat format) {
        List<Instrument> instruments = source.instruments();
        int n = instruments.size();
        BarBatch[] pending = new BarBatch[n];
        int[] pendingYear = new int[n];
        List<Path> written = new ArrayList<>();
        BarBatch batch = new BarBatch(4096);
        try {
            while (source.readBatch(batch)) {
                for (int r = 0; r < batch.size(); r++) {
                    int i = batch.instrument(r);
                    int year = HiveLayout.utcDate(batch.startTs(r)).getYear();
                    if (pending[i] != null && (pendingYear[i] != year || pending[i].isFull())) {
                        written.add(flush(interval, instruments.get(i), pendingYear[i], pending[i], format));
                        pending[i] = null;
                    }
                    if (pending[i] == null) {
                        pending[i] = new BarBatch(interval.isIntraday() ? 1 << 16 : 512);
                        pendingYear[i] = year;
                    }
                    pending[i].addFrom(batch, r);
                }
            }
        } finally {
            source.close();
        }
        for (int i = 0; i < n; i++) {
            if (pending[i] != null && !pending[i].isEmpty()) {
                written.add(flush(interval, instruments.get(i), pendingYear[i], pending[i], format));
            }
        }
        return written;
    }

    private Path flush(BarInterval interval, Instrument instrument, int year, BarBatch rows, TickFormat format) {
        Path symbolDir = symbolDir(interval, instrument);
        Path dir = symbolDir.resolve("year=" + year);
        try {
            Files.createDirectories(dir);
            if (!Files.exists(symbolDir.resolve(HiveLayout.INSTRUMENT_FILE))) {
                InstrumentFile.write(symbolDir, instrument);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create " + dir, e);
        }
        int part = HiveLayout.nextPartNumber(dir);
        Path target = HiveLayout.partFile(dir, part, format);
        Path tmp = HiveLayout.inProgressFile(dir, part, format);
        try {
            if (format == TickFormat.PARQUET) {
                writeParquet(tmp, rows);
            } else {
                writeCsv(tmp, rows);
            }
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            try {
                Files.deleteIfExists(tmp);
            } catch (IOException ignored) {
                // the write failed; the message below names it
            }
            throw new UncheckedIOException("cannot write bar part " + target, e);
        }
        return target;
    }

    private static void writeParquet(Path tmp, BarBatch rows) throws IOException {
        try (ParquetWriter<GenericRecord> w = AvroParquetWriter.<GenericRecord>builder(new LocalOutputFile(tmp))
                .withSchema(SCHEMA).withConf(new PlainParquetConfiguration())
                .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                .withCompressionCodec(CompressionCodecName.SNAPPY).build()) {
            for (int r = 0; r < rows.size(); r++) {
                GenericRecord g = new GenericData.Record(SCHEMA);
                g.put("start_ts", rows.startTs(r));
                g.put("end_ts", rows.endTs(r));
                g.put("open", rows.open(r));
                g.put("high", rows.high(r));
                g.put("low", rows.low(r));
                g.put("close", rows.close(r));
                g.put("volume", rows.volume(r));
                g.put("vwap", Double.isNaN(rows.vwap(r)) ? null : rows.vwap(r));
                g.put("trade_count", rows.tradeCount(r) == BarBatch.NO_TRADE_COUNT ? null : rows.tradeCount(r));
                w.write(g);
            }
        }
    }

    private static void writeCsv(Path tmp, BarBatch rows) throws IOException {
        try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
            w.write(CSV_HEADER);
            w.newLine();
            for (int r = 0; r < rows.size(); r++) {
                w.write(rows.startTs(r) + "," + rows.endTs(r) + "," + rows.open(r) + "," + rows.high(r) + ","
                        + rows.low(r) + "," + rows.close(r) + "," + rows.volume(r) + ","
                        + (Double.isNaN(rows.vwap(r)) ? "" : Double.toString(rows.vwap(r))) + ","
                        + (rows.tradeCount(r) == BarBatch.NO_TRADE_COUNT ? "" : Long.toString(rows.tradeCount(r))));
                w.newLine();
            }
        }
    }

    /** Every instrument of the dataset of {@code interval} (from each symbol's {@code _instrument.json}), sorted. */
    public List<Instrument> instruments(BarInterval interval) {
        Path dataset = dataset(interval);
        if (!Files.isDirectory(dataset)) {
            return List.of();
        }
        try (Stream<Path> venues = Files.list(dataset)) {
            List<Instrument> out = new ArrayList<>();
            for (Path venue : venues.filter(Files::isDirectory).sorted().toList()) {
                try (Stream<Path> symbols = Files.list(venue)) {
                    for (Path s : symbols.filter(Files::isDirectory).sorted().toList()) {
                        if (Files.exists(s.resolve(HiveLayout.INSTRUMENT_FILE))) {
                            out.add(InstrumentFile.read(s));
                        }
                    }
                }
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot list " + dataset, e);
        }
    }

    /** The bars of {@code instruments} in the dataset of {@code interval}, merged in time, streamed. */
    public BarSource read(BarInterval interval, List<Instrument> instruments) {
        if (instruments.isEmpty()) {
            throw new IllegalArgumentException("bar store: no instruments to read");
        }
        List<BarSource> sources = new ArrayList<>();
        for (Instrument instrument : instruments) {
            Path dir = symbolDir(interval, instrument);
            if (!Files.isDirectory(dir)) {
                throw new IllegalArgumentException("bar store: no " + interval.label() + " bars of " + instrument.id()
                        + " (no " + dir + ")");
            }
            sources.add(new SymbolSource(instrument, dir));
        }
        return sources.size() == 1 ? sources.get(0) : new MergedBarSource(sources, 1024);
    }

    /** One symbol's parts, year by year, part by part; one file in memory at a time. */
    private static final class SymbolSource implements BarSource {
        private final List<Instrument> instruments;
        private final List<Path> files = new ArrayList<>();
        private int nextFile;
        private BarBatch current;
        private int next;
        private long lastEnd = Long.MIN_VALUE;
        private Path lastFile;

        SymbolSource(Instrument instrument, Path dir) {
            this.instruments = List.of(instrument);
            try (Stream<Path> years = Files.list(dir)) {
                for (Path y : years.filter(p -> p.getFileName().toString().startsWith("year="))
                        .sorted(Comparator.comparingInt(p -> Integer.parseInt(HiveLayout.partitionValue(p, "year"))))
                        .toList()) {
                    for (TickFormat f : TickFormat.values()) {
                        for (HiveLayout.Part part : HiveLayout.parts(y, f)) {
                            files.add(part.file());
                        }
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException("cannot list " + dir, e);
            }
            files.sort(Comparator.comparing((Path p) -> p.getParent().getFileName().toString().length())
                    .thenComparing(p -> p.getParent().getFileName().toString())
                    .thenComparingInt(p -> partNumber(p)));
        }

        private static int partNumber(Path p) {
            String name = p.getFileName().toString();
            return Integer.parseInt(name.substring(5, name.indexOf('.')));
        }

        @Override
        public List<Instrument> instruments() {
            return instruments;
        }

        @Override
        public boolean readBatch(BarBatch into) {
            into.clear();
            while (!into.isFull()) {
                if (current == null || next >= current.size()) {
                    if (nextFile >= files.size()) {
                        break;
                    }
                    lastFile = files.get(nextFile++);
                    current = load(lastFile);
                    next = 0;
                    continue;
                }
                if (current.endTs(next) <= lastEnd) {
                    throw new IllegalArgumentException(lastFile + ": row " + next + " (end_ts " + current.endTs(next)
                            + ") does not come after the previous bar's end_ts " + lastEnd
                            + " (duplicate or out of order)");
                }
                lastEnd = current.endTs(next);
                into.addFrom(current, next++);
            }
            return !into.isEmpty();
        }
    }

    static BarBatch load(Path file) {
        List<long[]> times = new ArrayList<>();
        List<double[]> values = new ArrayList<>();
        List<Long> counts = new ArrayList<>();
        String name = file.getFileName().toString();
        try {
            if (name.endsWith(".parquet")) {
                try (ParquetReader<GenericRecord> r = AvroParquetReader.<GenericRecord>builder(
                        new LocalInputFile(file), new PlainParquetConfiguration()).build()) {
                    GenericRecord g;
                    while ((g = r.read()) != null) {
                        times.add(new long[] {(Long) g.get("start_ts"), (Long) g.get("end_ts")});
                        Object vwap = g.get("vwap");
                        values.add(new double[] {(Double) g.get("open"), (Double) g.get("high"), (Double) g.get("low"),
                                (Double) g.get("close"), (Double) g.get("volume"),
                                vwap == null ? Double.NaN : (Double) vwap});
                        Object tc = g.get("trade_count");
                        counts.add(tc == null ? BarBatch.NO_TRADE_COUNT : (Long) tc);
                    }
                }
            } else {
                try (BufferedReader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
                    String header = in.readLine();
                    if (!CSV_HEADER.equals(header)) {
                        throw new IllegalArgumentException(file + ":1: header must be '" + CSV_HEADER + "', was '"
                                + header + "'");
                    }
                    String line;
                    int lineNo = 1;
                    while ((line = in.readLine()) != null) {
                        lineNo++;
                        String[] f = line.split(",", -1);
                        if (f.length != 9) {
                            throw new IllegalArgumentException(file + ":" + lineNo + ": " + f.length
                                    + " fields, expected 9");
                        }
                        try {
                            times.add(new long[] {Long.parseLong(f[0]), Long.parseLong(f[1])});
                            values.add(new double[] {Double.parseDouble(f[2]), Double.parseDouble(f[3]),
                                    Double.parseDouble(f[4]), Double.parseDouble(f[5]), Double.parseDouble(f[6]),
                                    f[7].isEmpty() ? Double.NaN : Double.parseDouble(f[7])});
                            counts.add(f[8].isEmpty() ? BarBatch.NO_TRADE_COUNT : Long.parseLong(f[8]));
                        } catch (NumberFormatException e) {
                            throw new IllegalArgumentException(file + ":" + lineNo + ": a field is not a number: "
                                    + e.getMessage());
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read bar part " + file, e);
        }
        BarBatch out = new BarBatch(Math.max(1, times.size()));
        for (int r = 0; r < times.size(); r++) {
            long[] t = times.get(r);
            double[] v = values.get(r);
            String problem = BarBatch.check(0, t[0], t[1], v[0], v[1], v[2], v[3], v[4], v[5], counts.get(r));
            if (problem != null) {
                throw new IllegalArgumentException(file + ": row " + r + ": " + problem);
            }
            out.add(0, t[0], t[1], v[0], v[1], v[2], v[3], v[4], v[5], counts.get(r));
        }
        return out;
    }

    @Override
    public String toString() {
        return "BarStore[" + root + "]";
    }

    /** The UTC year a bar starting at {@code startTs} is partitioned under. */
    public static int yearOf(long startTs) {
        return HiveLayout.utcDate(startTs).atStartOfDay(ZoneOffset.UTC).getYear();
    }
}
