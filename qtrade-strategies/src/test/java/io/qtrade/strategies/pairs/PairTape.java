package io.qtrade.strategies.pairs;

import io.qtrade.store.synthetic.SyntheticPair;
import io.qtrade.core.Instrument;
import io.qtrade.core.market.InMemoryEventSource;

/**
 * The pairs tests' market: {@link SyntheticPair#example()} ({@code YLEG = 10 + 1.5 XLEG + AR(1) spread}, one quote
 * level a side of 1000 lots, re-quoted once a second, {@code localTs = exchTs + 100 us}).
 */
final class PairTape {

    static final SyntheticPair PAIR = SyntheticPair.example();
    static final Instrument Y = PAIR.y();
    static final Instrument X = PAIR.x();
    static final long T0 = SyntheticPair.START_NANOS;
    static final long SEC = 1_000_000_000L;
    static final double B = PAIR.b();

    private PairTape() {
    }

    static InMemoryEventSource cointegrated(long seed, int steps) {
        return PAIR.cointegrated(seed, steps);
    }

    static InMemoryEventSource independent(long seed, int steps) {
        return PAIR.independent(seed, steps);
    }

    static InMemoryEventSource tape(double[] y, double[] x) {
        return PAIR.quotes(y, x);
    }
}
