package io.qtrade.store.binance;

import io.qtrade.core.market.EventKind;

import java.util.List;

/**
 * The Binance public-data files ({@code data.binance.vision/data/futures/um/...} and {@code .../futures/cm/...}) that
 * describe a perpetual or dated future rather than its book, with their columns. USD-M and COIN-M files have the same
 * columns. Files written since 2022 start with a header line naming the columns; older ones have none (both read).
 */
public enum BinanceDerivativeFile {
    /**
     * {@code monthly/fundingRate/SYMBOL/SYMBOL-fundingRate-YYYY-MM.zip}: {@code calc_time, funding_interval_hours,
     * last_funding_rate}, one line per funding settlement. Becomes one {@link EventKind#FUNDING_RATE} row per line.
     */
    FUNDING_RATE(List.of("calc_time", "funding_interval_hours", "last_funding_rate"), EventKind.FUNDING_RATE),
    /**
     * {@code markPriceKlines/SYMBOL/INTERVAL/SYMBOL-INTERVAL-DATE.zip}: the kline layout ({@link #KLINE_COLUMNS}) of
     * the mark price; the volume columns are 0 and {@code count} is the number of mark-price samples. Becomes one
     * {@link EventKind#MARK_PRICE} row per kline.
     */
    MARK_PRICE_KLINES(Layout.KLINE, EventKind.MARK_PRICE),
    /**
     * {@code indexPriceKlines/SYMBOL/INTERVAL/SYMBOL-INTERVAL-DATE.zip}: the kline layout of the index price (for
     * COIN-M the pair, {@code BTCUSD}). Becomes one {@link EventKind#INDEX_PRICE} row per kline.
     */
    INDEX_PRICE_KLINES(Layout.KLINE, EventKind.INDEX_PRICE),
    /**
     * {@code premiumIndexKlines/SYMBOL/INTERVAL/SYMBOL-INTERVAL-DATE.zip}: the kline layout of Binance's premium
     * index, a signed fraction ({@code (max(0, impact bid - index) - max(0, index - impact ask)) / index}), not a
     * price. qtrade has no event kind for it: it is read as a bar series of the premium
     * ({@link BinanceDerivativeCsvSource#premiumIndexBars}), never as tick-store rows.
     */
    PREMIUM_INDEX_KLINES(Layout.KLINE, null);

    /**
     * The kline columns, as the header of the futures kline files names them: {@code open_time, open, high, low,
     * close, volume, close_time, quote_volume, count, taker_buy_volume, taker_buy_quote_volume, ignore}.
     */
    public static final List<String> KLINE_COLUMNS = Layout.KLINE;

    private final List<String> columns;
    private final EventKind eventKind;

    BinanceDerivativeFile(List<String> columns, EventKind eventKind) {
        this.columns = columns;
        this.eventKind = eventKind;
    }

    /** The column names, in file order. */
    public List<String> columns() {
        return columns;
    }

    /** The event kind its rows become, or {@code null} for the premium index (a bar series, not events). */
    public EventKind eventKind() {
        return eventKind;
    }

    /** Holds the kline columns so that the constants can use them (enum constants are built before statics). */
    private static final class Layout {
        static final List<String> KLINE = List.of("open_time", "open", "high", "low", "close", "volume",
                "close_time", "quote_volume", "count", "taker_buy_volume", "taker_buy_quote_volume", "ignore");
    }

    /** Whether it has the kline layout. */
    public boolean isKline() {
        return this != FUNDING_RATE;
    }
}
