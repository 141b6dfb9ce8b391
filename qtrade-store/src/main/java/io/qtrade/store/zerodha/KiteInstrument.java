package io.qtrade.store.zerodha;

import io.qtrade.core.Instrument;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * One row of the Kite Connect instruments dump ({@code GET /instruments}): everything Kite says about a contract.
 *
 * @param instrumentToken Kite's numeric id, used by the historical-data and streaming APIs
 * @param exchangeToken   the exchange's own id
 * @param tradingSymbol   the symbol, e.g. {@code INFY}, {@code NIFTY24JANFUT}
 * @param name            the underlying's name (may be empty)
 * @param lastPrice       last price when the dump was made, rupees
 * @param expiry          expiry of a derivative, empty for cash instruments
 * @param strike          strike of an option, rupees; 0 otherwise
 * @param tickSize        minimum price step, rupees (0 for non-tradable rows such as indices)
 * @param lotSize         the contract's lot, units (0 for non-tradable rows)
 * @param instrumentType  {@code EQ}, {@code FUT}, {@code CE}, {@code PE}, ...
 * @param segment         {@code NSE}, {@code NFO-FUT}, {@code NFO-OPT}, {@code INDICES}, ...
 * @param exchange        {@code NSE}, {@code BSE}, {@code NFO}, {@code MCX}, ...
 */
public record KiteInstrument(long instrumentToken, long exchangeToken, String tradingSymbol, String name,
                             double lastPrice, Optional<LocalDate> expiry, double strike, double tickSize,
                             double lotSize, String instrumentType, String segment, String exchange) {

    /** Checks that the text fields are present. */
    public KiteInstrument {
        Objects.requireNonNull(tradingSymbol, "tradingSymbol");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(expiry, "expiry");
        Objects.requireNonNull(instrumentType, "instrumentType");
        Objects.requireNonNull(segment, "segment");
        Objects.requireNonNull(exchange, "exchange");
    }

    /** Whether the row is a tradable contract (positive tick and lot size). */
    public boolean tradable() {
        return tickSize > 0 && lotSize > 0;
    }

    /**
     * The core instrument: symbol = {@code tradingsymbol}, venue = {@code exchange}, tick size, lot size, contract
     * multiplier 1 (Kite quantities are in units: an F&amp;O order is a multiple of {@code lot_size} units).
     *
     * @throws IllegalStateException for a non-tradable row (tick or lot size 0, such as an index)
     */
    public Instrument toInstrument() {
        if (!tradable()) {
            throw new IllegalStateException("Kite instrument " + tradingSymbol + "@" + exchange + " (token "
                    + instrumentToken + ", segment " + segment + ") is not tradable: tick size " + tickSize
                    + ", lot size " + lotSize);
        }
        return new Instrument(tradingSymbol, exchange, tickSize, lotSize, 1.0);
    }
}
