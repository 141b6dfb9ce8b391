package io.qtrade.connectors.store;

import io.qtrade.core.Instrument;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventSource;

import java.util.List;
import java.util.function.Function;

/**
 * The part files of one instrument, oldest date and lowest part number first, read one after the other as a single
 * source; each file is opened only when the one before is exhausted, so at most one is open at a time.
 */
final class ConcatenatedSource implements EventSource {

    private final Instrument instrument;
    private final List<HiveLayout.Part> parts;
    private final Function<HiveLayout.Part, EventSource> opener;
    private int next;
    private EventSource current;
    private long skipped;

    ConcatenatedSource(Instrument instrument, List<HiveLayout.Part> parts,
                       Function<HiveLayout.Part, EventSource> opener) {
        this.instrument = instrument;
        this.parts = List.copyOf(parts);
        this.opener = opener;
    }

    @Override
    public List<Instrument> instruments() {
        return List.of(instrument);
    }

    /** Bad rows skipped in lenient mode by the files finished so far and the current one. */
    long skippedRows() {
        return skipped + skippedOf(current);
    }

    private static long skippedOf(EventSource s) {
        if (s instanceof ParquetTickReader p) {
            return p.skippedRows();
        }
        if (s instanceof CsvTickReader c) {
            return c.skippedRows();
        }
        return 0;
    }

    @Override
    public boolean readBatch(EventBatch into) {
        while (true) {
            if (current == null) {
                if (next == parts.size()) {
                    into.clear();
                    return false;
                }
                current = opener.apply(parts.get(next++));
            }
            if (current.readBatch(into)) {
                return true;
            }
            skipped += skippedOf(current);
            current.close();
            current = null;
        }
    }

    @Override
    public void close() {
        if (current != null) {
            skipped += skippedOf(current);
            current.close();
            current = null;
        }
    }

    @Override
    public String toString() {
        return "ConcatenatedSource[" + instrument.symbol() + "@" + instrument.venue() + ", parts=" + parts.size()
                + "]";
    }
}
