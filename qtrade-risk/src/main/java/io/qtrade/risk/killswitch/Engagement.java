package io.qtrade.risk.killswitch;

import java.util.Objects;

/**
 * One engagement of a {@link KillSwitch}.
 *
 * @param engagedNanos when it was engaged, epoch nanoseconds of the engine's clock
 * @param cause        why
 * @param detail       what happened, for people (the breached limit and value, the silent interval, ...)
 * @param resetNanos   when it was reset, {@link #NOT_RESET} while still engaged
 */
public record Engagement(long engagedNanos, EngagementCause cause, String detail, long resetNanos) {

    /** {@link #resetNanos()} of an engagement still in force. */
    public static final long NOT_RESET = Long.MAX_VALUE;

    /** Checks the fields: cause and detail present, a reset not before the engagement. */
    public Engagement {
        Objects.requireNonNull(cause, "kill switch engagement: cause must not be null");
        Objects.requireNonNull(detail, "kill switch engagement: detail must not be null");
        if (resetNanos != NOT_RESET && resetNanos < engagedNanos) {
            throw new IllegalArgumentException("kill switch engagement: resetNanos " + resetNanos
                    + " is before engagedNanos " + engagedNanos);
        }
    }

    /** Whether it is still in force. */
    public boolean isActive() {
        return resetNanos == NOT_RESET;
    }
}
