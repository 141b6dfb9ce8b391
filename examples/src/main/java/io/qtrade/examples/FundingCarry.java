package io.qtrade.examples;

import io.qtrade.backtest.Backtest;
import io.qtrade.backtest.BacktestResult;
import io.qtrade.backtest.attribution.PnlAttribution;
import io.qtrade.backtest.attribution.PnlBucket;
import io.qtrade.backtest.exchange.ExchangeSettings;
import io.qtrade.backtest.fee.BpsFees;
import io.qtrade.backtest.latency.ConstantLatency;
import io.qtrade.backtest.margin.FundingRecord;
import io.qtrade.backtest.margin.MarginSettings;
import io.qtrade.backtest.queue.RiskAverseQueue;
import io.qtrade.core.ContractSpec;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.book.OrderBookView;
import io.qtrade.core.margin.LeverageBrackets;
import io.qtrade.core.margin.MarginMode;
import io.qtrade.core.market.InMemoryEventSource;
import io.qtrade.core.strategy.Strategy;
import io.qtrade.core.strategy.StrategyContext;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

/**
 * A funding-aware basis (cash-and-carry) trade on generated data: long spot BTC, short the BTCUSDT linear perpetual
 * in the same size, held while the perpetual trades at a premium and funding is positive (shorts receive it), closed
 * at the end. Run through the tick engine with the perpetual on cross margin (Binance's FAQ bracket table), funding
 * settled every 8 hours at the mark price; prints funding per UTC day and the PnL attribution with trading PnL, fees
 * and funding apart.
 *
 * <p>The market: spot follows a geometric random walk (60 % a year); the perpetual's premium over spot is a
 * mean-reverting process around 8 bp; the mark price is the perpetual's mid; each funding rate is the mean premium
 * over its 8-hour interval divided by 3 (an illustration in the spirit of Binance's premium-index rule, not the rule
 * itself). One quote per minute, 1 bp half-spread, 2 bp taker fees.
 */
public final class FundingCarry {

    static final Instrument SPOT = new Instrument("BTCUSDT", "SPOT", 0.01, 0.0001, 1.0)
            .withContract(ContractSpec.spot("USDT"));
    static final Instrument PERP = new Instrument("BTCUSDT", "USDM", 0.1, 0.001, 1.0)
            .withContract(ContractSpec.linearPerpetual("USDT", ContractSpec.EIGHT_HOURS));
    static final long MINUTE = 60_000_000_000L;
    static final long EIGHT_HOURS = ContractSpec.EIGHT_HOURS.toNanos();

    private FundingCarry() {
    }

    /** What the example found. */
    public record Outcome(BacktestResult result, double fundingIncome, double tradingPnl, double fees,
                          Map<LocalDate, Double> fundingIncomePerDay) {
    }

    /** {@code FundingCarry [days=6] [seed=7] [qty=1]}. */
    public static void main(String[] args) {
        int days = 6;
        long seed = 7;
        double qty = 1;
        for (String arg : args) {
            String[] kv = arg.split("=", 2);
            String usage = "usage: FundingCarry [days=6] [seed=7] [qty=1]";
            if (kv.length != 2) {
                throw new IllegalArgumentException("FundingCarry: argument '" + arg + "' is not key=value; " + usage);
            }
            switch (kv[0]) {
                case "days" -> days = Integer.parseInt(kv[1]);
                case "seed" -> seed = Long.parseLong(kv[1]);
                case "qty" -> qty = Double.parseDouble(kv[1]);
                default -> throw new IllegalArgumentException("FundingCarry: unknown option '" + kv[0] + "'; " + usage);
            }
        }
        run(days, seed, qty, System.out);
    }

    /** The FAQ bracket table shipped with the examples ({@code brackets/btcusdt_faq_brackets.csv}). */
    static LeverageBrackets brackets() {
        return LeverageBrackets.read(new InputStreamReader(FundingCarry.class.getResourceAsStream(
                "/brackets/btcusdt_faq_brackets.csv"), StandardCharsets.UTF_8), "btcusdt_faq_brackets.csv");
    }

    /** Generates the market, runs the carry trade, prints and returns what it found. */
    public static Outcome run(int days, long seed, double qty, PrintStream out) {
        int steps = days * 24 * 60;
        long start = LocalDate.of(2024, 3, 1).atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1_000_000_000L;
        SplittableRandom rnd = new SplittableRandom(seed);
        long[] times = new long[steps];
        double[] spot = new double[steps];
        double[] perp = new double[steps];
        double sigma = 0.60 / Math.sqrt(365.0 * 24 * 60);
        double s = 62_000;
        double premium = 0.0008;
        int intervals = (int) ((long) steps * MINUTE / EIGHT_HOURS);
        double[] rates = new double[intervals];
        double[] premiumSum = new double[intervals + 1];
        int[] premiumCount = new int[intervals + 1];
        for (int k = 0; k < steps; k++) {
            times[k] = start + k * MINUTE;
            s *= Math.exp(sigma * gaussian(rnd) - 0.5 * sigma * sigma);
            premium += 0.01 * (0.0008 - premium) + 0.00005 * gaussian(rnd);
            spot[k] = s;
            perp[k] = s * (1 + premium);
            int interval = (int) ((times[k] - start) / EIGHT_HOURS);
            premiumSum[interval] += premium;
            premiumCount[interval]++;
        }
        for (int k = 0; k < intervals; k++) {
            rates[k] = Math.rint(premiumSum[k] / premiumCount[k] / 3 * 1e8) / 1e8;
        }
        var tape = PerpTape.build(times, new double[][] {spot, perp}, new double[] {0.0001, 0.0001},
                new double[] {0.01, 0.1}, 50, 1, perp, EIGHT_HOURS, rates);
        Strategy carry = new CarryTrade(qty, times[steps - 1] - 30 * MINUTE);
        BacktestResult result = Backtest.builder()
                .source(new InMemoryEventSource(List.of(SPOT, PERP), tape))
                .exchange(settings(SPOT)).exchange(settings(PERP))
                .margin(new MarginSettings(PERP, MarginMode.CROSS, 5, brackets()))
                .strategy("carry", carry).initialCash(200_000).markIntervalNanos(60 * MINUTE)
                .build().run();
        PnlBucket total = PnlAttribution.of(result).total();
        Map<LocalDate, Double> perDay = new TreeMap<>();
        for (FundingRecord f : result.fundingRecords()) {
            perDay.merge(Instant.ofEpochSecond(0, f.fundingTime()).atZone(ZoneOffset.UTC).toLocalDate(), -f.paid(),
                    Double::sum);
        }
        out.printf(Locale.ROOT, "Cash-and-carry on generated BTC data, %d days: long %.3f BTC spot, short %.3f BTCUSDT"
                + " perpetual (cross margin, 5x), funding every 8 h%n%n", days, qty, qty);
        out.println("funding income per UTC day (USDT, positive: received by the short perpetual)");
        for (Map.Entry<LocalDate, Double> e : perDay.entrySet()) {
            out.printf(Locale.ROOT, "  %s  %10.4f%n", e.getKey(), e.getValue());
        }
        out.println();
        out.println(result.funding().first(6).print());
        out.println();
        out.println("PnL attribution (USDT): trading PnL of both legs, fees, rebates and funding apart");
        out.println(PnlAttribution.table(PnlAttribution.of(result).byStrategyAndInstrument()).print());
        out.printf(Locale.ROOT, "%ntotal: trading %.4f  fees %.4f  funding income %.4f  net %.4f%n",
                total.tradingPnl(), total.netFees(), -total.fundingPaid(), total.netPnl());
        return new Outcome(result, -total.fundingPaid(), total.tradingPnl(), total.netFees(), perDay);
    }

    static ExchangeSettings settings(Instrument i) {
        return ExchangeSettings.builder(i).latency(new ConstantLatency(1_000_000, 1_000_000))
                .queue(RiskAverseQueue.INSTANCE).fees(new BpsFees(1.0, 2.0)).build();
    }

    private static double gaussian(SplittableRandom rnd) {
        double u = rnd.nextDouble();
        double v = rnd.nextDouble();
        return Math.sqrt(-2 * Math.log(1 - u)) * Math.cos(2 * Math.PI * v);
    }

    /** Enters long spot / short perpetual at the first two-sided quotes, exits both at {@code exitAt}. */
    static final class CarryTrade implements Strategy {
        private final double qty;
        private final long exitAt;
        private StrategyContext ctx;
        private boolean entered;
        private boolean exited;

        CarryTrade(double qty, long exitAt) {
            this.qty = qty;
            this.exitAt = exitAt;
        }

        @Override
        public void onStart(StrategyContext context) {
            ctx = context;
        }

        @Override
        public void onBook(int instrument, OrderBookView book) {
            boolean ready = !ctx.book(0).isEmpty(Side.SELL) && !ctx.book(1).isEmpty(Side.BUY);
            if (!entered && ready) {
                entered = true;
                ctx.submitMarket(0, Side.BUY, qty);
                ctx.submitMarket(1, Side.SELL, qty);
            } else if (entered && !exited && ctx.nowNanos() >= exitAt) {
                exited = true;
                ctx.submitMarket(0, Side.SELL, qty);
                ctx.submitMarket(1, Side.BUY, qty);
            }
        }
    }
}
