package io.qtrade.backtest;

import io.qtrade.backtest.exchange.ExchangeSettings;
import io.qtrade.backtest.fee.FeeModel;
import io.qtrade.backtest.latency.ConstantLatency;
import io.qtrade.backtest.latency.LatencyModel;
import io.qtrade.backtest.queue.QueueModel;
import io.qtrade.backtest.queue.RiskAverseQueue;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;

/** Shared instruments, books and one-line runs for the scenario tests. */
final class Scenarios {

    static final Instrument AAA = Instrument.spot("AAA", "SYN", 0.01, 1);
    static final Instrument BBB = Instrument.spot("BBB", "SYN", 0.01, 1);

    /** Every scenario runs to this time, so timers after the last event still fire. */
    static final long END = 1_000_000;

    private Scenarios() {
    }

    /** bids 100.00 x 10, 99.99 x 10; asks 100.02 x 10, 100.03 x 10, 100.05 x 10, all at {@code t}. */
    static Tape standardBook(long t) {
        return new Tape(0, AAA)
                .depth(t, Side.BUY, 100.00, 10).depth(t, Side.BUY, 99.99, 10)
                .depth(t, Side.SELL, 100.02, 10).depth(t, Side.SELL, 100.03, 10).depth(t, Side.SELL, 100.05, 10);
    }

    static BacktestResult run(Tape tape, ScriptedStrategy strategy, QueueModel queue, LatencyModel latency,
                              FeeModel fees) {
        return Backtest.builder()
                .source(tape.source())
                .exchange(ExchangeSettings.builder(AAA).latency(latency).queue(queue).fees(fees).build())
                .strategy("s", strategy)
                .markIntervalNanos(0)
                .endNanos(END)
                .build()
                .run();
    }

    static BacktestResult run(Tape tape, ScriptedStrategy strategy) {
        return run(tape, strategy, RiskAverseQueue.INSTANCE, ConstantLatency.ZERO, FeeModel.NONE);
    }
}
