package io.qtrade.server;

import com.fasterxml.jackson.databind.JsonNode;
import io.qtrade.core.strategy.Strategy;
import io.qtrade.risk.killswitch.KillSwitch;
import io.qtrade.server.tap.EngineTap;
import org.junit.jupiter.api.Test;

import java.util.Iterator;
import java.util.List;
import java.util.Map;

import static io.qtrade.server.PaperFixture.BTC;
import static io.qtrade.server.PaperFixture.READ_TOKEN;
import static io.qtrade.server.PaperFixture.TRADE_TOKEN;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The served OpenAPI description matches the server: every documented operation is routed (answers something other
 * than "no endpoint"), every documented GET answers 200 with a read token, and each documented request body schema
 * refuses unknown fields as the server does.
 */
class OpenApiTest {

    @Test
    void everyDocumentedOperationIsServed() throws Exception {
        EngineTap tap = EngineTap.builder(List.of(BTC)).killSwitch(new KillSwitch()).build();
        tap.wrap("mm", new Strategy() { });
        try (QtradeServer server = QtradeServer.start(tap, ServerConfig.builder(PaperFixture.tokens()).port(0)
                .rateLimit(1000, 1000).build())) {
            Http http = new Http(server.baseUrl());
            JsonNode doc = http.get("/api/v1/openapi.json", null).json();
            assertThat(doc.get("openapi").asText()).isEqualTo("3.0.3");
            JsonNode paths = doc.get("paths");
            assertThat(paths.size()).isEqualTo(17);
            int operations = 0;
            for (Iterator<Map.Entry<String, JsonNode>> it = paths.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                String path = e.getKey().replace("{instrument}", "BTCUSDT").replace("{orderId}", "42");
                for (Iterator<String> methods = e.getValue().fieldNames(); methods.hasNext(); ) {
                    String method = methods.next();
                    operations++;
                    Http.Answer a = switch (method) {
                        case "get" -> http.get(path, READ_TOKEN);
                        case "post" -> http.post(path, TRADE_TOKEN, "{}");
                        case "delete" -> http.delete(path, TRADE_TOKEN);
                        default -> throw new AssertionError("undocumented method kind " + method);
                    };
                    assertThat(a.body()).as("%s %s", method, path).doesNotContain("no endpoint");
                    if (method.equals("get") && !path.contains("42")) {
                        assertThat(a.status()).as("GET %s: %s", path, a.body()).isEqualTo(200);
                    }
                }
            }
            assertThat(operations).isEqualTo(19);
            assertThat(doc.at("/components/schemas/OrderBody/additionalProperties").asBoolean(true)).isFalse();
            assertThat(doc.at("/components/schemas/KillSwitchBody/additionalProperties").asBoolean(true)).isFalse();
        }
    }
}
