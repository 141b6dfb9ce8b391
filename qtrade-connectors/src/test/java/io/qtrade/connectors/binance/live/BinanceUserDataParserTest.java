package io.qtrade.connectors.binance.live;

import io.qtrade.connectors.live.MalformedFrameException;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.order.ExecutionReport;
import io.qtrade.core.order.Fill;
import io.qtrade.core.order.Liquidity;
import io.qtrade.core.order.OrderStatus;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class BinanceUserDataParserTest {

    private static final Instrument ETHBTC = Instrument.spot("ETHBTC", "BINANCE", 0.00000001, 0.0001);
    private static final Instrument BTCUSDT = Instrument.spot("BTCUSDT", "BINANCE", 0.1, 0.001);
    private static final long LOCAL = 1_499_405_658_700_000_000L;

    private final BinanceUserDataParser parser = new BinanceUserDataParser(List.of(ETHBTC, BTCUSDT));

    /** The spot docs' "Order Update" payload (a new order: execution type NEW, nothing filled). */
    private static final String NEW_ORDER = "{\"e\":\"executionReport\",\"E\":1499405658658,\"s\":\"ETHBTC\","
            + "\"c\":\"mUvoqJxFIILMdfAW5iGSOW\",\"S\":\"BUY\",\"o\":\"LIMIT\",\"f\":\"GTC\",\"q\":\"1.00000000\","
            + "\"p\":\"0.10264410\",\"P\":\"0.00000000\",\"F\":\"0.00000000\",\"g\":-1,\"C\":\"\",\"x\":\"NEW\","
            + "\"X\":\"NEW\",\"r\":\"NONE\",\"i\":4293153,\"l\":\"0.00000000\",\"z\":\"0.00000000\","
            + "\"L\":\"0.00000000\",\"n\":\"0\",\"N\":null,\"T\":1499405658657,\"t\":-1,\"v\":3,\"I\":8641984,"
            + "\"w\":true,\"m\":false,\"M\":false,\"O\":1499405658657,\"Z\":\"0.00000000\",\"Y\":\"0.00000000\","
            + "\"Q\":\"0.00000000\",\"W\":1499405658657,\"V\":\"NONE\"}";

    @Test
    void documentedNewOrderEventIsANonFillReport() {
        ExecutionReport r = parser.parse(NEW_ORDER, LOCAL);
        assertThat(r.orderId()).isEqualTo(4293153L);
        assertThat(r.instrument()).isEqualTo(ETHBTC);
        assertThat(r.status()).isEqualTo(OrderStatus.NEW);
        assertThat(r.filledQty()).isZero();
        assertThat(r.leavesQty()).isEqualTo(1.0);
        assertThat(r.isFill()).isFalse();
        assertThat(r.reason()).isEqualTo(ExecutionReport.NO_REASON);
        assertThat(r.exchTs()).isEqualTo(1_499_405_658_657_000_000L);
        assertThat(r.localTs()).isEqualTo(LOCAL);
        assertThat(parser.lastFill()).isNull();
    }

    @Test
    void partialFillGivesAReportAndAMakerFillWithTheFeeInQuote() {
        // 0.4 of 1.0 filled at 0.1026441 as maker; commission 0.00000040 BTC (BTC is the quote of ETHBTC).
        String frame = NEW_ORDER.replace("\"x\":\"NEW\",\"X\":\"NEW\"", "\"x\":\"TRADE\",\"X\":\"PARTIALLY_FILLED\"")
                .replace("\"l\":\"0.00000000\",\"z\":\"0.00000000\",\"L\":\"0.00000000\",\"n\":\"0\",\"N\":null",
                        "\"l\":\"0.40000000\",\"z\":\"0.40000000\",\"L\":\"0.10264410\",\"n\":\"0.00000040\","
                                + "\"N\":\"BTC\"")
                .replace("\"m\":false", "\"m\":true");
        ExecutionReport r = parser.parse(frame, LOCAL);
        assertThat(r.status()).isEqualTo(OrderStatus.PARTIALLY_FILLED);
        assertThat(r.filledQty()).isEqualTo(0.4);
        assertThat(r.leavesQty()).isCloseTo(0.6, within(1e-12)); // 1.0 - 0.4
        assertThat(r.lastFillQty()).isEqualTo(0.4);
        assertThat(r.lastFillPrice()).isEqualTo(0.1026441);
        Fill f = parser.lastFill();
        assertThat(f.side()).isEqualTo(Side.BUY);
        assertThat(f.liquidity()).isEqualTo(Liquidity.MAKER);
        assertThat(f.fee()).isEqualTo(0.0000004);
        assertThat(f.qty()).isEqualTo(0.4);
    }

    @Test
    void feeInTheBaseAssetIsConvertedAtTheFillPrice() {
        // BTCUSDT sell fill of 0.002 at 30000.0, commission 0.000002 BTC: fee = 0.000002 * 30000 = 0.06 USDT.
        String frame = "{\"e\":\"executionReport\",\"E\":1,\"s\":\"BTCUSDT\",\"S\":\"SELL\",\"q\":\"0.002\","
                + "\"x\":\"TRADE\",\"X\":\"FILLED\",\"r\":\"NONE\",\"i\":77,\"l\":\"0.002\",\"z\":\"0.002\","
                + "\"L\":\"30000.0\",\"n\":\"0.000002\",\"N\":\"BTC\",\"T\":1700000000000,\"m\":false}";
        ExecutionReport r = parser.parse(frame, LOCAL);
        assertThat(r.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(r.leavesQty()).isZero();
        assertThat(parser.lastFill().fee()).isCloseTo(0.06, within(1e-12));
        assertThat(parser.lastFill().liquidity()).isEqualTo(Liquidity.TAKER);
    }

    @Test
    void futuresOrderTradeUpdateReadsTheNestedOrder() {
        // USD-M futures docs, "Event: Order Update" payload (trimmed to the fields used), a filled market sell.
        String frame = "{\"e\":\"ORDER_TRADE_UPDATE\",\"E\":1568879465651,\"T\":1568879465650,\"o\":{"
                + "\"s\":\"BTCUSDT\",\"c\":\"TEST\",\"S\":\"SELL\",\"o\":\"TRAILING_STOP_MARKET\",\"f\":\"GTC\","
                + "\"q\":\"0.001\",\"p\":\"0\",\"ap\":\"0\",\"sp\":\"7103.04\",\"x\":\"TRADE\",\"X\":\"FILLED\","
                + "\"i\":8886774,\"l\":\"0.001\",\"z\":\"0.001\",\"L\":\"7103.1\",\"N\":\"USDT\",\"n\":\"0.0028\","
                + "\"T\":1568879465651,\"t\":0,\"b\":\"0\",\"a\":\"9.91\",\"m\":false,\"R\":false}}";
        ExecutionReport r = parser.parse(frame, LOCAL);
        assertThat(r.orderId()).isEqualTo(8886774L);
        assertThat(r.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(r.exchTs()).isEqualTo(1_568_879_465_651_000_000L);
        assertThat(parser.lastFill().fee()).isEqualTo(0.0028);
        assertThat(parser.lastFill().price()).isEqualTo(7103.1);
    }

    @Test
    void aFuturesLiquidationIsAWorkingOrderThenAFillOfTheCalculatedExecution() {
        // USD-M liquidation: the exchange's order on the account shows NEW_INSURANCE (or NEW_ADL), and its
        // execution type CALCULATED carries the fill (l, L) that closes the position.
        String working = "{\"e\":\"ORDER_TRADE_UPDATE\",\"E\":1568879465651,\"T\":1568879465650,\"o\":{"
                + "\"s\":\"BTCUSDT\",\"c\":\"autoclose-1\",\"S\":\"SELL\",\"o\":\"LIMIT\",\"f\":\"IOC\","
                + "\"q\":\"0.010\",\"p\":\"6900\",\"ap\":\"0\",\"sp\":\"0\",\"x\":\"NEW\","
                + "\"X\":\"NEW_INSURANCE\",\"i\":8886775,\"l\":\"0\",\"z\":\"0\",\"L\":\"0\","
                + "\"T\":1568879465650,\"t\":0,\"b\":\"0\",\"a\":\"0\",\"m\":false,\"R\":false}}";
        ExecutionReport r = parser.parse(working, LOCAL);
        assertThat(r.status()).isEqualTo(OrderStatus.NEW);
        assertThat(r.leavesQty()).isEqualTo(0.010);
        String filled = working.replace("\"x\":\"NEW\"", "\"x\":\"CALCULATED\"")
                .replace("\"X\":\"NEW_INSURANCE\"", "\"X\":\"FILLED\"")
                .replace("\"l\":\"0\",\"z\":\"0\",\"L\":\"0\"", "\"l\":\"0.010\",\"z\":\"0.010\",\"L\":\"6900\"");
        ExecutionReport f = parser.parse(filled, LOCAL);
        assertThat(f.status()).isEqualTo(OrderStatus.FILLED);
        assertThat(parser.lastFill().qty()).isEqualTo(0.010);
        assertThat(parser.lastFill().price()).isEqualTo(6900.0);
        assertThat(parser.parse(working.replace("NEW_INSURANCE", "NEW_ADL"), LOCAL).status())
                .isEqualTo(OrderStatus.NEW);
    }

    @Test
    void accountEventsAreNotOrderReportsAndListenKeyExpiryIsFlagged() {
        assertThat(parser.parse("{\"e\":\"outboundAccountPosition\",\"E\":1,\"u\":1,\"B\":[]}", LOCAL)).isNull();
        assertThat(parser.listenKeyExpired()).isFalse();
        assertThat(parser.parse("{\"e\":\"listenKeyExpired\",\"E\":1576653824250}", LOCAL)).isNull();
        assertThat(parser.listenKeyExpired()).isTrue();
    }

    @Test
    void truncatedOrUnknownEventsThrowNamedErrors() {
        assertThatThrownBy(() -> parser.parse(NEW_ORDER.substring(0, 120), LOCAL))
                .isInstanceOf(MalformedFrameException.class).hasMessageContaining("binance user-data");
        assertThatThrownBy(() -> parser.parse(NEW_ORDER.replace("\"X\":\"NEW\"", "\"X\":\"WEIRD\""), LOCAL))
                .hasMessageContaining("field X").hasMessageContaining("WEIRD");
        assertThatThrownBy(() -> parser.parse(NEW_ORDER.replace("ETHBTC", "XRPBTC"), LOCAL))
                .hasMessageContaining("field s").hasMessageContaining("XRPBTC");
    }
}
