/**
 * Runnable examples, on the sample tick store shipped with the SDK unless told otherwise.
 * <ul>
 * <li>{@link io.qtrade.examples.Demo}: a market-making backtest of {@link io.qtrade.examples.SimpleMarketMaker}
 * ({@code mvn -B -q -pl examples -am -DskipTests -Pdemo package}).</li>
 * <li>{@link io.qtrade.examples.FeatureResearch}: OFI against the mid-price change, HAR-RV and a cointegration
 * scan, printed as tables ({@code ... -Pdemo package -Ddemo.mainClass=io.qtrade.examples.FeatureResearch}).</li>
 * </ul>
 */
package io.qtrade.examples;
