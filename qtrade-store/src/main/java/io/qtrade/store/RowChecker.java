package io.qtrade.store;

import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventKind;
import io.qtrade.store.ingest.EpochUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.nio.file.Path;

/**
 * Checks each row read from a tick file before it enters an {@link EventBatch}: a known kind, side in -1..1 (and
 * present where the kind needs one), finite non-negative quantity, finite price where the kind has one (a funding
 * rate is a finite fraction, never on a tick grid), an order id on L3 kinds, a plausible funding time in the
 * {@code order_id} column of a {@link EventKind#FUNDING_RATE} row (epoch ns in
 * [{@link EpochUnit#MIN_PLAUSIBLE_NANOS} exclusive, {@link EpochUnit#MAX_PLAUSIBLE_NANOS}): 1970 to 2200, never 0),
 * and {@code exch_ts} not more than the tolerance below the largest seen so far. A bad row raises a
 * {@link TickDataException} or, in lenient mode, is counted and logged.
 */
final class RowChecker {

    private static final Logger LOG = LoggerFactory.getLogger(RowChecker.class);
    private static final int LOGGED_PER_FILE = 20;

    private final Path file;
    private final boolean lenient;
    private final long maxBackwardsNanos;
    private long maxExchTs = Long.MIN_VALUE;
    private long skipped;

    RowChecker(Path file, TickReadOptions options) {
        this.file = file;
        this.lenient = options.lenient();
        this.maxBackwardsNanos = options.maxBackwardsNanos();
    }

    long skipped() {
        return skipped;
    }

    /**
     * A bad row found by the parser itself (malformed line, non-numeric field): throws, or counts and logs.
     *
     * @return {@code false} (the row is skipped) in lenient mode
     */
    boolean reject(long row, String field, String detail) {
        if (!lenient) {
            throw new TickDataException(file, row, field, detail);
        }
        skipped++;
        if (skipped <= LOGGED_PER_FILE) {
            LOG.warn("skipped bad row ({} so far): {}", skipped, new TickDataException(file, row, field, detail)
                    .getMessage());
        } else if (skipped == LOGGED_PER_FILE + 1) {
            LOG.warn("{}: more bad rows skipped; the reader's skippedRows() counts them all", file);
        }
        return false;
    }

    /** Whether the row is good; a bad one throws or, in lenient mode, is counted, logged and refused. */
    boolean accept(long row, long exchTs, int kind, int side, double price, double qty, long orderId) {
        if (kind <= 0 || kind > EventKind.FUNDING_RATE.code()) {
            return reject(row, "kind", "unknown event code " + kind + ": expected 1.."
                    + EventKind.FUNDING_RATE.code());
        }
        EventKind k = EventKind.fromCode((byte) kind);
        if (side < -1 || side > 1) {
            return reject(row, "side", "expected -1, 0 or 1, was " + side);
        }
        if (side == 0 && (k == EventKind.DEPTH_UPDATE || k == EventKind.BBO || k == EventKind.ORDER_ADD)) {
            return reject(row, "side", k + " needs side 1 or -1, was 0");
        }
        if (!(qty >= 0) || qty == Double.POSITIVE_INFINITY) {
            return reject(row, "qty", "expected a finite quantity >= 0, was " + qty);
        }
        if (k.hasPrice() && !Double.isFinite(price)) {
            return reject(row, "price", k + " needs a finite price, was " + price);
        }
        if (k.isL3() && orderId == EventBatch.NO_ORDER_ID) {
            return reject(row, "order_id", k + " needs a non-zero order id, was 0");
        }
        if (k == EventKind.FUNDING_RATE && (orderId <= EpochUnit.MIN_PLAUSIBLE_NANOS
                || orderId >= EpochUnit.MAX_PLAUSIBLE_NANOS)) {
            return reject(row, "order_id", "FUNDING_RATE needs its funding time there, epoch ns after 1970-01-01 and "
                    + "before 2200-01-01, was " + orderId);
        }
        return checkTime(row, exchTs);
    }

    /**
     * The time-order check alone, for a row outside the requested range (not passed on, but a row after it must
     * not go back past it). The gap is computed as an unsigned difference, so that {@code Long.MIN_VALUE} after a
     * 2024 time is a gap of about 1.1e19 ns, not an overflowed negative one.
     */
    boolean checkTime(long row, long exchTs) {
        if (exchTs < maxExchTs) {
            long gap = maxExchTs - exchTs; // exact as an unsigned 64-bit number since exchTs < maxExchTs
            if (Long.compareUnsigned(gap, maxBackwardsNanos) > 0) {
                return reject(row, "exch_ts", "time goes backwards by " + Long.toUnsignedString(gap) + " ns (from "
                        + maxExchTs + " to " + exchTs + "), more than the tolerance of " + maxBackwardsNanos + " ns");
            }
        } else {
            maxExchTs = exchTs;
        }
        return true;
    }
}
