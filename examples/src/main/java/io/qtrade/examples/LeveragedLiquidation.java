package io.qtrade.examples;

import io.qtrade.backtest.Backtest;
import io.qtrade.backtest.BacktestResult;
import io.qtrade.backtest.margin.MarginSettings;
import io.qtrade.backtest.report.HtmlReport;
import io.qtrade.backtest.report.ReportOptions;
import io.qtrade.core.Side;
import io.qtrade.core.book.OrderBookView;
import io.qtrade.core.margin.Liquidation;
import io.qtrade.core.margin.MarginMode;
import io.qtrade.core.market.InMemoryEventSource;
import io.qtrade.core.strategy.Strategy;
import io.qtrade.core.strategy.StrategyContext;
import io.qtrade.risk.RiskGate;
import io.qtrade.risk.margin.MarginRatioBreaker;
import java.io.PrintStream;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * A leveraged long on the BTCUSDT perpetual (cross margin, 2 BTC on a 10,000 USDT wallet: 12.4x) through a generated
 * crash: the mark price falls
 * 12 % in half an hour on the second day and the position is liquidated at the mark (Binance's rule: margin balance
 * below maintenance margin), with the clearance fee and, past the bankruptcy price, the insurance fund's cover. The
 * same trade again with a {@link MarginRatioBreaker} at a margin ratio of 0.3 closes the position before the venue
 * would (the venue liquidates a cross account at a margin ratio of 1); in REDUCE mode it cuts the position with a
 * reduce-only market order down to a margin ratio of 0.15 and keeps the rest. Prints the outcomes and writes the HTML report of the liquidated run (its "Liquidations" section).
 */
public final class LeveragedLiquidation {

    static final long MINUTE = FundingCarry.MINUTE;

    private LeveragedLiquidation() {
    }

    /** The two runs. */
    public record Outcome(BacktestResult liquidated, List<Liquidation> seen, BacktestResult withBreaker,
                          MarginRatioBreaker breaker, BacktestResult reduced, MarginRatioBreaker reducer,
                          Path report) {
    }

    /** {@code LeveragedLiquidation [seed=3] [report=target/qtrade-liquidation/report.html]}. */
    public static void main(String[] args) {
        long seed = 3;
        Path report = Path.of("target/qtrade-liquidation/report.html");
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            String usage = "usage: LeveragedLiquidation [seed=3] [report=PATH]";
            if (kv.length != 2) {
                throw new IllegalArgumentException("LeveragedLiquidation: argument '" + arg + "' is not key=value; "
                        + usage);
            }
            switch (kv[0]) {
                case "seed" -> seed = Long.parseLong(kv[1]);
                case "report" -> report = Path.of(kv[1]);
                default -> throw new IllegalArgumentException("LeveragedLiquidation: unknown option '" + kv[0] + "'; "
                        + usage);
            }
        }
        run(seed, report, System.out);
    }

    /** Generates three days of one-minute quotes with a crash on day 2, runs both trades, prints, writes the report. */
    public static Outcome run(long seed, Path report, PrintStream out) {
        int steps = 3 * 24 * 60;
        long start = LocalDate.of(2024, 3, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1_000_000_000L;
        SplittableRandom rnd = new SplittableRandom(seed);
        long[] times = new long[steps];
        double[] mid = new double[steps];
        double p = 62_000;
        double sigma = 0.5 / Math.sqrt(365.0 * 24 * 60);
        int crashStart = 24 * 60 + 14 * 60;
        for (int k = 0; k < steps; k++) {
            times[k] = start + k * MINUTE;
            p *= Math.exp(sigma * (rnd.nextDouble() * 2 - 1) * Math.sqrt(3));
            if (k >= crashStart && k < crashStart + 30) {
                p *= Math.pow(0.88, 1.0 / 30); // -12 % over 30 minutes
            }
            mid[k] = p;
        }
        int intervals = steps / (8 * 60);
        double[] rates = new double[intervals];
        java.util.Arrays.fill(rates, 0.0001);
        var tape = PerpTape.build(times, new double[][] {mid}, new double[] {0.0001}, new double[] {0.1}, 50, 0, mid,
                FundingCarry.EIGHT_HOURS, rates);
        List<Liquidation> seen = new ArrayList<>();
        BacktestResult liquidated = backtest(tape, seen, RiskGate.NONE);
        MarginRatioBreaker breaker = new MarginRatioBreaker(0.3, Map.of(FundingCarry.PERP, FundingCarry.brackets()));
        BacktestResult safe = backtest(tape, new ArrayList<>(), breaker);
        // the same breaker in REDUCE mode: cut the position to a margin ratio of 0.15 with a reduce-only market order
        MarginRatioBreaker reducer = MarginRatioBreaker.reducing(0.3,
                Map.of(FundingCarry.PERP, FundingCarry.brackets()), MarginRatioBreaker.Reduction.toMarginRatio(0.15));
        BacktestResult reduced = backtest(tape, new ArrayList<>(), reducer);

        out.println("Leveraged long: 2 BTC of the BTCUSDT perpetual on cross margin, 10,000 USDT of wallet;");
        out.println("the mark price falls 12 % in 30 minutes on day 2 at 14:00 UTC\n");
        out.println("liquidations (the venue closes the position at the mark):");
        out.println(liquidated.liquidations().print());
        var account = liquidated.marginAccount("long", "USDT");
        out.printf(Locale.ROOT, "%nwallet after: %.2f USDT (start 10,000; cross margin: the wallet down to what was"
                        + " left at the trigger, less the clearance fee %.2f; insurance fund cover %.2f)%n", account.walletBalance(),
                account.clearanceFees(), account.insuranceFundCover());
        out.printf(Locale.ROOT, "with a margin ratio breaker at 0.3: %d trip(s), %d liquidation(s), net PnL %.2f USDT"
                        + " (against %.2f liquidated)%n", breaker.trips().size(), safe.liquidationRecords().size(),
                safe.portfolio("long").netPnl(), liquidated.portfolio("long").netPnl());
        out.printf(Locale.ROOT, "REDUCE to a margin ratio of 0.15 instead: %d reduce-only order(s), %s BTC left, %d"
                        + " liquidation(s), net PnL %.2f USDT%n", reducer.reductions().size(),
                reduced.portfolio("long").position(FundingCarry.PERP).qty(), reduced.liquidationRecords().size(),
                reduced.portfolio("long").netPnl());
        Path html = HtmlReport.write(liquidated, report, ReportOptions.builder()
                .title("qtrade: a leveraged long liquidated on a generated crash").build());
        out.println("wrote " + html.toAbsolutePath() + " (the HTML report, with its Liquidations section)");
        return new Outcome(liquidated, seen, safe, breaker, reduced, reducer, html);
    }

    private static BacktestResult backtest(io.qtrade.core.market.EventBatch tape, List<Liquidation> seen,
                                           RiskGate gate) {
        return Backtest.builder()
                .source(new InMemoryEventSource(List.of(FundingCarry.PERP), tape))
                .exchange(FundingCarry.settings(FundingCarry.PERP))
                .margin(new MarginSettings(FundingCarry.PERP, MarginMode.CROSS, 20, FundingCarry.brackets()))
                .clearanceFeeRate(0.005)
                .riskGate(gate)
                .strategy("long", new LongOnce(2, seen)).initialCash(10_000).markIntervalNanos(10 * MINUTE)
                .build().run();
    }

    /** Buys {@code qty} at the first ask and holds; records the liquidations it is told of. */
    static final class LongOnce implements Strategy {
        private final double qty;
        private final List<Liquidation> seen;
        private StrategyContext ctx;
        private boolean sent;

        LongOnce(double qty, List<Liquidation> seen) {
            this.qty = qty;
            this.seen = seen;
        }

        @Override
        public void onStart(StrategyContext context) {
            ctx = context;
        }

        @Override
        public void onBook(int instrument, OrderBookView book) {
            if (!sent && !book.isEmpty(Side.SELL)) {
                sent = true;
                ctx.submitMarket(0, Side.BUY, qty);
            }
        }

        @Override
        public void onLiquidation(Liquidation liquidation) {
            seen.add(liquidation);
        }
    }
}
