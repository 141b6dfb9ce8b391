package io.qtrade.sql.clickhouse;

/**
 * ClickHouse refused a request or failed while answering it: the HTTP status, ClickHouse's own error code and the
 * server's message, with the endpoint, the database and the start of the statement that failed. Credentials never
 * appear in it.
 *
 * <p>A server error can arrive in two ways: as an HTTP error status with the message as the body, or, once the
 * server has already sent {@code 200 OK} and part of a result, as the message text appended to the result stream
 * (ClickHouse cannot change the status after streaming has begun). {@link ClickHouseSource} recognises the second
 * form at a row boundary and raises this exception with {@link #httpStatus()} 200.
 */
public final class ClickHouseException extends RuntimeException {

    /** The value of {@link #errorCode()} when the server's answer carried no {@code Code: N}. */
    public static final int NO_ERROR_CODE = -1;

    private static final long serialVersionUID = 1L;

    private final int httpStatus;
    private final int errorCode;
    private final String serverMessage;

    /**
     * @param where         the endpoint and database, without credentials
     * @param httpStatus    the HTTP status of the answer
     * @param serverMessage ClickHouse's message, as sent
     * @param statement     the statement that failed (shortened in the message)
     */
    ClickHouseException(String where, int httpStatus, String serverMessage, String statement) {
        this(where, httpStatus, parseErrorCode(serverMessage), serverMessage.strip(), statement);
    }

    private ClickHouseException(String where, int httpStatus, int errorCode, String serverMessage, String statement) {
        super("ClickHouse at " + where + " answered HTTP " + httpStatus + errorCodeText(errorCode) + ": "
                + serverMessage + " [statement: " + shorten(statement) + "]");
        this.httpStatus = httpStatus;
        this.errorCode = errorCode;
        this.serverMessage = serverMessage;
    }

    /** The HTTP status: 200 when the error was appended to a result already being streamed. */
    public int httpStatus() {
        return httpStatus;
    }

    /** ClickHouse's error code ({@code Code: 62} is a syntax error), or {@link #NO_ERROR_CODE}. */
    public int errorCode() {
        return errorCode;
    }

    /** The server's message, without surrounding white space. */
    public String serverMessage() {
        return serverMessage;
    }

    /** Reads {@code N} from the {@code Code: N} that starts every ClickHouse error message. */
    static int parseErrorCode(String message) {
        int at = message.indexOf("Code: ");
        if (at < 0) {
            return NO_ERROR_CODE;
        }
        int start = at + "Code: ".length();
        int end = start;
        while (end < message.length() && end - start < 9 && Character.isDigit(message.charAt(end))) {
            end++;
        }
        return end == start ? NO_ERROR_CODE : Integer.parseInt(message.substring(start, end));
    }

    private static String errorCodeText(int code) {
        return code == NO_ERROR_CODE ? "" : " (ClickHouse error code " + code + ")";
    }

    static String shorten(String statement) {
        String flat = statement.replace('\n', ' ').strip();
        return flat.length() <= 300 ? flat : flat.substring(0, 300) + "...";
    }
}
