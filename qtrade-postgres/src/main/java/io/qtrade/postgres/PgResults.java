package io.qtrade.postgres;

import io.qtrade.backtest.BacktestResult;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import org.postgresql.copy.CopyOut;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.FloatColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.ShortColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Backtest results in PostgreSQL: {@link #write} stores a run's {@link BacktestResult} tables (orders, fills, equity,
 * totals) under a run id with the run's parameters; {@link #read} gives them back as Tablesaw tables, row for row.
 *
 * <p>A run is written in one transaction: the row of {@code qtrade_runs}, one row per parameter in
 * {@code qtrade_run_params(run_id, name, value)}, and for each table {@code name} one {@code COPY} into
 * {@code qtrade_result_<name>(run_id, row_no, <the table's columns>)}, created on first use from the table's columns
 * (Tablesaw STRING to {@code text}, LONG {@code bigint}, INTEGER {@code integer}, SHORT {@code smallint}, DOUBLE
 * {@code double precision}, FLOAT {@code real}, BOOLEAN {@code boolean}; other column types are refused, naming the
 * column). Tablesaw's missing values (NaN, {@code Long.MIN_VALUE}, {@code Integer.MIN_VALUE}, ...) are stored as
 * NULL, so SQL sees "no value" where the result has none, and read back as the same missing values; a missing string
 * is Tablesaw's empty string, stored as {@code ''}. {@code row_no} keeps the table's row order. A run id already
 * stored is refused before anything is written. {@code qtrade_result_equity} is a hypertable on {@code ts} when
 * TimescaleDB is installed.
 *
 * <p>The connection is the caller's; {@code write} restores its auto-commit setting.
 */
public final class PgResults {

    private final Connection connection;

    public PgResults(Connection connection) {
        this.connection = Objects.requireNonNull(connection, "connection");
        PgSchema.execute(connection, "creating qtrade_runs", "CREATE TABLE IF NOT EXISTS qtrade_runs ("
                + "run_id text PRIMARY KEY, created_at timestamptz NOT NULL DEFAULT now())");
        PgSchema.execute(connection, "creating qtrade_run_params", "CREATE TABLE IF NOT EXISTS qtrade_run_params ("
                + "run_id text NOT NULL REFERENCES qtrade_runs (run_id) ON DELETE CASCADE, name text NOT NULL, "
                + "value text NOT NULL, PRIMARY KEY (run_id, name))");
    }

    /** Stores {@code result}'s four tables under {@code runId}; see the class comment. */
    public void write(String runId, Map<String, String> parameters, BacktestResult result) {
        write(runId, parameters, result.tables());
    }

    /**
     * Stores {@code tables} (name to table; names lower-case SQL identifiers) under {@code runId}.
     *
     * @throws PgException naming the run and the table when the run exists or a statement fails (nothing is kept)
     * @throws IllegalArgumentException naming a column of a type that is not stored
     */
    public void write(String runId, Map<String, String> parameters, Map<String, Table> tables) {
        Objects.requireNonNull(runId, "runId");
        for (Map.Entry<String, Table> e : tables.entrySet()) {
            PgSchema.identifier(e.getKey());
            for (Column<?> col : e.getValue().columns()) {
                sqlType(e.getKey(), col);
                PgSchema.identifier(col.name());
            }
        }
        boolean autoCommit;
        try {
            autoCommit = connection.getAutoCommit();
            connection.setAutoCommit(false);
        } catch (SQLException e) {
            throw PgSchema.fail("starting the transaction of run " + runId, e);
        }
        String step = "registering run " + runId + " in qtrade_runs";
        try {
            try (PreparedStatement s = connection.prepareStatement("INSERT INTO qtrade_runs (run_id) VALUES (?) "
                    + "ON CONFLICT (run_id) DO NOTHING")) {
                s.setString(1, runId);
                if (s.executeUpdate() == 0) {
                    throw new PgException("postgres: run " + runId + " is already stored in qtrade_runs; "
                            + "choose another run id or delete it first", "23505");
                }
            }
            step = "writing the parameters of run " + runId + " to qtrade_run_params";
            try (PreparedStatement s = connection.prepareStatement("INSERT INTO qtrade_run_params (run_id, name, "
                    + "value) VALUES (?, ?, ?)")) {
                for (Map.Entry<String, String> p : new TreeMap<>(parameters).entrySet()) {
                    s.setString(1, runId);
                    s.setString(2, p.getKey());
                    s.setString(3, p.getValue());
                    s.addBatch();
                }
                s.executeBatch();
            }
            CopyRows rows = new CopyRows();
            for (Map.Entry<String, Table> e : tables.entrySet()) {
                String table = "qtrade_result_" + e.getKey();
                step = "writing table " + e.getKey() + " of run " + runId + " to " + table;
                ensureTable(table, e.getKey(), e.getValue());
                copyIn(table, runId, e.getValue(), rows);
            }
            connection.commit();
        } catch (SQLException | IOException | RuntimeException e) {
            try {
                connection.rollback();
            } catch (SQLException ignored) {
                // the original failure is the one to report
            }
            if (e instanceof PgException p) {
                throw p;
            }
            if (e instanceof SQLException s) {
                throw PgSchema.fail(step, s);
            }
            if (e instanceof IOException) {
                throw new PgException("postgres: " + step + " failed: " + e.getMessage());
            }
            throw (RuntimeException) e;
        } finally {
            try {
                connection.setAutoCommit(autoCommit);
            } catch (SQLException ignored) {
                // a broken connection: the caller will hear of it on next use
            }
        }
    }

    private void ensureTable(String table, String name, Table t) {
        StringBuilder cols = new StringBuilder("run_id text NOT NULL, row_no integer NOT NULL");
        for (Column<?> c : t.columns()) {
            cols.append(", ").append(c.name()).append(' ').append(sqlType(name, c));
        }
        if ("equity".equals(name) && t.columnNames().contains("ts")
                && t.column("ts").type() == ColumnType.LONG) {
            PgSchema.createTimeTable(connection, table, "ts", cols.toString());
        } else {
            PgSchema.execute(connection, "creating " + table, "CREATE TABLE IF NOT EXISTS " + table + " (" + cols
                    + ")");
        }
        PgSchema.execute(connection, "indexing " + table, "CREATE INDEX IF NOT EXISTS " + table + "_run ON "
                + table + " (run_id, row_no)");
    }

    private static String sqlType(String table, Column<?> c) {
        ColumnType t = c.type();
        if (t == ColumnType.STRING) {
            return "text";
        } else if (t == ColumnType.LONG) {
            return "bigint";
        } else if (t == ColumnType.INTEGER) {
            return "integer";
        } else if (t == ColumnType.SHORT) {
            return "smallint";
        } else if (t == ColumnType.DOUBLE) {
            return "double precision";
        } else if (t == ColumnType.FLOAT) {
            return "real";
        } else if (t == ColumnType.BOOLEAN) {
            return "boolean";
        }
        throw new IllegalArgumentException("column " + c.name() + " of table " + table + " is of type " + t.name()
                + "; stored types are STRING, LONG, INTEGER, SHORT, DOUBLE, FLOAT and BOOLEAN");
    }

    private void copyIn(String table, String runId, Table t, CopyRows rows) throws SQLException, IOException {
        rows.clear();
        List<Column<?>> cols = t.columns();
        StringBuilder names = new StringBuilder("run_id, row_no");
        for (Column<?> c : cols) {
            names.append(", ").append(c.name());
        }
        for (int r = 0; r < t.rowCount(); r++) {
            rows.addText(runId).addInt(r);
            for (Column<?> c : cols) {
                if (c.type() == ColumnType.STRING) {
                    rows.addText(((StringColumn) c).get(r));
                } else if (c.isMissing(r)) {
                    rows.addNull();
                } else if (c instanceof LongColumn l) {
                    rows.addLong(l.getLong(r));
                } else if (c instanceof IntColumn i) {
                    rows.addInt(i.getInt(r));
                } else if (c instanceof ShortColumn s) {
                    rows.addInt(s.getShort(r));
                } else if (c instanceof DoubleColumn d) {
                    rows.addDouble(d.getDouble(r));
                } else if (c instanceof FloatColumn f) {
                    rows.addDouble(f.getFloat(r)); // a float widened exactly; real reads it back exactly
                } else if (c instanceof BooleanColumn b) {
                    rows.addBoolean(b.get(r));
                }
            }
            rows.endRow();
        }
        byte[] bytes = rows.utf8();
        PgSchema.copyApi(connection).copyIn("COPY " + table + " (" + names + ") FROM STDIN",
                new ByteArrayInputStream(bytes), bytes.length);
    }

    /** The run ids stored, oldest first. */
    public List<String> runIds() {
        List<String> out = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT run_id FROM qtrade_runs "
                + "ORDER BY created_at, run_id"); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                out.add(r.getString(1));
            }
        } catch (SQLException e) {
            throw PgSchema.fail("listing runs in qtrade_runs", e);
        }
        return out;
    }

    /**
     * Reads a run back: its parameters and every {@code qtrade_result_*} table (empty where the run has no rows in
     * it), in the order orders, fills, equity, totals, then others by name.
     *
     * @throws PgException naming the run when it is not stored
     */
    public StoredRun read(String runId) {
        Map<String, String> params = new TreeMap<>();
        try {
            try (PreparedStatement s = connection.prepareStatement("SELECT 1 FROM qtrade_runs WHERE run_id = ?")) {
                s.setString(1, runId);
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next()) {
                        throw new PgException("postgres: run " + runId + " is not stored in qtrade_runs");
                    }
                }
            }
            try (PreparedStatement s = connection.prepareStatement("SELECT name, value FROM qtrade_run_params "
                    + "WHERE run_id = ?")) {
                s.setString(1, runId);
                try (ResultSet r = s.executeQuery()) {
                    while (r.next()) {
                        params.put(r.getString(1), r.getString(2));
                    }
                }
            }
            Map<String, Table> tables = new LinkedHashMap<>();
            for (String name : resultTables()) {
                tables.put(name, readTable(name, runId));
            }
            return new StoredRun(runId, params, tables);
        } catch (SQLException e) {
            throw PgSchema.fail("reading run " + runId, e);
        } catch (IOException e) {
            throw new PgException("postgres: reading run " + runId + " failed: " + e.getMessage());
        }
    }

    private List<String> resultTables() throws SQLException {
        List<String> names = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT substr(table_name, 15) FROM "
                + "information_schema.tables WHERE table_schema = current_schema() AND table_name LIKE "
                + "'qtrade\\_result\\_%'"); ResultSet r = s.executeQuery()) {
            while (r.next()) {
                names.add(r.getString(1));
            }
        }
        List<String> order = List.of("orders", "fills", "equity", "totals");
        names.sort((a, b) -> {
            int ia = order.indexOf(a);
            int ib = order.indexOf(b);
            ia = ia < 0 ? order.size() : ia;
            ib = ib < 0 ? order.size() : ib;
            return ia != ib ? Integer.compare(ia, ib) : a.compareTo(b);
        });
        return names;
    }

    private Table readTable(String name, String runId) throws SQLException, IOException {
        String table = "qtrade_result_" + name;
        List<Column<?>> cols = new ArrayList<>();
        try (PreparedStatement s = connection.prepareStatement("SELECT column_name, data_type FROM "
                + "information_schema.columns WHERE table_schema = current_schema() AND table_name = ? "
                + "AND column_name NOT IN ('run_id', 'row_no') ORDER BY ordinal_position")) {
            s.setString(1, table);
            try (ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    cols.add(column(table, r.getString(1), r.getString(2)));
                }
            }
        }
        StringBuilder select = new StringBuilder("SELECT ");
        for (int k = 0; k < cols.size(); k++) {
            select.append(k == 0 ? "" : ", ").append(PgSchema.identifier(cols.get(k).name()));
        }
        PgSchema.requireStandardStrings(connection);
        select.append(" FROM ").append(table).append(" WHERE run_id = ").append(PgSchema.literal(runId))
                .append(" ORDER BY row_no");
        CopyOut out = PgSchema.copyApi(connection).copyOut("COPY (" + select + ") TO STDOUT");
        CopyFields f = new CopyFields(table);
        byte[] row;
        while ((row = out.readFromCopy()) != null) {
            f.reset(row, cols.size());
            for (int k = 0; k < cols.size(); k++) {
                Column<?> c = cols.get(k);
                if (c instanceof StringColumn s) {
                    s.append(f.isNull(k) ? "" : f.getText(k));
                } else if (f.isNull(k)) {
                    c.appendMissing();
                } else if (c instanceof LongColumn l) {
                    l.append(f.getLong(k));
                } else if (c instanceof IntColumn i) {
                    i.append((int) f.getLong(k));
                } else if (c instanceof ShortColumn sh) {
                    sh.append((short) f.getLong(k));
                } else if (c instanceof DoubleColumn d) {
                    d.append(f.getDouble(k));
                } else if (c instanceof FloatColumn fl) {
                    fl.append((float) f.getDouble(k));
                } else if (c instanceof BooleanColumn b) {
                    b.append(f.getBoolean(k));
                }
            }
        }
        return Table.create(name, cols);
    }

    private static Column<?> column(String table, String name, String sqlType) {
        return switch (sqlType) {
            case "text" -> StringColumn.create(name);
            case "bigint" -> LongColumn.create(name);
            case "integer" -> IntColumn.create(name);
            case "smallint" -> ShortColumn.create(name);
            case "double precision" -> DoubleColumn.create(name);
            case "real" -> FloatColumn.create(name);
            case "boolean" -> BooleanColumn.create(name);
            default -> throw new PgException("postgres: column " + name + " of " + table + " has type " + sqlType
                    + ", which no result table is written with");
        };
    }

    @Override
    public String toString() {
        return "PgResults[]";
    }
}
