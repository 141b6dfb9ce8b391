package io.qtrade.connectors.live;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Removes secrets from text bound for a log line or an exception message: exception texts of the JDK's HTTP and
 * WebSocket clients may quote the URI back, and venue URIs carry secrets in the query (Kite's {@code api_key} and
 * {@code access_token}) or in the path (a Binance listen key, {@code /ws/<60 characters>}).
 * <pre>{@code
 * every query value      ?api_key=abc&access_token=xyz   ->  ?api_key=***&access_token=***
 * every long token       24+ letters and digits, both   ->  ***   (listen keys, tokens, signatures; not
 *                        present                              class names such as IllegalArgumentException)
 * user info              wss://user:pass@host            ->  wss://***@host
 * }</pre>
 * Applied by {@link ReconnectingWebSocket} to every line it logs and every disconnect reason it passes on, and by
 * {@link VenueException} to its message.
 */
public final class Redaction {

    /** What a secret is replaced with. */
    public static final String MASK = "***";

    private static final Pattern QUERY_VALUE = Pattern.compile("([?&;][^=&#\\s\"'<>]{1,64}=)[^&#\\s\"'<>]*");
    /** 24+ word characters with at least one digit and one letter: keys and tokens, not class names. */
    private static final Pattern LONG_TOKEN = Pattern.compile(
            "(?<![A-Za-z0-9_\\-])(?=[A-Za-z_\\-]*[0-9])(?=[0-9_\\-]*[A-Za-z])[A-Za-z0-9_\\-]{24,}");
    private static final Pattern USER_INFO = Pattern.compile("(\\b[a-zA-Z][a-zA-Z0-9+.-]*://)[^/@\\s]*@");

    private Redaction() {
    }

    /** {@code text} with query values, long tokens and URI user info masked; {@code null} stays {@code null}. */
    public static String redact(String text) {
        if (text == null) {
            return null;
        }
        String out = USER_INFO.matcher(text).replaceAll("$1" + Matcher.quoteReplacement(MASK) + "@");
        out = QUERY_VALUE.matcher(out).replaceAll("$1" + Matcher.quoteReplacement(MASK));
        return LONG_TOKEN.matcher(out).replaceAll(Matcher.quoteReplacement(MASK));
    }

    /** The redacted {@code toString()} of a throwable (class name and message). */
    public static String redact(Throwable t) {
        return t == null ? "null" : redact(t.toString());
    }
}
