/**
 * Soft inventory limits a strategy reads to skew or stop quoting: {@link io.qtrade.risk.inventory.InventoryLimits}
 * (soft and hard thresholds on the absolute position of one instrument) and its
 * {@link io.qtrade.risk.inventory.InventoryLevel}. Plain values with no engine hooks: a strategy (which may depend
 * only on core and features) gets them from its user and calls them with its position; the hard pre-trade cap is
 * {@code io.qtrade.risk.limits.MaxPosition}.
 */
package io.qtrade.risk.inventory;
