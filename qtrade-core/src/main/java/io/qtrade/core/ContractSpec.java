package io.qtrade.core;

import java.time.Duration;
import java.util.Objects;

/**
 * The contract terms of an {@link Instrument} beyond its price and lot grid: its {@link InstrumentKind}, the asset
 * it settles (and is margined) in, the funding interval of a perpetual and the expiry of a dated future.
 *
 * <p>The contract size is the instrument's {@link Instrument#contractMultiplier()}: base units per contract for a
 * linear contract (1 for Binance USD-M), quote currency per contract for an inverse one (the contract value: 100 USD
 * for Binance COIN-M {@code BTCUSD_PERP}, 10 USD for the others).
 *
 * @param kind                 spot, linear or inverse, perpetual or dated
 * @param settlementAsset      the asset of margin, PnL, fees and funding ({@code USDT} for USD-M, {@code BTC} for
 *                             {@code BTCUSD_PERP}); for spot the quote asset
 * @param fundingIntervalNanos the time between two funding times of a perpetual (8 h on Binance for most symbols),
 *                             {@link #NO_FUNDING} for other kinds
 * @param expiryNanos          the delivery time of a dated future, epoch nanoseconds, {@link #NO_EXPIRY} otherwise
 */
public record ContractSpec(InstrumentKind kind, String settlementAsset, long fundingIntervalNanos, long expiryNanos) {

    /** {@link #fundingIntervalNanos()} of a contract without funding. */
    public static final long NO_FUNDING = 0L;
    /** {@link #expiryNanos()} of a contract that never expires. */
    public static final long NO_EXPIRY = Long.MAX_VALUE;
    /** Binance's default funding interval: 8 hours (00:00, 08:00 and 16:00 UTC). */
    public static final Duration EIGHT_HOURS = Duration.ofHours(8);
    /** The terms of a spot instrument settled in an unnamed quote currency: what {@link Instrument}'s constructor gives. */
    public static final ContractSpec SPOT = new ContractSpec(InstrumentKind.SPOT, "QUOTE", NO_FUNDING, NO_EXPIRY);

    public ContractSpec {
        Objects.requireNonNull(kind, "contract spec: kind");
        Objects.requireNonNull(settlementAsset, "contract spec: settlementAsset");
        if (settlementAsset.isBlank()) {
            throw new IllegalArgumentException("contract spec of kind " + kind + ": settlementAsset must not be blank");
        }
        if (kind.isPerpetual() != (fundingIntervalNanos > 0)) {
            throw new IllegalArgumentException("contract spec of kind " + kind + ": fundingIntervalNanos must be "
                    + (kind.isPerpetual() ? "> 0 for a perpetual" : NO_FUNDING + " for a contract without funding")
                    + ", was " + fundingIntervalNanos);
        }
        boolean dated = kind == InstrumentKind.LINEAR_FUTURE || kind == InstrumentKind.INVERSE_FUTURE;
        if (!dated && expiryNanos != NO_EXPIRY) {
            throw new IllegalArgumentException("contract spec of kind " + kind + ": only a dated future has an expiry,"
                    + " was " + expiryNanos);
        }
    }

    /** A spot instrument whose quote currency is {@code quoteAsset}. */
    public static ContractSpec spot(String quoteAsset) {
        return new ContractSpec(InstrumentKind.SPOT, quoteAsset, NO_FUNDING, NO_EXPIRY);
    }

    /** A quote-margined perpetual settled in {@code settlementAsset} with funding every {@code fundingInterval}. */
    public static ContractSpec linearPerpetual(String settlementAsset, Duration fundingInterval) {
        return new ContractSpec(InstrumentKind.LINEAR_PERPETUAL, settlementAsset, fundingInterval.toNanos(),
                NO_EXPIRY);
    }

    /** A quote-margined future delivered at {@code expiryNanos}. */
    public static ContractSpec linearFuture(String settlementAsset, long expiryNanos) {
        return new ContractSpec(InstrumentKind.LINEAR_FUTURE, settlementAsset, NO_FUNDING, expiryNanos);
    }

    /** A coin-margined perpetual settled in the base coin {@code settlementAsset}. */
    public static ContractSpec inversePerpetual(String settlementAsset, Duration fundingInterval) {
        return new ContractSpec(InstrumentKind.INVERSE_PERPETUAL, settlementAsset, fundingInterval.toNanos(),
                NO_EXPIRY);
    }

    /** A coin-margined future delivered at {@code expiryNanos}. */
    public static ContractSpec inverseFuture(String settlementAsset, long expiryNanos) {
        return new ContractSpec(InstrumentKind.INVERSE_FUTURE, settlementAsset, NO_FUNDING, expiryNanos);
    }
}
