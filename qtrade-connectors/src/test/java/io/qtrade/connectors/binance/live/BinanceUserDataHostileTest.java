package io.qtrade.connectors.binance.live;

import io.qtrade.connectors.live.MalformedFrameException;
import io.qtrade.core.Instrument;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 18, items 2 and 11: user-data fields that used to escape as IllegalArgumentException or a wrong time. */
class BinanceUserDataHostileTest {

    private static final Instrument BTCUSDT = Instrument.spot("BTCUSDT", "BINANCE", 0.1, 0.001);
    private static final long LOCAL = 1_700_000_000_100_000_000L;

    private final BinanceUserDataParser parser = new BinanceUserDataParser(List.of(BTCUSDT));

    private static String fill(String l, String n, String t) {
        return "{\"e\":\"executionReport\",\"E\":1,\"s\":\"BTCUSDT\",\"S\":\"SELL\",\"q\":\"0.002\","
                + "\"x\":\"TRADE\",\"X\":\"FILLED\",\"r\":\"NONE\",\"i\":77,\"l\":\"0.002\",\"z\":\"0.002\","
                + l + "\"n\":\"" + n + "\",\"N\":\"BTC\",\"T\":" + t + ",\"m\":false}";
    }

    @ParameterizedTest(name = "{3}")
    @CsvSource(delimiter = '|', value = {
        "                    |0.000002 |1700000000000         |field L|a TRADE without L",
        "\"L\":\"30000.0\",  |1e308    |1700000000000         |field n|a fee of 1e308 BTC at 30000",
        "\"L\":\"30000.0\",  |0.000002 |9223372036854775     |field T|a time that overflows ns",
        "\"L\":\"30000.0\",  |0.000002 |-1                    |field T|a time before 1970",
        "\"L\":\"1f\",       |0.000002 |1700000000000         |field L|a Java float literal",
        "\"L\":\"Infinity\", |0.000002 |1700000000000         |field L|infinity",
        // Found by the long fuzz campaign (seed 2000, case 3192604): a bare number that underflows was read as a
        // fill at price 0.
        "\"L\":1.7e-9223372036854775808, |0.000002 |1700000000000 |field L|a bare number that underflows",
        "\"L\":\"0.00000000\", |0.000002 |1700000000000       |field L|a TRADE at price 0",
    })
    void badFillFieldsAreMalformedFramesNamingTheField(String l, String n, String t, String field, String what) {
        assertThatThrownBy(() -> parser.parse(fill(l == null ? "" : l, n, t), LOCAL)).as(what)
                .isInstanceOf(MalformedFrameException.class).hasMessageContaining(field);
    }
}
