package io.qtrade.bars.corporate;

import java.time.LocalDate;
import java.util.Objects;

/**
 * One corporate action of a symbol, effective at the start of its ex-date (before that day's first bar).
 *
 * <ul>
 *   <li>{@link Kind#SPLIT}: {@code value} new shares per old share (2 for 2-for-1, 0.1 for a 1-for-10 reverse
 *       split). Positions are multiplied by it, open orders' quantities too and their prices divided by it.</li>
 *   <li>{@link Kind#DIVIDEND}: {@code value} cash per share (quote currency), credited to a long position and
 *       debited from a short one, on the ex-date (the pay date is not modelled).</li>
 * </ul>
 *
 * @param symbol the instrument's symbol
 * @param exDate the ex-date, in the exchange's calendar
 * @param kind   split or cash dividend
 * @param value  split ratio ({@code > 0}) or dividend per share ({@code > 0})
 */
public record CorporateAction(String symbol, LocalDate exDate, Kind kind, double value) {

    /** What the action does. */
    public enum Kind {
        SPLIT,
        DIVIDEND
    }

    public CorporateAction {
        Objects.requireNonNull(symbol, "corporate action: symbol");
        Objects.requireNonNull(exDate, "corporate action: exDate");
        Objects.requireNonNull(kind, "corporate action: kind");
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException("corporate action " + kind + " of " + symbol + " on " + exDate
                    + ": value must be finite and > 0, was " + value);
        }
    }

    /** A split of {@code ratio} new shares per old share. */
    public static CorporateAction split(String symbol, LocalDate exDate, double ratio) {
        return new CorporateAction(symbol, exDate, Kind.SPLIT, ratio);
    }

    /** A cash dividend of {@code amount} per share. */
    public static CorporateAction dividend(String symbol, LocalDate exDate, double amount) {
        return new CorporateAction(symbol, exDate, Kind.DIVIDEND, amount);
    }
}
