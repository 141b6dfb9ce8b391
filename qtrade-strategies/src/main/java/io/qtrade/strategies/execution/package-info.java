/**
 * Execution algorithms: a {@link io.qtrade.strategies.execution.ParentOrder} worked as child orders by
 * {@link io.qtrade.strategies.execution.ExecutionAlgo}, a {@link io.qtrade.core.strategy.Strategy}, following an
 * {@link io.qtrade.strategies.execution.ExecutionSchedule}: {@link io.qtrade.strategies.execution.TwapSchedule}
 * (even slices, optionally randomised), {@link io.qtrade.strategies.execution.VwapSchedule} (slices following a
 * {@link io.qtrade.strategies.execution.VolumeProfile}, given or estimated from history) or
 * {@link io.qtrade.strategies.execution.PovSchedule} (a fraction of the observed market volume). The algorithm
 * respects the parent's limit price, catches up when behind schedule, never exceeds the parent quantity, stops at
 * the end of the window and reports in a {@link io.qtrade.strategies.execution.ParentOrderReport}.
 *
 * <p>Timestamps are epoch nanoseconds, UTC; quantities are instrument units (whole lots), prices quote currency.
 */
package io.qtrade.strategies.execution;
