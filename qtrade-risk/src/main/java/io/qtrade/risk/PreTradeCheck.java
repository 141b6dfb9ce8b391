package io.qtrade.risk;

/**
 * One pre-trade limit: a {@link RiskGate} that checks a single thing and rejects with its own stable reason code
 * (for example {@code MAX_ORDER_QTY}) and a message naming the limit and the value. Checks are composed, in order,
 * by {@link PreTradeRiskGate}; a single check is also a gate by itself.
 *
 * <p>Convention shared by every check in {@code io.qtrade.risk.limits}: a value exactly at its limit passes, one above
 * it is rejected; limits are checked once, at construction, and named in the exception when invalid.
 */
@FunctionalInterface
public interface PreTradeCheck extends RiskGate {
}
