package io.qtrade.examples;

import io.qtrade.backtest.Backtest;
import io.qtrade.backtest.BacktestResult;
import io.qtrade.backtest.exchange.ExchangeSettings;
import io.qtrade.backtest.fee.BpsFees;
import io.qtrade.backtest.latency.ConstantLatency;
import io.qtrade.backtest.queue.ProbabilisticQueue;
import io.qtrade.backtest.queue.PowerProbability;
import io.qtrade.store.synthetic.SyntheticMarket;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventCursor;
import io.qtrade.core.market.EventKind;
import io.qtrade.core.time.Timestamps;
import io.qtrade.strategies.execution.ExecutionAlgo;
import io.qtrade.strategies.execution.ParentOrder;
import io.qtrade.strategies.execution.ParentOrderReport;
import io.qtrade.strategies.execution.PovSchedule;
import io.qtrade.strategies.execution.TwapSchedule;
import io.qtrade.strategies.execution.VolumeProfile;
import io.qtrade.strategies.execution.VwapSchedule;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * TWAP, randomised TWAP, VWAP and POV buying the same parent order on the same generated day, side by side: each
 * algorithm is its own strategy in one backtest (strategies are independent what-ifs: none takes liquidity from
 * another), so they see the same market. Prints the parent, the VWAP profile estimated from a previous generated day,
 * and a table of filled quantity, completion time, average price, slippage against the arrival mid and against the
 * market VWAP of the window, participation, children sent and filled, maker share and fees.
 *
 * <p>Market: a Cont-Stoikov-Talreja {@link SyntheticMarket} (AAA at 100.00, tick 0.01, 10 lots per order unit), the
 * execution window 00:05-00:35 UTC; venue: 1 ms latency each way, {@code ProbabilisticQueue(PowerProbability(2))},
 * -0.5 bps maker rebate and 2 bps taker fee. Parent: buy {@code qty} (default 8,000 lots, about a quarter of the
 * window's volume). {@code ExecutionComparison [seed=7] [qty=8000]}.
 */
public final class ExecutionComparison {

    static final Instrument AAA = Instrument.spot("AAA", "SYN", 0.01, 1);
    static final long MINUTE = 60_000_000_000L;
    static final long DAY = VolumeProfile.NANOS_PER_DAY;
    static final long WINDOW_START_OF_DAY = 5 * MINUTE;
    static final long WINDOW_END_OF_DAY = 35 * MINUTE;
    static final long EVENTS = 300_000;

    private ExecutionComparison() {
    }

    /** The outcome: each algorithm's report by name, the market VWAP of the window and the profile used. */
    public record Comparison(Map<String, ParentOrderReport> reports, double marketVwap, VolumeProfile profile,
                             BacktestResult result) {
    }

    /** Runs the comparison with command-line options {@code seed=N qty=Q}. */
    public static void main(String[] args) {
        long seed = 7;
        double qty = 8000;
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            if (kv.length != 2) {
                throw new IllegalArgumentException("ExecutionComparison: argument '" + arg + "' is not key=value;"
                        + " usage: ExecutionComparison [seed=7] [qty=8000]");
            }
            switch (kv[0]) {
                case "seed" -> seed = Long.parseLong(kv[1]);
                case "qty" -> qty = Double.parseDouble(kv[1]);
                default -> throw new IllegalArgumentException("ExecutionComparison: unknown option '" + kv[0]
                        + "'; usage: ExecutionComparison [seed=7] [qty=8000]");
            }
        }
        run(seed, qty, System.out);
    }

    static SyntheticMarket market(long seed, long startNanos) {
        return SyntheticMarket.builder().instrument(AAA, 100.00).orderSizeLots(10).snapshot(true).events(EVENTS)
                .seed(seed).startNanos(startNanos).build();
    }

    /** Runs the four algorithms, prints the tables to {@code out} and returns the reports. */
    public static Comparison run(long seed, double qty, PrintStream out) {
        long day = SyntheticMarket.DEFAULT_START_NANOS;
        long start = day + WINDOW_START_OF_DAY;
        long end = day + WINDOW_END_OF_DAY;
        ParentOrder parent = ParentOrder.unlimited(AAA, Side.BUY, qty, start, end);

        // the VWAP profile: six 5-minute buckets estimated from the prints of the previous (generated) day
        TradeTape history = TradeTape.of(market(seed + 1000, day - DAY));
        VolumeProfile profile = VolumeProfile.estimate(history.ts, history.qty, WINDOW_START_OF_DAY,
                WINDOW_END_OF_DAY, 6);

        Map<String, ExecutionAlgo> algos = new LinkedHashMap<>();
        algos.put("TWAP 10 slices", ExecutionAlgo.builder(TwapSchedule.of(parent, 10))
                .catchUpLeadNanos(10_000_000_000L).build());
        algos.put("TWAP 10 slices, 30% jitter", ExecutionAlgo.builder(TwapSchedule.randomised(parent, 10, 0.3, seed))
                .catchUpLeadNanos(10_000_000_000L).build());
        algos.put("VWAP 6 buckets", ExecutionAlgo.builder(VwapSchedule.of(parent, profile))
                .catchUpLeadNanos(10_000_000_000L).build());
        algos.put("POV 10%", ExecutionAlgo.builder(PovSchedule.of(parent, 0.10)).minChildQty(10).maxChildQty(100)
                .build());

        Backtest.Builder b = Backtest.builder().source(market(seed, day))
                .exchange(ExchangeSettings.builder(AAA).latency(new ConstantLatency(1_000_000, 1_000_000))
                        .queue(new ProbabilisticQueue(new PowerProbability(2))).fees(new BpsFees(-0.5, 2.0)).build());
        int k = 0;
        for (ExecutionAlgo algo : algos.values()) {
            b.strategy("algo-" + k++, algo);
        }
        BacktestResult result = b.build().run();

        TradeTape today = TradeTape.of(market(seed, day));
        double marketVwap = today.vwap(start, end);
        Map<String, ParentOrderReport> reports = new LinkedHashMap<>();
        algos.forEach((name, algo) -> reports.put(name, algo.report()));

        out.printf(Locale.ROOT, "qtrade execution comparison: %s %s %.0f, %s .. %s, seed %d%n", parent.side(),
                AAA.id(), qty, Timestamps.toInstant(start),
                Timestamps.toInstant(end), seed);
        StringBuilder fractions = new StringBuilder();
        for (double f : profile.fractions()) {
            fractions.append(fractions.length() == 0 ? "" : " ").append(String.format(Locale.ROOT, "%.3f", f));
        }
        out.println("VWAP profile (previous day, 5-minute buckets): " + fractions);
        out.printf(Locale.ROOT, "market volume in the window %.0f, market VWAP %.4f%n", today.volume(start, end),
                marketVwap);
        out.println(table(reports, marketVwap, start).print());
        return new Comparison(reports, marketVwap, profile, result);
    }

    static Table table(Map<String, ParentOrderReport> reports, double marketVwap, long start) {
        StringColumn name = StringColumn.create("algo");
        DoubleColumn filled = DoubleColumn.create("filled");
        DoubleColumn completion = DoubleColumn.create("done_after_s");
        DoubleColumn avg = DoubleColumn.create("avg_price");
        DoubleColumn arrival = DoubleColumn.create("arrival_mid");
        DoubleColumn slippage = DoubleColumn.create("slip_bps_arrival");
        DoubleColumn vsVwap = DoubleColumn.create("slip_bps_vwap");
        DoubleColumn participation = DoubleColumn.create("participation");
        IntColumn sent = IntColumn.create("children");
        IntColumn filledChildren = IntColumn.create("filled_children");
        DoubleColumn maker = DoubleColumn.create("maker_share");
        DoubleColumn fees = DoubleColumn.create("fees");
        for (Map.Entry<String, ParentOrderReport> e : reports.entrySet()) {
            ParentOrderReport r = e.getValue();
            name.append(e.getKey());
            filled.append(r.filledQty());
            completion.append(r.isComplete() ? Math.round((r.completionNanos() - start) / 1e7) / 100.0 : Double.NaN);
            avg.append(round(r.avgFillPrice(), 4));
            arrival.append(round(r.arrivalMid(), 4));
            slippage.append(round(r.slippageBps(), 3));
            vsVwap.append(round(r.parent().side().sign() * (r.avgFillPrice() - marketVwap) / marketVwap * 1e4, 3));
            participation.append(round(r.participation(), 4));
            sent.append(r.childrenSent());
            filledChildren.append(r.childrenFilled());
            maker.append(round(r.filledQty() > 0 ? r.makerFilledQty() / r.filledQty() : Double.NaN, 3));
            fees.append(round(r.feesPaid(), 2));
        }
        return Table.create("execution algorithms on the same generated day (slippage > 0 = cost)", name, filled,
                completion, avg, arrival, slippage, vsVwap, participation, sent, filledChildren, maker, fees);
    }

    private static double round(double v, int places) {
        double scale = Math.pow(10, places);
        return Double.isFinite(v) ? Math.round(v * scale) / scale : v;
    }

    /** The prints of a generated market, by local time (what a strategy sees). */
    static final class TradeTape {
        final long[] ts;
        final double[] qty;
        final double[] price;

        private TradeTape(long[] ts, double[] qty, double[] price) {
            this.ts = ts;
            this.qty = qty;
            this.price = price;
        }

        static TradeTape of(SyntheticMarket market) {
            EventBatch batch = new EventBatch(4096);
            EventCursor c = new EventCursor();
            int n = 0;
            long[] ts = new long[1024];
            double[] q = new double[1024];
            double[] p = new double[1024];
            while (market.readBatch(batch)) {
                c.reset(batch);
                while (c.next()) {
                    if (c.kind() == EventKind.TRADE) {
                        if (n == ts.length) {
                            ts = Arrays.copyOf(ts, 2 * n);
                            q = Arrays.copyOf(q, 2 * n);
                            p = Arrays.copyOf(p, 2 * n);
                        }
                        ts[n] = c.localTs();
                        q[n] = c.qty();
                        p[n] = c.price();
                        n++;
                    }
                }
            }
            return new TradeTape(Arrays.copyOf(ts, n), Arrays.copyOf(q, n),
                    Arrays.copyOf(p, n));
        }

        double volume(long from, long to) {
            double v = 0;
            for (int i = 0; i < ts.length; i++) {
                if (ts[i] >= from && ts[i] < to) {
                    v += qty[i];
                }
            }
            return v;
        }

        double vwap(long from, long to) {
            double v = 0;
            double pv = 0;
            for (int i = 0; i < ts.length; i++) {
                if (ts[i] >= from && ts[i] < to) {
                    v += qty[i];
                    pv += qty[i] * price[i];
                }
            }
            return v > 0 ? pv / v : Double.NaN;
        }
    }
}
