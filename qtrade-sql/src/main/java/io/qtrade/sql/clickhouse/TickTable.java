package io.qtrade.sql.clickhouse;

import java.util.List;

/**
 * A ClickHouse table of canonical market events: one row per event, the columns of the Parquet tick store plus
 * {@code seq}, in a MergeTree partitioned by UTC day and sorted by venue, symbol and venue time.
 *
 * <pre>{@code
 * CREATE TABLE IF NOT EXISTS <name> (
 *     venue    String,   -- Instrument.venue()
 *     symbol   String,   -- Instrument.symbol()
 *     exch_ts  Int64,    -- venue time, epoch nanoseconds UTC
 *     local_ts Int64,    -- local receive time, epoch nanoseconds UTC
 *     kind     Int8,     -- EventKind.code()
 *     side     Int8,     -- +1 buy, -1 sell, 0 none
 *     price    Float64,
 *     qty      Float64,
 *     order_id Int64,    -- 0 unless market-by-order
 *     flags    Int32,    -- EventFlags bits
 *     seq      Int64     -- position in the written stream: orders rows with equal exch_ts
 * ) ENGINE = MergeTree()
 * PARTITION BY toYYYYMMDD(toDateTime(intDiv(exch_ts, 1000000000), 'UTC'))
 * ORDER BY (venue, symbol, exch_ts, seq)
 * }</pre>
 *
 * <p>Why these choices: the sorting key lets a query for a venue, a few symbols and a time range read only the
 * granules it needs; the UTC-day partition (named {@code 20240102}) lets a day be dropped or replaced with
 * {@code ALTER TABLE ... DROP PARTITION}. Plain {@code String} rather than {@code LowCardinality(String)}: the
 * latter is refused by ClickHouse 18.16 (Debian bookworm's package) without an experimental setting, and the
 * sorting key already compresses the repeated venue and symbol well. {@code seq} exists because a stream holds many
 * events with one timestamp (a trade and the level it took, a snapshot's levels) whose order matters, and neither
 * MergeTree merges nor {@code ORDER BY exch_ts} keep the insertion order of ties. The DDL is tested on ClickHouse
 * 18.16 and uses only syntax current releases still document.
 *
 * @param name the table's name in the client's database, a plain identifier {@code [A-Za-z_][A-Za-z0-9_]*}
 */
public record TickTable(String name) {

    /** The columns in storage and insert order. */
    public static final List<String> COLUMNS = List.of("venue", "symbol", "exch_ts", "local_ts", "kind", "side",
            "price", "qty", "order_id", "flags", "seq");

    /** @throws IllegalArgumentException when {@code name} is not a plain identifier */
    public TickTable {
        Identifiers.require("table name", name);
    }

    /** The {@code CREATE TABLE IF NOT EXISTS} statement of the class comment. */
    public String createStatement() {
        return "CREATE TABLE IF NOT EXISTS " + name + " ("
                + "venue String, symbol String, exch_ts Int64, local_ts Int64, kind Int8, side Int8, "
                + "price Float64, qty Float64, order_id Int64, flags Int32, seq Int64"
                + ") ENGINE = MergeTree() "
                + "PARTITION BY toYYYYMMDD(toDateTime(intDiv(exch_ts, 1000000000), 'UTC')) "
                + "ORDER BY (venue, symbol, exch_ts, seq)";
    }

    /** Creates the table in {@code client}'s database unless it exists; a no-op the second time. */
    public void createIfMissing(ClickHouseClient client) {
        client.execute(createStatement());
    }

    /** The statement a sink sends ahead of its RowBinary rows. */
    String insertStatement() {
        return "INSERT INTO " + name + " (" + String.join(", ", COLUMNS) + ") FORMAT RowBinary";
    }

    /** Rows stored, by {@code SELECT count()}. */
    public long count(ClickHouseClient client) {
        String answer = client.execute("SELECT count() FROM " + name + " FORMAT TabSeparated").strip();
        try {
            return Long.parseLong(answer);
        } catch (NumberFormatException e) {
            throw new IllegalStateException("SELECT count() FROM " + name + " answered \"" + answer
                    + "\", expected a whole number", e);
        }
    }

    /**
     * The next free {@code seq} of the table, {@code max(seq) + 1} (0 when empty): pass it to
     * {@link ClickHouseSink.Builder#firstSeq(long)} when appending rows that may share a timestamp with rows already
     * stored.
     */
    public long nextSeq(ClickHouseClient client) {
        String answer = client.execute("SELECT count(), max(seq) FROM " + name + " FORMAT TabSeparated").strip();
        int tab = answer.indexOf('\t');
        try {
            long rows = Long.parseLong(answer.substring(0, tab));
            return rows == 0 ? 0 : Math.addExact(Long.parseLong(answer.substring(tab + 1)), 1);
        } catch (RuntimeException e) {
            throw new IllegalStateException("SELECT count(), max(seq) FROM " + name + " answered \"" + answer
                    + "\", expected two whole numbers separated by a tab", e);
        }
    }
}
