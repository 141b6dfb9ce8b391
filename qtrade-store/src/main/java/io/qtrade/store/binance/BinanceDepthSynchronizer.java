package io.qtrade.store.binance;

import io.qtrade.core.Side;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventFlags;
import io.qtrade.core.market.EventKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.util.Objects;

/**
 * Keeps a Binance local order book in step with the diff depth stream, exactly as Binance documents in "How to
 * manage a local order book correctly" (spot and USD-M futures pages), and writes the resulting depth rows into an
 * {@link EventBatch}. I/O-free: it is fed {@link DepthMessage}s by a recording reader or by a live connector.
 *
 * <h2>Rules ({@code L} = the snapshot's {@code lastUpdateId}, {@code U}/{@code u}/{@code pu} of a diff)</h2>
 * <pre>{@code
 *                       spot                                   USD-M futures
 * drop before sync      u <= L                                 u < L
 * first applied diff    U <= L + 1  and  u >= L + 1            U <= L  and  u >= L
 * chain, every diff     U <= prev u + 1 < u + 1                pu == prev u
 *                       (U > prev u + 1: gap; u <= prev u:
 *                       stale, ignored and counted)
 * }</pre>
 * Until a snapshot arrives, diffs are buffered (at most {@code maxBufferedDiffs}; beyond that the oldest is dropped,
 * counted and logged). When a snapshot arrives it is held, buffered diffs that are too old for it are dropped (counted
 * in {@link #droppedBeforeSync()}), and the first remaining diff decides: if it is the valid first diff, the snapshot
 * is emitted and the diffs applied; if it lies beyond the snapshot ({@code U > L + 1} on spot, {@code U > L} on
 * futures), the snapshot is too old: it is discarded ({@link #staleSnapshots()}, logged) and the next one awaited, as
 * the documentation says. Nothing before the first valid diff is ever guessed.
 *
 * <p>The chain is checked on every diff for the whole stream, not only while syncing. A break is a gap: it is
 * counted ({@link #gaps()}), logged at WARN with the update ids, a {@link EventKind#BOOK_CLEAR} row tells consumers
 * the book is unknown, the breaking diff is buffered, and the book is rebuilt from the next snapshot
 * ({@link #resyncs()}); the rebuilt snapshot rows and the diffs applied with it carry {@link EventFlags#AFTER_RESYNC}.
 *
 * <h2>Rows written</h2>
 * A snapshot: {@code SNAPSHOT_BEGIN}, one {@code DEPTH_UPDATE} per level (bids then asks) flagged
 * {@link EventFlags#SNAPSHOT}, {@code SNAPSHOT_END} flagged {@link EventFlags#END_OF_MESSAGE}. A diff: one
 * {@code DEPTH_UPDATE} per level (bids then asks; absolute quantity, 0 removes), the last flagged
 * {@code END_OF_MESSAGE}. Diffs replayed from the buffer when a snapshot arrives are stamped
 * {@code localTs = max(diff localTs, snapshot localTs)}, the moment a live client could have applied them, so that
 * {@code localTs} never goes back. A spot snapshot (no venue time) is stamped {@code exchTs = min(localTs -
 * assumed latency, first applied diff's exchTs)}: the snapshot precedes that diff's updates at the venue, so
 * {@code exchTs} does not go back across a synchronisation either (the tick store writes in {@code exchTs} order). A snapshot received while the book is live is not needed: it is counted in
 * {@link #snapshotsIgnored()} and logged at DEBUG.
 *
 * <p>Allocation-free after warm-up (messages are copied into a pool of reused {@link DepthMessage}s).
 */
public final class BinanceDepthSynchronizer {

    /** Default bound on diffs buffered while waiting for a snapshot. */
    public static final int DEFAULT_MAX_BUFFERED_DIFFS = 1024;

    private static final Logger LOG = LoggerFactory.getLogger(BinanceDepthSynchronizer.class);

    /** Where the synchroniser stands. */
    public enum State {
        /** No usable snapshot: diffs are buffered. */
        AWAITING_SNAPSHOT,
        /** A snapshot is held, waiting for the first diff that matches it. */
        AWAITING_FIRST_DIFF,
        /** The book is in step; every diff is chain-checked and applied. */
        LIVE
    }

    private final BinanceMarket market;
    private final int instrument;
    private final String name;
    private final DepthMessage[] buffer;
    private int bufferHead;
    private int bufferSize;
    private final DepthMessage snapshot = new DepthMessage();
    private State state = State.AWAITING_SNAPSHOT;
    private long lastUpdateId;
    private boolean resyncing;
    /** Whether the buffered diffs being replayed follow a resync (they carry AFTER_RESYNC). */
    private boolean resyncingReplay;
    private long gaps;
    private long resyncs;
    private long droppedBeforeSync;
    private long staleSnapshots;
    private long staleDiffs;
    private long snapshotsIgnored;
    private long bufferOverflows;
    private long unappliedAtEnd;
    private long rowsDropped;
    private long rowsCoveredBySnapshot;

    /**
     * @param market           spot or USD-M futures rules
     * @param instrument       the instrument index written in every row
     * @param name             the book's name for log lines (symbol, file)
     * @param maxBufferedDiffs most diffs held while waiting for a snapshot, positive
     */
    public BinanceDepthSynchronizer(BinanceMarket market, int instrument, String name, int maxBufferedDiffs) {
        this.market = Objects.requireNonNull(market, "market");
        this.name = Objects.requireNonNull(name, "name");
        if (instrument < 0) {
            throw new IllegalArgumentException("instrument index must be >= 0, was " + instrument);
        }
        if (maxBufferedDiffs <= 0) {
            throw new IllegalArgumentException("maxBufferedDiffs must be positive, was " + maxBufferedDiffs);
        }
        this.instrument = instrument;
        this.buffer = new DepthMessage[maxBufferedDiffs];
        for (int i = 0; i < maxBufferedDiffs; i++) {
            buffer[i] = new DepthMessage();
        }
    }

    /**
     * Takes a REST depth snapshot ({@code lastUpdateId} in {@code snap.finalUpdateId}). The message is copied.
     *
     * @param out receives the rows; must have room for the snapshot and every buffered diff
     */
    public void onSnapshot(DepthMessage snap, EventBatch out) {
        if (state == State.LIVE) {
            snapshotsIgnored++;
            LOG.debug("{}: snapshot lastUpdateId={} received while live at u={}: not needed", name,
                    snap.finalUpdateId, lastUpdateId);
            return;
        }
        if (state == State.AWAITING_FIRST_DIFF) {
            staleSnapshots++;
            LOG.info("{}: snapshot lastUpdateId={} superseded by lastUpdateId={} before any diff matched it", name,
                    snapshot.finalUpdateId, snap.finalUpdateId);
        }
        snapshot.copyFrom(snap);
        state = State.AWAITING_FIRST_DIFF;
        while (bufferSize > 0) {
            if (!process(buffer[bufferHead], out, true)) {
                break; // the diff stays first in the buffer for the next snapshot
            }
            bufferHead = (bufferHead + 1) % buffer.length;
            bufferSize--;
        }
        resyncingReplay = false;
    }

    /**
     * Takes one {@code depthUpdate} diff. The message is copied if it has to be buffered.
     *
     * @param out receives the rows
     */
    public void onDiff(DepthMessage diff, EventBatch out) {
        if (diff.finalUpdateId < diff.firstUpdateId) {
            throw new IllegalArgumentException(name + ": diff with u=" + diff.finalUpdateId + " < U="
                    + diff.firstUpdateId);
        }
        if (state == State.AWAITING_SNAPSHOT) {
            bufferDiff(diff);
            return;
        }
        process(diff, out, false);
    }

    /** Returns false when the diff must (stay) buffered for the next snapshot. */
    private boolean process(DepthMessage diff, EventBatch out, boolean fromBuffer) {
        long u = diff.finalUpdateId;
        long first = diff.firstUpdateId;
        if (state == State.AWAITING_FIRST_DIFF) {
            long l = snapshot.finalUpdateId;
            boolean tooOld = market == BinanceMarket.SPOT ? u <= l : u < l;
            if (tooOld) {
                droppedBeforeSync++;
                rowsCoveredBySnapshot += diff.bidCount() + diff.askCount();
                LOG.debug("{}: diff U={} u={} precedes snapshot lastUpdateId={}: dropped by the rule", name, first, u,
                        l);
                return true;
            }
            long need = market == BinanceMarket.SPOT ? l + 1 : l;
            if (first > need) {
                staleSnapshots++;
                state = State.AWAITING_SNAPSHOT;
                LOG.warn("{}: snapshot lastUpdateId={} is older than the first diff U={} u={}: awaiting the next"
                        + " snapshot", name, l, first, u);
                if (!fromBuffer) {
                    bufferDiff(diff);
                }
                return false;
            }
            int flags = resyncing ? EventFlags.AFTER_RESYNC : EventFlags.NONE;
            emitSnapshot(out, flags, diff.exchTs);
            state = State.LIVE;
            lastUpdateId = u;
            emitDiff(diff, out, flags, Math.max(diff.localTs, snapshot.localTs));
            resyncingReplay = resyncing;
            if (resyncing) {
                resyncs++;
                LOG.info("{}: resynchronised from snapshot lastUpdateId={} with diff U={} u={}", name, l, first, u);
            }
            resyncing = false;
            return true;
        }
        // LIVE: the chain is checked on every diff.
        boolean inChain;
        if (market == BinanceMarket.SPOT) {
            if (u <= lastUpdateId) {
                staleDiffs++;
                rowsCoveredBySnapshot += diff.bidCount() + diff.askCount();
                LOG.debug("{}: diff U={} u={} already applied (book at u={}): ignored", name, first, u, lastUpdateId);
                return true;
            }
            inChain = first <= lastUpdateId + 1;
        } else {
            inChain = diff.prevFinalUpdateId == lastUpdateId;
        }
        if (!inChain) {
            gaps++;
            if (market == BinanceMarket.SPOT) {
                LOG.warn("{}: gap #{}: expected U <= {} (previous u={}), got U={} u={}; book cleared until the next"
                        + " snapshot", name, gaps, lastUpdateId + 1, lastUpdateId, first, u);
            } else {
                LOG.warn("{}: gap #{}: expected pu={} (previous u), got pu={} U={} u={}; book cleared until the"
                        + " next snapshot", name, gaps, lastUpdateId, diff.prevFinalUpdateId, first, u);
            }
            long clearTs = fromBuffer ? Math.max(diff.localTs, snapshot.localTs) : diff.localTs;
            out.add(instrument, diff.exchTs, clearTs, EventKind.BOOK_CLEAR, Side.NO_SIDE_CODE, 0.0, 0.0,
                    EventBatch.NO_ORDER_ID, EventFlags.END_OF_MESSAGE);
            state = State.AWAITING_SNAPSHOT;
            resyncing = true;
            if (!fromBuffer) {
                bufferDiff(diff);
            }
            return false;
        }
        lastUpdateId = u;
        int flags = fromBuffer && resyncingReplay ? EventFlags.AFTER_RESYNC : EventFlags.NONE;
        emitDiff(diff, out, flags, fromBuffer ? Math.max(diff.localTs, snapshot.localTs) : diff.localTs);
        return true;
    }

    /**
     * Emits the snapshot. A spot snapshot has no venue time, only the estimate {@code localTs - assumed latency};
     * its rows are stamped {@code min(estimate, firstDiffExchTs)}: the snapshot is the book at update
     * {@code lastUpdateId}, which the venue produced before the first applied diff's updates, so its venue time is
     * no later than that diff's. A futures snapshot keeps its own {@code T}.
     */
    private void emitSnapshot(EventBatch out, int flags, long firstDiffExchTs) {
        DepthMessage s = snapshot;
        requireRoom(out, s.bidCount() + s.askCount() + 2, "snapshot");
        long exchTs = market == BinanceMarket.SPOT ? Math.min(s.exchTs, firstDiffExchTs) : s.exchTs;
        out.add(instrument, exchTs, s.localTs, EventKind.SNAPSHOT_BEGIN, Side.NO_SIDE_CODE, 0.0, 0.0,
                EventBatch.NO_ORDER_ID, flags | EventFlags.SNAPSHOT);
        int rowFlags = flags | EventFlags.SNAPSHOT;
        for (int i = 0; i < s.bidCount(); i++) {
            out.add(instrument, exchTs, s.localTs, EventKind.DEPTH_UPDATE, Side.BUY.code(), s.bidPrice(i),
                    s.bidQty(i), EventBatch.NO_ORDER_ID, rowFlags);
        }
        for (int i = 0; i < s.askCount(); i++) {
            out.add(instrument, exchTs, s.localTs, EventKind.DEPTH_UPDATE, Side.SELL.code(), s.askPrice(i),
                    s.askQty(i), EventBatch.NO_ORDER_ID, rowFlags);
        }
        out.add(instrument, exchTs, s.localTs, EventKind.SNAPSHOT_END, Side.NO_SIDE_CODE, 0.0, 0.0,
                EventBatch.NO_ORDER_ID, rowFlags | EventFlags.END_OF_MESSAGE);
    }

    private void emitDiff(DepthMessage d, EventBatch out, int flags, long localTs) {
        int rows = d.bidCount() + d.askCount();
        requireRoom(out, rows, "diff");
        int row = 0;
        for (int i = 0; i < d.bidCount(); i++) {
            int f = ++row == rows ? flags | EventFlags.END_OF_MESSAGE : flags;
            out.add(instrument, d.exchTs, localTs, EventKind.DEPTH_UPDATE, Side.BUY.code(), d.bidPrice(i),
                    d.bidQty(i), EventBatch.NO_ORDER_ID, f);
        }
        for (int i = 0; i < d.askCount(); i++) {
            int f = ++row == rows ? flags | EventFlags.END_OF_MESSAGE : flags;
            out.add(instrument, d.exchTs, localTs, EventKind.DEPTH_UPDATE, Side.SELL.code(), d.askPrice(i),
                    d.askQty(i), EventBatch.NO_ORDER_ID, f);
        }
    }

    private void requireRoom(EventBatch out, int rows, String what) {
        if (out.capacity() - out.size() < rows) {
            throw new IllegalStateException(name + ": the " + what + " needs " + rows + " rows but the output batch"
                    + " has room for " + (out.capacity() - out.size()) + " (capacity " + out.capacity()
                    + "): give a larger batch");
        }
    }

    private void bufferDiff(DepthMessage diff) {
        if (bufferSize == buffer.length) {
            DepthMessage oldest = buffer[bufferHead];
            bufferOverflows++;
            droppedBeforeSync++;
            rowsDropped += oldest.bidCount() + oldest.askCount();
            LOG.warn("{}: {} diffs buffered without a usable snapshot: oldest U={} u={} dropped", name, buffer.length,
                    oldest.firstUpdateId, oldest.finalUpdateId);
            bufferHead = (bufferHead + 1) % buffer.length;
            bufferSize--;
        }
        buffer[(bufferHead + bufferSize) % buffer.length].copyFrom(diff);
        bufferSize++;
    }

    /**
     * Ends the stream: diffs still buffered (no snapshot came for them) are dropped and counted
     * ({@link #unappliedAtEnd()}, {@link #rowsDropped()}) and logged; in strict mode any dropped row (those and
     * buffer overflows) is an {@link io.qtrade.store.ingest.ImportException} naming the file and the counts. Diffs
     * older than a snapshot (dropped by Binance's rule) lose nothing: the snapshot holds their updates
     * ({@link #rowsCoveredBySnapshot()}). Called once, after the last file of a chain.
     *
     * @param file   the last file, for the message
     * @param line   its last line number
     * @param strict whether a drop is an error
     */
    public void finish(String file, long line, boolean strict) {
        while (bufferSize > 0) {
            DepthMessage d = buffer[bufferHead];
            unappliedAtEnd++;
            rowsDropped += d.bidCount() + d.askCount();
            bufferHead = (bufferHead + 1) % buffer.length;
            bufferSize--;
        }
        if (unappliedAtEnd > 0) {
            LOG.warn("{}: the recording ends with {} diffs that no snapshot synchronised: dropped", name,
                    unappliedAtEnd);
        }
        if (strict && rowsDropped > 0) {
            throw io.qtrade.store.ingest.ImportException.atLine(file, line, null, "the depth stream dropped "
                    + rowsDropped + " rows: " + unappliedAtEnd + " diffs left unsynchronised at the end (no snapshot"
                    + " came after them; a continuation file must be converted in one call with the file before it)"
                    + " and " + bufferOverflows + " diffs that overflowed the buffer of " + buffer.length
                    + " while awaiting a snapshot; lenient=true keeps the rest and reports the counts");
        }
    }

    /** Diffs still buffered, without a snapshot, when the stream ended ({@link #finish}). */
    public long unappliedAtEnd() {
        return unappliedAtEnd;
    }

    /** Depth rows lost: diffs that overflowed the buffer or were left unsynchronised at the end. */
    public long rowsDropped() {
        return rowsDropped;
    }

    /** Depth rows of diffs dropped because a snapshot already held their updates (nothing lost). */
    public long rowsCoveredBySnapshot() {
        return rowsCoveredBySnapshot;
    }

    /** Where the synchroniser stands. */
    public State state() {
        return state;
    }

    /** The final update id of the last applied diff (meaningful when {@link State#LIVE}). */
    public long lastUpdateId() {
        return lastUpdateId;
    }

    /** Chain breaks found while live. */
    public long gaps() {
        return gaps;
    }

    /** Times the book was rebuilt from a snapshot after a gap. */
    public long resyncs() {
        return resyncs;
    }

    /** Diffs dropped by the rule (older than the snapshot) or by buffer overflow before a sync. */
    public long droppedBeforeSync() {
        return droppedBeforeSync;
    }

    /** Snapshots discarded because the stream had already moved past them, or superseded by a newer one. */
    public long staleSnapshots() {
        return staleSnapshots;
    }

    /** Spot diffs already covered by the book ({@code u <= previous u}), ignored. */
    public long staleDiffs() {
        return staleDiffs;
    }

    /** Snapshots received while live, not needed. */
    public long snapshotsIgnored() {
        return snapshotsIgnored;
    }

    /** Diffs dropped because the buffer was full while waiting for a snapshot. */
    public long bufferOverflows() {
        return bufferOverflows;
    }

    /** Diffs waiting for a snapshot. */
    public int buffered() {
        return bufferSize;
    }

    @Override
    public String toString() {
        return "BinanceDepthSynchronizer[" + name + ", market=" + market + ", maxBufferedDiffs=" + buffer.length
                + ", state=" + state + ", lastUpdateId=" + lastUpdateId + ", gaps=" + gaps + ", resyncs=" + resyncs
                + ", droppedBeforeSync=" + droppedBeforeSync + ", staleSnapshots=" + staleSnapshots + ", rowsDropped="
                + rowsDropped + "]";
    }
}
