package io.qtrade.store.tardis;

/** The Tardis.dev CSV data types this package reads (the {@code data_type} of the downloadable datasets). */
public enum TardisCsvFile {
    /** {@code exchange,symbol,timestamp,local_timestamp,is_snapshot,side,price,amount}. */
    INCREMENTAL_BOOK_L2,
    /** {@code exchange,symbol,timestamp,local_timestamp,id,side,price,amount}. */
    TRADES,
    /**
     * {@code exchange,symbol,timestamp,local_timestamp,asks[0].price,asks[0].amount,bids[0].price,bids[0].amount,...}
     * for levels {@code 0..N-1} ({@code book_snapshot_25}, {@code book_snapshot_5}); N is read from the header.
     */
    BOOK_SNAPSHOT,
    /** {@code exchange,symbol,timestamp,local_timestamp,ask_amount,ask_price,bid_price,bid_amount}. */
    QUOTES,
    /**
     * {@code exchange,symbol,timestamp,local_timestamp,funding_timestamp,funding_rate,predicted_funding_rate,
     * open_interest,last_price,index_price,mark_price}: the exchange's ticker of a perpetual or future, any field
     * blank when the exchange did not send it. Becomes {@code MARK_PRICE}, {@code INDEX_PRICE} and
     * {@code FUNDING_RATE} rows, each only when its value changes.
     */
    DERIVATIVE_TICKER
}
