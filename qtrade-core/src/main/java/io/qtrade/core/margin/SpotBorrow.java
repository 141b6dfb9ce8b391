package io.qtrade.core.margin;

import io.qtrade.core.Instrument;
import io.qtrade.core.portfolio.Portfolio;
import io.qtrade.core.portfolio.Position;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * Borrow interest of short spot positions (spot margin): a short of {@code q} units borrows {@code |q|} of the base
 * asset, and at the start of every UTC hour it pays
 * <pre>{@code
 * interest (base asset)  = |q| x hourlyRate(asset, hour)                (Binance margin: borrowed x hourly rate)
 * interest (quote)       = interest (base) x price                       (price: the portfolio's mark, else the entry)
 * }</pre>
 * booked as a cash flow out of the portfolio ({@link Portfolio#applyCashFlow}). {@link #accrue} charges every hour
 * start in {@code (lastAccrual, now]} on the position held at the call, so call it at least once an hour (the backtest
 * calls it at each equity mark: the position is the one at the mark, not exactly at the hour). Mutable.
 */
public final class SpotBorrow {

    /** One hour in nanoseconds. */
    public static final long HOUR_NANOS = 3_600_000_000_000L;

    private final BorrowRates rates;
    private final Map<Instrument, String> borrowedAsset;
    private long lastHour = Long.MIN_VALUE;
    private double interestPaid;

    /**
     * @param rates         the hourly rates
     * @param borrowedAsset per spot instrument that may be shorted, the asset a short borrows (its base asset)
     */
    public SpotBorrow(BorrowRates rates, Map<Instrument, String> borrowedAsset) {
        this.rates = Objects.requireNonNull(rates, "rates");
        this.borrowedAsset = new LinkedHashMap<>(borrowedAsset);
    }

    /** Interest paid so far, quote currency. */
    public double interestPaid() {
        return interestPaid;
    }

    /**
     * Charges the hour starts in {@code (last call, nowNanos]} (the first call only sets the start) on the short
     * positions of {@code portfolio}; returns what this call charged, quote currency.
     */
    public double accrue(Portfolio portfolio, long nowNanos) {
        long hour = Math.floorDiv(nowNanos, HOUR_NANOS);
        if (lastHour == Long.MIN_VALUE) {
            lastHour = hour;
            return 0.0;
        }
        double charged = 0.0;
        for (long h = lastHour + 1; h <= hour; h++) {
            long at = h * HOUR_NANOS;
            for (Map.Entry<Instrument, String> e : borrowedAsset.entrySet()) {
                Position p = portfolio.position(e.getKey());
                if (p.qty() < 0) {
                    double mark = portfolio.markPrice(e.getKey());
                    double price = Double.isNaN(mark) ? p.avgEntryPrice() : mark;
                    double interest = -p.qty() * rates.hourlyRate(e.getValue(), at) * price
                            * e.getKey().contractMultiplier();
                    portfolio.applyCashFlow(-interest);
                    charged += interest;
                }
            }
        }
        lastHour = hour;
        interestPaid += charged;
        return charged;
    }
}
