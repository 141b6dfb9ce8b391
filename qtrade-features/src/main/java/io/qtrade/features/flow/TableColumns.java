package io.qtrade.features.flow;

import tech.tablesaw.api.NumericColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/** Reads Tablesaw columns into primitive arrays with errors that name the table and column. */
final class TableColumns {

    private TableColumns() {
    }

    /**
     * The values of numeric column {@code name} as doubles (a missing value becomes {@code NaN}).
     *
     * @throws IllegalArgumentException when the table has no such column or it is not numeric
     */
    static double[] doubles(Table table, String name) {
        if (!table.containsColumn(name)) {
            throw new IllegalArgumentException("table " + table.name() + " has no column '" + name
                    + "'; columns are " + table.columnNames());
        }
        Column<?> column = table.column(name);
        if (!(column instanceof NumericColumn<?> numeric)) {
            throw new IllegalArgumentException("column '" + name + "' of table " + table.name()
                    + " must be numeric, was " + column.type());
        }
        return numeric.asDoubleArray();
    }
}
