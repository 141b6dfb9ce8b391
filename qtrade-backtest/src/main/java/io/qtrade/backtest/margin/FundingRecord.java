package io.qtrade.backtest.margin;

/**
 * One funding settlement of one strategy's position, a row of {@code BacktestResult.funding()}.
 *
 * @param strategy    the strategy's index
 * @param instrument  the instrument's index
 * @param fundingTime the funding time, epoch nanoseconds
 * @param qty         the position at the funding time (signed contracts)
 * @param markPrice   the mark price used (the latest {@code MARK_PRICE} at or before the funding time)
 * @param rate        the funding rate
 * @param paid        paid by the strategy, settlement asset (negative: received)
 */
public record FundingRecord(int strategy, int instrument, long fundingTime, double qty, double markPrice,
                            double rate, double paid) {
}
