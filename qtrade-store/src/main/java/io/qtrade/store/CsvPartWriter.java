package io.qtrade.store;

import io.qtrade.core.market.MarketEvent;

import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes one CSV part: the {@link TickSchema#CSV_HEADER} line, then one line per event. Integers in decimal,
 * doubles as {@link Double#toString(double)} (the shortest decimal that reads back to the same double, so the
 * round trip is exact; {@code NaN} for a kind without a price), {@code \n} line ends, ASCII.
 */
final class CsvPartWriter implements PartWriter {

    private static final int BUFFER_BYTES = 1 << 16;

    private final Path tmp;
    private final Path target;
    private final OutputStream out;
    private final byte[] buffer = new byte[BUFFER_BYTES];
    private final StringBuilder line = new StringBuilder(128);
    private int used;
    private long rows;
    private long lastExchTs = Long.MIN_VALUE;
    private WriterLock lock;

    CsvPartWriter(Path tmp, Path target) {
        this.tmp = tmp;
        this.target = target;
        try {
            this.out = Files.newOutputStream(tmp);
        } catch (IOException e) {
            throw new UncheckedIOException("opening " + tmp + " for writing", e);
        }
        try {
            this.lock = WriterLock.acquire(tmp);
        } catch (RuntimeException e) {
            abort();
            throw e;
        }
        line.append(TickSchema.CSV_HEADER).append('\n');
        put();
    }

    @Override
    public void write(MarketEvent e) {
        long ts = e.exchTs();
        if (ts < lastExchTs) {
            throw new TickDataException(target, rows + 2, "exch_ts", "a part is written in exch_ts order; " + ts
                    + " follows " + lastExchTs);
        }
        lastExchTs = ts;
        line.setLength(0);
        line.append(ts).append(',').append(e.localTs()).append(',').append(e.kind().code()).append(',')
                .append(e.sideCode()).append(',').append(e.price()).append(',').append(e.qty()).append(',')
                .append(e.orderId()).append(',').append(e.flags()).append('\n');
        put();
        rows++;
    }

    private void put() {
        int n = line.length();
        if (used + n > buffer.length) {
            flush();
        }
        for (int i = 0; i < n; i++) {
            buffer[used++] = (byte) line.charAt(i);
        }
    }

    private void flush() {
        try {
            out.write(buffer, 0, used);
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + tmp, e);
        }
        used = 0;
    }

    @Override
    public long rows() {
        return rows;
    }

    @Override
    public Path commit() {
        flush();
        try {
            out.close();
        } catch (IOException e) {
            throw new UncheckedIOException("closing " + tmp, e);
        }
        lock.close();
        return AtomicFiles.publish(tmp, target);
    }

    @Override
    public void abort() {
        try {
            out.close();
        } catch (IOException e) {
            // The part is being thrown away; the delete below is what matters.
        }
        if (lock != null) {
            lock.close();
        }
        AtomicFiles.discard(tmp);
    }

    @Override
    public String toString() {
        return "CsvPartWriter[" + target + ", rows=" + rows + "]";
    }
}
