package io.qtrade.connectors.replay;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventKind;
import io.qtrade.core.market.EventSource;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Objects;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * A one-instrument event stream (the {@code SyntheticMarket}, a tick-store file) rendered as a Binance spot combined
 * stream, for a {@link LoopbackVenue} to replay: every run of {@code DEPTH_UPDATE} rows with one {@code exchTs}
 * becomes one {@code depthUpdate} frame (one update id per row: {@code U} = previous {@code u} + 1,
 * {@code u = U + rows - 1}), every {@code TRADE} row a {@code trade} frame ({@code m}, buyer is maker, is true when the
 * aggressor sold), and {@link #depthSnapshot(int)} answers {@code GET /api/v3/depth} with the book after the frames
 * the venue has emitted, as Binance's REST snapshot does. The snapshot markers around a source's initial book are left
 * out: its levels become diffs from an empty book, which build the same book. Prices are written as exact decimals of the tick grid.
 * The frames and the snapshot follow Binance's spot documentation ("Diff. Depth Stream", "Trade Streams",
 * "Order Book"), as the live client's tests do.
 */
public final class SyntheticBinanceStream {

    private final Instrument instrument;
    private final List<ReplayFrame> frames = new ArrayList<>();
    /** Per frame: the depth rows it carries ({@code side, ticks, qty} triples), or null for a trade frame. */
    private final List<double[]> depthRows = new ArrayList<>();
    private final List<Long> lastUpdateIds = new ArrayList<>();

    private SyntheticBinanceStream(Instrument instrument) {
        this.instrument = instrument;
    }

    /**
     * Renders up to {@code maxFrames} frames of {@code source}'s stream (which must have one instrument; it is read,
     * not closed).
     *
     * @throws IllegalArgumentException if the source has several instruments, or a row of a kind a Binance spot
     *                                  stream does not carry (named with its index)
     */
    public static SyntheticBinanceStream render(EventSource source, int maxFrames) {
        Objects.requireNonNull(source, "source");
        if (source.instruments().size() != 1) {
            throw new IllegalArgumentException("synthetic Binance stream: one instrument expected, the source has "
                    + source.instruments().size());
        }
        if (maxFrames < 1) {
            throw new IllegalArgumentException("synthetic Binance stream: maxFrames must be >= 1, was " + maxFrames);
        }
        SyntheticBinanceStream s = new SyntheticBinanceStream(source.instruments().get(0));
        s.read(source, maxFrames);
        return s;
    }

    private void read(EventSource source, int maxFrames) {
        String symbol = instrument.symbol().toUpperCase(Locale.ROOT);
        String stream = instrument.symbol().toLowerCase(Locale.ROOT);
        EventBatch batch = new EventBatch(4096);
        long u = 0;
        long row = 0;
        List<double[]> pending = new ArrayList<>();
        long pendingTs = Long.MIN_VALUE;
        long tradeId = 0;
        while (frames.size() < maxFrames && source.readBatch(batch)) {
            for (int r = 0; r < batch.size() && frames.size() < maxFrames; r++, row++) {
                EventKind kind = batch.kind(r);
                long ts = batch.exchTs(r);
                if (!pending.isEmpty() && (kind != EventKind.DEPTH_UPDATE || ts != pendingTs)) {
                    u = addDiff(stream, symbol, pending, pendingTs, u);
                    pending.clear();
                    if (frames.size() == maxFrames) {
                        break;
                    }
                }
                if (kind == EventKind.DEPTH_UPDATE) {
                    pending.add(new double[] {batch.sideCode(r), instrument.toTicks(batch.price(r)), batch.qty(r)});
                    pendingTs = ts;
                } else if (kind == EventKind.TRADE) {
                    long ms = ts / 1_000_000L;
                    boolean buyerIsMaker = batch.sideCode(r) == Side.SELL.code();
                    frames.add(ReplayFrame.text("{\"stream\":\"" + stream + "@trade\",\"data\":{\"e\":\"trade\",\"E\":"
                            + ms + ",\"s\":\"" + symbol + "\",\"t\":" + (++tradeId) + ",\"p\":\""
                            + price(instrument.toTicks(batch.price(r))) + "\",\"q\":\"" + decimal(batch.qty(r))
                            + "\",\"T\":" + ms + ",\"m\":" + buyerIsMaker + "}}"));
                    depthRows.add(null);
                    lastUpdateIds.add(u);
                } else if (kind != EventKind.SNAPSHOT_BEGIN && kind != EventKind.SNAPSHOT_END) {
                    throw new IllegalArgumentException("synthetic Binance stream: row " + row + " is " + kind
                            + "; a Binance spot stream carries only DEPTH_UPDATE and TRADE rows (and snapshot markers) here");
                }
            }
        }
        if (!pending.isEmpty() && frames.size() < maxFrames) {
            addDiff(stream, symbol, pending, pendingTs, u);
        }
    }

    private long addDiff(String stream, String symbol, List<double[]> rows, long ts, long previousU) {
        StringBuilder b = new StringBuilder();
        StringBuilder a = new StringBuilder();
        double[] flat = new double[rows.size() * 3];
        int k = 0;
        for (double[] x : rows) {
            StringBuilder side = x[0] == Side.BUY.code() ? b : a;
            side.append(side.length() > 0 ? "," : "").append("[\"").append(price((long) x[1])).append("\",\"")
                    .append(decimal(x[2])).append("\"]");
            flat[k++] = x[0];
            flat[k++] = x[1];
            flat[k++] = x[2];
        }
        long first = previousU + 1;
        long last = previousU + rows.size();
        frames.add(ReplayFrame.text("{\"stream\":\"" + stream + "@depth@100ms\",\"data\":{\"e\":\"depthUpdate\",\"E\":"
                + ts / 1_000_000L + ",\"s\":\"" + symbol + "\",\"U\":" + first + ",\"u\":" + last + ",\"b\":[" + b
                + "],\"a\":[" + a + "]}}"));
        depthRows.add(flat);
        lastUpdateIds.add(last);
        return last;
    }

    private String price(long ticks) {
        return BigDecimal.valueOf(ticks).multiply(BigDecimal.valueOf(instrument.tickSize())).stripTrailingZeros()
                .toPlainString();
    }

    private static String decimal(double v) {
        return BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }

    /** The instrument. */
    public Instrument instrument() {
        return instrument;
    }

    /** The frames, in the order the venue sends them. */
    public List<ReplayFrame> frames() {
        return List.copyOf(frames);
    }

    /** The last update id after the first {@code framesEmitted} frames (0 before any diff). */
    public long lastUpdateId(int framesEmitted) {
        return framesEmitted == 0 ? 0 : lastUpdateIds.get(Math.min(framesEmitted, frames.size()) - 1);
    }

    /**
     * The {@code GET /api/v3/depth} answer after the first {@code framesEmitted} frames:
     * {@code {"lastUpdateId":u,"bids":[[p,q],...],"asks":[...]}}, bids best first, asks best first.
     */
    public String depthSnapshot(int framesEmitted) {
        int n = Math.min(framesEmitted, frames.size());
        NavigableMap<Long, Double> bids = new TreeMap<>();
        NavigableMap<Long, Double> asks = new TreeMap<>();
        for (int f = 0; f < n; f++) {
            double[] rows = depthRows.get(f);
            if (rows == null) {
                continue;
            }
            for (int k = 0; k < rows.length; k += 3) {
                NavigableMap<Long, Double> side = rows[k] == Side.BUY.code() ? bids : asks;
                if (rows[k + 2] == 0) {
                    side.remove((long) rows[k + 1]);
                } else {
                    side.put((long) rows[k + 1], rows[k + 2]);
                }
            }
        }
        StringBuilder s = new StringBuilder("{\"lastUpdateId\":").append(lastUpdateId(n)).append(",\"bids\":[");
        levels(s, bids.descendingMap());
        s.append("],\"asks\":[");
        levels(s, asks);
        return s.append("]}").toString();
    }

    private void levels(StringBuilder s, Map<Long, Double> side) {
        boolean first = true;
        for (Map.Entry<Long, Double> e : side.entrySet()) {
            s.append(first ? "" : ",").append("[\"").append(price(e.getKey())).append("\",\"")
                    .append(decimal(e.getValue())).append("\"]");
            first = false;
        }
    }

    /**
     * Starts a loopback venue replaying these frames whose {@code GET /api/v3/depth} answers
     * {@link #depthSnapshot(int)} at the venue's {@link LoopbackVenue#framesEmitted()}; {@code script} adds the
     * rest (frame interval, drops, skips, more routes).
     */
    public LoopbackVenue startVenue(Consumer<LoopbackVenue.Builder> script) {
        AtomicReference<LoopbackVenue> venue = new AtomicReference<>();
        LoopbackVenue.Builder b = LoopbackVenue.builder(frames)
                .route("GET", "/api/v3/depth", r -> HttpAnswer.ok(depthSnapshot(venue.get().framesEmitted())));
        script.accept(b);
        LoopbackVenue v = b.start();
        venue.set(v);
        return v;
    }

    @Override
    public String toString() {
        return "SyntheticBinanceStream[" + instrument.id() + ", frames=" + frames.size() + "]";
    }
}
