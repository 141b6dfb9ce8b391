package io.qtrade.backtest.margin;

import io.qtrade.core.Instrument;
import io.qtrade.core.margin.LeverageBrackets;
import io.qtrade.core.margin.MarginMode;
import java.util.Objects;

/**
 * How one derivative instrument is held in a backtest: its margin mode, leverage and bracket table (see
 * {@link io.qtrade.core.margin.MarginAccount#configure}).
 *
 * @param instrument a perpetual or future ({@code instrument.kind().isDerivative()}); it is matched to the backtest's
 *                   instrument with the same {@code symbol@venue}, so a source that knows it as spot (a tick store)
 *                   can be held on margin with these contract terms (for an inverse contract give the source the
 *                   inverse instrument too: the portfolio accounts by the source's instrument)
 * @param mode       cross or isolated
 * @param leverage   the leverage set, {@code 1 <= leverage <= } the first bracket's max leverage
 * @param brackets   the symbol's leverage brackets ({@link LeverageBrackets#load} reads them from a file)
 */
public record MarginSettings(Instrument instrument, MarginMode mode, double leverage, LeverageBrackets brackets) {

    public MarginSettings {
        Objects.requireNonNull(instrument, "margin settings: instrument");
        Objects.requireNonNull(mode, "margin settings: mode");
        Objects.requireNonNull(brackets, "margin settings: brackets");
        if (!instrument.kind().isDerivative()) {
            throw new IllegalArgumentException("margin settings: " + instrument.id() + " is " + instrument.kind()
                    + "; margin settings are for perpetuals and futures (Instrument.withContract)");
        }
    }
}
