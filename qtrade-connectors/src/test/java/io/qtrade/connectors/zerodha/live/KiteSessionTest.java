package io.qtrade.connectors.zerodha.live;

import io.qtrade.connectors.live.ApiSecret;
import io.qtrade.connectors.live.Credentials;
import io.qtrade.connectors.live.VenueException;
import io.qtrade.connectors.replay.HttpAnswer;
import io.qtrade.connectors.replay.HttpExchangeRecord;
import io.qtrade.connectors.replay.LoopbackVenue;
import org.junit.jupiter.api.Test;

import java.net.http.HttpClient;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KiteSessionTest {

    /** {@code echo -n "xyz123abcrequest456secret789" | sha256sum} (coreutils 9.1). */
    @Test
    void checksumIsTheSha256OfKeyTokenAndSecret() {
        assertThat(KiteSession.checksum("xyz123", "abcrequest456", ApiSecret.of("KITE_API_SECRET", "secret789")))
                .isEqualTo("5e90764180eeb06212394630b37cd17c593e274f6cae7cd1408d03996ffa2e7e");
    }

    @Test
    void exchangePostsTheChecksumAndKeepsTheAccessTokenMasked() {
        try (LoopbackVenue venue = LoopbackVenue.builder(List.of())
                .route("POST", "/session/token", r -> "abcrequest456".equals(r.param("request_token"))
                        ? HttpAnswer.ok("{\"status\":\"success\",\"data\":{\"user_id\":\"XX0000\","
                        + "\"access_token\":\"tok3n9876\",\"refresh_token\":\"\"}}")
                        : HttpAnswer.of(403, "{\"status\":\"error\",\"message\":\"Token is invalid or has expired.\","
                        + "\"error_type\":\"TokenException\"}"))
                .start()) {
            Credentials c = new Credentials(ApiSecret.of("KITE_API_KEY", "xyz123"),
                    ApiSecret.of("KITE_API_SECRET", "secret789"), null);
            KiteSession session = new KiteSession(venue.httpBase(), HttpClient.newHttpClient());
            Credentials withToken = session.exchange(c, "abcrequest456");
            HttpExchangeRecord r = venue.requests().get(0);
            assertThat(r.header("X-Kite-Version")).isEqualTo("3");
            assertThat(r.body()).isEqualTo("api_key=xyz123&request_token=abcrequest456"
                    + "&checksum=5e90764180eeb06212394630b37cd17c593e274f6cae7cd1408d03996ffa2e7e");
            assertThat(withToken.accessToken().orElseThrow().reveal()).isEqualTo("tok3n9876");
            assertThat(withToken.toString()).doesNotContain("tok3n9876").doesNotContain("secret789")
                    .doesNotContain("xyz123");
            assertThatThrownBy(() -> session.exchange(c, "used")).isInstanceOfSatisfying(VenueException.class, e -> {
                assertThat(e.reason()).isEqualTo(VenueException.Reason.AUTHENTICATION);
                assertThat(e.venueCode()).isEqualTo("TokenException");
                assertThat(e.getMessage()).doesNotContain("secret789");
            });
        }
    }
}
