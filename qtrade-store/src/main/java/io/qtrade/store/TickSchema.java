package io.qtrade.store;

import io.qtrade.core.market.EventKind;

import org.apache.avro.Schema;
import org.apache.parquet.avro.AvroSchemaConverter;
import org.apache.parquet.schema.MessageType;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * The canonical columns of the tick store, in file order, defined once as an Avro schema
 * ({@code io/qtrade/store/tick-event.avsc}, every field documented there) and turned into the Parquet
 * schema by parquet-avro's {@link AvroSchemaConverter}:
 *
 * <table>
 * <caption>Columns</caption>
 * <tr><th>#</th><th>column</th><th>type</th><th>meaning</th></tr>
 * <tr><td>0</td><td>{@code exch_ts}</td><td>long</td><td>venue time, epoch ns UTC</td></tr>
 * <tr><td>1</td><td>{@code local_ts}</td><td>long</td><td>local receive time, epoch ns UTC</td></tr>
 * <tr><td>2</td><td>{@code kind}</td><td>int</td><td>{@link io.qtrade.core.market.EventKind#code()}</td></tr>
 * <tr><td>3</td><td>{@code side}</td><td>int</td><td>+1 buy/bid, -1 sell/ask, 0 none</td></tr>
 * <tr><td>4</td><td>{@code price}</td><td>double</td><td>quote currency; NaN when the kind has none</td></tr>
 * <tr><td>5</td><td>{@code qty}</td><td>double</td><td>instrument units, finite, &gt;= 0</td></tr>
 * <tr><td>6</td><td>{@code order_id}</td><td>long</td><td>venue order id (L3), 0 otherwise</td></tr>
 * <tr><td>7</td><td>{@code flags}</td><td>int</td><td>{@link io.qtrade.core.market.EventFlags} bits</td></tr>
 * </table>
 *
 * <p>{@code venue}, {@code symbol} and {@code date} are Hive partition columns (see {@link HiveLayout}). The
 * instrument's tick size, lot size and contract multiplier travel in each Parquet file's key-value metadata (keys
 * {@link #META_SYMBOL} ... {@link #META_CONTRACT_MULTIPLIER}) and in {@code _instrument.json} beside the date
 * directories (see {@link InstrumentFile}), which CSV parts rely on.
 */
public final class TickSchema {

    /** Column names in file order. */
    public static final List<String> COLUMNS =
            List.of("exch_ts", "local_ts", "kind", "side", "price", "qty", "order_id", "flags");
    /** The CSV header line: the column names joined by commas. */
    public static final String CSV_HEADER = String.join(",", COLUMNS);

    /**
     * Parquet key-value metadata key of the event kinds the part holds: their {@link EventKind} names, comma
     * separated, in code order (written at the end of the file; parts written before it existed lack it).
     */
    public static final String META_KINDS = "qtrade.kinds";

    /** The names of the kinds whose bit {@code 1 << code} is set, comma separated, in code order. */
    static String kindsText(int mask) {
        StringBuilder b = new StringBuilder();
        for (EventKind k : EventKind.values()) {
            if ((mask & (1 << k.code())) != 0) {
                b.append(b.length() == 0 ? "" : ",").append(k.name());
            }
        }
        return b.toString();
    }

    /** Parquet key-value metadata key of the instrument's symbol. */
    public static final String META_SYMBOL = "qtrade.symbol";
    /** Parquet key-value metadata key of the instrument's venue. */
    public static final String META_VENUE = "qtrade.venue";
    /** Parquet key-value metadata key of the tick size (decimal text). */
    public static final String META_TICK_SIZE = "qtrade.tick_size";
    /** Parquet key-value metadata key of the lot size (decimal text). */
    public static final String META_LOT_SIZE = "qtrade.lot_size";
    /** Parquet key-value metadata key of the contract multiplier (decimal text). */
    public static final String META_CONTRACT_MULTIPLIER = "qtrade.contract_multiplier";
    /** The key under which parquet-avro looks for the Avro schema of a file. */
    public static final String META_AVRO_SCHEMA = "parquet.avro.schema";

    private static final Schema AVRO = load();
    private static final MessageType PARQUET = new AvroSchemaConverter().convert(AVRO);

    private TickSchema() {
    }

    /** The canonical Avro schema (record {@code io.qtrade.store.TickEvent}). */
    public static Schema avro() {
        return AVRO;
    }

    /** The Parquet message type converted from {@link #avro()}: eight required primitive columns. */
    public static MessageType parquet() {
        return PARQUET;
    }

    private static Schema load() {
        try (InputStream in = TickSchema.class.getResourceAsStream("tick-event.avsc")) {
            if (in == null) {
                throw new IllegalStateException("tick-event.avsc missing from the class path next to "
                        + TickSchema.class.getName());
            }
            return new Schema.Parser().parse(in);
        } catch (IOException e) {
            throw new UncheckedIOException("reading tick-event.avsc", e);
        }
    }
}
