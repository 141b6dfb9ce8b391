/**
 * A seeded multi-asset daily market for research and examples whose numbers look like a real market's:
 * {@link io.qtrade.bars.synthetic.SyntheticEquityMarket} (one market factor with GARCH volatility clustering,
 * Student-t innovations, persistent expected-return differences that momentum can find, listings and delistings).
 */
package io.qtrade.bars.synthetic;
