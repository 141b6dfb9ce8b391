package io.qtrade.store;

import java.lang.ref.SoftReference;
import java.nio.file.Path;
import java.util.ArrayDeque;

/**
 * The column decoders of the tick schema with the buffers earlier files have sized (column chunk, page, page values,
 * dictionary, the raw {@code kind} and {@code side} values kept when one does not fit a byte), handed from a closed {@link ParquetTickReader} to the next one opened, so that reading
 * a store of many part files allocates its buffers once, not once per file. At most {@link #MAX_POOLED} sets are kept,
 * each behind a {@link SoftReference}: the collector may take them back when memory is short.
 */
final class DecoderPool {

    /** Sets kept for reuse: one per reader open at once in a typical merge of a few instruments. */
    static final int MAX_POOLED = 4;

    private static final ArrayDeque<SoftReference<DecoderSet>> POOL = new ArrayDeque<>();

    private DecoderPool() {
    }

    /** A decoder per {@link TickSchema} column and the batch columns, ready for {@code file}. */
    static final class DecoderSet {
        final ColumnChunkDecoder[] decoders = new ColumnChunkDecoder[8];
        final long[][] values = new long[8][0];

        private DecoderSet(Path file) {
            for (int c = 0; c < 8; c++) {
                decoders[c] = new ColumnChunkDecoder(file, TickSchema.COLUMNS.get(c), c == 2 || c == 3 || c == 7
                        ? 4 : 8);
            }
        }
    }

    static DecoderSet take(Path file) {
        synchronized (POOL) {
            SoftReference<DecoderSet> ref;
            while ((ref = POOL.pollFirst()) != null) {
                DecoderSet set = ref.get();
                if (set != null) {
                    for (ColumnChunkDecoder d : set.decoders) {
                        d.reset(file);
                    }
                    return set;
                }
            }
        }
        return new DecoderSet(file);
    }

    static void release(DecoderSet set) {
        synchronized (POOL) {
            if (POOL.size() < MAX_POOLED) {
                POOL.addFirst(new SoftReference<>(set));
            }
        }
    }
}
