package io.qtrade.postgres;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.order.Fill;
import io.qtrade.core.order.Liquidity;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Live fills of one strategy into {@code qtrade_live_fills(seq, strategy, order_id, venue, symbol, side, price,
 * qty, fee, liquidity, exch_ts, local_ts)} (a hypertable on {@code exch_ts} under TimescaleDB):
 * {@link #accept(Fill)} buffers, and every {@code flushRows} fills, on {@link #flush()} and on {@link #close()} the
 * buffer goes to the server in one {@code COPY}. Call it from the strategy's fill callback (or a recorder's); not
 * thread-safe, one sink per thread. Fills accepted but not yet flushed are lost if the process dies: use
 * {@code flushRows = 1} when every fill must be stored before the next is handled.
 *
 * <p>{@link #read} gives a strategy's fills back, ordered by {@code exch_ts} then insertion, as {@link Fill}s of the
 * instruments given.
 */
public final class PgFillSink implements AutoCloseable {

    static final String COLUMNS = "strategy, order_id, venue, symbol, side, price, qty, fee, liquidity, exch_ts, "
            + "local_ts";

    private final Connection connection;
    private final String strategy;
    private final int flushRows;
    private final CopyRows rows = new CopyRows();
    private long written;

    /**
     * @param connection an open connection, kept open
     * @param strategy   the strategy id stored with each fill
     * @param flushRows  buffered fills that trigger a COPY, positive
     */
    public PgFillSink(Connection connection, String strategy, int flushRows) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.strategy = Objects.requireNonNull(strategy, "strategy");
        if (flushRows <= 0) {
            throw new IllegalArgumentException("fill sink: flushRows must be positive, was " + flushRows);
        }
        this.flushRows = flushRows;
        PgSchema.ensureLiveFills(connection);
    }

    /** Buffers one fill, flushing when {@code flushRows} are buffered. */
    public void accept(Fill f) {
        Instrument i = f.instrument();
        rows.addText(strategy).addLong(f.orderId()).addText(i.venue()).addText(i.symbol()).addText(f.side().name())
                .addDouble(f.price()).addDouble(f.qty()).addDouble(f.fee()).addText(f.liquidity().name())
                .addLong(f.exchTs()).addLong(f.localTs());
        rows.endRow();
        if (rows.rows() >= flushRows) {
            flush();
        }
    }

    /**
     * Sends the buffered fills in one COPY.
     *
     * @throws PgException naming the strategy and count; the buffer is kept, so a later flush retries it
     */
    public void flush() {
        if (rows.rows() == 0) {
            return;
        }
        byte[] bytes = rows.utf8();
        try {
            PgSchema.copyApi(connection).copyIn("COPY qtrade_live_fills (" + COLUMNS + ") FROM STDIN",
                    new ByteArrayInputStream(bytes), bytes.length);
        } catch (SQLException e) {
            throw PgSchema.fail("writing " + rows.rows() + " fills of strategy " + strategy + " to qtrade_live_fills",
                    e);
        } catch (IOException e) {
            throw new PgException("postgres: writing " + rows.rows() + " fills of strategy " + strategy
                    + " to qtrade_live_fills failed: " + e.getMessage());
        }
        written += rows.rows();
        rows.clear();
    }

    /** Fills sent to the server so far. */
    public long written() {
        return written;
    }

    /** Flushes; the connection stays open. */
    @Override
    public void close() {
        flush();
    }

    /**
     * A strategy's stored fills with {@code exch_ts} in {@code [fromTs, toTs)}, ordered by {@code exch_ts} then the
     * order they were stored in.
     *
     * @param instruments the instruments the fills may refer to
     * @throws PgException naming the venue and symbol of a stored fill whose instrument is not in the list
     */
    public static List<Fill> read(Connection connection, String strategy, List<Instrument> instruments, long fromTs,
                                  long toTs) {
        PgSchema.ensureLiveFills(connection);
        Map<String, Instrument> byKey = new HashMap<>();
        for (Instrument i : instruments) {
            byKey.put(i.venue() + '\u0000' + i.symbol(), i);
        }
        List<Fill> out = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT order_id, venue, symbol, side, price, qty, "
                + "fee, liquidity, exch_ts, local_ts FROM qtrade_live_fills WHERE strategy = ? AND exch_ts >= ? "
                + "AND exch_ts < ? ORDER BY exch_ts, seq")) {
            s.setString(1, strategy);
            s.setLong(2, fromTs);
            s.setLong(3, toTs);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    Instrument i = byKey.get(r.getString(2) + '\u0000' + r.getString(3));
                    if (i == null) {
                        throw new PgException("postgres: a fill of strategy " + strategy + " (order " + r.getLong(1)
                                + ") is of " + r.getString(2) + ":" + r.getString(3)
                                + ", which is not among the instruments given");
                    }
                    out.add(new Fill(r.getLong(1), i, Side.valueOf(r.getString(4)), r.getDouble(5), r.getDouble(6),
                            r.getDouble(7), Liquidity.valueOf(r.getString(8)), r.getLong(9), r.getLong(10)));
                }
            }
        } catch (SQLException e) {
            throw PgSchema.fail("reading the fills of strategy " + strategy + " from qtrade_live_fills", e);
        }
        return out;
    }

    @Override
    public String toString() {
        return "PgFillSink[" + strategy + ", buffered=" + rows.rows() + ", written=" + written + "]";
    }
}
