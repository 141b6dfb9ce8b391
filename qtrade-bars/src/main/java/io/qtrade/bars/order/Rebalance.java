package io.qtrade.bars.order;

import java.util.Objects;

/**
 * How target orders ({@code rebalanceToWeights}, {@code rebalanceToQuantities}) are turned into trades.
 * <pre>{@code
 * target_i  = w_i * equity / (close_i * m_i)           (weights; equity and closes as of the current bar)
 * rounded_i = signum(target_i) * floor(|target_i| / lot_i + 1e-9) * lot_i         (toward zero: never above target)
 * trade_i   = rounded_i - position_i;  skipped when |trade_i| * close_i * m_i < minTradeNotional
 * }</pre>
 * Working orders left by earlier rebalances are cancelled first; sells are sent before buys, so their proceeds
 * count for the buying power of the buys on the same bar.
 *
 * @param execution        {@link BarOrderType#MARKET_ON_OPEN} (next open) or {@link BarOrderType#MARKET_ON_CLOSE}
 * @param minTradeNotional smallest trade worth sending, quote currency, {@code >= 0}
 */
public record Rebalance(BarOrderType execution, double minTradeNotional) {

    /** At the next open, every non-zero trade. */
    public static final Rebalance NEXT_OPEN = new Rebalance(BarOrderType.MARKET_ON_OPEN, 0.0);
    /** At this bar's close, every non-zero trade. */
    public static final Rebalance THIS_CLOSE = new Rebalance(BarOrderType.MARKET_ON_CLOSE, 0.0);

    public Rebalance {
        Objects.requireNonNull(execution, "rebalance: execution");
        if (execution != BarOrderType.MARKET_ON_OPEN && execution != BarOrderType.MARKET_ON_CLOSE) {
            throw new IllegalArgumentException("rebalance: execution must be MARKET_ON_OPEN or MARKET_ON_CLOSE, was "
                    + execution);
        }
        if (!(minTradeNotional >= 0) || Double.isInfinite(minTradeNotional)) {
            throw new IllegalArgumentException("rebalance: minTradeNotional must be finite and >= 0, was "
                    + minTradeNotional);
        }
    }

    /** This rebalance skipping trades smaller than {@code notional}. */
    public Rebalance withMinTradeNotional(double notional) {
        return new Rebalance(execution, notional);
    }
}
