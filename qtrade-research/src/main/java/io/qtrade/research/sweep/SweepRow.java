package io.qtrade.research.sweep;

import java.io.Serializable;
import java.util.Objects;

/**
 * The outcome of one task of a sweep: a parameter set on a partition, with its metrics or its failure.
 *
 * @param parameters the parameter set
 * @param partition  the partition
 * @param metrics    the run's metrics; null if it failed
 * @param error      {@code ExceptionClass: message} of the failure (with the cause chain), null if it succeeded
 */
public record SweepRow(ParameterSet parameters, Partition partition, RunMetrics metrics, String error)
        implements Serializable {

    /** Checks that exactly one of metrics and error is present. */
    public SweepRow {
        Objects.requireNonNull(parameters, "parameters");
        Objects.requireNonNull(partition, "partition");
        if ((metrics == null) == (error == null)) {
            throw new IllegalArgumentException("a sweep row has metrics or an error, not both or neither");
        }
    }

    /** A failed task's row, describing {@code failure} and its causes. */
    public static SweepRow failed(ParameterSet parameters, Partition partition, Throwable failure) {
        StringBuilder s = new StringBuilder();
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (s.length() > 0) {
                s.append(" <- ");
            }
            s.append(t.getClass().getSimpleName()).append(": ").append(t.getMessage());
        }
        return new SweepRow(parameters, partition, null, s.toString());
    }

    /** Whether the backtest ran to the end. */
    public boolean succeeded() {
        return error == null;
    }
}
