package io.qtrade.connectors.zerodha.live;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.qtrade.connectors.live.VenueException;
import io.qtrade.connectors.live.VenueException.Reason;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;

/**
 * One Kite Connect REST call: form-encoded body, {@code X-Kite-Version: 3}, optional {@code Authorization} header,
 * the {@code {"status":"success","data":...}} envelope opened, errors mapped by {@code error_type}:
 * <pre>{@code
 * TokenException, PermissionException, UserException     AUTHENTICATION
 * MarginException                                        INSUFFICIENT_BALANCE
 * InputException, OrderException                         REJECTED
 * NetworkException, DataException, GeneralException, 5xx VENUE_ERROR
 * HTTP 429                                               RATE_LIMITED
 * }</pre>
 */
final class KiteRest {

    static final String VENUE = "KITE";
    private static final ObjectMapper JSON = new ObjectMapper();

    private KiteRest() {
    }

    static String form(Map<String, String> fields) {
        StringBuilder s = new StringBuilder();
        for (Map.Entry<String, String> e : fields.entrySet()) {
            if (s.length() > 0) {
                s.append('&');
            }
            s.append(URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8)).append('=')
                    .append(URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8));
        }
        return s.toString();
    }

    /** Sends the call and returns {@code data} of a success envelope. */
    static JsonNode call(HttpClient http, URI base, String method, String path, Map<String, String> fields,
                         String authorization) {
        String what = method + " " + path;
        String body = fields == null ? "" : form(fields);
        HttpRequest.Builder rb = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(10))
                .header("X-Kite-Version", "3");
        if (authorization != null) {
            rb.header("Authorization", authorization);
        }
        if (body.isEmpty()) {
            rb.method(method, HttpRequest.BodyPublishers.noBody());
        } else {
            rb.header("Content-Type", "application/x-www-form-urlencoded")
                    .method(method, HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        }
        HttpResponse<String> response;
        try {
            response = http.send(rb.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new VenueException(VENUE, Reason.VENUE_ERROR, 0, "", 0, what + ": no answer ("
                    + e.getClass().getSimpleName() + "); for an order the outcome is unknown, query it");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new VenueException(VENUE, Reason.VENUE_ERROR, 0, "", 0, what + ": interrupted");
        }
        int status = response.statusCode();
        JsonNode root;
        try {
            root = JSON.readTree(response.body());
        } catch (IOException e) {
            throw new VenueException(VENUE, status == 200 ? Reason.MALFORMED_RESPONSE : Reason.VENUE_ERROR, status, "",
                    0, what + ": the answer is not JSON");
        }
        if (status == 200 && "success".equals(root.path("status").asText())) {
            JsonNode data = root.get("data");
            if (data == null) {
                throw new VenueException(VENUE, Reason.MALFORMED_RESPONSE, status, "", 0, what + ": no data");
            }
            return data;
        }
        String type = root.path("error_type").asText("");
        String message = root.path("message").asText("no message");
        Reason reason;
        if (status == 429) {
            reason = Reason.RATE_LIMITED;
        } else {
            reason = switch (type) {
                case "TokenException", "PermissionException", "UserException" -> Reason.AUTHENTICATION;
                case "MarginException" -> Reason.INSUFFICIENT_BALANCE;
                case "InputException", "OrderException" -> Reason.REJECTED;
                default -> status >= 500 || type.equals("NetworkException") || type.equals("DataException")
                        || type.equals("GeneralException") ? Reason.VENUE_ERROR : Reason.REJECTED;
            };
        }
        long retryAfter = response.headers().firstValue("Retry-After").map(v -> {
            try {
                return Long.parseLong(v.trim()) * 1_000_000_000L;
            } catch (NumberFormatException e) {
                return 0L;
            }
        }).orElse(0L);
        throw new VenueException(VENUE, reason, status, type, retryAfter, what + ": " + message);
    }
}
