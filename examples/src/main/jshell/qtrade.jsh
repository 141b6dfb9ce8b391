// qtrade JShell start-up: the SDK's main packages, imported. Try:
//   var market = SyntheticMarket.builder().events(10_000).seed(7).build();
//   var book = new OrderBook(market.instruments().get(0));
import io.qtrade.core.*;
import io.qtrade.core.market.*;
import io.qtrade.core.book.*;
import io.qtrade.core.order.*;
import io.qtrade.core.portfolio.*;
import io.qtrade.core.strategy.*;
import io.qtrade.core.time.*;
import io.qtrade.connectors.synthetic.*;
System.out.println("qtrade SDK on the class path; main packages imported (see examples/src/main/jshell/qtrade.jsh).");
