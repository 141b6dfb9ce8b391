package io.qtrade.postgres;

import io.qtrade.core.Instrument;
import io.qtrade.core.bar.BarBatch;
import io.qtrade.core.bar.BarInterval;
import io.qtrade.core.bar.BarSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import org.postgresql.copy.CopyOut;

/**
 * Streams the bars of one {@link BarInterval} for a list of instruments over {@code [fromTs, toTs)} (end times,
 * epoch nanoseconds) from {@code qtrade_bars} as a {@link BarSource}: ordered by end time, then by the instrument's
 * index in the given list, as the bar engine wants; memory stays bounded by the caller's batch whatever the range.
 *
 * <p>{@link ReadMode#COPY} streams {@code COPY (SELECT ...) TO STDOUT} one row at a time; {@link ReadMode#JDBC} runs
 * the same {@code SELECT} with a fetch size of 10,000 (the driver then uses a server-side cursor, which needs
 * auto-commit off: the source turns it off and restores it on {@link #close()}). While the source is open the
 * connection is busy with it: use another connection for anything else. Instruments without a stored bar simply
 * contribute none.
 */
public final class PgBarSource implements BarSource {

    private final Connection connection;
    private final List<Instrument> instruments;
    private final ReadMode mode;
    private final String table = "qtrade_bars";
    private final CopyFields fields = new CopyFields(table);
    private CopyOut copy;
    private PreparedStatement statement;
    private ResultSet results;
    private boolean restoreAutoCommit;
    private boolean done;

    private PgBarSource(Connection connection, List<Instrument> instruments, ReadMode mode) {
        this.connection = connection;
        this.instruments = instruments;
        this.mode = mode;
    }

    /**
     * Opens the stream.
     *
     * @param connection  an open connection, kept open by {@link #close()}
     * @param interval    which bars
     * @param instruments the instruments wanted; the batches' {@code instrument} column indexes this list
     * @param fromTs      first end time included, epoch nanoseconds
     * @param toTs        first end time excluded
     * @param mode        COPY or JDBC
     * @throws PgException naming the interval and range when the query fails
     */
    public static PgBarSource open(Connection connection, BarInterval interval, List<Instrument> instruments,
                                   long fromTs, long toTs, ReadMode mode) {
        Objects.requireNonNull(connection, "connection");
        Objects.requireNonNull(mode, "mode");
        List<Instrument> list = List.copyOf(instruments);
        if (list.isEmpty()) {
            throw new IllegalArgumentException("bar source: no instruments given");
        }
        PgSchema.ensureBars(connection);
        PgSchema.requireStandardStrings(connection);
        StringBuilder values = new StringBuilder();
        for (int k = 0; k < list.size(); k++) {
            values.append(k == 0 ? "" : ", ").append('(').append(PgSchema.literal(list.get(k).venue())).append(", ")
                    .append(PgSchema.literal(list.get(k).symbol())).append(", ").append(k).append(')');
        }
        String select = "SELECT i.idx, b.start_ts, b.end_ts, b.open, b.high, b.low, b.close, b.volume, b.vwap, "
                + "b.trade_count FROM qtrade_bars b JOIN (VALUES " + values + ") AS i(venue, symbol, idx) "
                + "ON b.venue = i.venue AND b.symbol = i.symbol WHERE b.bar_interval = "
                + PgSchema.literal(interval.label()) + " AND b.end_ts >= " + fromTs + " AND b.end_ts < " + toTs
                + " ORDER BY b.end_ts, i.idx";
        PgBarSource s = new PgBarSource(connection, list, mode);
        try {
            if (mode == ReadMode.COPY) {
                s.copy = PgSchema.copyApi(connection).copyOut("COPY (" + select + ") TO STDOUT");
            } else {
                if (connection.getAutoCommit()) {
                    connection.setAutoCommit(false);
                    s.restoreAutoCommit = true;
                }
                s.statement = connection.prepareStatement(select);
                s.statement.setFetchSize(10_000);
                s.results = s.statement.executeQuery();
            }
        } catch (SQLException e) {
            s.close();
            throw PgSchema.fail("reading " + interval + " bars over [" + fromTs + ", " + toTs + ") from " + s.table,
                    e);
        }
        return s;
    }

    /**
     * The instruments stored in {@code qtrade_instruments} for {@code venue}, ordered by symbol.
     *
     * @throws PgException when the query fails
     */
    public static List<Instrument> instruments(Connection connection, String venue) {
        PgSchema.ensureBars(connection);
        List<Instrument> out = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT symbol, tick_size, lot_size, "
                + "contract_multiplier FROM qtrade_instruments WHERE venue = ? ORDER BY symbol")) {
            s.setString(1, venue);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    out.add(new Instrument(r.getString(1), venue, r.getDouble(2), r.getDouble(3), r.getDouble(4)));
                }
            }
        } catch (SQLException e) {
            throw PgSchema.fail("reading the instruments of venue " + venue + " from qtrade_instruments", e);
        }
        return out;
    }

    @Override
    public List<Instrument> instruments() {
        return instruments;
    }

    @Override
    public boolean readBatch(BarBatch into) {
        into.clear();
        if (done) {
            return false;
        }
        try {
            while (!into.isFull()) {
                if (mode == ReadMode.COPY) {
                    byte[] row = copy.readFromCopy();
                    if (row == null) {
                        done = true;
                        break;
                    }
                    CopyFields f = fields.reset(row, 10);
                    into.add((int) f.getLong(0), f.getLong(1), f.getLong(2), f.getDouble(3), f.getDouble(4),
                            f.getDouble(5), f.getDouble(6), f.getDouble(7),
                            f.isNull(8) ? BarBatch.NO_VWAP : f.getDouble(8),
                            f.isNull(9) ? BarBatch.NO_TRADE_COUNT : f.getLong(9));
                } else {
                    if (!results.next()) {
                        done = true;
                        break;
                    }
                    double vwap = results.getDouble(9);
                    if (results.wasNull()) {
                        vwap = BarBatch.NO_VWAP;
                    }
                    long trades = results.getLong(10);
                    if (results.wasNull()) {
                        trades = BarBatch.NO_TRADE_COUNT;
                    }
                    into.add(results.getInt(1), results.getLong(2), results.getLong(3), results.getDouble(4),
                            results.getDouble(5), results.getDouble(6), results.getDouble(7), results.getDouble(8),
                            vwap, trades);
                }
            }
        } catch (SQLException e) {
            throw PgSchema.fail("reading bars from " + table, e);
        }
        return !into.isEmpty();
    }

    /** Ends the stream (cancelling an unfinished COPY) and restores auto-commit; the connection stays open. */
    @Override
    public void close() {
        try {
            if (copy != null && copy.isActive()) {
                copy.cancelCopy();
            }
            if (results != null) {
                results.close();
            }
            if (statement != null) {
                statement.close();
            }
            if (restoreAutoCommit) {
                connection.commit();
                connection.setAutoCommit(true);
                restoreAutoCommit = false;
            }
        } catch (SQLException e) {
            throw PgSchema.fail("closing the bar source", e);
        }
    }

    @Override
    public String toString() {
        return "PgBarSource[" + instruments.size() + " instruments, " + mode + (done ? ", done" : "") + "]";
    }
}
