package io.qtrade.store.binance;

import java.util.List;

/**
 * The Binance public-data CSV files ({@code data.binance.vision}, columns as in the binance-public-data README) and
 * their column layouts. Spot files have no header line and trades/aggTrades end with {@code is_best_match}; USD-M
 * futures files start with a header line (from 2022) and lack {@code is_best_match}. Both layouts are accepted with
 * or without a header; a header, when present, must name the expected columns.
 */
public enum BinanceCsvFile {
    /**
     * {@code trades}: {@code id, price, qty, quote_qty, time, is_buyer_maker[, is_best_match]}.
     */
    TRADES(List.of("id", "price", "qty", "quote_qty", "time", "is_buyer_maker"), 1, 2, 4, 5),
    /**
     * {@code aggTrades}: {@code agg_trade_id, price, quantity, first_trade_id, last_trade_id, transact_time,
     * is_buyer_maker[, is_best_match]}.
     */
    AGG_TRADES(List.of("agg_trade_id", "price", "quantity", "first_trade_id", "last_trade_id", "transact_time",
            "is_buyer_maker"), 1, 2, 5, 6),
    /**
     * {@code bookTicker}: {@code update_id, best_bid_price, best_bid_qty, best_ask_price, best_ask_qty,
     * transaction_time, event_time}.
     */
    BOOK_TICKER(List.of("update_id", "best_bid_price", "best_bid_qty", "best_ask_price", "best_ask_qty",
            "transaction_time", "event_time"), 1, 2, 5, -1);

    private final List<String> columns;
    final int priceCol;
    final int qtyCol;
    final int timeCol;
    final int buyerMakerCol;

    BinanceCsvFile(List<String> columns, int priceCol, int qtyCol, int timeCol, int buyerMakerCol) {
        this.columns = columns;
        this.priceCol = priceCol;
        this.qtyCol = qtyCol;
        this.timeCol = timeCol;
        this.buyerMakerCol = buyerMakerCol;
    }

    /** The column names, without the spot-only trailing {@code is_best_match}. */
    public List<String> columns() {
        return columns;
    }

    /** Whether a spot line may carry one more column, {@code is_best_match}. */
    boolean hasBestMatchColumn() {
        return this != BOOK_TICKER;
    }
}
