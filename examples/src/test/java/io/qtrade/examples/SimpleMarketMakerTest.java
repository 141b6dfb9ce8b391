package io.qtrade.examples;

import io.qtrade.backtest.Backtest;
import io.qtrade.backtest.BacktestResult;
import io.qtrade.backtest.FillRecord;
import io.qtrade.backtest.OrderRecord;
import io.qtrade.backtest.exchange.ExchangeSettings;
import io.qtrade.backtest.fee.BpsFees;
import io.qtrade.backtest.latency.LognormalLatency;
import io.qtrade.backtest.queue.PowerProbability;
import io.qtrade.backtest.queue.ProbabilisticQueue;
import io.qtrade.store.synthetic.SyntheticMarket;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.book.OrderBook;
import io.qtrade.core.book.OrderBookView;
import io.qtrade.core.order.Order;
import io.qtrade.core.order.OrderStatus;
import io.qtrade.core.order.OrderView;
import io.qtrade.core.order.TimeInForce;
import io.qtrade.core.strategy.Strategy;
import io.qtrade.core.strategy.StrategyContext;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SimpleMarketMakerTest {

    /**
     * {@link SimpleMarketMaker} skips an evaluation whose inputs (touch, position, order statuses) did not change.
     * This runs it and a copy that evaluates everything on every update through the same backtest (synthetic
     * two-instrument market, lognormal latency): both must send the same orders at the same times and get the same
     * fills.
     */
    @Test
    void skippingUnchangedEvaluationsSendsTheSameOrdersAsEvaluatingEveryUpdate() {
        BacktestResult cheapRun = run(new SimpleMarketMaker(0, 1, 3, 0.5));
        BacktestResult fullRun = run(new FullEvaluation(0, 1, 3, 0.5));

        List<OrderRecord> cheap = cheapRun.orderRecords();
        List<OrderRecord> full = fullRun.orderRecords();
        assertThat(cheap).hasSizeGreaterThan(1_000); // a busy quoter, not a vacuous comparison
        assertThat(cheap).hasSameSizeAs(full);
        for (int k = 0; k < cheap.size(); k++) {
            Order a = cheap.get(k).order();
            Order b = full.get(k).order();
            assertThat(a.orderId()).isEqualTo(b.orderId());
            assertThat(a.side()).isEqualTo(b.side());
            assertThat(a.price()).isEqualTo(b.price());
            assertThat(cheap.get(k).sendTs()).isEqualTo(full.get(k).sendTs());
            assertThat(a.status()).isEqualTo(b.status());
            assertThat(a.filledQty()).isEqualTo(b.filledQty());
        }
        List<FillRecord> cheapFills = cheapRun.fillRecords();
        List<FillRecord> fullFills = fullRun.fillRecords();
        assertThat(cheapFills).hasSizeGreaterThan(100);
        assertThat(cheapFills).isEqualTo(fullFills); // records: every field, strategy id aside, equal
        assertThat(cheapRun.portfolio("mm").netPnl()).isEqualTo(fullRun.portfolio("mm").netPnl());
    }

    /** The demo's set-up on a shorter market: two instruments, lognormal latency, the probabilistic queue. */
    private static BacktestResult run(Strategy strategy) {
        Instrument aaa = Instrument.spot("AAA", "SYN", 0.01, 1);
        Instrument bbb = Instrument.spot("BBB", "SYN", 0.01, 1);
        SyntheticMarket market = SyntheticMarket.builder().instrument(aaa, 100.00).instrument(bbb, 50.00)
                .events(300_000).seed(11).meanReversion(1.0).correlation(0.8).build();
        Backtest.Builder builder = Backtest.builder().source(market).seed(11).initialCash(100_000);
        for (Instrument instrument : List.of(aaa, bbb)) {
            builder.exchange(ExchangeSettings.builder(instrument)
                    .latency(new LognormalLatency(50_000, 50_000, 0.5, 11))
                    .queue(new ProbabilisticQueue(new PowerProbability(2)))
                    .fees(new BpsFees(-0.2, 2.0))
                    .build());
        }
        return builder.strategy("mm", strategy).build().run();
    }

    /** The market maker as first written: every book update evaluates both quotes from scratch. */
    private static final class FullEvaluation implements Strategy {
        private final int instrument;
        private final double quoteQty;
        private final double maxPosition;
        private final double skewTicksPerUnit;
        private StrategyContext ctx;
        private Instrument inst;
        private long bidId;
        private long askId;

        FullEvaluation(int instrument, double quoteQty, double maxPosition, double skewTicksPerUnit) {
            this.instrument = instrument;
            this.quoteQty = quoteQty;
            this.maxPosition = maxPosition;
            this.skewTicksPerUnit = skewTicksPerUnit;
        }

        @Override
        public void onStart(StrategyContext context) {
            this.ctx = context;
            this.inst = context.instruments().get(instrument);
        }

        @Override
        public void onBook(int i, OrderBookView book) {
            if (i != instrument || book.isEmpty(Side.BUY) || book.isEmpty(Side.SELL)) {
                return;
            }
            double position = ctx.position(instrument).qty();
            long skew = Math.round(position * skewTicksPerUnit);
            long bidTicks = book.bestBidTicks() - Math.max(0, skew);
            long askTicks = book.bestAskTicks() + Math.max(0, -skew);
            bidId = quote(bidId, Side.BUY, bidTicks, position < maxPosition);
            askId = quote(askId, Side.SELL, askTicks, position > -maxPosition);
        }

        private long quote(long id, Side side, long priceTicks, boolean wanted) {
            double price = inst.toPrice(priceTicks);
            if (id != 0) {
                OrderView order = ctx.order(id);
                OrderStatus status = order.status();
                if (status == OrderStatus.PENDING_CANCEL) {
                    return id;
                }
                if (status.isLive()) {
                    if (wanted && order.price() == price) {
                        return id;
                    }
                    ctx.cancel(id);
                }
            }
            return wanted && priceTicks != OrderBook.NO_BID && priceTicks != OrderBook.NO_ASK
                    ? ctx.submitLimit(instrument, side, price, quoteQty, TimeInForce.POST_ONLY) : 0;
        }
    }
}
