package io.qtrade.bars.corporate;

import java.time.LocalDate;
import java.util.List;

/**
 * The back-adjusted price series data vendors publish (Yahoo's "Adj Close", CRSP's cumulative factors): the latest
 * prices are the raw ones and every earlier price is scaled down by the actions after it, so that returns computed
 * on the series are total returns. For each action with ex-date {@code d} and {@code C} the raw close on the last
 * date before {@code d}:
 * <pre>{@code
 * split of ratio r:         factor(d) = 1 / r
 * dividend of amount D:     factor(d) = 1 - D / C        (the CRSP / Yahoo multiplicative convention)
 * adjusted_t = raw_t * product of factor(d) over every action with d > date_t
 * }</pre>
 * It uses the future (every later action) by construction: use it for signals computed after the fact or for
 * research, never for fills. The bar engine trades raw prices and offers a look-ahead-free
 * {@code BarContext.adjustmentFactor} instead.
 */
public final class BackAdjustment {

    private BackAdjustment() {
    }

    /**
     * Back-adjusts {@code close} (raw closes on {@code dates}, increasing) for {@code actions} of one symbol.
     *
     * @return a new array, the adjusted closes
     * @throws IllegalArgumentException when the arrays differ in length or the dates are not increasing
     */
    public static double[] adjust(LocalDate[] dates, double[] close, List<CorporateAction> actions) {
        if (dates.length != close.length) {
            throw new IllegalArgumentException("back adjustment: " + dates.length + " dates but " + close.length
                    + " closes");
        }
        for (int t = 1; t < dates.length; t++) {
            if (!dates[t].isAfter(dates[t - 1])) {
                throw new IllegalArgumentException("back adjustment: date " + dates[t] + " at row " + t
                        + " is not after " + dates[t - 1]);
            }
        }
        double[] factorAfter = new double[dates.length]; // product of factors of actions with exDate > date_t
        double[] out = new double[close.length];
        java.util.Arrays.fill(factorAfter, 1.0);
        for (CorporateAction a : actions) {
            int firstOnOrAfter = 0;
            while (firstOnOrAfter < dates.length && dates[firstOnOrAfter].isBefore(a.exDate())) {
                firstOnOrAfter++;
            }
            if (firstOnOrAfter == 0) {
                continue; // nothing before the action to adjust
            }
            double f;
            if (a.kind() == CorporateAction.Kind.SPLIT) {
                f = 1.0 / a.value();
            } else {
                double prevClose = close[firstOnOrAfter - 1];
                f = 1.0 - a.value() / prevClose;
            }
            for (int t = 0; t < firstOnOrAfter; t++) {
                factorAfter[t] *= f;
            }
        }
        for (int t = 0; t < close.length; t++) {
            out[t] = close[t] * factorAfter[t];
        }
        return out;
    }
}
