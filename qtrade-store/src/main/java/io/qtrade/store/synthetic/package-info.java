/**
 * Synthetic market data: {@link io.qtrade.store.synthetic.SyntheticMarket}, a seedable L2 event source after
 * the zero-intelligence order book model of Cont, Stoikov and Talreja (2010), with correlated fair values across
 * instruments as an SDK extension. It is the SDK's default demo data and the benchmarks' scalable input.
 *
 * <p>Timestamps are {@code long} epoch nanoseconds, UTC: {@code exchTs} from the model's Poisson clock,
 * {@code localTs} after the configured feed latency.
 */
package io.qtrade.store.synthetic;
