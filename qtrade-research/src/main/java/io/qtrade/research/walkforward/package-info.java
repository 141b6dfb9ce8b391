/**
 * Walk-forward analysis: the best parameters in each in-sample window are run on the out-of-sample window that
 * follows it, and the out-of-sample runs are stitched into one equity curve.
 */
package io.qtrade.research.walkforward;
