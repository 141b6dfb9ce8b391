// qtrade JShell start-up: the SDK's main packages, imported. Try:
//   var aaa = Instrument.spot("AAA", "SYN", 0.01, 1);
//   var market = SyntheticMarket.builder().instrument(aaa, 100.00).events(100_000).seed(7).build();
//   var book = new OrderBook(aaa);
//   var store = TickStore.at(SampleData.root());          store.catalog()
//   var report = FeatureResearch.run(store, "SIM", FeatureResearch.Settings.DEFAULTS);   report.ofi()
//   var result = Demo.marketMakingBacktest(store.read(SampleData.synthetic()), 7).run();   result.totals()
// (the sample's venue SIM is its synthetic market; its other venues are the importers' short vendor fixtures.
// ReadmeJShellTest runs every example line above.)
// core
import io.qtrade.core.*;
import io.qtrade.core.market.*;
import io.qtrade.core.book.*;
import io.qtrade.core.order.*;
import io.qtrade.core.portfolio.*;
import io.qtrade.core.strategy.*;
import io.qtrade.core.time.*;
// features
import io.qtrade.features.flow.*;
import io.qtrade.features.trades.*;
import io.qtrade.features.bars.*;
import io.qtrade.features.volatility.*;
import io.qtrade.features.regression.*;
import io.qtrade.features.cointegration.*;
import io.qtrade.features.filter.*;
import io.qtrade.features.factor.*;
// backtest and risk
import io.qtrade.backtest.*;
import io.qtrade.backtest.exchange.*;
import io.qtrade.backtest.latency.*;
import io.qtrade.backtest.queue.*;
import io.qtrade.backtest.fee.*;
import io.qtrade.backtest.attribution.*;
import io.qtrade.backtest.report.*;
import io.qtrade.risk.*;
import io.qtrade.risk.limits.*;
import io.qtrade.risk.killswitch.*;
import io.qtrade.risk.breakers.*;
import io.qtrade.risk.stops.*;
import io.qtrade.risk.sizing.*;
import io.qtrade.risk.inventory.*;
import io.qtrade.risk.metrics.*;
// bars: the bar engine (try: var m = SyntheticEquityMarket.of(50, 504, 7);
//   BarBacktest.builder().source(m).universe(m.universe()).strategy("hold", new Strategy() {}).build().run())
import io.qtrade.core.bar.*;
import io.qtrade.bars.*;
import io.qtrade.bars.order.*;
import io.qtrade.bars.cost.*;
import io.qtrade.bars.corporate.*;
import io.qtrade.bars.universe.*;
import io.qtrade.bars.synthetic.*;
import io.qtrade.bars.fx.*;
import io.qtrade.bars.ta4j.*;
// strategies: market making, pairs trading and execution algorithms (backtest's execution-quality package has a
// ParentOrder too: use io.qtrade.backtest.execution.ExecutionQuality by its full name)
import io.qtrade.strategies.marketmaking.*;
import io.qtrade.strategies.pairs.*;
import io.qtrade.strategies.execution.*;
// research: sweeps, walk-forward, Monte Carlo, their report sections
import io.qtrade.research.sweep.*;
import io.qtrade.research.walkforward.*;
import io.qtrade.research.montecarlo.*;
import io.qtrade.research.report.*;
// data: synthetic market, tick store (and its sample), SQL over it
import io.qtrade.store.synthetic.*;
import io.qtrade.store.*;
import io.qtrade.store.bars.*;
import io.qtrade.sql.*;
// live adapters' shared types and paper trading (the venue packages binance.live / zerodha.live by full name)
import io.qtrade.connectors.live.*;
import io.qtrade.connectors.paper.*;
// the example programs and result tables
import io.qtrade.examples.*;
import tech.tablesaw.api.*;
System.out.println("qtrade SDK on the class path; main packages imported (see examples/src/main/jshell/qtrade.jsh).");
