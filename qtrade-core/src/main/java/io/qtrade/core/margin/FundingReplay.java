package io.qtrade.core.margin;

import io.qtrade.core.Instrument;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Funding of a position path, without a backtest: given the trades (time, signed quantity) and the funding schedule
 * (time, rate, mark price), each funding time pays on the position of the trades strictly before it
 * ({@link FundingPayment}; Binance: only positions open at the funding time pay or receive). Per UTC day of the funding
 * time, the income ({@code -paid}) is summed by {@link #incomePerUtcDay}.
 */
public final class FundingReplay {

    private FundingReplay() {
    }

    /**
     * The payments of every funding time, in schedule order.
     *
     * @param instrument   the contract (linear or inverse: {@link FundingPayment#paid})
     * @param tradeTimes   trade times, epoch nanoseconds, non-decreasing
     * @param signedQty    the trades' signed quantities (long positive), contracts
     * @param fundingTimes funding times, epoch nanoseconds, increasing
     * @param rates        the funding rate at each funding time
     * @param marks        the mark price at each funding time
     * @throws IllegalArgumentException if the arrays differ in length or the times are out of order
     */
    public static List<FundingPayment> replay(Instrument instrument, long[] tradeTimes, double[] signedQty,
                                              long[] fundingTimes, double[] rates, double[] marks) {
        if (tradeTimes.length != signedQty.length) {
            throw new IllegalArgumentException("funding replay: " + tradeTimes.length + " trade times but "
                    + signedQty.length + " quantities");
        }
        if (fundingTimes.length != rates.length || fundingTimes.length != marks.length) {
            throw new IllegalArgumentException("funding replay: " + fundingTimes.length + " funding times, "
                    + rates.length + " rates, " + marks.length + " marks");
        }
        List<FundingPayment> out = new ArrayList<>(fundingTimes.length);
        double position = 0;
        int next = 0;
        for (int k = 0; k < fundingTimes.length; k++) {
            if (k > 0 && fundingTimes[k] <= fundingTimes[k - 1]) {
                throw new IllegalArgumentException("funding replay: funding time " + k + " (" + fundingTimes[k]
                        + ") is not after the previous " + fundingTimes[k - 1]);
            }
            while (next < tradeTimes.length && tradeTimes[next] < fundingTimes[k]) {
                if (next > 0 && tradeTimes[next] < tradeTimes[next - 1]) {
                    throw new IllegalArgumentException("funding replay: trade " + next + " is before trade "
                            + (next - 1));
                }
                position += signedQty[next++];
            }
            double paid = position == 0 ? 0.0 : FundingPayment.paid(instrument, position, marks[k], rates[k]);
            out.add(new FundingPayment(instrument, fundingTimes[k], position, marks[k], rates[k], paid));
        }
        return out;
    }

    /** The funding income ({@code -paid}) summed per UTC date of the funding time. */
    public static SortedMap<LocalDate, Double> incomePerUtcDay(List<FundingPayment> payments) {
        SortedMap<LocalDate, Double> out = new TreeMap<>();
        for (FundingPayment p : payments) {
            LocalDate day = Instant.ofEpochSecond(0, p.fundingTime()).atZone(ZoneOffset.UTC).toLocalDate();
            out.merge(day, p.income(), Double::sum);
        }
        return out;
    }
}
