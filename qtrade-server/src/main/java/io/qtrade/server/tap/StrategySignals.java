package io.qtrade.server.tap;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * What a strategy chooses to publish to the server: named numeric signals (a reservation price, a z-score, a model
 * forecast) updated on the engine thread without allocation, and text parameters (its settings) set once.
 *
 * <pre>{@code
 * StrategySignals signals = tap.signals("mm");
 * int zScore = signals.register("zScore");       // once, e.g. in onStart
 * signals.set(zScore, z);                       // on every update: one ordered store, no allocation
 * signals.parameter("gamma", "0.1");
 * }</pre>
 *
 * A signal is NaN until first set. Up to {@link #MAX_SIGNALS} signals per strategy.
 */
public final class StrategySignals {

    /** Most signals one strategy may register. */
    public static final int MAX_SIGNALS = 64;

    private final String strategyId;
    private final AtomicLongArray values = new AtomicLongArray(MAX_SIGNALS);
    private final List<String> names = new ArrayList<>();
    private final Map<String, String> parameters = new LinkedHashMap<>();

    StrategySignals(String strategyId) {
        this.strategyId = strategyId;
        for (int i = 0; i < MAX_SIGNALS; i++) {
            values.set(i, Double.doubleToRawLongBits(Double.NaN));
        }
    }

    /**
     * Registers a signal (or finds one registered under that name) and returns its index for {@link #set}.
     *
     * @throws IllegalArgumentException if the name is blank or {@link #MAX_SIGNALS} are registered already
     */
    public synchronized int register(String name) {
        Objects.requireNonNull(name, "signal name");
        if (name.isBlank()) {
            throw new IllegalArgumentException("strategy '" + strategyId + "': signal name must not be blank");
        }
        int i = names.indexOf(name);
        if (i >= 0) {
            return i;
        }
        if (names.size() == MAX_SIGNALS) {
            throw new IllegalArgumentException("strategy '" + strategyId + "': at most " + MAX_SIGNALS
                    + " signals, cannot register '" + name + "'");
        }
        names.add(name);
        return names.size() - 1;
    }

    /** Sets signal {@code index} (from {@link #register}); no allocation, callable from the engine thread. */
    public void set(int index, double value) {
        values.setRelease(index, Double.doubleToRawLongBits(value));
    }

    /** The current value of signal {@code index}. */
    public double get(int index) {
        return Double.longBitsToDouble(values.getAcquire(index));
    }

    /** Publishes a parameter (a setting of the strategy), replacing an earlier value. */
    public synchronized void parameter(String name, String value) {
        parameters.put(Objects.requireNonNull(name, "parameter name"), Objects.requireNonNull(value, "value"));
    }

    /** The registered signals and their current values, in registration order. */
    public synchronized Map<String, Double> values() {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            m.put(names.get(i), get(i));
        }
        return m;
    }

    /** The published parameters. */
    public synchronized Map<String, String> parameters() {
        return new LinkedHashMap<>(parameters);
    }

    /** The strategy id. */
    public String strategyId() {
        return strategyId;
    }

    @Override
    public synchronized String toString() {
        return "StrategySignals[" + strategyId + ", signals=" + names + ", parameters=" + parameters.keySet() + "]";
    }
}
