package io.qtrade.connectors.replay;

import java.util.List;
import java.util.Map;

/**
 * One HTTP request the loopback venue received, as a route sees it and as tests inspect it afterwards.
 *
 * @param method  GET, POST, PUT, DELETE
 * @param path    the path without the query
 * @param query   the raw query string (as sent, still percent-encoded), "" if none
 * @param headers the request headers, names lower-case
 * @param body    the request body as text, "" if none
 */
public record HttpExchangeRecord(String method, String path, String query, Map<String, List<String>> headers,
                                 String body) {

    /** The first value of a header (name in any case), or null. */
    public String header(String name) {
        List<String> v = headers.get(name.toLowerCase(java.util.Locale.ROOT));
        return v == null || v.isEmpty() ? null : v.get(0);
    }

    /** The value of a {@code key=value} parameter in the query or the form body (first match, still encoded), or null. */
    public String param(String key) {
        for (String source : new String[] {query, body}) {
            for (String pair : source.split("&")) {
                int eq = pair.indexOf('=');
                if (eq > 0 && pair.substring(0, eq).equals(key)) {
                    return pair.substring(eq + 1);
                }
            }
        }
        return null;
    }
}
