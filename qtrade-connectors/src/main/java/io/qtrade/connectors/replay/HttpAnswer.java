package io.qtrade.connectors.replay;

import java.util.Map;

/**
 * What a loopback route answers.
 *
 * @param status  HTTP status
 * @param headers response headers
 * @param body    response body (JSON text)
 */
public record HttpAnswer(int status, Map<String, String> headers, String body) {

    /** A 200 answer with a JSON body and no extra header. */
    public static HttpAnswer ok(String body) {
        return new HttpAnswer(200, Map.of(), body);
    }

    /** An answer with a status and a JSON body. */
    public static HttpAnswer of(int status, String body) {
        return new HttpAnswer(status, Map.of(), body);
    }
}
