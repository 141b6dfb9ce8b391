package io.qtrade.core.margin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qtrade.core.ContractSpec;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.order.Fill;
import io.qtrade.core.order.Liquidity;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The snippet of the core README's "Perpetuals and margin" section, as written there. */
class MarginReadmeSnippetTest {

    @Test
    void readmeSnippetRunsAndGivesTheNumbersItShows() throws Exception {
        Path file = Path.of(getClass().getResource("/refcases/perp/btcusdt_faq_brackets.csv").toURI());
        long t = 0;
        // --- snippet (qtrade-core/README.md) ---
        Instrument btcusdt = new Instrument("BTCUSDT", "BINANCE", 0.1, 0.001, 1.0)
                .withContract(ContractSpec.linearPerpetual("USDT", ContractSpec.EIGHT_HOURS));
        LeverageBrackets brackets = LeverageBrackets.load(file);       // CSV, or Binance's leverageBracket JSON
        MarginAccount account = new MarginAccount("USDT", 10_000);
        account.configure(btcusdt, MarginMode.ISOLATED, 10, brackets);
        account.apply(new Fill(1, btcusdt, Side.BUY, 42_000, 1, 16.8, Liquidity.TAKER, t, t)); // isolated margin 4,200
        double lp = account.liquidationPrice(btcusdt);                   // 37,951.81: Binance's formula, bracket 1
        double paid = account.settleFunding(btcusdt, t, 0.0001, 42_000).paid();  // 1 x 42,000 x 0.0001 = 4.2
        MarginCheck check = account.checkOrder(btcusdt, Side.BUY, 2, 42_000);
        check.reason();  // "margin: BTCUSDT@BINANCE BUY 2.0 @ 42000.0 needs initial margin 8400.0 USDT ..."
        account.mark(btcusdt, 37_900);
        List<Liquidation> liquidations = account.liquidateIfDue(t);     // closed at the mark, clearance fee charged
        // --- end of snippet ---
        assertThat(lp).isCloseTo(37_951.80722891566, within(1e-6));
        assertThat(paid).isCloseTo(4.2, within(1e-12));
        assertThat(check.accepted()).isFalse();
        assertThat(check.reason()).startsWith("margin: BTCUSDT@BINANCE BUY 2.0 @ 42000.0 needs initial margin 8400.0 USDT");
        assertThat(liquidations).hasSize(1);
        assertThat(liquidations.get(0).price()).isEqualTo(37_900);
        assertThat(account.position(btcusdt).isFlat()).isTrue();
    }
}
