package io.qtrade.examples;

import io.qtrade.bars.BarBacktest;
import io.qtrade.bars.BarContext;
import io.qtrade.bars.BarResult;
import io.qtrade.bars.cost.BuyingPower;
import io.qtrade.bars.cost.UsEquityCommission;
import io.qtrade.bars.cost.VolumeShareSlippage;
import io.qtrade.bars.order.Rebalance;
import io.qtrade.bars.synthetic.SyntheticEquityMarket;
import io.qtrade.bars.universe.Universe;
import io.qtrade.core.Instrument;
import io.qtrade.core.bar.BarInterval;
import io.qtrade.core.bar.BarSlice;
import io.qtrade.core.bar.BarSource;
import io.qtrade.core.strategy.Strategy;
import io.qtrade.core.strategy.StrategyContext;
import io.qtrade.risk.metrics.Conventions;
import io.qtrade.store.bars.BarCsvReader;
import io.qtrade.store.bars.BarStore;
import tech.tablesaw.api.Table;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;

/**
 * Cross-sectional momentum (Jegadeesh and Titman 1993, "Returns to buying winners and selling losers", J. Finance
 * 48(1)) in the bar engine against equal-weight buy-and-hold, with costs, on a generated universe or on a folder of
 * daily CSV files.
 *
 * <p>Signal, on total-return prices ({@code BarContext.adjustmentFactor}), no look-ahead: at the first bar of each
 * month, for every listed symbol with 12 months of history, {@code score = P(t - 21) / P(t - 252) - 1} (the 12-1
 * month return, skipping the last month's reversal). Portfolio: the top decile, equal weights summing to 98% of
 * equity, rebalanced at the next open. Costs: Interactive Brokers' fixed schedule with SEC and FINRA fees, a volume
 * share slippage (at most 2.5% of a bar's volume, impact {@code 0.1 * sqrt(participation)}), a cash account (no
 * shorts, no leverage). The benchmark buys every listed symbol in equal weights at the first bar and holds.
 *
 * <p>{@code MomentumResearch} runs on {@link SyntheticEquityMarket} (200 symbols, 12 years, seed 7, with listings and
 * delistings); {@code MomentumResearch path/to/dir [universe.csv]} on a bar store's daily dataset (the store root) or
 * on every {@code SYMBOL.csv} of a folder (Yahoo/Stooq columns, UTC days), with an optional universe file (listing
 * and delisting dates, {@link Universe#readCsv}). Prints the summary and writes
 * {@code target/qtrade-momentum/report.html}.
 */
public final class MomentumResearch {

    private MomentumResearch() {
    }

    /** What the run produced. */
    public record Outcome(BarResult result, Table summary, Path report) {
    }

    public static void main(String[] args) {
        Path out = Path.of("target", "qtrade-momentum");
        if (args.length > 2) {
            throw new IllegalArgumentException("usage: MomentumResearch [BAR_STORE_ROOT | CSV_FOLDER [UNIVERSE_CSV]],"
                    + " was given " + args.length + " arguments");
        }
        if (args.length > 0) {
            Universe universe = args.length > 1 ? Universe.readCsv(Path.of(args[1])) : new Universe(List.of());
            run(source(Path.of(args[0])), universe, out, System.out);
        } else {
            SyntheticEquityMarket market = SyntheticEquityMarket.of(200, 3024, 7);
            run(market, market.universe(), out, System.out);
        }
    }

    /**
     * The daily bars under {@code directory}: a bar store root (it has {@code bars/interval=1d}, as
     * {@code Convert --from bars-csv} writes it) gives every instrument of its daily dataset, streamed; any other
     * folder is read as one Yahoo/Stooq-style {@code SYMBOL.csv} file per symbol (UTC days, tick 0.01, lot 1).
     *
     * @throws IllegalArgumentException when it is neither, naming it
     */
    public static BarSource source(Path directory) {
        if (!Files.isDirectory(directory)) {
            throw new IllegalArgumentException(directory + " is not a directory: expected a bar store root or a"
                    + " folder of SYMBOL.csv daily files");
        }
        BarStore store = BarStore.at(directory);
        if (Files.isDirectory(store.dataset(BarInterval.ONE_DAY))) {
            List<Instrument> instruments = store.instruments(BarInterval.ONE_DAY);
            if (instruments.isEmpty()) {
                throw new IllegalArgumentException(store.dataset(BarInterval.ONE_DAY) + " holds no symbols");
            }
            return store.read(BarInterval.ONE_DAY, instruments);
        }
        return BarCsvReader.folder(directory, "CSV", 0.01, 1, BarCsvReader.Settings.UTC_DAYS);
    }

    /** Runs both strategies on {@code source}, prints the summary, writes the report into {@code directory}. */
    public static Outcome run(BarSource source, Universe universe, Path directory, PrintStream print) {
        BarResult result = BarBacktest.builder()
                .source(source)
                .universe(universe)
                .strategy("momentum 12-1 top decile", new CrossSectionalMomentum(252, 21, 0.10, 0.98))
                .strategy("equal-weight buy and hold", new EqualWeightBuyAndHold(0.98))
                .initialCash(1_000_000)
                .commission(UsEquityCommission.IBKR_FIXED)
                .slippage(new VolumeShareSlippage(0.025, 0.1))
                .buyingPower(BuyingPower.CASH_ACCOUNT)
                .build().run();
        Table summary = result.summary(Conventions.DAILY);
        print.printf("%d bars, %d bar times, %d bars outside listings dropped, %d orders, %d fills, %.1f M bars/s%n",
                result.bars(), result.slices(), result.droppedBars(), result.backtest().orderCount(),
                result.backtest().fillCount(), result.barsPerSecond() / 1e6);
        print.println(summary.printAll());
        Path report = result.writeReport(directory.resolve("report.html"), "Cross-sectional momentum",
                Conventions.DAILY);
        print.println("report: " + report.toAbsolutePath());
        return new Outcome(result, summary, report);
    }

    /**
     * Monthly 12-1 momentum: equal weights in the top {@code fraction} of listed symbols by
     * {@code P(t - skip) / P(t - lookback) - 1} on total-return prices.
     */
    public static final class CrossSectionalMomentum implements Strategy {
        private final int lookback;
        private final int skip;
        private final double fraction;
        private final double invested;
        private BarContext context;
        /** Per instrument: a ring of the last {@code lookback + 1} total-return prices, and how many were seen. */
        private double[][] history;
        private int[] seen;
        private int month = -1;
        private int rebalances;

        public CrossSectionalMomentum(int lookback, int skip, double fraction, double invested) {
            this.lookback = lookback;
            this.skip = skip;
            this.fraction = fraction;
            this.invested = invested;
        }

        @Override
        public void onStart(StrategyContext c) {
            context = BarContext.of(c);
            int n = context.instruments().size();
            history = new double[n][lookback + 1];
            seen = new int[n];
        }

        @Override
        public void onBars(BarSlice bars) {
            for (int k = 0; k < bars.size(); k++) {
                int i = bars.instrument(k);
                history[i][seen[i] % (lookback + 1)] = bars.close(k) * context.adjustmentFactor(i);
                seen[i]++;
            }
            int m = Instant.ofEpochSecond(bars.endTs() / 1_000_000_000L).atZone(ZoneOffset.UTC).getMonthValue();
            if (m == month) {
                return;
            }
            boolean first = month < 0;
            month = m;
            if (first) {
                return;
            }
            int n = seen.length;
            double[] score = new double[n];
            Arrays.fill(score, Double.NaN);
            int eligible = 0;
            for (int i = 0; i < n; i++) {
                if (seen[i] > lookback && context.isListed(i) && bars.has(i)) {
                    double recent = history[i][(seen[i] - 1 - skip) % (lookback + 1)];
                    double old = history[i][(seen[i] - 1 - lookback) % (lookback + 1)];
                    score[i] = recent / old - 1;
                    eligible++;
                }
            }
            if (eligible < 10) {
                return;
            }
            int picks = Math.max(1, (int) Math.round(eligible * fraction));
            double[] sorted = Arrays.stream(score).filter(s -> !Double.isNaN(s)).sorted().toArray();
            double cutoff = sorted[sorted.length - picks];
            double[] weights = new double[n];
            int chosen = 0;
            for (int i = 0; i < n && chosen < picks; i++) {
                if (!Double.isNaN(score[i]) && score[i] >= cutoff) {
                    chosen++;
                }
            }
            for (int i = 0; i < n; i++) {
                if (!Double.isNaN(score[i]) && score[i] >= cutoff) {
                    weights[i] = invested / chosen;
                }
            }
            context.rebalanceToWeights(weights, Rebalance.NEXT_OPEN);
            rebalances++;
        }

        /** Rebalances made so far. */
        public int rebalances() {
            return rebalances;
        }
    }

    /** Buys every symbol listed at the first bar time in equal weights and holds. */
    public static final class EqualWeightBuyAndHold implements Strategy {
        private final double invested;
        private BarContext context;
        private boolean bought;

        public EqualWeightBuyAndHold(double invested) {
            this.invested = invested;
        }

        @Override
        public void onStart(StrategyContext c) {
            context = BarContext.of(c);
        }

        @Override
        public void onBars(BarSlice bars) {
            if (bought) {
                return;
            }
            bought = true;
            double[] weights = new double[context.instruments().size()];
            for (int k = 0; k < bars.size(); k++) {
                weights[bars.instrument(k)] = invested / bars.size();
            }
            context.rebalanceToWeights(weights, Rebalance.NEXT_OPEN);
        }
    }
}
