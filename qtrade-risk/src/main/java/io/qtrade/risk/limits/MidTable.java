package io.qtrade.risk.limits;

import io.qtrade.core.Instrument;

import java.util.HashMap;

/** The latest finite mid per instrument, fed by {@code onMarketData}; lookups allocate nothing after the first. */
final class MidTable {

    /** The mid of an instrument never seen with two-sided market data. */
    static final double NO_MID = Double.NaN;

    private final HashMap<Instrument, double[]> mids = new HashMap<>();
    /** The last instrument updated and its slot: a one-instrument feed skips the map. */
    private Instrument lastInstrument;
    private double[] lastSlot;

    void update(Instrument instrument, double mid) {
        if (Double.isNaN(mid)) {
            return;
        }
        if (instrument == lastInstrument) {
            lastSlot[0] = mid;
            return;
        }
        double[] slot = mids.get(instrument);
        if (slot == null) {
            slot = new double[1];
            mids.put(instrument, slot);
        }
        slot[0] = mid;
        lastInstrument = instrument;
        lastSlot = slot;
    }

    double mid(Instrument instrument) {
        double[] slot = mids.get(instrument);
        return slot == null ? NO_MID : slot[0];
    }
}
