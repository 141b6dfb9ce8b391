package io.qtrade.backtest.queue;

/**
 * {@code f(x) = x^n}: the share of a decrease taken from ahead is {@code ahead^n / (ahead^n + behind^n)}
 * (hftbacktest {@code PowerProbQueueFunc}). {@code n = 1} splits in proportion to the quantities; larger {@code n}
 * puts cancels more on the longer part of the queue; hftbacktest's examples use {@code n = 2} or {@code 3}.
 */
public final class PowerProbability implements QueueProbability {

    private final double n;

    /** @param n the exponent, finite and {@code > 0} */
    public PowerProbability(double n) {
        if (!(n > 0) || Double.isInfinite(n)) {
            throw new IllegalArgumentException("PowerProbability: n must be finite and > 0, was " + n);
        }
        this.n = n;
    }

    @Override
    public double weight(double qty) {
        return Math.pow(qty, n);
    }

    @Override
    public String toString() {
        return "PowerProbability[n=" + n + "]";
    }
}
