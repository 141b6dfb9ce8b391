package io.qtrade.store.cli;

import io.qtrade.store.ingest.ImportOptions;
import io.qtrade.store.zerodha.KiteInstrument;
import io.qtrade.store.zerodha.KiteInstruments;
import io.qtrade.core.Instrument;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The instrument of an importer format, from its options:
 * <ul>
 *   <li>{@code symbol}: required unless the file names make it certain (then a given {@code symbol} must agree);</li>
 *   <li>{@code venue}: the format's default unless given;</li>
 *   <li>{@code tick_size}, {@code lot_size} (both required, finite and positive; the importers refuse prices off
 *       the tick grid), {@code multiplier} (default 1);</li>
 *   <li>or {@code instruments=KITE_DUMP}: tick and lot size from the Kite Connect instruments dump row whose
 *       {@code tradingsymbol} is the symbol (and whose {@code exchange} is {@code venue}, when given), venue = its
 *       exchange; then {@code tick_size}, {@code lot_size} and {@code multiplier} must not be given.</li>
 * </ul>
 */
final class InstrumentOptions {

    private InstrumentOptions() {
    }

    /**
     * Resolves the instrument.
     *
     * @param o             the options
     * @param format        the format's name, for messages
     * @param namedSymbol   the symbol the file names give, or {@code null} when they do not name it safely
     * @param defaultVenue  the venue when {@code venue} is absent, or {@code null} when it is required
     * @param defaultLot    the lot size when {@code lot_size} is absent, or NaN when it is required
     * @throws IllegalArgumentException naming the missing, conflicting or invalid option
     */
    static Instrument resolve(FormatOptions o, String format, String namedSymbol, String defaultVenue,
                              double defaultLot) {
        String given = o.string("symbol", null);
        if (given != null && namedSymbol != null && !given.equals(namedSymbol)) {
            throw new IllegalArgumentException("option symbol=" + given + " disagrees with the input file names,"
                    + " which name " + namedSymbol);
        }
        String symbol = given != null ? given : namedSymbol;
        if (symbol == null || symbol.isBlank()) {
            throw new IllegalArgumentException("option symbol is required for " + format + ": the input file names"
                    + " do not name the instrument (give e.g. symbol=BTCUSDT)");
        }
        String venue = o.string("venue", null);
        String dump = o.string("instruments", null);
        if (dump != null) {
            for (String key : List.of("tick_size", "lot_size", "multiplier")) {
                if (o.has(key)) {
                    o.string(key, null);
                    throw new IllegalArgumentException("option " + key + " cannot be combined with instruments="
                            + dump + ": the instruments dump gives the tick and lot size");
                }
            }
            return fromKiteDump(Path.of(dump), symbol, venue);
        }
        if (venue == null) {
            venue = defaultVenue;
        }
        if (venue == null || venue.isBlank()) {
            throw new IllegalArgumentException("option venue is required for " + format + " (" + venueHint(format)
                    + ")");
        }
        double tick = o.positiveDouble("tick_size", Double.NaN);
        if (Double.isNaN(tick)) {
            throw new IllegalArgumentException("option tick_size is required for " + format + ": the price"
                    + " increment of " + symbol + " (e.g. tick_size=0.01), or instruments=KITE_DUMP");
        }
        double lot = o.positiveDouble("lot_size", defaultLot);
        if (Double.isNaN(lot)) {
            throw new IllegalArgumentException("option lot_size is required for " + format + ": the quantity"
                    + " increment of " + symbol + " (e.g. lot_size=0.00001), or instruments=KITE_DUMP");
        }
        double multiplier = o.positiveDouble("multiplier", 1.0);
        try {
            return new Instrument(symbol, venue, tick, lot, multiplier);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("options tick_size=" + tick + ", lot_size=" + lot + ", multiplier="
                    + multiplier + " do not make an instrument: " + e.getMessage(), e);
        }
    }

    /** An example venue for the format's vendor, and where the venue would otherwise come from. */
    static String venueHint(String format) {
        if (format.startsWith("tardis")) {
            return "the venue comes from the exchange id of a file named as Tardis names them,"
                    + " EXCHANGE_TYPE_DATE_SYMBOL.csv(.gz); for other names give it: venue=BINANCE_USDM for"
                    + " binance-futures, venue=BINANCE for binance, else the exchange id in upper case, e.g."
                    + " venue=DERIBIT";
        }
        if (format.startsWith("binance")) {
            return "e.g. venue=BINANCE, or BINANCE_USDM for USD-M futures";
        }
        if (format.startsWith("lobster")) {
            return "e.g. venue=NASDAQ";
        }
        return "e.g. venue=NSE for an instrument of the Kite instruments dump";
    }

    private static Instrument fromKiteDump(Path dump, String symbol, String venue) {
        if (!Files.isRegularFile(dump)) {
            throw new IllegalArgumentException("option instruments=" + dump + ": no such file (expected the Kite"
                    + " Connect instruments dump CSV)");
        }
        List<KiteInstrument> matches = new ArrayList<>();
        TreeSet<String> exchanges = new TreeSet<>();
        for (KiteInstrument k : KiteInstruments.read(dump, ImportOptions.STRICT)) {
            if (k.tradingSymbol().equals(symbol)) {
                exchanges.add(k.exchange());
                if (venue == null || venue.equals(k.exchange())) {
                    matches.add(k);
                }
            }
        }
        if (matches.isEmpty()) {
            throw new IllegalArgumentException("option instruments=" + dump + ": no row has tradingsymbol "
                    + symbol + (venue == null ? "" : " and exchange " + venue)
                    + (exchanges.isEmpty() ? "" : " (it is listed on " + exchanges + ")"));
        }
        if (matches.size() > 1) {
            throw new IllegalArgumentException("option instruments=" + dump + ": tradingsymbol " + symbol
                    + " is listed " + matches.size() + " times" + (exchanges.size() > 1 ? ", on " + exchanges : "")
                    + ": choose one with venue=EXCHANGE");
        }
        try {
            return matches.get(0).toInstrument();
        } catch (IllegalStateException e) {
            throw new IllegalArgumentException("option instruments=" + dump + ": " + e.getMessage(), e);
        }
    }
}
