package io.qtrade.core;

import java.math.BigDecimal;
import java.util.Objects;

/**
 * A tradable contract on one venue: its symbol, tick size, lot size and contract multiplier.
 *
 * <p>Books and the simulated exchange key prices by integer ticks. The conversion is exact for decimal tick
 * sizes: the tick size is held as {@code unscaled / 10^scale} (for 0.05, {@code 5 / 10^2}), so
 * <pre>{@code
 * toPrice(ticks) = (ticks * unscaled) / 10^scale      (one correctly rounded division)
 * toTicks(price) = round(price * 10^scale / unscaled)
 * }</pre>
 * and {@code toTicks(toPrice(t)) == t} for every tick count whose price is below 2^53 units of {@code 10^-scale}.
 * Both conversions to ticks refuse a price whose tick count a {@code long} cannot hold (never a clamped value).
 * {@link #toTicksStrict(double)} refuses a price that is off the tick grid by more than {@link #GRID_TOLERANCE} of
 * a tick (which absorbs the binary representation error of a decimal price such as 0.1, never a real off-grid
 * price).
 *
 * <p>The contract multiplier turns price times quantity into cash: a fill of {@code qty} at {@code price} moves
 * {@code price * qty * contractMultiplier} of quote currency.
 *
 * <p>The {@link ContractSpec} says what kind of contract it is ({@link InstrumentKind}: spot, linear or inverse
 * perpetual or future), what it settles in and its funding interval; the five-argument constructor makes a spot
 * instrument ({@link ContractSpec#SPOT}), {@link #withContract} another kind:
 * <pre>{@code
 * Instrument btcusdt = new Instrument("BTCUSDT", "BINANCE", 0.1, 0.001, 1.0)
 *         .withContract(ContractSpec.linearPerpetual("USDT", ContractSpec.EIGHT_HOURS));
 * }</pre>
 *
 * <p>Immutable; equal when symbol, venue, tick size, lot size, multiplier and contract spec are equal.
 */
public final class Instrument {

    /** How far, in ticks, a price may sit from the grid and still count as on it in {@link #toTicksStrict}. */
    public static final double GRID_TOLERANCE = 1e-6;

    private static final int MAX_SCALE = 15;
    private static final double TWO_POW_63 = 0x1p63;

    private final String symbol;
    private final String venue;
    /** {@code symbol@venue}, built once. */
    private final String id;
    private final double tickSize;
    private final double lotSize;
    private final double contractMultiplier;
    /** The tick size is {@code tickUnscaled / tickPow10}, both exact in a double. */
    private final long tickUnscaled;
    private final ContractSpec contract;
    private final boolean inverse;
    private final double tickPow10;
    private final int hash;

    /**
     * @param symbol             the venue's symbol, e.g. {@code BTCUSDT}
     * @param venue              the venue, e.g. {@code BINANCE}
     * @param tickSize           the minimum price increment, a positive decimal of at most 15 places
     * @param lotSize            the minimum quantity increment, positive
     * @param contractMultiplier quote currency per unit of price per unit of quantity, positive (1 for spot)
     */
    public Instrument(String symbol, String venue, double tickSize, double lotSize, double contractMultiplier) {
        this(symbol, venue, tickSize, lotSize, contractMultiplier, ContractSpec.SPOT);
    }

    /**
     * @param symbol             the venue's symbol, e.g. {@code BTCUSDT}
     * @param venue              the venue, e.g. {@code BINANCE}
     * @param tickSize           the minimum price increment, a positive decimal of at most 15 places
     * @param lotSize            the minimum quantity increment, positive
     * @param contractMultiplier base units per contract (spot, linear) or the contract value in quote currency
     *                           (inverse), positive
     * @param contract           the contract's kind, settlement asset and funding interval
     */
    public Instrument(String symbol, String venue, double tickSize, double lotSize, double contractMultiplier,
                      ContractSpec contract) {
        this.contract = Objects.requireNonNull(contract, "contract");
        this.inverse = contract.kind().isInverse();
        this.symbol = Objects.requireNonNull(symbol, "symbol");
        this.venue = Objects.requireNonNull(venue, "venue");
        this.id = symbol + "@" + venue;
        if (symbol.isBlank()) {
            throw new IllegalArgumentException("symbol must not be blank");
        }
        requirePositive("tickSize", tickSize, symbol);
        requirePositive("lotSize", lotSize, symbol);
        requirePositive("contractMultiplier", contractMultiplier, symbol);
        BigDecimal tick = new BigDecimal(Double.toString(tickSize)).stripTrailingZeros();
        int scale = Math.max(tick.scale(), 0);
        if (scale > MAX_SCALE) {
            throw new IllegalArgumentException("tickSize " + tickSize + " of " + symbol
                    + " has more than " + MAX_SCALE + " decimal places");
        }
        this.tickSize = tickSize;
        this.lotSize = lotSize;
        this.contractMultiplier = contractMultiplier;
        BigDecimal unscaled = tick.movePointRight(scale);
        if (unscaled.compareTo(BigDecimal.valueOf(1L << 53)) > 0) {
            throw new IllegalArgumentException("tickSize " + tickSize + " of " + symbol
                    + " is too large: at most 2^53 = " + (1L << 53));
        }
        this.tickUnscaled = unscaled.longValueExact();
        this.tickPow10 = Math.pow(10, scale);
        int h = symbol.hashCode();
        h = 31 * h + venue.hashCode();
        h = 31 * h + Double.hashCode(tickSize);
        h = 31 * h + Double.hashCode(lotSize);
        h = 31 * h + Double.hashCode(contractMultiplier);
        this.hash = 31 * h + contract.hashCode();
    }

    /** A spot instrument: contract multiplier 1. */
    public static Instrument spot(String symbol, String venue, double tickSize, double lotSize) {
        return new Instrument(symbol, venue, tickSize, lotSize, 1.0);
    }

    /** This instrument with other contract terms (same symbol, venue, grid and multiplier). */
    public Instrument withContract(ContractSpec contract) {
        return new Instrument(symbol, venue, tickSize, lotSize, contractMultiplier, contract);
    }

    /** The contract terms: kind, settlement asset, funding interval, expiry. */
    public ContractSpec contract() {
        return contract;
    }

    /** {@code contract().kind()}. */
    public InstrumentKind kind() {
        return contract.kind();
    }

    public String symbol() {
        return symbol;
    }

    public String venue() {
        return venue;
    }

    public double tickSize() {
        return tickSize;
    }

    public double lotSize() {
        return lotSize;
    }

    public double contractMultiplier() {
        return contractMultiplier;
    }

    /**
     * The price of {@code ticks} ticks: correctly rounded to the nearest double while {@code |ticks * unscaled|}
     * stays below 2^53, the nearest double of the product otherwise (never an overflowed value).
     */
    public double toPrice(long ticks) {
        long units = ticks * tickUnscaled;
        if (Math.multiplyHigh(ticks, tickUnscaled) != (units >> 63)) {
            return (double) ticks * tickUnscaled / tickPow10;
        }
        return (double) units / tickPow10;
    }

    /**
     * The nearest tick count to {@code price}, halves rounded up ({@code Math.round}: -2.5 ticks gives -2).
     *
     * @throws IllegalArgumentException if {@code price} is not finite or its tick count lies outside
     *                                  {@code (-2^63, 2^63)}, where {@code Math.round} would clamp it to
     *                                  {@code Long.MIN_VALUE} or {@code Long.MAX_VALUE} and so change the price
     */
    public long toTicks(double price) {
        requireFinite(price);
        return Math.round(inRange(price, price * tickPow10 / tickUnscaled));
    }

    /**
     * The tick count of a price that must lie on the tick grid.
     *
     * @throws IllegalArgumentException if {@code price} is not finite or lies off the grid by more than
     *                                  {@link #GRID_TOLERANCE} of a tick; the message names the instrument, the
     *                                  price, the tick size and the two nearest valid prices
     */
    public long toTicksStrict(double price) {
        requireFinite(price);
        double exact = inRange(price, price * tickPow10 / tickUnscaled);
        long ticks = Math.round(exact);
        if (Math.abs(exact - ticks) > GRID_TOLERANCE) {
            long below = (long) Math.floor(exact);
            throw new IllegalArgumentException("price " + price + " of " + id()
                    + " is off the tick grid (tick size " + tickSize + "): nearest valid prices are "
                    + toPrice(below) + " and " + toPrice(below + 1));
        }
        return ticks;
    }

    /**
     * Whether {@code price} lies on the tick grid (within {@link #GRID_TOLERANCE} of a tick) at a tick count a
     * {@code long} holds ({@code |ticks| < 2^63}, so that {@link #toTicks} accepts it).
     */
    public boolean isOnTickGrid(double price) {
        if (!Double.isFinite(price)) {
            return false;
        }
        double exact = price * tickPow10 / tickUnscaled;
        return Math.abs(exact) < TWO_POW_63 && Math.abs(exact - Math.rint(exact)) <= GRID_TOLERANCE;
    }

    /** Whether {@code qty} is a whole number of lots (within {@link #GRID_TOLERANCE} of a lot). */
    public boolean isOnLotGrid(double qty) {
        if (!Double.isFinite(qty)) {
            return false;
        }
        double lots = qty / lotSize;
        return Math.abs(lots - Math.rint(lots)) <= GRID_TOLERANCE;
    }

    /** {@code qty} rounded down to a whole number of lots, as venues do with an order's quantity. */
    public double roundDownToLot(double qty) {
        return Math.floor(qty / lotSize + GRID_TOLERANCE) * lotSize;
    }

    /** Quote-currency value of {@code qty} at {@code price}: {@code price * qty * contractMultiplier}. */
    public double notional(double price, double qty) {
        return price * qty * contractMultiplier;
    }

    /**
     * The value of {@code qty} contracts at {@code price} in the settlement asset: {@code price * qty * m} for spot
     * and linear contracts (same as {@link #notional}), {@code qty * m / price} for inverse ones (base coin, with
     * {@code m} the contract value in quote currency; Binance COIN-M "notional value = contracts x contract size /
     * price"). Fees, funding and margin of an inverse contract are computed on it.
     */
    public double settlementNotional(double price, double qty) {
        return inverse ? qty * contractMultiplier / price : price * qty * contractMultiplier;
    }

    /** {@code symbol@venue}, the name used in error messages. */
    public String id() {
        return id;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        return o instanceof Instrument other
                && hash == other.hash
                && symbol.equals(other.symbol)
                && venue.equals(other.venue)
                && Double.compare(tickSize, other.tickSize) == 0
                && Double.compare(lotSize, other.lotSize) == 0
                && Double.compare(contractMultiplier, other.contractMultiplier) == 0
                && contract.equals(other.contract);
    }

    @Override
    public int hashCode() {
        return hash; // computed once: maps keyed by instrument stay allocation-free
    }

    @Override
    public String toString() {
        return "Instrument[" + id() + ", tickSize=" + tickSize + ", lotSize=" + lotSize
                + ", contractMultiplier=" + contractMultiplier
                + (contract == ContractSpec.SPOT ? "" : ", contract=" + contract) + "]";
    }

    /** {@code exact} (the tick count of {@code price} before rounding) when a long holds it without clamping. */
    private double inRange(double price, double exact) {
        if (!(Math.abs(exact) < TWO_POW_63)) {
            throw new IllegalArgumentException("price " + price + " of " + id() + " is " + exact + " ticks (tick size "
                    + tickSize + "): outside the range of a long tick count, |ticks| < 2^63");
        }
        return exact;
    }

    private void requireFinite(double price) {
        if (!Double.isFinite(price)) {
            throw new IllegalArgumentException("price of " + id() + " must be finite, was " + price);
        }
    }

    private static void requirePositive(String name, double value, String symbol) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(name + " of " + symbol + " must be positive and finite, was " + value);
        }
    }
}
