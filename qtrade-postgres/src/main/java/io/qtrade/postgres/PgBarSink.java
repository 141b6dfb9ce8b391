package io.qtrade.postgres;

import io.qtrade.core.Instrument;
import io.qtrade.core.bar.BarBatch;
import io.qtrade.core.bar.BarInterval;
import io.qtrade.core.bar.BarSource;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.util.List;
import java.util.Objects;

/**
 * Writes {@link BarBatch}es of one {@link BarInterval} to {@code qtrade_bars} (see {@link PgSchema}), creating the
 * tables if missing and registering the instruments in {@code qtrade_instruments}.
 *
 * <p>Each {@link #write(BarBatch)} is one statement: a {@code COPY qtrade_bars (...) FROM STDIN} of the batch's rows
 * in text format ({@link WriteMode#COPY}) or one {@code executeBatch} of a prepared {@code INSERT}
 * ({@link WriteMode#JDBC_BATCH}); with the connection in auto-commit (the driver's default) it is committed when
 * {@code write} returns, otherwise the caller commits. A bar already stored (same venue, symbol, interval and end
 * time) fails the whole statement with the key named in the message.
 *
 * <p>{@link BarBatch#NO_VWAP} and {@link BarBatch#NO_TRADE_COUNT} are stored as NULL and read back as themselves.
 * The connection is the caller's: the sink does not close it.
 */
public final class PgBarSink {

    static final String COLUMNS = "venue, symbol, bar_interval, start_ts, end_ts, open, high, low, close, volume, "
            + "vwap, trade_count";

    private final Connection connection;
    private final BarInterval interval;
    private final List<Instrument> instruments;
    private final WriteMode mode;
    private final CopyRows rows = new CopyRows();
    private long written;

    /**
     * @param connection  an open connection, kept open
     * @param interval    the interval of every bar written
     * @param instruments the instruments the batches' {@code instrument} indices refer to
     * @param mode        COPY or JDBC batch inserts
     */
    public PgBarSink(Connection connection, BarInterval interval, List<Instrument> instruments, WriteMode mode) {
        this.connection = Objects.requireNonNull(connection, "connection");
        this.interval = Objects.requireNonNull(interval, "interval");
        this.instruments = List.copyOf(instruments);
        this.mode = Objects.requireNonNull(mode, "mode");
        PgSchema.ensureBars(connection);
        registerInstruments(connection, this.instruments);
    }

    /** COPY mode. */
    public PgBarSink(Connection connection, BarInterval interval, List<Instrument> instruments) {
        this(connection, interval, instruments, WriteMode.COPY);
    }

    /**
     * Inserts the instruments not yet in {@code qtrade_instruments}; one already there with another tick size, lot
     * size or multiplier is refused, naming it.
     */
    static void registerInstruments(Connection c, List<Instrument> instruments) {
        String sql = "INSERT INTO qtrade_instruments (venue, symbol, tick_size, lot_size, contract_multiplier) "
                + "VALUES (?, ?, ?, ?, ?) ON CONFLICT (venue, symbol) DO NOTHING";
        try (PreparedStatement insert = c.prepareStatement(sql);
             PreparedStatement check = c.prepareStatement("SELECT tick_size, lot_size, contract_multiplier "
                     + "FROM qtrade_instruments WHERE venue = ? AND symbol = ?")) {
            for (Instrument i : instruments) {
                insert.setString(1, i.venue());
                insert.setString(2, i.symbol());
                insert.setDouble(3, i.tickSize());
                insert.setDouble(4, i.lotSize());
                insert.setDouble(5, i.contractMultiplier());
                insert.executeUpdate();
                check.setString(1, i.venue());
                check.setString(2, i.symbol());
                try (ResultSet r = check.executeQuery()) {
                    r.next();
                    if (r.getDouble(1) != i.tickSize() || r.getDouble(2) != i.lotSize()
                            || r.getDouble(3) != i.contractMultiplier()) {
                        throw new PgException("instrument " + i.venue() + ":" + i.symbol() + " is stored with tick "
                                + r.getDouble(1) + ", lot " + r.getDouble(2) + ", multiplier " + r.getDouble(3)
                                + " but was given with tick " + i.tickSize() + ", lot " + i.lotSize()
                                + ", multiplier " + i.contractMultiplier());
                    }
                }
            }
        } catch (SQLException e) {
            throw PgSchema.fail("registering instruments in qtrade_instruments", e);
        }
    }

    /**
     * Stores every row of {@code batch}.
     *
     * @throws PgException naming the table, the batch's first and last end times and the server's reason
     * @throws IllegalArgumentException when a row's instrument index is outside the instrument list
     */
    public void write(BarBatch batch) {
        if (batch.isEmpty()) {
            return;
        }
        for (int r = 0; r < batch.size(); r++) {
            if (batch.instrument(r) >= instruments.size()) {
                throw new IllegalArgumentException("bar row " + r + " refers to instrument " + batch.instrument(r)
                        + " but the sink has " + instruments.size() + " instruments");
            }
        }
        try {
            if (mode == WriteMode.COPY) {
                copy(batch);
            } else {
                insert(batch);
            }
        } catch (SQLException e) {
            throw PgSchema.fail(where(batch), e);
        } catch (IOException e) {
            throw new PgException("postgres: " + where(batch) + " failed: " + e.getMessage());
        }
        written += batch.size();
    }

    private String where(BarBatch batch) {
        return "writing " + batch.size() + " " + interval + " bars (end times " + batch.endTs(0) + " to "
                + batch.endTs(batch.size() - 1) + ") to qtrade_bars by " + mode;
    }

    private void copy(BarBatch b) throws SQLException, IOException {
        rows.clear();
        String label = interval.label();
        for (int r = 0; r < b.size(); r++) {
            Instrument i = instruments.get(b.instrument(r));
            rows.addText(i.venue()).addText(i.symbol()).addText(label).addLong(b.startTs(r)).addLong(b.endTs(r))
                    .addDouble(b.open(r)).addDouble(b.high(r)).addDouble(b.low(r)).addDouble(b.close(r))
                    .addDouble(b.volume(r)).addDoubleOrNull(b.vwap(r));
            if (b.tradeCount(r) == BarBatch.NO_TRADE_COUNT) {
                rows.addNull();
            } else {
                rows.addLong(b.tradeCount(r));
            }
            rows.endRow();
        }
        byte[] bytes = rows.utf8();
        PgSchema.copyApi(connection).copyIn("COPY qtrade_bars (" + COLUMNS + ") FROM STDIN",
                new java.io.ByteArrayInputStream(bytes), bytes.length);
    }

    private void insert(BarBatch b) throws SQLException {
        try (PreparedStatement s = connection.prepareStatement("INSERT INTO qtrade_bars (" + COLUMNS
                + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            String label = interval.label();
            for (int r = 0; r < b.size(); r++) {
                Instrument i = instruments.get(b.instrument(r));
                s.setString(1, i.venue());
                s.setString(2, i.symbol());
                s.setString(3, label);
                s.setLong(4, b.startTs(r));
                s.setLong(5, b.endTs(r));
                s.setDouble(6, b.open(r));
                s.setDouble(7, b.high(r));
                s.setDouble(8, b.low(r));
                s.setDouble(9, b.close(r));
                s.setDouble(10, b.volume(r));
                if (Double.isNaN(b.vwap(r))) {
                    s.setNull(11, Types.DOUBLE);
                } else {
                    s.setDouble(11, b.vwap(r));
                }
                if (b.tradeCount(r) == BarBatch.NO_TRADE_COUNT) {
                    s.setNull(12, Types.BIGINT);
                } else {
                    s.setLong(12, b.tradeCount(r));
                }
                s.addBatch();
            }
            s.executeBatch();
        }
    }

    /**
     * Writes every bar of {@code source} (whose instrument list must equal this sink's), {@code batchRows} per
     * statement, and closes nothing.
     *
     * @return the bars written
     * @throws IllegalArgumentException when the source's instruments differ from the sink's
     */
    public long writeAll(BarSource source, int batchRows) {
        if (!source.instruments().equals(instruments)) {
            throw new IllegalArgumentException("bar source's instruments " + source.instruments()
                    + " differ from the sink's " + instruments);
        }
        BarBatch batch = new BarBatch(batchRows);
        long n = 0;
        while (source.readBatch(batch)) {
            write(batch);
            n += batch.size();
        }
        return n;
    }

    /** Rows written so far. */
    public long written() {
        return written;
    }

    @Override
    public String toString() {
        return "PgBarSink[" + interval + ", " + instruments.size() + " instruments, " + mode + ", written="
                + written + "]";
    }
}
