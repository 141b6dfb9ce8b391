package io.qtrade.examples;

import io.qtrade.backtest.Backtest;
import io.qtrade.backtest.BacktestResult;
import io.qtrade.backtest.exchange.ExchangeSettings;
import io.qtrade.backtest.fee.BpsFees;
import io.qtrade.backtest.latency.ConstantLatency;
import io.qtrade.backtest.queue.RiskAverseQueue;
import io.qtrade.store.synthetic.SyntheticPair;
import io.qtrade.core.Instrument;
import io.qtrade.core.market.EventSource;
import io.qtrade.core.portfolio.Portfolio;
import io.qtrade.strategies.pairs.EngleGrangerTest;
import io.qtrade.strategies.pairs.HedgeSizing;
import io.qtrade.strategies.pairs.KalmanPairsTrader;
import io.qtrade.strategies.pairs.PairsTraderStats;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Kalman-filter pairs trading on a generated pair ({@link SyntheticPair#example()}): the same
 * {@link KalmanPairsTrader} settings on a cointegrated pair, with and without an Engle-Granger gate, and on two
 * independent random walks with the gate; prints the first trades, then a results table (signals, gate, orders,
 * fees, PnL net of fees) and a hedge-ratio path summary.
 *
 * <p>Settings: one sample a second, Kalman {@code delta = 1e-11} (a hedge ratio that moves slowly) and
 * {@code Ve = 0.09} (the spread's variance, so z is on a unit scale), prior from OLS on the first 30 minutes,
 * entry/exit/stop at |z| = 1.5 / 0.25 / 4, beta-neutral legs of 10,000 notional on y, IOC orders one tick through the
 * touch; gate: Engle-Granger p &lt; 1% on the last 600 samples, re-tested every 60. Venue: 1 ms latency each way,
 * 2 bps taker fee. {@code PairsTrading [seed=1] [hours=4]}.
 */
public final class PairsTrading {

    private PairsTrading() {
    }

    /** One scenario's outcome. */
    public record Scenario(String name, PairsTraderStats stats, Portfolio portfolio, BacktestResult result) {
    }

    /** Runs the three scenarios with command-line options {@code seed=N hours=H}. */
    public static void main(String[] args) {
        long seed = 1;
        int hours = 4;
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("PairsTrading: argument '" + arg + "' is not key=value;"
                        + " usage: PairsTrading [seed=1] [hours=4]");
            }
            switch (kv[0]) {
                case "seed" -> seed = Long.parseLong(kv[1]);
                case "hours" -> hours = Integer.parseInt(kv[1]);
                default -> throw new IllegalArgumentException("PairsTrading: unknown option '" + kv[0]
                        + "'; usage: PairsTrading [seed=1] [hours=4]");
            }
        }
        run(seed, hours, System.out);
    }

    /** The trader the example runs, with or without the gate. */
    public static KalmanPairsTrader trader(SyntheticPair pair, boolean gated) {
        KalmanPairsTrader.Builder b = KalmanPairsTrader.builder(pair.y(), pair.x())
                .kalman(1e-11, pair.spreadSd() * pair.spreadSd())
                .thresholds(1.5, 0.25, 4.0)
                .warmUpSamples(1800)
                .sizing(HedgeSizing.BETA_NEUTRAL)
                .legNotional(10_000);
        if (gated) {
            b.cointegrationGate(new EngleGrangerTest(0.01), 600, 60);
        }
        return b.build();
    }

    /** Backtests {@code trader} on {@code source} at the example's venue settings. */
    public static BacktestResult backtest(EventSource source, KalmanPairsTrader trader) {
        Backtest.Builder b = Backtest.builder().source(source).strategy("pairs", trader).initialCash(100_000);
        for (Instrument i : source.instruments()) {
            b.exchange(ExchangeSettings.builder(i).latency(new ConstantLatency(1_000_000, 1_000_000))
                    .queue(RiskAverseQueue.INSTANCE).fees(new BpsFees(0.0, 2.0)).build());
        }
        return b.build().run();
    }

    /** Runs the scenarios, prints the tables to {@code out} and returns them. */
    public static List<Scenario> run(long seed, int hours, PrintStream out) {
        SyntheticPair pair = SyntheticPair.example();
        int seconds = hours * 3600;
        out.printf(Locale.ROOT, "qtrade pairs trading: %s, %d hours of 1 s quotes, seed %d%n", pair, hours, seed);
        List<Scenario> scenarios = new ArrayList<>();
        String[] names = {"cointegrated", "cointegrated + EG gate", "independent + EG gate"};
        for (int k = 0; k < names.length; k++) {
            KalmanPairsTrader trader = trader(pair, k > 0);
            EventSource source = k < 2 ? pair.cointegrated(seed, seconds) : pair.independent(seed + 1, seconds);
            BacktestResult result = backtest(source, trader);
            scenarios.add(new Scenario(names[k], trader.stats(), result.portfolio("pairs"), result));
            if (k == 0) {
                out.println(trader);
                out.println("first trades (cointegrated, no gate):");
                out.println(result.fills().selectColumns("symbol", "side", "price", "qty", "fee", "liquidity",
                        "local_ts").first(8).print());
            }
        }
        out.println(table(scenarios).print());
        out.println(hedgeRatios(scenarios, pair).print());
        return scenarios;
    }

    static Table table(List<Scenario> scenarios) {
        StringColumn name = StringColumn.create("scenario");
        LongColumn entries = LongColumn.create("entries");
        LongColumn exits = LongColumn.create("exits");
        LongColumn stops = LongColumn.create("stops");
        StringColumn gate = StringColumn.create("gate_accepts");
        LongColumn orders = LongColumn.create("orders");
        LongColumn fills = LongColumn.create("fills");
        DoubleColumn fees = DoubleColumn.create("fees");
        DoubleColumn realized = DoubleColumn.create("realized");
        DoubleColumn unrealized = DoubleColumn.create("unrealized");
        DoubleColumn net = DoubleColumn.create("net_pnl");
        for (Scenario s : scenarios) {
            name.append(s.name());
            entries.append(s.stats().entries());
            exits.append(s.stats().exits());
            stops.append(s.stats().stops());
            gate.append(s.stats().gateTests() == 0 ? "-" : s.stats().gateAccepts() + "/" + s.stats().gateTests());
            orders.append(s.stats().ordersSent());
            fills.append(s.result().fillRecords().size());
            fees.append(round2(s.portfolio().fees()));
            realized.append(round2(s.portfolio().realizedPnl()));
            unrealized.append(round2(s.portfolio().unrealizedPnl()));
            net.append(round2(s.portfolio().netPnl()));
        }
        return Table.create("Kalman pairs trading, PnL net of fees (quote currency)", name, entries, exits, stops,
                gate, orders, fills, fees, realized, unrealized, net);
    }

    static Table hedgeRatios(List<Scenario> scenarios, SyntheticPair pair) {
        StringColumn name = StringColumn.create("scenario");
        DoubleColumn min = DoubleColumn.create("beta_min");
        DoubleColumn mean = DoubleColumn.create("beta_mean");
        DoubleColumn max = DoubleColumn.create("beta_max");
        DoubleColumn last = DoubleColumn.create("beta_last");
        for (Scenario s : scenarios) {
            name.append(s.name());
            min.append(round4(s.stats().minBeta()));
            mean.append(round4(s.stats().meanBeta()));
            max.append(round4(s.stats().maxBeta()));
            last.append(round4(s.stats().lastBeta()));
        }
        return Table.create("hedge ratio path after warm-up (generated b = " + pair.b() + ")", name, min, mean, max,
                last);
    }

    private static double round2(double v) {
        return Math.round(v * 100) / 100.0;
    }

    private static double round4(double v) {
        return Math.round(v * 10_000) / 10_000.0;
    }
}
