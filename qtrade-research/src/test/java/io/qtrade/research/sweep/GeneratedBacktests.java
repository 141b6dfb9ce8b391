package io.qtrade.research.sweep;

import io.qtrade.backtest.Backtest;
import io.qtrade.backtest.OrderHistory;
import io.qtrade.backtest.exchange.ExchangeSettings;
import io.qtrade.backtest.fee.BpsFees;
import io.qtrade.backtest.latency.ConstantLatency;
import io.qtrade.backtest.queue.PowerProbability;
import io.qtrade.backtest.queue.ProbabilisticQueue;
import io.qtrade.store.synthetic.SyntheticMarket;
import io.qtrade.core.Instrument;

/** Test backtests: {@link TouchQuoter} on a generated day per partition (seeded by the partition's index). */
public final class GeneratedBacktests {

    static final Instrument AAA = Instrument.spot("AAA", "SIM", 0.01, 1);

    private GeneratedBacktests() {
    }

    /** {@code events} generated events of the partition's day, quoted with {@code offset} and {@code max}. */
    public static Backtest quoting(ParameterSet p, Partition part, long events) {
        return quoting(p, part, events, OrderHistory.OPEN_ONLY);
    }

    /** The same with the given order history. */
    public static Backtest quoting(ParameterSet p, Partition part, long events, OrderHistory history) {
        SyntheticMarket market = SyntheticMarket.builder().instrument(AAA, 100.0).events(events)
                .seed(1_000 + part.index()).startNanos(part.startNanos()).build();
        return Backtest.builder().source(market)
                .exchange(ExchangeSettings.builder(AAA).latency(new ConstantLatency(50_000, 50_000))
                        .queue(new ProbabilisticQueue(new PowerProbability(2))).fees(new BpsFees(-0.2, 2.0)).build())
                .strategy("mm", new TouchQuoter(p.getInt("offset"), p.get("max")))
                .markIntervalNanos(1_000_000_000L).orderHistory(history).build();
    }
}
