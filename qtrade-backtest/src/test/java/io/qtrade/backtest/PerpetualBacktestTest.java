package io.qtrade.backtest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qtrade.backtest.exchange.ExchangeSettings;
import io.qtrade.backtest.fee.BpsFees;
import io.qtrade.backtest.latency.ConstantLatency;
import io.qtrade.backtest.margin.FundingRecord;
import io.qtrade.backtest.margin.MarginSettings;
import io.qtrade.backtest.queue.LogProbability;
import io.qtrade.backtest.queue.ProbabilisticQueue;
import io.qtrade.core.ContractSpec;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.book.OrderBookView;
import io.qtrade.core.margin.LeverageBrackets;
import io.qtrade.core.margin.Liquidation;
import io.qtrade.core.margin.MarginAccount;
import io.qtrade.core.margin.MarginMode;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventKind;
import io.qtrade.core.market.InMemoryEventSource;
import io.qtrade.core.order.ExecutionReport;
import io.qtrade.core.order.OrderStatus;
import io.qtrade.core.strategy.Strategy;
import io.qtrade.core.strategy.StrategyContext;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Perpetuals in the tick engine: derivative rows change no book and no fill; funding, margin and liquidation. */
class PerpetualBacktestTest {

    static final Instrument SPOT = Scenarios.AAA;
    static final Instrument PERP = SPOT.withContract(ContractSpec.linearPerpetual("USD", Duration.ofMillis(5)));
    static final long FUNDING_EVERY = 5_000_000L; // 5 ms of tape time

    /**
     * {@code tape} with a MARK_PRICE row (at the last trade price) after every 7th row and, once per funding
     * interval, a FUNDING_RATE row announcing {@code rate} for the next funding time.
     */
    static EventBatch withDerivativeRows(EventBatch tape, double rate) {
        EventBatch out = new EventBatch(tape.size() * 2 + 16);
        double last = 100.0;
        long nextFunding = Long.MIN_VALUE;
        for (int r = 0; r < tape.size(); r++) {
            out.addFrom(tape, r, 0);
            if (tape.kind(r) == EventKind.TRADE) {
                last = tape.price(r);
            }
            long ts = tape.exchTs(r);
            long local = tape.localTs(r);
            if (r % 7 == 6) {
                out.add(0, ts, local, EventKind.MARK_PRICE, (byte) 0, last, 0, EventBatch.NO_ORDER_ID);
            }
            long t = (ts / FUNDING_EVERY + 1) * FUNDING_EVERY;
            if (t != nextFunding) {
                nextFunding = t;
                out.add(0, ts, local, EventKind.FUNDING_RATE, (byte) 0, rate, 0, t);
            }
        }
        return out;
    }

    static ExchangeSettings settings(Instrument i) {
        return ExchangeSettings.builder(i).latency(new ConstantLatency(20_000, 20_000))
                .queue(new ProbabilisticQueue(LogProbability.INSTANCE)).fees(new BpsFees(-0.2, 1.0)).build();
    }

    static BacktestResult run(Instrument inst, EventBatch tape, boolean margin) {
        Backtest.Builder b = Backtest.builder().source(new InMemoryEventSource(List.of(inst), tape))
                .exchange(settings(inst)).strategy("mm", new QuotingStrategy(0, 1, 5, 97)).initialCash(1_000_000)
                .seed(3);
        if (margin) {
            b.margin(new MarginSettings(inst, MarginMode.CROSS, 10, LeverageBrackets.flat(0.004, 125)));
        }
        return b.build().run();
    }

    @Test
    void markAndFundingRowsChangeNoBookAndNoFill() {
        EventBatch tape = RandomTape.generate(SPOT, 0, 11, 30_000, 50_000);
        BacktestResult plain = run(SPOT, tape, false);
        BacktestResult spotWithRows = run(SPOT, withDerivativeRows(tape, 0.0001), false);
        BacktestResult perpNoFunding = run(PERP, withDerivativeRows(tape, 0.0), true);
        assertThat(plain.fillRecords()).hasSizeGreaterThan(50);
        assertThat(spotWithRows.fillRecords()).isEqualTo(plain.fillRecords());
        assertThat(perpNoFunding.fillRecords()).isEqualTo(plain.fillRecords());
        assertThat(Double.doubleToLongBits(spotWithRows.portfolio("mm").netPnl()))
                .isEqualTo(Double.doubleToLongBits(plain.portfolio("mm").netPnl()));
        assertThat(perpNoFunding.portfolio("mm").netPnl()).isCloseTo(plain.portfolio("mm").netPnl(), within(1e-9));
        assertThat(perpNoFunding.fundingRecords()).allMatch(f -> f.paid() == 0.0);
    }

    /**
     * Funding is paid on the position held at each funding time: the sum of the venue fills strictly before it, at the
     * latest mark at or before it (Binance: funding = position x mark x rate, a long pays when the rate is positive).
     * Checked against the fills table, independently of the ledger; and funding is the only difference in net PnL.
     */
    @Test
    void fundingIsPositionAtTheFundingTimeTimesMarkTimesRate() {
        EventBatch tape = RandomTape.generate(SPOT, 0, 11, 30_000, 50_000);
        double rate = 0.0001;
        EventBatch rows = withDerivativeRows(tape, rate);
        BacktestResult free = run(PERP, withDerivativeRows(tape, 0.0), true);
        BacktestResult paying = run(PERP, rows, true);
        assertThat(paying.fillRecords()).isEqualTo(free.fillRecords());
        List<FundingRecord> funding = paying.fundingRecords();
        assertThat(funding).hasSizeGreaterThan(3);
        double total = 0;
        for (FundingRecord f : funding) {
            double position = 0;
            for (FillRecord fill : paying.fillRecords()) {
                if (fill.exchTs() < f.fundingTime()) {
                    position += fill.side().sign() * fill.qty();
                }
            }
            double mark = Double.NaN;
            for (int r = 0; r < rows.size(); r++) {
                if (rows.kind(r) == EventKind.MARK_PRICE && rows.exchTs(r) <= f.fundingTime()) {
                    mark = rows.price(r);
                }
            }
            assertThat(f.qty()).as("position at %d", f.fundingTime()).isCloseTo(position, within(1e-9));
            assertThat(f.markPrice()).isEqualTo(mark);
            assertThat(f.paid()).isCloseTo(position * mark * rate, within(1e-12));
            total += f.paid();
        }
        assertThat(total).isNotZero();
        assertThat(paying.portfolio("mm").funding()).isCloseTo(total, within(1e-12));
        assertThat(paying.portfolio("mm").netPnl())
                .isCloseTo(free.portfolio("mm").netPnl() - total, within(1e-9));
        assertThat(paying.funding().rowCount()).isEqualTo(funding.size());
        assertThat(paying.equity().columnNames()).contains("funding");
        assertThat(paying.tables()).containsKeys("funding", "liquidations");
        MarginAccount account = paying.marginAccount("mm", "USD");
        assertThat(account.funding()).isCloseTo(total, within(1e-12));
        // the attribution's funding line: trading - fees + rebates - funding reconciles with the portfolio's net PnL
        var attribution = io.qtrade.backtest.attribution.PnlAttribution.of(paying).total();
        assertThat(attribution.fundingPaid()).isCloseTo(total, within(1e-12));
        assertThat(attribution.netPnl()).isCloseTo(paying.portfolio("mm").netPnl(), within(1e-6));
        assertThat(attribution.tradingPnl()).isCloseTo(
                io.qtrade.backtest.attribution.PnlAttribution.of(free).total().tradingPnl(), within(1e-9));
    }

    /** A leveraged long, a crash in the mark price: liquidated, visible to the strategy and in the results. */
    @Test
    void aCrashLiquidatesTheLeveragedLong() {
        EventBatch tape = RandomTape.generate(SPOT, 0, 11, 20_000, 50_000);
        EventBatch rows = new EventBatch(tape.size() + 4);
        long crashAt = tape.exchTs(tape.size() / 2);
        boolean crashed = false;
        for (int r = 0; r < tape.size(); r++) {
            rows.addFrom(tape, r, 0);
            if (r == 20) {
                rows.add(0, tape.exchTs(r), tape.localTs(r), EventKind.MARK_PRICE, (byte) 0, 100.0, 0, -1);
            }
            if (!crashed && tape.exchTs(r) >= crashAt) {
                crashed = true;
                rows.add(0, tape.exchTs(r), tape.localTs(r), EventKind.MARK_PRICE, (byte) 0, 80.0, 0, -1);
            }
        }
        List<Liquidation> seen = new ArrayList<>();
        Strategy longOnce = new Strategy() {
            StrategyContext ctx;
            boolean sent;

            @Override
            public void onStart(StrategyContext context) {
                ctx = context;
            }

            @Override
            public void onBook(int instrument, OrderBookView book) {
                if (!sent && !book.isEmpty(Side.SELL)) {
                    sent = true;
                    ctx.submitMarket(0, Side.BUY, 5);
                }
            }

            @Override
            public void onLiquidation(Liquidation liquidation) {
                seen.add(liquidation);
            }
        };
        BacktestResult r = Backtest.builder().source(new InMemoryEventSource(List.of(PERP), rows))
                .exchange(settings(PERP)).strategy("long", longOnce).initialCash(1_000).clearanceFeeRate(0.0)
                .margin(new MarginSettings(PERP, MarginMode.ISOLATED, 20, LeverageBrackets.flat(0.004, 125)))
                .seed(1).build().run();
        assertThat(seen).hasSize(1);
        Liquidation l = seen.get(0);
        assertThat(l.side()).isEqualTo(Side.SELL);
        assertThat(l.qty()).isEqualTo(5);
        assertThat(l.price()).isEqualTo(80.0);
        assertThat(r.liquidationRecords()).containsExactly(l);
        assertThat(r.liquidations().rowCount()).isEqualTo(1);
        FillRecord buy = r.fillRecords().get(0);
        // isolated margin = 5 * entry / 20; the crash to 80 is past bankruptcy (entry * (1 - 1/20)): the fund covers
        double isolated = 5 * buy.price() / 20;
        assertThat(l.insuranceFundCover()).isCloseTo(5 * (buy.price() - 80) - isolated, within(1e-9));
        assertThat(r.fillRecords()).filteredOn(FillRecord::liquidation).hasSize(1);
        assertThat(r.fills().booleanColumn("liquidation").countTrue()).isEqualTo(1);
        assertThat(r.portfolio("long").position(PERP).isFlat()).isTrue();
        MarginAccount account = r.marginAccount("long", "USD");
        assertThat(account.walletBalance()).isCloseTo(1_000 - isolated - buy.fee(), within(1e-9));
        assertThat(r.portfolio("long").equity()).isCloseTo(account.walletBalance(), within(1e-9));
        String html = io.qtrade.backtest.report.HtmlReport.render(r, io.qtrade.backtest.report.ReportOptions.builder()
                .build());
        assertThat(html).contains("<h2>Liquidations</h2>", "id=\"liquidations\"", "insurance fund cover",
                "<th>funding paid</th>");
    }

    @Test
    void anOrderBeyondTheAvailableMarginIsRejectedWithTheNumbers() {
        EventBatch tape = RandomTape.generate(SPOT, 0, 11, 2_000, 50_000);
        List<ExecutionReport> reports = new ArrayList<>();
        Strategy big = new Strategy() {
            StrategyContext ctx;
            boolean sent;

            @Override
            public void onStart(StrategyContext context) {
                ctx = context;
            }

            @Override
            public void onBook(int instrument, OrderBookView book) {
                if (!sent && !book.isEmpty(Side.SELL)) {
                    sent = true;
                    ctx.submitMarket(0, Side.BUY, 10); // about 1,000 of notional at leverage 2: 500 > 100
                }
            }

            @Override
            public void onOrderUpdate(ExecutionReport report) {
                reports.add(report);
            }
        };
        BacktestResult r = Backtest.builder().source(new InMemoryEventSource(List.of(PERP), tape))
                .exchange(settings(PERP)).strategy("big", big).initialCash(100)
                .margin(new MarginSettings(PERP, MarginMode.CROSS, 2, LeverageBrackets.flat(0.004, 125)))
                .build().run();
        assertThat(reports).hasSize(1);
        assertThat(reports.get(0).status()).isEqualTo(OrderStatus.REJECTED);
        assertThat(reports.get(0).reason()).contains("needs initial margin", "available balance is 100.0 USD");
        assertThat(r.fillRecords()).isEmpty();
    }

    /** A short spot position pays the hourly borrow rate at each hour start it is held over (charged at the marks). */
    @Test
    void shortSpotPaysHourlyBorrowInterest() {
        long hour = io.qtrade.core.margin.SpotBorrow.HOUR_NANOS;
        EventBatch tape = new EventBatch(64);
        for (int k = 0; k <= 6; k++) { // a quote every 30 minutes over 3 hours
            long t = hour + k * hour / 2;
            tape.add(0, t, t, EventKind.BBO, Side.BUY.code(), 99.99, 1_000, EventBatch.NO_ORDER_ID);
            tape.add(0, t, t, EventKind.BBO, Side.SELL.code(), 100.01, 1_000, EventBatch.NO_ORDER_ID,
                    io.qtrade.core.market.EventFlags.END_OF_MESSAGE);
        }
        Strategy shortOnce = new Strategy() {
            StrategyContext ctx;
            boolean sent;

            @Override
            public void onStart(StrategyContext context) {
                ctx = context;
            }

            @Override
            public void onBook(int instrument, OrderBookView book) {
                if (!sent && !book.isEmpty(Side.BUY)) {
                    sent = true;
                    ctx.submitMarket(0, Side.SELL, 10);
                }
            }
        };
        var rates = io.qtrade.core.margin.BorrowRates.constant(java.util.Map.of("AAA", 0.0001));
        BacktestResult r = Backtest.builder().source(new InMemoryEventSource(List.of(SPOT), tape))
                .exchange(settings(SPOT)).strategy("short", shortOnce).initialCash(10_000)
                .spotBorrow(SPOT, "AAA", rates).markIntervalNanos(hour / 4).build().run();
        // sold at 1h + latency; hour starts 2h, 3h, 4h: 3 x 10 x 0.0001 x mid 100.00 = 0.3
        assertThat(r.portfolio("short").position(SPOT).qty()).isEqualTo(-10);
        assertThat(r.portfolio("short").otherCash()).isCloseTo(-0.3, within(1e-9));
    }

    /**
     * An inverse perpetual (coin-margined, contract value 1 quote unit): the portfolio and the margin account agree in
     * the base coin on realised PnL, fees (bps of {@code qty * m / price}) and funding ({@code qty * m / mark * rate}).
     */
    @Test
    void inversePerpetualIsAccountedInTheBaseCoin() {
        Instrument inverse = SPOT.withContract(ContractSpec.inversePerpetual("AAA", Duration.ofMillis(5)));
        EventBatch tape = RandomTape.generate(SPOT, 0, 11, 20_000, 50_000);
        BacktestResult r = Backtest.builder()
                .source(new InMemoryEventSource(List.of(inverse), withDerivativeRows(tape, 0.0001)))
                .exchange(settings(inverse)).strategy("mm", new QuotingStrategy(0, 1, 5, 97)).initialCash(1_000)
                .margin(new MarginSettings(inverse, MarginMode.CROSS, 10, LeverageBrackets.flat(0.004, 125)))
                .seed(3).build().run();
        assertThat(r.fillRecords()).hasSizeGreaterThan(20);
        var portfolio = r.portfolio("mm");
        MarginAccount account = r.marginAccount("mm", "AAA");
        var position = account.position(inverse);
        assertThat(portfolio.position(inverse).qty()).isEqualTo(position.qty());
        assertThat(portfolio.realizedPnl()).isCloseTo(account.realizedPnl(), within(1e-12));
        assertThat(portfolio.fees()).isCloseTo(account.fees(), within(1e-12));
        assertThat(portfolio.funding()).isCloseTo(account.funding(), within(1e-12));
        FillRecord f = r.fillRecords().get(0);
        double bps = f.liquidity() == io.qtrade.core.order.Liquidity.MAKER ? -0.2 : 1.0;
        assertThat(f.fee()).isCloseTo(f.qty() / f.price() * bps / 10_000, within(1e-15));
        for (FundingRecord fr : r.fundingRecords()) {
            assertThat(fr.paid()).isCloseTo(fr.qty() / fr.markPrice() * fr.rate(), within(1e-15));
        }
        // cash is the coin: realised PnL, fees and funding only, no notional exchanged
        assertThat(portfolio.cash()).isCloseTo(1_000 + portfolio.realizedPnl() - portfolio.fees()
                - portfolio.funding(), within(1e-9));
    }

    /** A source that knows the instrument as spot (a tick store) is held on margin by the settings' contract terms. */
    @Test
    void marginSettingsMatchTheSourceInstrumentBySymbolAndVenue() {
        EventBatch tape = withDerivativeRows(RandomTape.generate(SPOT, 0, 11, 20_000, 50_000), 0.0001);
        BacktestResult bySpot = Backtest.builder().source(new InMemoryEventSource(List.of(SPOT), tape))
                .exchange(settings(SPOT)).strategy("mm", new QuotingStrategy(0, 1, 5, 97)).initialCash(1_000_000)
                .margin(new MarginSettings(PERP, MarginMode.CROSS, 10, LeverageBrackets.flat(0.004, 125)))
                .seed(3).build().run();
        BacktestResult byPerp = run(PERP, tape, true);
        assertThat(bySpot.fundingRecords()).isNotEmpty().isEqualTo(byPerp.fundingRecords());
        assertThat(bySpot.portfolio("mm").netPnl()).isCloseTo(byPerp.portfolio("mm").netPnl(), within(1e-9));
    }
}
