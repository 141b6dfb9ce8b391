/**
 * Research at scale: parameter sweeps ({@link io.qtrade.research.sweep}), walk-forward analysis
 * ({@link io.qtrade.research.walkforward}) and Monte Carlo of results ({@link io.qtrade.research.montecarlo}), run
 * in-process on a bounded thread pool; the same sweeps run on Apache Spark through {@code qtrade-spark}.
 */
package io.qtrade.research;
