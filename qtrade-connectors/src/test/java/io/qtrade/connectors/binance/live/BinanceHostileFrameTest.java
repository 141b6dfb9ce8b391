package io.qtrade.connectors.binance.live;

import io.qtrade.connectors.live.MalformedFrameException;
import io.qtrade.core.Instrument;
import io.qtrade.core.market.EventBatch;
import io.qtrade.store.binance.BinanceMarket;
import io.qtrade.store.binance.DepthMessage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 18, items 2 and 5 for market-data frames: times that overflow, and the tick grid in any field order. */
class BinanceHostileFrameTest {

    private static final Instrument BNBBTC = Instrument.spot("BNBBTC", "BINANCE", 0.0001, 0.001);
    private static final long LOCAL = 1_700_000_000_123_000_000L;

    private final BinanceFrameParser spot = new BinanceFrameParser(BinanceMarket.SPOT, List.of(BNBBTC));
    private final DepthMessage depth = new DepthMessage();
    private final EventBatch out = new EventBatch(16);

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        // "p" before "s": the grid check used to run only when the symbol was already known.
        "trade  |{\"stream\":\"t\",\"data\":{\"e\":\"trade\",\"p\":\"0.00245\",\"q\":\"1\",\"T\":1700000000000,\"m\":true,\"s\":\"BNBBTC\"}}|field p",
        "depth  |{\"stream\":\"d\",\"data\":{\"e\":\"depthUpdate\",\"E\":1700000000000,\"U\":1,\"u\":2,\"b\":[[\"0.0024\",\"1\"],[\"0.00235\",\"1\"]],\"a\":[],\"s\":\"BNBBTC\"}}|field b[1][0]",
        "ticker |{\"stream\":\"k\",\"data\":{\"u\":1,\"b\":\"0.0024\",\"B\":\"1\",\"a\":\"0.00251\",\"A\":\"1\",\"s\":\"BNBBTC\"}}|field a",
    })
    void offGridPricesAreRefusedWhateverTheFieldOrder(String name, String frame, String field) {
        assertThatThrownBy(() -> spot.parse(frame, LOCAL, depth, out))
                .isInstanceOf(MalformedFrameException.class).hasMessageContaining(field)
                .hasMessageContaining("not on the tick grid");
        assertThat(out.size()).isZero();
    }

    @ParameterizedTest(name = "T={0}")
    @CsvSource({
        // 9223372036854 ms * 10^6 wraps past Long.MAX_VALUE into a negative time; -1 ms is before 1970.
        "9223372036854776", "-1", "7258118400000",
    })
    void tradeTimesThatOverflowOrLeaveThePlausibleRangeAreRefused(String ms) {
        String frame = "{\"stream\":\"t\",\"data\":{\"e\":\"trade\",\"s\":\"BNBBTC\",\"p\":\"0.0024\",\"q\":\"1\",\"T\":"
                + ms + ",\"m\":true}}";
        assertThatThrownBy(() -> spot.parse(frame, LOCAL, depth, out))
                .isInstanceOf(MalformedFrameException.class).hasMessageContaining("field T")
                .hasMessageContaining("1970-01-01T00:00:00Z, 2200-01-01T00:00:00Z");
        assertThat(out.size()).isZero();
    }

    @Test
    void depthEventTimeOverflowIsRefused() {
        String frame = "{\"stream\":\"d\",\"data\":{\"e\":\"depthUpdate\",\"E\":18446744073709,\"s\":\"BNBBTC\","
                + "\"U\":1,\"u\":2,\"b\":[],\"a\":[]}}";
        assertThatThrownBy(() -> spot.parse(frame, LOCAL, depth, out))
                .isInstanceOf(MalformedFrameException.class).hasMessageContaining("field E");
    }

    @Test
    void theLastMillisecondBefore2200IsAccepted() {
        String frame = "{\"stream\":\"t\",\"data\":{\"e\":\"trade\",\"s\":\"BNBBTC\",\"p\":\"0.0024\",\"q\":\"1\","
                + "\"T\":7258118399999,\"m\":true}}";
        spot.parse(frame, LOCAL, depth, out);
        assertThat(out.exchTs(0)).isEqualTo(7_258_118_399_999_000_000L);
    }
}
