package io.qtrade.store.fuzz;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Counts of one fuzz run per target and outcome (accepted, or refused with a documented exception type), and every
 * undocumented outcome with the seed and case that reproduce it.
 */
public final class FuzzReport {

    private final Map<String, Map<String, Long>> counts = new TreeMap<>();
    private final List<String> failures = new ArrayList<>();
    private long cases;
    private long slowestNanos;
    private String slowest = "";

    /** Records one case's outcome. */
    public synchronized void count(String target, String outcome, long nanos) {
        counts.computeIfAbsent(target, k -> new TreeMap<>()).merge(outcome, 1L, Long::sum);
        cases++;
        if (nanos > slowestNanos) {
            slowestNanos = nanos;
            slowest = target;
        }
    }

    /** Records an undocumented outcome. */
    public synchronized void fail(String target, long seed, long caseIndex, String what) {
        failures.add(target + " seed " + seed + " case " + caseIndex + ": " + what);
    }

    public synchronized List<String> failures() {
        return List.copyOf(failures);
    }

    public synchronized long cases() {
        return cases;
    }

    public synchronized long failuresOf(String target) {
        return failures.stream().filter(f -> f.startsWith(target + " ")).count();
    }

    @Override
    public synchronized String toString() {
        StringBuilder sb = new StringBuilder("fuzz: " + cases + " cases, " + failures.size()
                + " undocumented outcomes, slowest case " + slowestNanos / 1_000_000 + " ms (" + slowest + ")\n");
        counts.forEach((t, m) -> sb.append("  ").append(t).append(": ").append(m).append('\n'));
        failures.stream().limit(20).forEach(f -> sb.append("  FAIL ").append(f).append('\n'));
        return sb.toString();
    }
}
