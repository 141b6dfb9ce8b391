package io.qtrade.connectors.binance.live;

import io.qtrade.connectors.live.ApiSecret;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class BinanceSignerTest {

    /**
     * Binance spot REST API docs, "SIGNED Endpoint Examples for POST /api/v3/order - HMAC Keys", example 1 (query
     * string only): the documented secret, query string and signature. Also checked with
     * {@code echo -n "$QUERY" | openssl dgst -sha256 -hmac "$SECRET"}.
     */
    @Test
    void signsTheDocumentedExampleExactly() {
        BinanceSigner signer = new BinanceSigner(ApiSecret.of("BINANCE_API_SECRET",
                "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j"));
        String query = "symbol=LTCBTC&side=BUY&type=LIMIT&timeInForce=GTC&quantity=1&price=0.1&recvWindow=5000"
                + "&timestamp=1499827319559";
        assertThat(signer.sign(query)).isEqualTo("c8db56825ae71d6d79447849e617115f4a920fa2acdcab2b053c4b2838bd6b71");
    }

    @Test
    void toStringNeverShowsTheSecret() {
        String secret = "NhqPtmdSJYdKjVHjA7PZj4Mge3R5YNiP1e3UZjInClVN65XAbvqqM6A7H5fATj0j";
        BinanceSigner signer = new BinanceSigner(ApiSecret.of("BINANCE_API_SECRET", secret));
        assertThat(signer.toString()).doesNotContain(secret).contains("BINANCE_API_SECRET");
    }
}
