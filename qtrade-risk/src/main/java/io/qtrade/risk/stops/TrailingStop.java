package io.qtrade.risk.stops;

import io.qtrade.core.Side;

import java.util.Objects;

/**
 * A trailing stop that follows the price at a distance and only ever tightens:
 * <pre>{@code
 * distance_t = fixedDistance                (ofDistance)      or   k * ATR_t   (ofAtrMultiple)
 * long : stop_t = max(stop_{t-1}, price_t - distance_t)       triggered when price_t <= stop_t
 * short: stop_t = min(stop_{t-1}, price_t + distance_t)       triggered when price_t >= stop_t
 * }</pre>
 * So a rising ATR never loosens it. Mutable: one instance per position, {@link #reset()} for the next one. Before the
 * first update the stop is {@link #NO_STOP} (NaN) and nothing triggers.
 */
public final class TrailingStop {

    /** The stop before the first update. */
    public static final double NO_STOP = Double.NaN;

    private final Side positionSide;
    private final double distance;
    private final boolean atrBased;
    private double stop = NO_STOP;

    private TrailingStop(Side positionSide, double distance, boolean atrBased) {
        this.positionSide = Objects.requireNonNull(positionSide, "trailing stop: positionSide must not be null");
        if (!(distance > 0) || Double.isInfinite(distance)) {
            throw new IllegalArgumentException("trailing stop: " + (atrBased ? "atrMultiple" : "distance")
                    + " must be finite and > 0, was " + distance);
        }
        this.distance = distance;
        this.atrBased = atrBased;
    }

    /**
     * A stop a fixed price distance behind the best price.
     *
     * @param positionSide {@link Side#BUY} for a long position, {@link Side#SELL} for a short
     * @param distance     quote currency per unit, finite and {@code > 0}
     */
    public static TrailingStop ofDistance(Side positionSide, double distance) {
        return new TrailingStop(positionSide, distance, false);
    }

    /** A stop {@code atrMultiple} ATRs behind the best price; update it with {@link #update(double, double)}. */
    public static TrailingStop ofAtrMultiple(Side positionSide, double atrMultiple) {
        return new TrailingStop(positionSide, atrMultiple, true);
    }

    /**
     * Moves the stop with a new price (a fixed-distance stop).
     *
     * @return the stop after the update
     * @throws IllegalStateException if this stop is ATR-based
     */
    public double update(double price) {
        if (atrBased) {
            throw new IllegalStateException("trailing stop: an ATR-based stop needs the ATR, call update(price, atr)");
        }
        return ratchet(price, distance);
    }

    /**
     * Moves the stop with a new price and the current ATR (an ATR-based stop).
     *
     * @return the stop after the update
     * @throws IllegalStateException    if this stop has a fixed distance
     * @throws IllegalArgumentException if {@code atr} is not finite and {@code >= 0}
     */
    public double update(double price, double atr) {
        if (!atrBased) {
            throw new IllegalStateException("trailing stop: a fixed-distance stop takes no ATR, call update(price)");
        }
        if (!(atr >= 0) || Double.isInfinite(atr)) {
            throw new IllegalArgumentException("trailing stop: atr must be finite and >= 0, was " + atr);
        }
        return ratchet(price, distance * atr);
    }

    private double ratchet(double price, double d) {
        if (!Double.isFinite(price)) {
            throw new IllegalArgumentException("trailing stop: price must be finite, was " + price);
        }
        double candidate = positionSide == Side.BUY ? price - d : price + d;
        if (Double.isNaN(stop)) {
            stop = candidate;
        } else {
            stop = positionSide == Side.BUY ? Math.max(stop, candidate) : Math.min(stop, candidate);
        }
        return stop;
    }

    /** The current stop price, {@link #NO_STOP} before the first update. */
    public double stopPrice() {
        return stop;
    }

    /** Whether {@code price} has reached the stop (at or beyond it); never before the first update. */
    public boolean isTriggered(double price) {
        if (Double.isNaN(stop)) {
            return false;
        }
        return positionSide == Side.BUY ? price <= stop : price >= stop;
    }

    /** Forgets the stop, for a new position. */
    public void reset() {
        stop = NO_STOP;
    }

    @Override
    public String toString() {
        return "TrailingStop[positionSide=" + positionSide + ", " + (atrBased ? "atrMultiple=" : "distance=")
                + distance + ", stop=" + stop + "]";
    }
}
