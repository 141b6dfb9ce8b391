package io.qtrade.core;

/**
 * What kind of contract an {@link Instrument} is, which fixes how its quantity turns into money.
 *
 * <table>
 * <caption>Kinds, their settlement and their PnL</caption>
 * <tr><th>kind</th><th>margin and PnL in</th><th>notional of {@code q} contracts at price {@code p}</th>
 *     <th>PnL from entry {@code e} to exit {@code x}</th></tr>
 * <tr><td>{@link #SPOT}</td><td>quote</td><td>{@code q * p * m}</td><td>{@code q * m * (x - e)}</td></tr>
 * <tr><td>{@link #LINEAR_PERPETUAL}, {@link #LINEAR_FUTURE}</td><td>quote (USDT, USDC)</td>
 *     <td>{@code q * p * m}</td><td>{@code q * m * (x - e)}</td></tr>
 * <tr><td>{@link #INVERSE_PERPETUAL}, {@link #INVERSE_FUTURE}</td><td>base coin (BTC)</td>
 *     <td>{@code q * m / p} (base coin; {@code m} = contract value in quote, e.g. 100 USD)</td>
 *     <td>{@code q * m * (1/e - 1/x)}</td></tr>
 * </table>
 * {@code m} is {@link Instrument#contractMultiplier()}; {@code q} is signed (long positive). Inverse PnL follows
 * Binance's COIN-M documentation ("Unrealized PnL = Position Size x Contract Multiplier x (1/Entry Price - 1/Mark
 * Price)" for a long, FAQ "How to Calculate Profit and Loss for Futures Contracts",
 * https://www.binance.com/en/support/faq/3a55a23768cb416fb404f06ffedde4b2).
 */
public enum InstrumentKind {
    /** Cash instrument: buying pays the notional. */
    SPOT,
    /** Quote-margined perpetual swap with periodic funding (Binance USD-M {@code BTCUSDT}). */
    LINEAR_PERPETUAL,
    /** Quote-margined dated future (Binance USD-M {@code BTCUSDT_240329}). */
    LINEAR_FUTURE,
    /** Coin-margined perpetual swap with periodic funding (Binance COIN-M {@code BTCUSD_PERP}). */
    INVERSE_PERPETUAL,
    /** Coin-margined dated future (Binance COIN-M {@code BTCUSD_240329}). */
    INVERSE_FUTURE;

    /** Whether positions are held on margin with a mark price (every kind but {@link #SPOT}). */
    public boolean isDerivative() {
        return this != SPOT;
    }

    /** Whether margin and PnL are in the base coin ({@code 1/price} PnL). */
    public boolean isInverse() {
        return this == INVERSE_PERPETUAL || this == INVERSE_FUTURE;
    }

    /** Whether funding is exchanged periodically between longs and shorts. */
    public boolean isPerpetual() {
        return this == LINEAR_PERPETUAL || this == INVERSE_PERPETUAL;
    }
}
