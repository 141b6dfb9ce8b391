/**
 * How accurate each L2 queue model is on real market-by-order data. {@link io.qtrade.backtest.queue.study.QueueStudy}
 * places virtual orders at the touch of an {@link io.qtrade.backtest.queue.study.L3Tape} (L3 messages as primitive
 * arrays with the L2 view beside them), computes each order's exact FIFO outcome from the messages, runs the same
 * placements through the simulated exchange with each L2 queue model fed only the L2 view (depth and prints), and
 * scores every model ({@link io.qtrade.backtest.queue.study.ModelAccuracy}: fill / no-fill confusion matrix, fill-time
 * error, filled-quantity bias). {@link io.qtrade.backtest.queue.study.LobsterReader} reads a LOBSTER message and
 * orderbook file pair into a tape.
 */
package io.qtrade.backtest.queue.study;
