package io.qtrade.backtest.queue;

/**
 * {@code f(x) = ln(1 + x)}: the share of a decrease taken from ahead is
 * {@code ln(1 + ahead) / (ln(1 + ahead) + ln(1 + behind))} (hftbacktest {@code LogProbQueueFunc}): closer to an
 * even split than {@link PowerProbability}, for queues where cancels spread evenly over positions.
 */
public final class LogProbability implements QueueProbability {

    /** The function has no parameter: one shared instance. */
    public static final LogProbability INSTANCE = new LogProbability();

    private LogProbability() {
    }

    @Override
    public double weight(double qty) {
        return Math.log1p(qty);
    }

    @Override
    public String toString() {
        return "LogProbability[]";
    }
}
