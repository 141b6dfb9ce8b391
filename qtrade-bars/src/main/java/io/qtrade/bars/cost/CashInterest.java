package io.qtrade.bars.cost;

/**
 * Interest on the cash balance, accrued between bar times (actual/365, simple):
 * <pre>{@code
 * interest = cash * (cash >= 0 ? creditRateAnnual : debitRateAnnual) * days / 365     credited (or debited) to cash
 * }</pre>
 * A negative balance (margin borrowing) pays {@code debitRateAnnual}.
 *
 * @param creditRateAnnual annual rate earned on a positive balance, a fraction (0.04 = 4%)
 * @param debitRateAnnual  annual rate paid on a negative balance, a fraction
 */
public record CashInterest(double creditRateAnnual, double debitRateAnnual) {

    /** No interest. */
    public static final CashInterest NONE = new CashInterest(0.0, 0.0);

    public CashInterest {
        if (!Double.isFinite(creditRateAnnual) || !Double.isFinite(debitRateAnnual)) {
            throw new IllegalArgumentException("cash interest: rates must be finite, were " + creditRateAnnual
                    + " and " + debitRateAnnual);
        }
    }

    /** The interest on {@code cash} for {@code days} (negative: paid). */
    public double interest(double cash, double days) {
        return cash * (cash >= 0 ? creditRateAnnual : debitRateAnnual) * days / 365.0;
    }
}
