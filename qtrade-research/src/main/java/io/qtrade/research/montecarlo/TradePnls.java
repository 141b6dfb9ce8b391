package io.qtrade.research.montecarlo;

import io.qtrade.backtest.BacktestResult;
import io.qtrade.backtest.FillRecord;
import io.qtrade.backtest.OrderHistory;
import io.qtrade.core.order.Fill;
import io.qtrade.core.portfolio.Portfolio;

import java.util.Arrays;

/**
 * The per-fill PnL of a strategy's fills, the values a {@link MonteCarlo} of trades resamples: the fills are replayed,
 * in the order the strategy received them, through a fresh core {@link Portfolio}, and each contributes
 *
 * <pre>{@code
 * x_i = (realizedPnl after fill i - realizedPnl before) - fee_i
 * }</pre>
 * so a fill that opens or adds to a position contributes minus its fee (plus a maker rebate), and one that reduces it
 * books its realized PnL. {@code sum x_i = realizedPnl - fees} of the run exactly as the portfolio accounts it;
 * unrealized PnL of a position left open at the end is not a trade and is not included.
 */
public final class TradePnls {

    private TradePnls() {
    }

    /**
     * The per-fill PnLs of {@code strategyId}.
     *
     * @throws IllegalArgumentException if the run kept no fills ({@link OrderHistory#OPEN_ONLY}) or the strategy is
     *                                  unknown
     */
    public static double[] of(BacktestResult result, String strategyId) {
        if (result.orderHistory() != OrderHistory.ALL) {
            throw new IllegalArgumentException("trade PnLs need every fill: run the backtest with OrderHistory.ALL,"
                    + " this one kept " + result.orderHistory());
        }
        result.portfolio(strategyId); // names the strategies if the id is unknown
        Portfolio replay = new Portfolio(0.0);
        double[] out = new double[result.fillRecords().size()];
        int n = 0;
        for (FillRecord f : result.fillRecords()) {
            if (!f.strategyId().equals(strategyId)) {
                continue;
            }
            double before = replay.realizedPnl();
            replay.apply(new Fill(f.orderId(), result.instruments().get(f.instrument()), f.side(), f.price(), f.qty(),
                    f.fee(), f.liquidity(), f.exchTs(), f.localTs()));
            out[n++] = replay.realizedPnl() - before - f.fee();
        }
        return Arrays.copyOf(out, n);
    }
}
