/**
 * JMH benchmarks for qtrade's hot paths. Each benchmark measures a baseline in the same run so that results are read
 * as ratios; {@code docs/benchmarks.md} records the command, the machine and the figures.
 */
package io.qtrade.bench;
