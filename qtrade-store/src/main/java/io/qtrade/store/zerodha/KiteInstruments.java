package io.qtrade.store.zerodha;

import io.qtrade.store.ingest.CsvLine;
import io.qtrade.store.ingest.ImportException;
import io.qtrade.store.ingest.ImportOptions;
import io.qtrade.store.ingest.LineReader;
import io.qtrade.store.ingest.SkipCounter;

import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the Kite Connect instruments dump CSV ({@code GET /instruments} or {@code /instruments/:exchange}), header
 * {@code instrument_token,exchange_token,tradingsymbol,name,last_price,expiry,strike,tick_size,lot_size,
 * instrument_type,segment,exchange}; fields in double quotes may hold commas. Blank {@code expiry} and
 * {@code strike} mean none.
 *
 * <p>Bad input: a header that is not the documented one, a wrong field count, a non-integer token, a non-numeric,
 * NaN or negative price, strike, tick or lot size, an expiry not in {@code yyyy-MM-dd} form: an
 * {@link ImportException} naming the file, line and column, or in lenient mode a counted, logged skip.
 */
public final class KiteInstruments {

    /** The documented header. */
    public static final String HEADER = "instrument_token,exchange_token,tradingsymbol,name,last_price,expiry,strike,"
            + "tick_size,lot_size,instrument_type,segment,exchange";

    private KiteInstruments() {
    }

    /**
     * Reads every row of the dump.
     *
     * @param path    the CSV file
     * @param options strict or lenient
     */
    public static List<KiteInstrument> read(Path path, ImportOptions options) {
        SkipCounter skips = new SkipCounter(options.lenient());
        List<KiteInstrument> out = new ArrayList<>();
        CsvLine csv = new CsvLine(path.toString());
        try (LineReader reader = new LineReader(path)) {
            String line = reader.next();
            if (line == null || !line.equals(HEADER)) {
                throw ImportException.atLine(path.toString(), 1, null, "header '" + line + "': expected " + HEADER);
            }
            while ((line = reader.next()) != null) {
                try {
                    csv.reset(line, reader.lineNumber());
                    out.add(parse(csv));
                } catch (ImportException e) {
                    skips.skipOrThrow(e);
                }
            }
        }
        return out;
    }

    private static KiteInstrument parse(CsvLine csv) {
        csv.requireFields(12, 12, "12 (" + HEADER + ")");
        long token = csv.integer(0, "instrument_token");
        long exchangeToken = csv.integer(1, "exchange_token");
        String symbol = csv.string(2);
        if (symbol.isBlank()) {
            throw csv.error("tradingsymbol", "blank: expected the trading symbol");
        }
        double lastPrice = csv.quantity(4, "last_price");
        Optional<LocalDate> expiry = Optional.empty();
        if (!csv.isEmpty(5)) {
            try {
                expiry = Optional.of(LocalDate.parse(csv.string(5)));
            } catch (DateTimeParseException e) {
                throw csv.error("expiry", "'" + csv.string(5) + "' is not a yyyy-MM-dd date");
            }
        }
        double strike = csv.isEmpty(6) ? 0.0 : csv.quantity(6, "strike");
        double tick = csv.quantity(7, "tick_size");
        double lot = csv.quantity(8, "lot_size");
        String exchange = csv.string(11);
        if (exchange.isBlank()) {
            throw csv.error("exchange", "blank: expected the exchange");
        }
        return new KiteInstrument(token, exchangeToken, symbol, csv.string(3), lastPrice, expiry, strike, tick, lot,
                csv.string(9), csv.string(10), exchange);
    }
}
