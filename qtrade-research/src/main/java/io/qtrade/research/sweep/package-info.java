/**
 * Parameter sweeps: one backtest per parameter set per data partition, on a bounded thread pool, collected into one
 * deterministic table ranked by a chosen metric. A sweep may decode each partition once and share the decoded events
 * between the sets' runs, within a memory budget ({@code Sweep.Builder.decodeOnce}).
 */
package io.qtrade.research.sweep;
