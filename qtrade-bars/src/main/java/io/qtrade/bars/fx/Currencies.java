package io.qtrade.bars.fx;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The currencies of a multi-currency run: a base currency, the quote currency of each instrument (the base when not
 * named), and for every other currency a series of FX rates in base units per unit of the currency (for base USD,
 * INR at 0.012 means one rupee is worth 0.012 dollars).
 * <pre>{@code
 * rate(c, t)    = the last rate of c with time <= t          (1 for the base currency)
 * equity_base   = sum over currencies c of rate(c, t) * equity_c
 * }</pre>
 * Each currency has its own cash balance in the bar engine: a trade in an instrument quoted in {@code c} moves the
 * {@code c} balance (which may go negative: a loan in that currency), and only the portfolio value is converted.
 * Asking for a rate before the first one of its series is an error naming the currency and time.
 */
public final class Currencies {

    private final String base;
    private final Map<String, String> quoteOf;
    private final List<String> currencies;
    private final Map<String, long[]> times = new HashMap<>();
    private final Map<String, double[]> rates = new HashMap<>();

    private Currencies(Builder b) {
        this.base = b.base;
        this.quoteOf = Map.copyOf(b.quoteOf);
        List<String> list = new ArrayList<>();
        list.add(base);
        for (String c : b.series.keySet()) {
            if (!c.equals(base)) {
                list.add(c);
            }
        }
        this.currencies = List.copyOf(list);
        for (String c : b.series.keySet()) {
            times.put(c, b.seriesTimes.get(c).stream().mapToLong(Long::longValue).toArray());
            rates.put(c, b.series.get(c).stream().mapToDouble(Double::doubleValue).toArray());
        }
    }

    /** Only the base currency: no conversion. */
    public static Currencies single(String base) {
        return builder(base).build();
    }

    public static Builder builder(String base) {
        return new Builder(base);
    }

    public String base() {
        return base;
    }

    /** The base currency first, then the others in the order their rates were first given. */
    public List<String> currencies() {
        return currencies;
    }

    /** The quote currency of {@code symbol} (the base when not named). */
    public String currencyOf(String symbol) {
        return quoteOf.getOrDefault(symbol, base);
    }

    /**
     * The rate of {@code currency} in force at {@code ts}: base units per unit.
     *
     * @throws IllegalStateException when {@code ts} is before the first rate of the currency
     */
    public double rate(String currency, long ts) {
        if (currency.equals(base)) {
            return 1.0;
        }
        long[] t = times.get(currency);
        int k = Arrays.binarySearch(t, ts);
        if (k < 0) {
            k = -k - 2;
        }
        if (k < 0) {
            throw new IllegalStateException("FX: no rate of " + currency + " in " + base + " at or before " + ts
                    + "; its series starts at " + t[0]);
        }
        return rates.get(currency)[k];
    }

    @Override
    public String toString() {
        return "Currencies[base=" + base + ", currencies=" + currencies + ", quoted=" + quoteOf + "]";
    }

    /** Collects the quote currencies and FX series; {@link #build()} checks that every currency has rates. */
    public static final class Builder {
        private final String base;
        private final Map<String, String> quoteOf = new LinkedHashMap<>();
        private final Map<String, List<Double>> series = new LinkedHashMap<>();
        private final Map<String, List<Long>> seriesTimes = new LinkedHashMap<>();

        private Builder(String base) {
            this.base = Objects.requireNonNull(base, "base currency");
        }

        /** Instrument {@code symbol} is quoted in {@code currency}. */
        public Builder quote(String symbol, String currency) {
            quoteOf.put(Objects.requireNonNull(symbol, "symbol"), Objects.requireNonNull(currency, "currency"));
            return this;
        }

        /**
         * One FX rate: from {@code ts} (epoch nanoseconds, after the currency's previous rate) one unit of
         * {@code currency} is worth {@code basePerUnit} base units ({@code > 0}).
         */
        public Builder rate(String currency, long ts, double basePerUnit) {
            if (currency.equals(base)) {
                throw new IllegalArgumentException("FX: " + currency + " is the base currency; it has no rates");
            }
            if (!(basePerUnit > 0) || Double.isInfinite(basePerUnit)) {
                throw new IllegalArgumentException("FX: rate of " + currency + " at " + ts
                        + " must be finite and > 0, was " + basePerUnit);
            }
            List<Double> values = series.computeIfAbsent(currency, c -> new ArrayList<>());
            List<Long> at = seriesTimes.computeIfAbsent(currency, c -> new ArrayList<>());
            if (!at.isEmpty() && at.get(at.size() - 1) >= ts) {
                throw new IllegalArgumentException("FX: rate of " + currency + " at " + ts + " is not after the"
                        + " previous one at " + at.get(at.size() - 1));
            }
            at.add(ts);
            values.add(basePerUnit);
            return this;
        }

        /** @throws IllegalStateException naming a quote currency without rates */
        public Currencies build() {
            for (Map.Entry<String, String> e : quoteOf.entrySet()) {
                if (!e.getValue().equals(base) && !series.containsKey(e.getValue())) {
                    throw new IllegalStateException("FX: " + e.getKey() + " is quoted in " + e.getValue()
                            + " but no rates of " + e.getValue() + " in " + base + " were given");
                }
            }
            return new Currencies(this);
        }
    }
}
