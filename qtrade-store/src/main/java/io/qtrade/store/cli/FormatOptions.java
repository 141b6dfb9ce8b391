package io.qtrade.store.cli;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The {@code key=value} options of one conversion, read by type; each read marks the key used, and
 * {@link #unused()} lists the keys nobody asked for (a typo must not be ignored).
 */
public final class FormatOptions {

    private final Map<String, String> values;
    private final Set<String> used = new TreeSet<>();

    /** @param values the options as given, key to value */
    public FormatOptions(Map<String, String> values) {
        this.values = new LinkedHashMap<>(values);
    }

    /** The value of {@code key}, or {@code fallback} when absent. */
    public String string(String key, String fallback) {
        used.add(key);
        return values.getOrDefault(key, fallback);
    }

    /** The value of {@code key} as a long ({@code _} separators allowed), or {@code fallback}. */
    public long longValue(String key, long fallback) {
        String v = string(key, null);
        if (v == null) {
            return fallback;
        }
        try {
            return Long.parseLong(v.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option " + key + "=" + v + ": expected an integer");
        }
    }

    /** The value of {@code key} as a double, or {@code fallback}. */
    public double doubleValue(String key, double fallback) {
        String v = string(key, null);
        if (v == null) {
            return fallback;
        }
        try {
            return Double.parseDouble(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option " + key + "=" + v + ": expected a number");
        }
    }

    /** The value of {@code key} as {@code true}/{@code false}, or {@code fallback}. */
    public boolean booleanValue(String key, boolean fallback) {
        String v = string(key, null);
        if (v == null) {
            return fallback;
        }
        if (!v.equals("true") && !v.equals("false")) {
            throw new IllegalArgumentException("option " + key + "=" + v + ": expected true or false");
        }
        return Boolean.parseBoolean(v);
    }

    /** The value of {@code key} as an ISO date {@code YYYY-MM-DD}, or {@code fallback}. */
    public LocalDate date(String key, LocalDate fallback) {
        String v = string(key, null);
        if (v == null) {
            return fallback;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("option " + key + "=" + v + ": expected a date YYYY-MM-DD");
        }
    }

    /**
     * The value of {@code key}, which must be given.
     *
     * @param what what the option is, for the message (e.g. {@code "the instrument's price increment"})
     * @throws IllegalArgumentException naming the option and what it is when it is absent
     */
    public String required(String key, String what) {
        String v = string(key, null);
        if (v == null) {
            throw new IllegalArgumentException("option " + key + " is required: " + what);
        }
        return v;
    }

    /** The value of {@code key} as a finite positive number, or {@code fallback} (which may be NaN) when absent. */
    public double positiveDouble(String key, double fallback) {
        double v = doubleValue(key, fallback);
        if (values.containsKey(key) && !(v > 0 && Double.isFinite(v))) {
            throw new IllegalArgumentException("option " + key + "=" + values.get(key)
                    + ": expected a finite positive number");
        }
        return v;
    }

    /** The value of {@code key} as a long {@code >= 0}, or {@code fallback} when absent. */
    public long nonNegativeLong(String key, long fallback) {
        long v = longValue(key, fallback);
        if (values.containsKey(key) && v < 0) {
            throw new IllegalArgumentException("option " + key + "=" + values.get(key) + ": expected an integer >= 0");
        }
        return v;
    }

    /** Whether {@code key} was given (does not mark it used). */
    public boolean has(String key) {
        return values.containsKey(key);
    }

    /** The keys given but never read, in name order. */
    public Set<String> unused() {
        Set<String> out = new TreeSet<>(values.keySet());
        out.removeAll(used);
        return out;
    }

    @Override
    public String toString() {
        return "FormatOptions" + values;
    }
}
