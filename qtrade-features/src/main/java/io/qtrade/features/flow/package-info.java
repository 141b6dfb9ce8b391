/**
 * Order flow at the top of an L2 book: the order flow imbalance of Cont, Kukanov and Stoikov (2014)
 * ({@link io.qtrade.features.flow.OrderFlowImbalance}), its multi-level form over the top {@code M} levels
 * ({@link io.qtrade.features.flow.MultiLevelOfi}), queue imbalance and the size-weighted mid
 * ({@link io.qtrade.features.flow.QueueImbalance}), Stoikov's (2018) Markov-chain micro-price
 * ({@link io.qtrade.features.flow.StoikovMicroprice}), spread and depth ({@link io.qtrade.features.flow.BookDepth}),
 * and the count or time buckets that sum a per-event feature ({@link io.qtrade.features.flow.BucketedSum}).
 *
 * <p>Each feature has a streaming form, fed the book after every event in {@code O(1)} (or {@code O(M)} for
 * {@code M} levels) without allocating, and a batch form over {@code double[]} columns and Tablesaw tables that gives
 * the same numbers. Timestamps are epoch nanoseconds, UTC. An empty book side never yields a made-up value: the
 * feature is {@code NaN} there, as each class states.
 */
package io.qtrade.features.flow;
