/**
 * Parameter sweeps: one backtest per parameter set per data partition, on a bounded thread pool, collected into one
 * deterministic table ranked by a chosen metric.
 */
package io.qtrade.research.sweep;
