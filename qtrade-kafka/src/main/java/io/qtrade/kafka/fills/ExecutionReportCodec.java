package io.qtrade.kafka.fills;

import io.qtrade.core.Instrument;
import io.qtrade.core.order.ExecutionReport;
import io.qtrade.core.order.OrderStatus;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * The binary layout of one {@link ExecutionReport} in a Kafka record value, version {@value #VERSION}: 60 bytes
 * plus the reason, big-endian. The record key is the instrument's {@code Instrument.id()}, UTF-8.
 *
 * <pre>{@code
 * offset size field
 *      0    1 version        = 1
 *      1    1 status         OrderStatus ordinal: 0 PENDING_NEW, 1 NEW, 2 PARTIALLY_FILLED, 3 FILLED,
 *                            4 PENDING_CANCEL, 5 CANCELED, 6 REJECTED, 7 EXPIRED
 *      2    8 orderId        (long)
 *     10    8 filledQty      IEEE-754 double bits
 *     18    8 leavesQty      IEEE-754 double bits
 *     26    8 lastFillPrice  IEEE-754 double bits (NaN when not a fill)
 *     34    8 lastFillQty    IEEE-754 double bits (0 when not a fill)
 *     42    8 exchTs         epoch nanoseconds (long)
 *     50    8 localTs        epoch nanoseconds (long)
 *     58    2 reasonLength   bytes of the reason (unsigned short)
 *     60    n reason         UTF-8
 * }</pre>
 */
public final class ExecutionReportCodec {

    public static final byte VERSION = 1;
    /** Bytes before the reason. */
    public static final int FIXED_SIZE = 60;

    private static final OrderStatus[] STATUSES = OrderStatus.values();

    private ExecutionReportCodec() {
    }

    /**
     * The report as a new value.
     *
     * @throws IllegalArgumentException when the reason is longer than 65,535 UTF-8 bytes
     */
    public static byte[] encode(ExecutionReport report) {
        byte[] reason = report.reason().getBytes(StandardCharsets.UTF_8);
        if (reason.length > 0xFFFF) {
            throw new IllegalArgumentException("execution report of order " + report.orderId() + ": reason of "
                    + reason.length + " UTF-8 bytes, at most 65535");
        }
        ByteBuffer b = ByteBuffer.allocate(FIXED_SIZE + reason.length);
        b.put(VERSION).put((byte) report.status().ordinal()).putLong(report.orderId())
                .putDouble(report.filledQty()).putDouble(report.leavesQty()).putDouble(report.lastFillPrice())
                .putDouble(report.lastFillQty()).putLong(report.exchTs()).putLong(report.localTs())
                .putShort((short) reason.length).put(reason);
        return b.array();
    }

    /**
     * The report in {@code value} for {@code instrument}.
     *
     * @throws IllegalArgumentException naming what is wrong: length, version, status, or a field the
     *                                  {@link ExecutionReport} constructor refuses
     */
    public static ExecutionReport decode(byte[] value, Instrument instrument) {
        if (value == null || value.length < FIXED_SIZE) {
            throw new IllegalArgumentException("execution report value of "
                    + (value == null ? "null" : value.length + " bytes") + ", expected at least " + FIXED_SIZE);
        }
        ByteBuffer b = ByteBuffer.wrap(value);
        byte version = b.get();
        if (version != VERSION) {
            throw new IllegalArgumentException("execution report layout version " + version + ", this reader knows "
                    + VERSION);
        }
        int status = b.get();
        if (status < 0 || status >= STATUSES.length) {
            throw new IllegalArgumentException("order status code " + status + ", expected 0.." + (STATUSES.length - 1));
        }
        long orderId = b.getLong();
        double filled = b.getDouble();
        double leaves = b.getDouble();
        double lastPrice = b.getDouble();
        double lastQty = b.getDouble();
        long exchTs = b.getLong();
        long localTs = b.getLong();
        int reasonLength = Short.toUnsignedInt(b.getShort());
        if (value.length != FIXED_SIZE + reasonLength) {
            throw new IllegalArgumentException("execution report value of " + value.length + " bytes, its reason"
                    + " length says " + (FIXED_SIZE + reasonLength));
        }
        String reason = new String(value, FIXED_SIZE, reasonLength, StandardCharsets.UTF_8);
        return new ExecutionReport(orderId, instrument, STATUSES[status], filled, leaves, lastPrice, lastQty, reason,
                exchTs, localTs);
    }
}
