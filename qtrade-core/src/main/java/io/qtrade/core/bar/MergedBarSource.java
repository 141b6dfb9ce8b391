package io.qtrade.core.bar;

import io.qtrade.core.Instrument;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * Merges several {@link BarSource}s (typically one file per symbol) into one stream ordered by {@code endTs}, then
 * by instrument index: a k-way merge holding one small batch per input, so memory stays bounded by
 * {@code inputs x batchRows} whatever the history's length.
 *
 * <p>The merged instrument list is the inputs' lists concatenated in the order given; input {@code j}'s local index
 * {@code i} becomes {@code offset_j + i}. Ties on {@code endTs} are broken by that merged index, so the order (and
 * an engine's fills) never depends on how the inputs were read.
 */
public final class MergedBarSource implements BarSource {

    private final List<BarSource> inputs;
    private final List<Instrument> instruments;
    private final int[] offset;
    private final BarBatch[] buffers;
    private final int[] next;
    private final boolean[] exhausted;

    /**
     * @param inputs    the sources, each ordered as {@link BarSource} requires
     * @param batchRows rows buffered per input, positive
     */
    public MergedBarSource(List<? extends BarSource> inputs, int batchRows) {
        if (inputs.isEmpty()) {
            throw new IllegalArgumentException("merged bar source: no inputs");
        }
        this.inputs = List.copyOf(inputs);
        this.offset = new int[inputs.size()];
        this.buffers = new BarBatch[inputs.size()];
        this.next = new int[inputs.size()];
        this.exhausted = new boolean[inputs.size()];
        List<Instrument> all = new ArrayList<>();
        for (int j = 0; j < inputs.size(); j++) {
            offset[j] = all.size();
            all.addAll(inputs.get(j).instruments());
            buffers[j] = new BarBatch(batchRows);
        }
        this.instruments = Collections.unmodifiableList(all);
    }

    @Override
    public List<Instrument> instruments() {
        return instruments;
    }

    @Override
    public boolean readBatch(BarBatch into) {
        into.clear();
        while (!into.isFull()) {
            int best = -1;
            long bestTs = Long.MAX_VALUE;
            int bestInstrument = Integer.MAX_VALUE;
            for (int j = 0; j < buffers.length; j++) {
                if (!fill(j)) {
                    continue;
                }
                BarBatch b = buffers[j];
                long ts = b.endTs[next[j]];
                int instrument = offset[j] + b.instrument[next[j]];
                if (ts < bestTs || ts == bestTs && instrument < bestInstrument) {
                    best = j;
                    bestTs = ts;
                    bestInstrument = instrument;
                }
            }
            if (best < 0) {
                break;
            }
            into.addFrom(buffers[best], next[best]);
            into.instrument[into.size - 1] = bestInstrument;
            next[best]++;
        }
        return !into.isEmpty();
    }

    private boolean fill(int j) {
        if (next[j] < buffers[j].size) {
            return true;
        }
        if (exhausted[j]) {
            return false;
        }
        next[j] = 0;
        if (!inputs.get(j).readBatch(buffers[j])) {
            exhausted[j] = true;
            return false;
        }
        return true;
    }

    @Override
    public void close() {
        for (BarSource s : inputs) {
            s.close();
        }
    }

    @Override
    public String toString() {
        return "MergedBarSource[inputs=" + inputs.size() + ", instruments=" + instruments.size() + "]";
    }
}
