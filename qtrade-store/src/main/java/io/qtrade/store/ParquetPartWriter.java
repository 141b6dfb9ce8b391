package io.qtrade.store;

import io.qtrade.core.Instrument;
import io.qtrade.core.market.MarketEvent;
import org.apache.hadoop.conf.Configuration;
import org.apache.parquet.column.ParquetProperties;
import org.apache.parquet.conf.ParquetConfiguration;
import org.apache.parquet.conf.PlainParquetConfiguration;
import org.apache.parquet.hadoop.ParquetFileWriter;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.api.WriteSupport;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.io.OutputFile;
import org.apache.parquet.io.api.RecordConsumer;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;

/**
 * Writes one Parquet part through parquet's local-file I/O ({@link LocalOutputFile}, no Hadoop file system): the
 * {@link TickSchema} columns straight from each event into the record consumer (no Avro object per event), Snappy
 * pages, format v2 (delta-encoded timestamps, dictionary-encoded prices and quantities where that is smaller),
 * column statistics for row-group skipping, and in the footer the Avro schema (so parquet-avro and Spark read
 * records as {@code TickEvent}) and the instrument's tick size, lot size and multiplier.
 */
final class ParquetPartWriter implements PartWriter {

    /** Row group size, bytes before compression: bounds the memory of a writer and of a reader. */
    static final long ROW_GROUP_BYTES = 16L << 20;
    /** Data page size, bytes. */
    static final int PAGE_BYTES = 1 << 20;

    private final Path tmp;
    private final Path target;
    private final ParquetWriter<MarketEvent> writer;
    private long rows;
    private long lastExchTs = Long.MIN_VALUE;
    private WriterLock lock;

    ParquetPartWriter(Path tmp, Path target, Instrument instrument) {
        this(tmp, target, instrument, ROW_GROUP_BYTES);
    }

    /** With another row group size, bytes: small ones let tests exercise row-group skipping. */
    ParquetPartWriter(Path tmp, Path target, Instrument instrument, long rowGroupBytes) {
        this(tmp, target, instrument, rowGroupBytes, (int) Math.min(PAGE_BYTES, rowGroupBytes), PAGE_BYTES);
    }

    /**
     * With other row group, page and dictionary page sizes, bytes: small ones give the reader's tests files of many
     * row groups and pages, with dictionaries that overflow into the fallback encodings.
     */
    ParquetPartWriter(Path tmp, Path target, Instrument instrument, long rowGroupBytes, int pageBytes,
                      int dictionaryPageBytes) {
        this.tmp = tmp;
        this.target = target;
        Map<String, String> meta = new HashMap<>();
        meta.put(TickSchema.META_SYMBOL, instrument.symbol());
        meta.put(TickSchema.META_VENUE, instrument.venue());
        meta.put(TickSchema.META_TICK_SIZE, Double.toString(instrument.tickSize()));
        meta.put(TickSchema.META_LOT_SIZE, Double.toString(instrument.lotSize()));
        meta.put(TickSchema.META_CONTRACT_MULTIPLIER, Double.toString(instrument.contractMultiplier()));
        meta.put(TickSchema.META_AVRO_SCHEMA, TickSchema.avro().toString());
        try {
            this.writer = new Builder(new LocalOutputFile(tmp), meta)
                    .withConf(new PlainParquetConfiguration())
                    .withWriteMode(ParquetFileWriter.Mode.OVERWRITE)
                    .withCompressionCodec(CompressionCodecName.SNAPPY)
                    .withWriterVersion(ParquetProperties.WriterVersion.PARQUET_2_0)
                    .withRowGroupSize(rowGroupBytes)
                    .withPageSize(pageBytes)
                    .withDictionaryPageSize(dictionaryPageBytes)
                    .withDictionaryEncoding(true)
                    .build();
        } catch (IOException e) {
            throw new UncheckedIOException("opening " + tmp + " for writing", e);
        }
        try {
            this.lock = WriterLock.acquire(tmp);
        } catch (RuntimeException e) {
            abort();
            throw e;
        }
    }

    @Override
    public void write(MarketEvent event) {
        long ts = event.exchTs();
        if (ts < lastExchTs) {
            throw new TickDataException(target, rows, "exch_ts", "a part is written in exch_ts order; " + ts
                    + " follows " + lastExchTs);
        }
        lastExchTs = ts;
        try {
            writer.write(event);
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + tmp, e);
        } catch (RuntimeException e) {
            // parquet-mr reports some I/O failures (a full disk while flushing a row group) unchecked and unnamed.
            throw new UncheckedIOException("writing " + tmp + ": " + e, new IOException(e));
        }
        rows++;
    }

    @Override
    public long rows() {
        return rows;
    }

    @Override
    public Path commit() {
        try {
            writer.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing " + tmp, e);
        } catch (RuntimeException e) {
            // parquet-mr wraps a failed close (ENOSPC while writing the last row group) as "Unable to close resource".
            throw new UncheckedIOException("closing " + tmp + ": " + e, new IOException(e));
        }
        lock.close();
        return AtomicFiles.publish(tmp, target);
    }

    @Override
    public void abort() {
        try {
            writer.close();
        } catch (IOException | RuntimeException e) {
            // The part is being thrown away; the delete below is what matters.
        }
        if (lock != null) {
            lock.close();
        }
        AtomicFiles.discard(tmp);
    }

    @Override
    public String toString() {
        return "ParquetPartWriter[" + target + ", rows=" + rows + "]";
    }

    private static final class Builder extends ParquetWriter.Builder<MarketEvent, Builder> {
        private final Map<String, String> meta;

        Builder(OutputFile file, Map<String, String> meta) {
            super(file);
            this.meta = meta;
        }

        @Override
        protected Builder self() {
            return this;
        }

        // Abstract in parquet 1.15 although deprecated; never called, since the builder gets a ParquetConfiguration.
        @Override
        @SuppressWarnings("deprecation")
        protected WriteSupport<MarketEvent> getWriteSupport(Configuration conf) {
            return new EventWriteSupport(meta);
        }

        @Override
        protected WriteSupport<MarketEvent> getWriteSupport(ParquetConfiguration conf) {
            return new EventWriteSupport(meta);
        }
    }

    /** Sends one event's eight fields to the record consumer, in {@link TickSchema} order. */
    private static final class EventWriteSupport extends WriteSupport<MarketEvent> {
        private final Map<String, String> meta;
        private RecordConsumer out;
        private int kinds;

        EventWriteSupport(Map<String, String> meta) {
            this.meta = meta;
        }

        // Abstract in parquet 1.15 although deprecated; the ParquetConfiguration overload is the one used.
        @Override
        @SuppressWarnings("deprecation")
        public WriteContext init(Configuration configuration) {
            return new WriteContext(TickSchema.parquet(), meta);
        }

        @Override
        public WriteContext init(ParquetConfiguration configuration) {
            return new WriteContext(TickSchema.parquet(), meta);
        }

        @Override
        public void prepareForWrite(RecordConsumer recordConsumer) {
            this.out = recordConsumer;
        }

        @Override
        public FinalizedWriteContext finalizeWrite() {
            Map<String, String> extra = new HashMap<>();
            extra.put(TickSchema.META_KINDS, TickSchema.kindsText(kinds));
            return new FinalizedWriteContext(extra);
        }

        @Override
        public void write(MarketEvent e) {
            kinds |= 1 << e.kind().code();
            out.startMessage();
            out.startField("exch_ts", 0);
            out.addLong(e.exchTs());
            out.endField("exch_ts", 0);
            out.startField("local_ts", 1);
            out.addLong(e.localTs());
            out.endField("local_ts", 1);
            out.startField("kind", 2);
            out.addInteger(e.kind().code());
            out.endField("kind", 2);
            out.startField("side", 3);
            out.addInteger(e.sideCode());
            out.endField("side", 3);
            out.startField("price", 4);
            out.addDouble(e.price());
            out.endField("price", 4);
            out.startField("qty", 5);
            out.addDouble(e.qty());
            out.endField("qty", 5);
            out.startField("order_id", 6);
            out.addLong(e.orderId());
            out.endField("order_id", 6);
            out.startField("flags", 7);
            out.addInteger(e.flags());
            out.endField("flags", 7);
            out.endMessage();
        }
    }
}
