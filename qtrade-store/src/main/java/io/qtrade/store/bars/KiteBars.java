package io.qtrade.store.bars;

import io.qtrade.core.Instrument;
import io.qtrade.core.bar.BarBatch;
import io.qtrade.core.bar.BarInterval;
import io.qtrade.core.bar.InMemoryBarSource;
import io.qtrade.store.ingest.ImportOptions;
import io.qtrade.store.zerodha.KiteCandleSeries;
import io.qtrade.store.zerodha.KiteCandles;

import java.nio.file.Path;
import java.util.List;

/**
 * Zerodha Kite historical candles ({@link KiteCandles}, times are candle opens in IST) as bars: a candle opening at
 * {@code t} covers {@code [t, t + interval)} for intraday intervals; a {@code day} candle covers the NSE session,
 * {@code [t, t + 6h15m)} (09:15 to 15:30 IST: Kite stamps day candles at 00:00 IST, so the session is taken from
 * 09:15 of that date). Volume as Kite reports it; no VWAP or trade count.
 */
public final class KiteBars {

    /** NSE's session opens 9h15m after midnight IST and lasts 6h15m. */
    static final long SESSION_OPEN_NANOS = (9 * 60 + 15) * 60_000_000_000L;
    static final long SESSION_NANOS = (6 * 60 + 15) * 60_000_000_000L;

    private KiteBars() {
    }

    /** The candles of a saved historical-candles response as bars of {@code interval}. */
    public static BarBatch read(Path file, BarInterval interval, ImportOptions options) {
        KiteCandleSeries s = KiteCandles.read(file, options);
        BarBatch out = new BarBatch(Math.max(1, s.size()));
        for (int k = 0; k < s.size(); k++) {
            long t = s.timeNanos(k);
            long start;
            long end;
            if (interval.isIntraday()) {
                start = t;
                end = t + interval.nominalNanos();
            } else {
                start = t + SESSION_OPEN_NANOS;
                end = start + SESSION_NANOS;
            }
            String problem = BarBatch.check(0, start, end, s.open(k), s.high(k), s.low(k), s.close(k), s.volume(k),
                    BarBatch.NO_VWAP, BarBatch.NO_TRADE_COUNT);
            if (problem != null) {
                throw new IllegalArgumentException(file + ": candles[" + k + "]: " + problem);
            }
            out.add(0, start, end, s.open(k), s.high(k), s.low(k), s.close(k), s.volume(k));
        }
        return out;
    }

    /** As {@link #read}, one instrument's source. */
    public static InMemoryBarSource source(Instrument instrument, Path file, BarInterval interval,
                                           ImportOptions options) {
        return new InMemoryBarSource(List.of(instrument), read(file, interval, options));
    }
}
