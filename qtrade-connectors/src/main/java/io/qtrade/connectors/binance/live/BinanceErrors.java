package io.qtrade.connectors.binance.live;

import io.qtrade.connectors.live.VenueException;
import io.qtrade.connectors.live.VenueException.Reason;

import java.util.Locale;

/**
 * Maps Binance's HTTP statuses and error codes ("Error codes for Binance", spot and USD-M futures docs) to
 * {@link VenueException.Reason}s:
 * <pre>{@code
 * HTTP 429, code -1003 TOO_MANY_REQUESTS                       RATE_LIMITED   (Retry-After seconds kept)
 * HTTP 418                                                     IP_BANNED      (Retry-After seconds kept)
 * code -1021 INVALID_TIMESTAMP (outside recvWindow)            TIMESTAMP
 * code -2010 NEW_ORDER_REJECTED "...insufficient balance..."   INSUFFICIENT_BALANCE
 *      -2019 MARGIN_NOT_SUFFICIENT (futures)                   INSUFFICIENT_BALANCE
 * code -2013 NO_SUCH_ORDER, -2011 CANCEL_REJECTED "Unknown order sent."   UNKNOWN_ORDER
 * code -1002 UNAUTHORIZED, -1022 INVALID_SIGNATURE, -2014 BAD_API_KEY_FMT, -2015 REJECTED_MBX_KEY
 *                                                              AUTHENTICATION
 * HTTP 5xx                                                     VENUE_ERROR    (outcome unknown)
 * any other 4xx                                                REJECTED
 * }</pre>
 */
final class BinanceErrors {

    private BinanceErrors() {
    }

    static VenueException map(String venue, String request, int status, int code, String msg, long retryAfterNanos) {
        String m = msg == null ? "" : msg;
        String lower = m.toLowerCase(Locale.ROOT);
        Reason reason;
        if (status == 418) {
            reason = Reason.IP_BANNED;
        } else if (status == 429 || code == -1003) {
            reason = Reason.RATE_LIMITED;
        } else if (code == -1021) {
            reason = Reason.TIMESTAMP;
        } else if ((code == -2010 && lower.contains("insufficient balance")) || code == -2019) {
            reason = Reason.INSUFFICIENT_BALANCE;
        } else if (code == -2013 || (code == -2011 && lower.contains("unknown order"))) {
            reason = Reason.UNKNOWN_ORDER;
        } else if (code == -1002 || code == -1022 || code == -2014 || code == -2015) {
            reason = Reason.AUTHENTICATION;
        } else if (status >= 500) {
            reason = Reason.VENUE_ERROR;
        } else {
            reason = Reason.REJECTED;
        }
        return new VenueException(venue, reason, status, code == 0 ? "" : Integer.toString(code), retryAfterNanos,
                request + ": " + (m.isEmpty() ? "no message" : m));
    }
}
