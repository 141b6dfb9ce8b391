package io.qtrade.postgres;

import java.util.Map;
import tech.tablesaw.api.Table;

/**
 * A backtest run read back by {@link PgResults#read}: its id, its parameters (name to value, in name order) and its
 * result tables under their names ({@code orders, fills, equity, totals}), with the columns, types, rows and row
 * order they were written with.
 *
 * @param runId      the run's id
 * @param parameters the run's parameters
 * @param tables     the tables, in write order
 */
public record StoredRun(String runId, Map<String, String> parameters, Map<String, Table> tables) {

    public StoredRun {
        parameters = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(parameters));
        tables = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(tables));
    }

    /**
     * One table.
     *
     * @throws IllegalArgumentException naming the table and those stored
     */
    public Table table(String name) {
        Table t = tables.get(name);
        if (t == null) {
            throw new IllegalArgumentException("run " + runId + " has no table '" + name + "'; it has "
                    + tables.keySet());
        }
        return t;
    }
}
