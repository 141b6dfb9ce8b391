package io.qtrade.backtest.queue;

/**
 * {@code f(x) = x^n}: the share of a decrease taken from ahead is {@code ahead^n / (ahead^n + behind^n)}
 * (hftbacktest {@code PowerProbQueueFunc}). {@code n = 1} splits in proportion to the quantities; larger {@code n}
 * puts cancels more on the longer part of the queue; hftbacktest's examples use {@code n = 2} or {@code 3}.
 *
 * <p>The share is computed in a form that cannot overflow:
 * <pre>{@code
 * aheadShare = 1 / (1 + (behind / ahead)^n)      (1 when behind = 0, 0 when ahead = 0)
 * }</pre>
 * which equals the ratio of powers wherever both are finite; where {@code ahead^n} would overflow (e.g.
 * {@code 10_000^100}) the ratio form gives NaN, this one the limit: {@code (behind/ahead)^n} going to infinity gives
 * 0, going to 0 gives 1.
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

    /** The exponent {@code n}. */
    public double n() {
        return n;
    }

    @Override
    public double weight(double qty) {
        return Math.pow(qty, n);
    }

    @Override
    public double aheadShare(double ahead, double behind) {
        if (behind <= 0) {
            return 1.0;
        }
        if (ahead <= 0) {
            return 0.0;
        }
        return 1.0 / (1.0 + Math.pow(behind / ahead, n));
    }

    @Override
    public String toString() {
        return "PowerProbability[n=" + n + "]";
    }
}
