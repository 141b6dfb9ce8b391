package io.qtrade.research.sweep;

import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * One point of a parameter grid: named numeric values, in the grid's parameter order. Immutable and serializable
 * (a Spark task carries it to an executor).
 *
 * @param index  the set's position in its grid's list (the sweep table sorts by it)
 * @param names  parameter names, in order
 * @param values their values, in the same order
 */
public record ParameterSet(int index, List<String> names, double[] values) implements Serializable {

    /** Checks the names and values agree and copies both. */
    public ParameterSet {
        names = List.copyOf(names);
        Objects.requireNonNull(values, "values");
        if (names.size() != values.length) {
            throw new IllegalArgumentException("parameter set " + index + ": " + names.size() + " names " + names
                    + " but " + values.length + " values");
        }
        values = values.clone();
    }

    /**
     * The value of {@code name}.
     *
     * @throws IllegalArgumentException if the set has no such parameter (the message lists the ones it has)
     */
    public double get(String name) {
        int i = names.indexOf(name);
        if (i < 0) {
            throw new IllegalArgumentException("parameter set " + index + " has no parameter '" + name
                    + "'; it has " + names);
        }
        return values[i];
    }

    /** The value of {@code name} as an int, refused unless it is a whole number. */
    public int getInt(String name) {
        double v = get(name);
        if (v != Math.rint(v) || Math.abs(v) > Integer.MAX_VALUE) {
            throw new IllegalArgumentException("parameter '" + name + "' of set " + index + " is " + v
                    + ", not an int");
        }
        return (int) v;
    }

    /** The values, a copy. */
    @Override
    public double[] values() {
        return values.clone();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof ParameterSet p && p.index == index && p.names.equals(names)
                && Arrays.equals(p.values, values);
    }

    @Override
    public int hashCode() {
        return 31 * (31 * index + names.hashCode()) + Arrays.hashCode(values);
    }

    /** {@code gamma=0.1, k=1.5}. */
    @Override
    public String toString() {
        StringBuilder s = new StringBuilder();
        for (int i = 0; i < values.length; i++) {
            if (i > 0) {
                s.append(", ");
            }
            s.append(names.get(i)).append('=').append(values[i]);
        }
        return s.toString();
    }
}
