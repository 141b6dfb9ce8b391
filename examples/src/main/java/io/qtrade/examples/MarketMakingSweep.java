package io.qtrade.examples;

import io.qtrade.backtest.Backtest;
import io.qtrade.backtest.BacktestResult;
import io.qtrade.backtest.FillRecord;
import io.qtrade.backtest.exchange.ExchangeSettings;
import io.qtrade.backtest.fee.BpsFees;
import io.qtrade.backtest.latency.ConstantLatency;
import io.qtrade.backtest.queue.PowerProbability;
import io.qtrade.backtest.queue.ProbabilisticQueue;
import io.qtrade.store.synthetic.SyntheticMarket;
import io.qtrade.core.Instrument;
import io.qtrade.core.order.Liquidity;
import io.qtrade.core.portfolio.Portfolio;
import io.qtrade.features.volatility.EwmaVolatility;
import io.qtrade.strategies.marketmaking.AvellanedaStoikov;
import io.qtrade.strategies.marketmaking.GueantLehalleFernandezTapia;
import io.qtrade.strategies.marketmaking.MarketMaker;
import io.qtrade.strategies.marketmaking.QuoteModel;
import io.qtrade.strategies.marketmaking.RollingHorizon;
import io.qtrade.strategies.marketmaking.TradeIntensityEstimator;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;
import tech.tablesaw.columns.numbers.NumberColumnFormatter;

import java.io.PrintStream;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * A parameter sweep of market makers on one generated market: the Avellaneda-Stoikov maker for several risk
 * aversions gamma, and the Gueant-Lehalle-Fernandez-Tapia maker for a few, all in one backtest over the same tape
 * (the backtester keeps strategies independent: one never takes another's liquidity), printed as a table.
 *
 * <pre>{@code
 * mvn -B -q -pl examples -am -DskipTests -Pdemo package -Ddemo.mainClass=io.qtrade.examples.MarketMakingSweep
 * mvn -B -q -pl examples -am -DskipTests -Pdemo package -Ddemo.mainClass=io.qtrade.examples.MarketMakingSweep \
 *     -Dexec.args="events=2000000 seed=11"
 * }</pre>
 * Arguments, all optional: {@code events=N} (default {@value #DEFAULT_EVENTS}) and {@code seed=S} (default 7).
 *
 * <p>The market: a Cont-Stoikov-Talreja book ({@link SyntheticMarket} defaults: AAA at 100.00, tick 0.01, lot 1),
 * 50 µs entry and response latency, {@code ProbabilisticQueue(PowerProbability(2))}, -0.2 bps maker rebate and 2 bps
 * taker fee. Every maker quotes 1 lot post-only, holds at most {@value #MAX_INVENTORY_LOTS} lots, estimates sigma with
 * an EWMA (lambda 0.97) of 1 s mid changes and {@code A}, {@code k} with a {@link TradeIntensityEstimator} (one-tick
 * buckets, 10 minutes half-life); AS uses a rolling 60 s horizon, GLFT a bound of {@value #GLFT_BOUND_LOTS} lots.
 *
 * <p>Columns: the strategy, model and gamma; orders and fills; maker share of the fills; net PnL, fees (negative: net
 * rebate) and PnL per lot traded, in quote currency; time-weighted mean and the largest |inventory| in lots (from the
 * equity marks, every second and at every fill); the last sigma (price units per sqrt(second)), {@code k} (per price
 * unit) and {@code A} (per second) the maker used.
 */
public final class MarketMakingSweep {

    /** Events of the generated market by default. */
    public static final long DEFAULT_EVENTS = 500_000;
    /** Default seed of the generator. */
    public static final long DEFAULT_SEED = 7;
    /** Risk aversions of the Avellaneda-Stoikov makers, per price unit. */
    public static final double[] AS_GAMMAS = {0.05, 0.1, 0.2, 0.5, 1.0, 2.0};
    /** Risk aversions of the GLFT makers, per price unit. */
    public static final double[] GLFT_GAMMAS = {1.0, 10.0, 100.0};
    /** Inventory limit of every maker, lots. */
    public static final int MAX_INVENTORY_LOTS = 20;
    /** GLFT inventory bound {@code Q}, lots. */
    public static final int GLFT_BOUND_LOTS = 5;

    private static final Instrument AAA = Instrument.spot("AAA", "SYN", 0.01, 1);

    private MarketMakingSweep() {
    }

    /** Runs the sweep with {@code events=N seed=S} (both optional); exit status 2 on bad arguments. */
    public static void main(String[] args) {
        long events = DEFAULT_EVENTS;
        long seed = DEFAULT_SEED;
        try {
            for (String arg : args) {
                int eq = arg.indexOf('=');
                String key = eq < 0 ? arg : arg.substring(0, eq);
                String value = eq < 0 ? "" : arg.substring(eq + 1);
                switch (key) {
                    case "events" -> events = parsePositive(key, value);
                    case "seed" -> seed = parseLong(key, value);
                    default -> throw new IllegalArgumentException("unknown argument " + arg
                            + "; expected events=N or seed=S");
                }
            }
        } catch (IllegalArgumentException e) {
            System.err.println("MarketMakingSweep: " + e.getMessage());
            System.err.println("usage: MarketMakingSweep [events=" + DEFAULT_EVENTS + "] [seed=" + DEFAULT_SEED + "]");
            System.exit(2);
            return;
        }
        run(events, seed, System.out);
    }

    /**
     * Runs the sweep on {@code events} generated events with {@code seed}, prints the table to {@code out} and
     * returns it (one row per maker, AS first by gamma, then GLFT).
     */
    public static Table run(long events, long seed, PrintStream out) {
        SyntheticMarket market = SyntheticMarket.builder().instrument(AAA, 100.00).events(events).seed(seed).build();
        Backtest.Builder builder = Backtest.builder()
                .source(market)
                .exchange(ExchangeSettings.builder(AAA)
                        .latency(new ConstantLatency(50_000, 50_000))
                        .queue(new ProbabilisticQueue(new PowerProbability(2)))
                        .fees(new BpsFees(-0.2, 2.0))
                        .build());
        List<String> ids = new ArrayList<>();
        List<String> models = new ArrayList<>();
        List<Double> gammas = new ArrayList<>();
        List<MarketMaker> makers = new ArrayList<>();
        for (double gamma : AS_GAMMAS) {
            add(builder, "as-" + gamma, "AS", gamma, new AvellanedaStoikov(gamma), ids, models, gammas, makers);
        }
        for (double gamma : GLFT_GAMMAS) {
            add(builder, "glft-" + gamma, "GLFT", gamma, new GueantLehalleFernandezTapia(gamma, GLFT_BOUND_LOTS),
                    ids, models, gammas, makers);
        }
        long t0 = System.nanoTime();
        BacktestResult result = builder.build().run();
        double seconds = (System.nanoTime() - t0) / 1e9;
        Table table = table(result, ids, models, gammas, makers);
        out.printf(Locale.ROOT, "qtrade market-making sweep: %d makers on a Cont-Stoikov-Talreja market, %s at 100.00,"
                + " seed %d%n", ids.size(), AAA, seed);
        out.printf(Locale.ROOT, "%,d events in %.2f s (one backtest, generation included)%n", result.events(),
                seconds);
        Table shown = table.copy();
        for (Column<?> c : shown.columns()) {
            if (c instanceof DoubleColumn d) {
                d.setPrintFormatter(new NumberColumnFormatter(new DecimalFormat("#,##0.0000",
                        DecimalFormatSymbols.getInstance(Locale.ROOT)), ""));
            }
        }
        out.println(shown.print(Integer.MAX_VALUE));
        return table;
    }

    private static void add(Backtest.Builder builder, String id, String model, double gamma, QuoteModel quoteModel,
                            List<String> ids, List<String> models, List<Double> gammas, List<MarketMaker> makers) {
        MarketMaker maker = MarketMaker.builder()
                .model(quoteModel)
                .horizon(new RollingHorizon(60))
                .orderQty(1)
                .maxInventory(MAX_INVENTORY_LOTS)
                .volatility(new EwmaVolatility(0.97))
                .intensity(new TradeIntensityEstimator(AAA.tickSize(), 10, 600, 10))
                .build();
        builder.strategy(id, maker);
        ids.add(id);
        models.add(model);
        gammas.add(gamma);
        makers.add(maker);
    }

    private static Table table(BacktestResult result, List<String> ids, List<String> models, List<Double> gammas,
                               List<MarketMaker> makers) {
        int n = ids.size();
        StringColumn strategy = StringColumn.create("strategy");
        StringColumn model = StringColumn.create("model");
        DoubleColumn gamma = DoubleColumn.create("gamma");
        LongColumn orders = LongColumn.create("orders");
        IntColumn fills = IntColumn.create("fills");
        DoubleColumn makerShare = DoubleColumn.create("maker_share");
        DoubleColumn netPnl = DoubleColumn.create("net_pnl");
        DoubleColumn fees = DoubleColumn.create("fees");
        DoubleColumn pnlPerLot = DoubleColumn.create("pnl_per_lot");
        DoubleColumn meanAbsQ = DoubleColumn.create("mean_abs_inventory");
        DoubleColumn maxAbsQ = DoubleColumn.create("max_abs_inventory");
        DoubleColumn sigma = DoubleColumn.create("sigma");
        DoubleColumn k = DoubleColumn.create("k");
        DoubleColumn a = DoubleColumn.create("A");
        Table equity = result.equity();
        for (int i = 0; i < n; i++) {
            String id = ids.get(i);
            int count = 0;
            int maker = 0;
            for (FillRecord f : result.fillRecords()) {
                if (f.strategyId().equals(id)) {
                    count++;
                    maker += f.liquidity() == Liquidity.MAKER ? 1 : 0;
                }
            }
            Portfolio p = result.portfolio(id);
            double traded = p.position(AAA).tradedQty();
            strategy.append(id);
            model.append(models.get(i));
            gamma.append(gammas.get(i));
            orders.append(makers.get(i).ordersSent());
            fills.append(count);
            makerShare.append(count == 0 ? Double.NaN : (double) maker / count);
            netPnl.append(p.netPnl());
            fees.append(p.fees());
            pnlPerLot.append(traded == 0 ? Double.NaN : p.netPnl() / (traded / AAA.lotSize()));
            double[] inventory = timeWeightedInventory(equity, id);
            meanAbsQ.append(inventory[0] / AAA.lotSize());
            maxAbsQ.append(inventory[1] / AAA.lotSize());
            sigma.append(makers.get(i).sigma());
            k.append(makers.get(i).k());
            a.append(makers.get(i).a());
        }
        return Table.create("market_making_sweep", strategy, model, gamma, orders, fills, makerShare, netPnl, fees,
                pnlPerLot, meanAbsQ, maxAbsQ, sigma, k, a);
    }

    /**
     * The time-weighted mean and the maximum of |position| over the strategy's equity marks: each mark's position
     * holds until the next mark, {@code sum |pos_i| (ts_{i+1} - ts_i) / (ts_last - ts_first)}.
     */
    static double[] timeWeightedInventory(Table equity, String strategyId) {
        StringColumn strategy = equity.stringColumn("strategy");
        LongColumn ts = equity.longColumn("ts");
        DoubleColumn position = equity.doubleColumn("position");
        double weighted = 0;
        double max = 0;
        long first = Long.MIN_VALUE;
        long prevTs = Long.MIN_VALUE;
        double prevAbs = 0;
        for (int r = 0; r < equity.rowCount(); r++) {
            if (!strategy.get(r).equals(strategyId)) {
                continue;
            }
            long t = ts.getLong(r);
            double abs = Math.abs(position.getDouble(r));
            if (first == Long.MIN_VALUE) {
                first = t;
            } else {
                weighted += prevAbs * (t - prevTs);
            }
            prevTs = t;
            prevAbs = abs;
            max = Math.max(max, abs);
        }
        double span = first == Long.MIN_VALUE ? 0 : prevTs - first;
        return new double[] {span > 0 ? weighted / span : Double.NaN, max};
    }

    private static long parsePositive(String key, String value) {
        long v = parseLong(key, value);
        if (v < 1) {
            throw new IllegalArgumentException(key + "=" + value + ", expected >= 1");
        }
        return v;
    }

    private static long parseLong(String key, String value) {
        try {
            return Long.parseLong(value.replace("_", ""));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(key + ": expected an integer, was '" + value + "'");
        }
    }
}
