package io.qtrade.store.ingest;

import java.util.LinkedHashMap;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what happens to bad input: in strict mode it rethrows the {@link ImportException}; in lenient mode it
 * counts the skip and logs it at WARN with the exception's full message (file, line, field, problem). Every skip is
 * logged: nothing is dropped silently.
 */
public final class SkipCounter {

    private static final Logger LOG = LoggerFactory.getLogger(SkipCounter.class);

    private final boolean lenient;
    private long skipped;
    private final Map<String, long[]> reasons = new LinkedHashMap<>();
    private final Map<String, String> firstAt = new LinkedHashMap<>();

    /** @param lenient whether bad lines are skipped (counted, logged) rather than thrown */
    public SkipCounter(boolean lenient) {
        this.lenient = lenient;
    }

    /**
     * Handles one piece of bad input.
     *
     * @throws ImportException {@code e} itself, in strict mode
     */
    public void skipOrThrow(ImportException e) {
        if (!lenient) {
            throw e;
        }
        skipped++;
        String reason = reason(e);
        reasons.computeIfAbsent(reason, r -> new long[1])[0]++;
        firstAt.putIfAbsent(reason, e.file() + ":" + e.line());
        LOG.warn("skipped bad input ({} so far): {}", skipped, e.getMessage());
    }

    /**
     * The reason a skip is counted under: the field and the problem with its numbers and quoted values blanked
     * ({@code field qty: negative quantity #: expected >= #}), so that skips of one kind count together.
     */
    static String reason(ImportException e) {
        String problem = e.problem() == null ? "" : e.problem();
        problem = problem.replaceAll("'[^']*'", "'…'").replaceAll("-?\\d+(\\.\\d+)?([eE]-?\\d+)?", "#");
        if (problem.length() > 120) {
            problem = problem.substring(0, 120) + "…";
        }
        return (e.field() == null ? "" : "field " + e.field().replaceAll("\\d+", "#") + ": ") + problem;
    }

    /** Skips per reason ({@link #reason}), in the order first seen; each with the file and line of its first. */
    public Map<String, Long> reasons() {
        Map<String, Long> out = new LinkedHashMap<>();
        for (Map.Entry<String, long[]> r : reasons.entrySet()) {
            out.put(r.getKey(), r.getValue()[0]);
        }
        return out;
    }

    /** The file and line of the first skip of each reason. */
    public Map<String, String> firstOfEachReason() {
        return java.util.Collections.unmodifiableMap(firstAt);
    }

    /** Whether bad lines are skipped rather than thrown. */
    public boolean lenient() {
        return lenient;
    }

    /** How many lines were skipped. */
    public long skipped() {
        return skipped;
    }

    @Override
    public String toString() {
        return "SkipCounter[lenient=" + lenient + ", skipped=" + skipped + "]";
    }
}
