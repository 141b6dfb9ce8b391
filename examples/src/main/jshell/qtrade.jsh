// qtrade JShell start-up: the SDK's main packages, imported. Try:
//   var aaa = Instrument.spot("AAA", "SYN", 0.01, 1);
//   var market = SyntheticMarket.builder().instrument(aaa, 100.00).events(100_000).seed(7).build();
//   var book = new OrderBook(aaa);
import io.qtrade.core.*;
import io.qtrade.core.market.*;
import io.qtrade.core.book.*;
import io.qtrade.core.order.*;
import io.qtrade.core.portfolio.*;
import io.qtrade.core.strategy.*;
import io.qtrade.core.time.*;
import io.qtrade.connectors.synthetic.*;
System.out.println("qtrade SDK on the class path; main packages imported (see examples/src/main/jshell/qtrade.jsh).");
