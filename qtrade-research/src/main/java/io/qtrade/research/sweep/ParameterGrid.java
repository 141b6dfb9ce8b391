package io.qtrade.research.sweep;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The parameter sets of a sweep: the cartesian product of each parameter's values, or a seeded random sample of it.
 *
 * <pre>{@code
 * ParameterGrid grid = ParameterGrid.builder()
 *         .values("gamma", 0.01, 0.1, 1.0)
 *         .values("k", 0.5, 1.5)
 *         .build();
 * grid.cartesian();          // 6 sets: (0.01, 0.5), (0.01, 1.5), (0.1, 0.5), ... (the last parameter varies fastest)
 * grid.random(4, 42);        // 4 distinct sets drawn from those 6, the same for the same seed
 * }</pre>
 */
public final class ParameterGrid {

    private final List<String> names;
    private final List<double[]> values;

    private ParameterGrid(Map<String, double[]> parameters) {
        this.names = List.copyOf(parameters.keySet());
        this.values = new ArrayList<>();
        for (double[] v : parameters.values()) {
            values.add(v.clone());
        }
    }

    /** A grid to fill in. */
    public static Builder builder() {
        return new Builder();
    }

    /** The parameter names, in the order they were added. */
    public List<String> names() {
        return names;
    }

    /** The number of sets in the cartesian product. */
    public long size() {
        long n = 1;
        for (double[] v : values) {
            n = Math.multiplyExact(n, v.length);
        }
        return n;
    }

    /** Every combination, the first parameter varying slowest; set {@code i} has index {@code i}. */
    public List<ParameterSet> cartesian() {
        long size = size();
        if (size > Integer.MAX_VALUE) {
            throw new IllegalStateException("the grid has " + size + " sets; sample it with random(n, seed)");
        }
        List<ParameterSet> out = new ArrayList<>((int) size);
        for (int i = 0; i < size; i++) {
            out.add(new ParameterSet(i, names, point(i)));
        }
        return out;
    }

    /**
     * {@code n} distinct combinations drawn uniformly without replacement with a {@link SplittableRandom} seeded
     * with {@code seed} (a partial Fisher-Yates shuffle of the combination numbers), indexed 0..n-1 in draw order.
     *
     * @throws IllegalArgumentException if {@code n} is not in {@code [1, size()]}
     */
    public List<ParameterSet> random(int n, long seed) {
        long size = size();
        if (n < 1 || n > size) {
            throw new IllegalArgumentException("random sample of " + n + " sets from a grid of " + size
                    + "; expected 1.." + size);
        }
        SplittableRandom rng = new SplittableRandom(seed);
        // Fisher-Yates over a virtual array [0, size): only the swapped positions are stored.
        Map<Long, Long> swapped = new LinkedHashMap<>();
        List<ParameterSet> out = new ArrayList<>(n);
        for (int k = 0; k < n; k++) {
            long j = k + rng.nextLong(size - k);
            long atJ = swapped.getOrDefault(j, j);
            long atK = swapped.getOrDefault((long) k, (long) k);
            swapped.put(j, atK);
            out.add(new ParameterSet(k, names, point(atJ)));
        }
        return out;
    }

    private double[] point(long combination) {
        double[] p = new double[names.size()];
        long rest = combination;
        for (int d = names.size() - 1; d >= 0; d--) {
            double[] v = values.get(d);
            p[d] = v[(int) (rest % v.length)];
            rest /= v.length;
        }
        return p;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("ParameterGrid[");
        for (int d = 0; d < names.size(); d++) {
            s.append(d == 0 ? "" : ", ").append(names.get(d)).append('=').append(java.util.Arrays.toString(values.get(d)));
        }
        return s.append("]").toString();
    }

    /** Collects the parameters and their values. */
    public static final class Builder {
        private final Map<String, double[]> parameters = new LinkedHashMap<>();

        private Builder() {
        }

        /**
         * A parameter and the values it takes, in order.
         *
         * @throws IllegalArgumentException for a duplicate name, no values, a repeated or non-finite value
         */
        public Builder values(String name, double... values) {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("parameter name must not be blank");
            }
            if (parameters.containsKey(name)) {
                throw new IllegalArgumentException("parameter '" + name + "' is already in the grid");
            }
            if (values.length == 0) {
                throw new IllegalArgumentException("parameter '" + name + "' has no values");
            }
            for (int i = 0; i < values.length; i++) {
                if (!Double.isFinite(values[i])) {
                    throw new IllegalArgumentException("parameter '" + name + "' value " + i + " is " + values[i]
                            + "; expected finite");
                }
                for (int j = 0; j < i; j++) {
                    if (values[j] == values[i]) {
                        throw new IllegalArgumentException("parameter '" + name + "' lists " + values[i] + " twice");
                    }
                }
            }
            parameters.put(name, values.clone());
            return this;
        }

        /** {@code count} evenly spaced values from {@code from} to {@code to}, both included ({@code count >= 2}). */
        public Builder linear(String name, double from, double to, int count) {
            return values(name, spaced(name, from, to, count, false));
        }

        /** {@code count} log-spaced values from {@code from} to {@code to} (both {@code > 0}), both included. */
        public Builder geometric(String name, double from, double to, int count) {
            if (!(from > 0) || !(to > 0)) {
                throw new IllegalArgumentException("parameter '" + name + "': geometric values need from, to > 0, were "
                        + from + ", " + to);
            }
            return values(name, spaced(name, from, to, count, true));
        }

        private static double[] spaced(String name, double from, double to, int count, boolean log) {
            if (count < 2) {
                throw new IllegalArgumentException("parameter '" + name + "': count must be >= 2, was " + count);
            }
            double[] v = new double[count];
            for (int i = 0; i < count; i++) {
                double f = (double) i / (count - 1);
                v[i] = log ? from * Math.pow(to / from, f) : from + (to - from) * f;
            }
            v[count - 1] = to;
            return v;
        }

        /**
         * The grid.
         *
         * @throws IllegalStateException if no parameter was added
         */
        public ParameterGrid build() {
            if (parameters.isEmpty()) {
                throw new IllegalStateException("a parameter grid needs at least one parameter");
            }
            return new ParameterGrid(parameters);
        }
    }
}
