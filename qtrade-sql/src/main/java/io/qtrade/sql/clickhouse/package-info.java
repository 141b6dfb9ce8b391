/**
 * ClickHouse, the columnar database a team keeps tick history in: {@link io.qtrade.sql.clickhouse.TickTable}
 * (the MergeTree table of canonical events, created if missing), {@link io.qtrade.sql.clickhouse.ClickHouseSink}
 * (writes {@link io.qtrade.core.market.EventBatch}es in RowBinary inserts) and
 * {@link io.qtrade.sql.clickhouse.ClickHouseSource} (streams a venue's symbols over a time range back as an
 * {@link io.qtrade.core.market.EventSource}), all over ClickHouse's HTTP interface through
 * {@link io.qtrade.sql.clickhouse.ClickHouseClient} and the JDK {@link java.net.http.HttpClient}: no driver.
 *
 * <p>Timestamps are {@code long} epoch nanoseconds, UTC, stored as {@code Int64} ({@code exch_ts}, {@code local_ts}).
 * The SQL is tested on ClickHouse 18.16 (Debian bookworm's package) and uses only syntax current releases still
 * document.
 */
package io.qtrade.sql.clickhouse;
