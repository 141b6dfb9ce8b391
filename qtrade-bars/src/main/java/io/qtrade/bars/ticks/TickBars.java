package io.qtrade.bars.ticks;

import io.qtrade.core.Instrument;
import io.qtrade.core.bar.BarBatch;
import io.qtrade.core.bar.InMemoryBarSource;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventCursor;
import io.qtrade.core.market.EventKind;
import io.qtrade.core.market.EventSource;
import io.qtrade.features.bars.BarAggregator;
import io.qtrade.features.bars.BarSpec;
import io.qtrade.features.bars.OhlcvBars;

import java.util.Arrays;
import java.util.List;

/**
 * Bars of every instrument of an {@link EventSource} from its trade events ({@link EventKind#TRADE}), by a
 * {@link BarSpec} (time, tick, volume or dollar bars; see {@link BarAggregator} for the rules), with VWAP and trade
 * count. A time bar covers its clock interval {@code [k * period, (k + 1) * period)}; a tick, volume or dollar bar
 * covers {@code [first trade, last trade + 1 ns)}. Trades are keyed by their venue time ({@code exchTs}); the last,
 * partial bar of each instrument is kept. The bars (far fewer than the ticks) are held in memory, ordered by end time
 * then instrument, ready for the bar engine.
 */
public final class TickBars {

    private TickBars() {
    }

    /** Reads {@code source} to its end and returns its bars. */
    public static InMemoryBarSource build(EventSource source, BarSpec spec) {
        List<Instrument> instruments = source.instruments();
        int n = instruments.size();
        OhlcvBars[] bars = new OhlcvBars[n];
        BarAggregator[] agg = new BarAggregator[n];
        for (int i = 0; i < n; i++) {
            double m = instruments.get(i).contractMultiplier();
            bars[i] = new OhlcvBars(256, m);
            agg[i] = new BarAggregator(spec, m, bars[i]);
        }
        EventBatch batch = new EventBatch(8192);
        EventCursor cursor = new EventCursor();
        try {
            while (source.readBatch(batch)) {
                cursor.reset(batch);
                while (cursor.next()) {
                    if (cursor.kind() == EventKind.TRADE) {
                        agg[cursor.instrument()].onTrade(cursor.exchTs(), cursor.price(), cursor.qty());
                    }
                }
            }
        } finally {
            source.close();
        }
        int total = 0;
        for (int i = 0; i < n; i++) {
            agg[i].flush();
            total += bars[i].size();
        }
        boolean time = spec.type() == BarSpec.BarType.TIME;
        long[] keyEnd = new long[total];
        int[] keyInstrument = new int[total];
        int[] keyRow = new int[total];
        Integer[] order = new Integer[total];
        int r = 0;
        for (int i = 0; i < n; i++) {
            for (int k = 0; k < bars[i].size(); k++) {
                keyEnd[r] = time ? bars[i].endTs(k) : bars[i].endTs(k) + 1;
                keyInstrument[r] = i;
                keyRow[r] = k;
                order[r] = r;
                r++;
            }
        }
        Arrays.sort(order, (a, b) -> keyEnd[a] != keyEnd[b] ? Long.compare(keyEnd[a], keyEnd[b])
                : Integer.compare(keyInstrument[a], keyInstrument[b]));
        BarBatch out = new BarBatch(Math.max(1, total));
        for (int o : order) {
            OhlcvBars b = bars[keyInstrument[o]];
            int k = keyRow[o];
            double vwap = b.vwap(k);
            if (!(vwap >= b.low(k) && vwap <= b.high(k))) {
                vwap = BarBatch.NO_VWAP; // rounding can put a one-price bar's VWAP a hair outside [low, high]
            }
            out.add(keyInstrument[o], b.startTs(k), keyEnd[o], b.open(k), b.high(k), b.low(k), b.close(k),
                    b.volume(k), vwap, b.trades(k));
        }
        return new InMemoryBarSource(instruments, out);
    }
}
