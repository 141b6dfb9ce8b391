package io.qtrade.bars;

import io.qtrade.bars.corporate.CorporateActions;
import io.qtrade.bars.cost.BuyingPower;
import io.qtrade.bars.cost.CashInterest;
import io.qtrade.bars.cost.CommissionModel;
import io.qtrade.bars.cost.ShortBorrow;
import io.qtrade.bars.cost.SlippageModel;
import io.qtrade.bars.order.FillRules;
import io.qtrade.bars.universe.Universe;
import io.qtrade.core.bar.BarSource;
import io.qtrade.core.strategy.Strategy;

import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * An event-driven backtest on bars of many instruments: the bar engine.
 *
 * <pre>{@code
 * BarResult result = BarBacktest.builder()
 *         .source(bars)                                   // a BarSource: ordered by end time, then instrument
 *         .strategy("momentum", new MyStrategy())         // any io.qtrade.core.strategy.Strategy
 *         .initialCash(1_000_000)
 *         .commission(UsEquityCommission.IBKR_FIXED)
 *         .slippage(new FixedBpsSlippage(5))
 *         .build().run();
 * }</pre>
 *
 * <p>At each bar time {@code T} (the common end time of a slice of bars, one per instrument that has a bar then),
 * for each strategy, in this order:
 * <ol>
 *   <li>interest on cash and the borrow fee of shorts accrue for the time since the previous bar time;</li>
 *   <li>instruments delisted before {@code T} (per the {@link Universe}) have their orders cancelled and their
 *       position closed at the last close seen;</li>
 *   <li>for each instrument with a bar, in instrument order: corporate actions with an ex-date on or before the
 *       bar's start are applied (a split rescales the position and working orders, a dividend moves cash); then
 *       the working orders are matched against the bars by {@link io.qtrade.bars.order.IntrabarRules} with the
 *       slippage, commission and buying-power models, in two passes over the instruments (each in instrument
 *       order, each instrument's orders in the order they were sent): first the orders that reduce a position,
 *       so that their proceeds fund the others, then the rest;</li>
 *   <li>positions are marked at the closes, due timers fire, and the strategy's {@code onBars} sees the slice;</li>
 *   <li>market-on-close orders sent during the callback fill at this bar's close; working day orders that have
 *       had their bar expire; equity rows are recorded (one per instrument filled at this bar time, else one for
 *       the strategy), each with the strategy's equity and net PnL.</li>
 * </ol>
 * After the last bar time {@code T}, instruments whose delisting day is on or before the last day the data covers
 * (the local date, in the run's zone, of the instant just before {@code T}) and that no later bar time delisted are
 * delisted at {@code T} as in step 2, and one more equity row per position so closed is recorded at {@code T}: the
 * last row at {@code T} agrees with the final cash and totals. A delisting dated after the data's last day is not
 * applied (the position is kept).
 * Orders sent at {@code T} work from the instrument's next bar (market-on-close: this bar's close). Everything is
 * a function of the bars and the strategy's decisions: the same inputs give the same fills to the bit, and an
 * instrument's fills depend only on its own bars and the strategy's orders (the buying-power check, which looks at
 * the whole account, being the one cross-instrument rule).
 *
 * <p>Bars come from a {@link BarSource} and are streamed: memory holds one batch of bars and one slice, never the
 * history. A bar out of order, or a second bar of one instrument at one time, is refused naming it.
 */
public final class BarBacktest {

    final BarSource source;
    final Map<String, Strategy> strategies;
    final double initialCash;
    final CommissionModel commission;
    final SlippageModel slippage;
    final FillRules fillRules;
    final ShortBorrow shortBorrow;
    final CashInterest cashInterest;
    final BuyingPower buyingPower;
    final CorporateActions corporateActions;
    final Universe universe;
    final ZoneId zone;
    final String benchmarkSymbol;
    final boolean recordEquity;
    final io.qtrade.backtest.OrderHistory orderHistory;
    final io.qtrade.bars.fx.Currencies currencies;
    final boolean generalLoop;
    private boolean ran;

    private BarBacktest(Builder b) {
        this.source = b.source;
        this.strategies = new LinkedHashMap<>(b.strategies);
        this.initialCash = b.initialCash;
        this.commission = b.commission;
        this.slippage = b.slippage;
        this.fillRules = b.fillRules;
        this.shortBorrow = b.shortBorrow;
        this.cashInterest = b.cashInterest;
        this.buyingPower = b.buyingPower;
        this.corporateActions = b.corporateActions;
        this.universe = b.universe;
        this.zone = b.zone;
        this.benchmarkSymbol = b.benchmarkSymbol;
        this.recordEquity = b.recordEquity;
        this.orderHistory = b.orderHistory;
        this.currencies = b.currencies;
        this.generalLoop = b.generalLoop;
    }

    public static Builder builder() {
        return new Builder();
    }

    /**
     * Runs the backtest to the end of the source.
     *
     * @throws IllegalStateException when called twice (the source has been consumed)
     */
    public BarResult run() {
        if (ran) {
            throw new IllegalStateException("bar backtest: run() called twice; the source has been consumed");
        }
        ran = true;
        return new BarEngine(this).run();
    }

    /** Collects the settings of a {@link BarBacktest}; {@link #build()} names anything missing. */
    public static final class Builder {
        /** The defaults, immutable, shared by every builder: no listing dates, one currency. */
        private static final Universe EVERY_SYMBOL_LISTED = new Universe(List.of());
        private static final io.qtrade.bars.fx.Currencies ONE_CURRENCY = io.qtrade.bars.fx.Currencies.single("BASE");
        private BarSource source;
        private final Map<String, Strategy> strategies = new LinkedHashMap<>();
        private double initialCash = 1_000_000;
        private CommissionModel commission = CommissionModel.NONE;
        private SlippageModel slippage = SlippageModel.NONE;
        private FillRules fillRules = FillRules.CONSERVATIVE;
        private ShortBorrow shortBorrow = ShortBorrow.NONE;
        private CashInterest cashInterest = CashInterest.NONE;
        private BuyingPower buyingPower = BuyingPower.UNLIMITED;
        private CorporateActions corporateActions = CorporateActions.NONE;
        private Universe universe = EVERY_SYMBOL_LISTED;
        private ZoneId zone = ZoneOffset.UTC;
        private String benchmarkSymbol;
        private boolean recordEquity = true;
        private io.qtrade.backtest.OrderHistory orderHistory = io.qtrade.backtest.OrderHistory.ALL;
        private io.qtrade.bars.fx.Currencies currencies = ONE_CURRENCY;
        private boolean generalLoop;
        private final List<String> problems = new ArrayList<>();

        private Builder() {
        }

        /** The bars (required). */
        public Builder source(BarSource value) {
            this.source = Objects.requireNonNull(value, "source");
            return this;
        }

        /** Adds a strategy under {@code id} (at least one; ids unique). Each has its own cash and positions. */
        public Builder strategy(String id, Strategy strategy) {
            Objects.requireNonNull(id, "strategy id");
            Objects.requireNonNull(strategy, "strategy");
            if (strategies.put(id, strategy) != null) {
                problems.add("strategy id '" + id + "' is used twice");
            }
            return this;
        }

        /** Each strategy's starting cash, base currency, {@code > 0}; default 1,000,000. */
        public Builder initialCash(double value) {
            if (!(value > 0) || Double.isInfinite(value)) {
                throw new IllegalArgumentException("bar backtest: initialCash must be finite and > 0, was " + value);
            }
            this.initialCash = value;
            return this;
        }

        public Builder commission(CommissionModel value) {
            this.commission = Objects.requireNonNull(value, "commission");
            return this;
        }

        public Builder slippage(SlippageModel value) {
            this.slippage = Objects.requireNonNull(value, "slippage");
            return this;
        }

        /** Intrabar choices; default {@link FillRules#CONSERVATIVE}. */
        public Builder fillRules(FillRules value) {
            this.fillRules = Objects.requireNonNull(value, "fillRules");
            return this;
        }

        public Builder shortBorrow(ShortBorrow value) {
            this.shortBorrow = Objects.requireNonNull(value, "shortBorrow");
            return this;
        }

        public Builder cashInterest(CashInterest value) {
            this.cashInterest = Objects.requireNonNull(value, "cashInterest");
            return this;
        }

        /** Leverage limit; default {@link BuyingPower#UNLIMITED}. */
        public Builder buyingPower(BuyingPower value) {
            this.buyingPower = Objects.requireNonNull(value, "buyingPower");
            return this;
        }

        public Builder corporateActions(CorporateActions value) {
            this.corporateActions = Objects.requireNonNull(value, "corporateActions");
            return this;
        }

        public Builder universe(Universe value) {
            this.universe = Objects.requireNonNull(value, "universe");
            return this;
        }

        /**
         * The exchange's time zone, in which the dates of corporate actions and of the universe are read (an NSE
         * ex-date starts at midnight Asia/Kolkata); default UTC.
         */
        public Builder zone(ZoneId value) {
            this.zone = Objects.requireNonNull(value, "zone");
            return this;
        }

        /** Records a buy-and-hold benchmark of the instrument with this symbol (no costs), shown in the report. */
        public Builder benchmark(String symbol) {
            this.benchmarkSymbol = Objects.requireNonNull(symbol, "benchmark symbol");
            return this;
        }

        /**
         * {@code ALL} (default): every order and fill in the result tables; {@code OPEN_ONLY}: counts and totals
         * only, finished orders forgotten (memory bounded by the open orders; {@code order(id)} of a finished order
         * then fails).
         */
        public Builder orderHistory(io.qtrade.backtest.OrderHistory value) {
            this.orderHistory = Objects.requireNonNull(value, "orderHistory");
            return this;
        }

        /** Whether to record one equity row per strategy and bar time (default); off for throughput runs. */
        public Builder recordEquity(boolean value) {
            this.recordEquity = value;
            return this;
        }

        /**
         * Multi-currency accounting: the quote currency of each instrument and FX series (default: one currency,
         * no conversion). Each currency keeps its own cash; equity and the equity table are in the base currency.
         */
        public Builder currencies(io.qtrade.bars.fx.Currencies value) {
            this.currencies = Objects.requireNonNull(value, "currencies");
            return this;
        }

        /**
         * Package-private, for tests and benchmarks of the engine: run the general many-instrument loop even for
         * one instrument and one strategy, which otherwise take the one-series loop (same results to the bit).
         */
        Builder generalLoop() {
            this.generalLoop = true;
            return this;
        }

        /** @throws IllegalStateException naming every missing or conflicting setting */
        public BarBacktest build() {
            List<String> all = new ArrayList<>(problems);
            if (source == null) {
                all.add("no source: call source(BarSource)");
            }
            if (strategies.isEmpty()) {
                all.add("no strategy: call strategy(id, strategy)");
            }
            if (benchmarkSymbol != null && source != null
                    && source.instruments().stream().noneMatch(i -> i.symbol().equals(benchmarkSymbol))) {
                all.add("benchmark symbol '" + benchmarkSymbol + "' is not one of the source's instruments");
            }
            if (!all.isEmpty()) {
                throw new IllegalStateException("bar backtest: " + String.join("; ", all));
            }
            return new BarBacktest(this);
        }
    }
}
