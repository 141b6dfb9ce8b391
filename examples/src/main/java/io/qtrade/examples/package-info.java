/**
 * Runnable examples. {@link io.qtrade.examples.Demo} is the main demo the README runs with (a backtest of {@link io.qtrade.examples.SimpleMarketMaker})
 * {@code mvn -B -q -pl examples -am -DskipTests -Pdemo package}.
 */
package io.qtrade.examples;
