package io.qtrade.strategies.pairs;

/**
 * What a {@link KalmanPairsTrader} did: its samples, signals, gate and the path of the hedge ratio.
 *
 * @param samples         samples filtered (both mids defined)
 * @param skippedSamples  timer firings skipped because a book side was empty
 * @param entries         positions opened
 * @param exits           positions closed by reversion
 * @param stops           positions closed by the stop
 * @param gateTests       cointegration tests run (0 without a gate)
 * @param gateAccepts     tests that accepted cointegration
 * @param gateFlattens    positions closed because the gate closed
 * @param ordersSent      leg orders sent
 * @param lastBeta        the latest filtered hedge ratio, NaN before the first sample
 * @param minBeta         smallest hedge ratio after warm-up, NaN if none
 * @param maxBeta         largest hedge ratio after warm-up, NaN if none
 * @param meanBeta        mean hedge ratio after warm-up, NaN if none
 * @param lastZ           the latest z-score {@code e / sqrt(Q)}, NaN before the first sample
 */
public record PairsTraderStats(long samples, long skippedSamples, long entries, long exits, long stops,
                               long gateTests, long gateAccepts, long gateFlattens, long ordersSent, double lastBeta,
                               double minBeta, double maxBeta, double meanBeta, double lastZ) {
}
