package io.qtrade.core.margin;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qtrade.core.ContractSpec;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.order.Fill;
import io.qtrade.core.order.Liquidity;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The Binance USD-M reference case ({@code src/test/resources/refcases/perp}, copied from the project's shared
 * reference cases; see the README there).
 *
 * <p>Sources, as the case's JSON quotes them:
 * <ul>
 *   <li>Funding: Binance FAQ "Introduction to Binance Futures Funding Rates"
 *       (https://www.binance.com/en/support/faq/360033525031): "Funding Amount = Nominal Value of Positions x Funding
 *       Rate", "Nominal Value of Positions = Mark Price x Size of a Contract"; "Traders are only liable for funding
 *       payments in either direction if they have open positions at the pre-specified funding times"; a positive rate:
 *       longs pay shorts.
 *   <li>Liquidation: Binance FAQ "How to Calculate Liquidation Price of USDⓈ-M Futures Contracts"
 *       (https://www.binance.com/en/support/faq/b3c689c1f50a44cabb3a84e663b81d93): "In Isolated margin mode, WB is
 *       isolatedWalletBalance of the isolated position, TMM=0, UPNL=0"; "Maintenance Margin = Position Notional *
 *       Maintenance Margin Rate on the level of position notional - Maintenance Amount on the level of position
 *       notional"; if the notional at the liquidation price falls in another bracket, recompute with that bracket.
 *       The formula LP = (WB - TMM1 + UPNL1 + cumB - Side1BOTH*Position1BOTH*EP1BOTH) / (Position1BOTH*MMRB -
 *       Side1BOTH*Position1BOTH) (one-way mode) is as transcribed on dev.binance.vision and in freqtrade.
 *   <li>Cross examples: Binance's worked examples 1153.26 (ETHUSDT) and 26316.89 (BTCUSDT), as quoted with the FAQ's
 *       link in freqtrade's tests/leverage/test_liquidation_price.py.
 * </ul>
 */
class BinanceReferenceTest {

    private static final Instrument BTCUSDT = new Instrument("BTCUSDT", "BINANCE", 0.1, 0.001, 1.0)
            .withContract(ContractSpec.linearPerpetual("USDT", ContractSpec.EIGHT_HOURS));

    static Map<String, Object> expected() throws IOException {
        try (InputStream in = BinanceReferenceTest.class.getResourceAsStream("/refcases/perp/perp_binance_expected.json")) {
            return MiniJson.obj(MiniJson.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
    }

    static List<String[]> csv(String name) throws IOException {
        try (InputStream in = BinanceReferenceTest.class.getResourceAsStream("/refcases/perp/" + name)) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n");
            List<String[]> rows = new ArrayList<>();
            for (int i = 1; i < lines.length; i++) {
                if (!lines[i].isBlank()) {
                    rows.add(lines[i].split(","));
                }
            }
            return rows;
        }
    }

    static long nanos(String isoUtc) {
        return LocalDateTime.parse(isoUtc).toEpochSecond(ZoneOffset.UTC) * 1_000_000_000L;
    }

    static LeverageBrackets brackets(Map<String, Object> caseJson) {
        List<LeverageBracket> out = new ArrayList<>();
        @SuppressWarnings("unchecked")
        List<Object> list = (List<Object>) caseJson.get("brackets");
        for (Object o : list) {
            Map<String, Object> b = MiniJson.obj(o);
            out.add(new LeverageBracket((int) MiniJson.num(b, "bracket"), MiniJson.num(b, "floor"),
                    MiniJson.num(b, "cap"), MiniJson.num(b, "mmr"), MiniJson.num(b, "cum"), 125));
        }
        return LeverageBrackets.of(out);
    }

    /** Replays the trades and settles every funding time; each payment, day and the total to 1e-9 USDT. */
    @Test
    void fundingPerEventAndPerUtcDayMatchTheReference() throws IOException {
        Map<String, Object> c = MiniJson.obj(expected(), "cases", "btcusdt_path_3days");
        List<String[]> trades = csv("perp_btcusdt_path_3days_trades.csv");
        List<String[]> schedule = csv("perp_btcusdt_path_3days_funding_schedule.csv");
        MarginAccount account = new MarginAccount("USDT", 1_000_000);
        account.configure(BTCUSDT, MarginMode.CROSS, 20, brackets(c));
        @SuppressWarnings("unchecked")
        List<Object> events = (List<Object>) c.get("funding_events");
        Map<String, Double> perDay = new LinkedHashMap<>();
        int next = 0;
        double total = 0;
        for (int k = 0; k < schedule.size(); k++) {
            String[] f = schedule.get(k);
            long t = nanos(f[0]);
            while (next < trades.size() && nanos(trades.get(next)[0]) < t) {
                String[] tr = trades.get(next++);
                double q = Double.parseDouble(tr[1]);
                account.apply(new Fill(next, BTCUSDT, q > 0 ? Side.BUY : Side.SELL, Double.parseDouble(tr[2]),
                        Math.abs(q), 0.0, Liquidity.TAKER, nanos(tr[0]), nanos(tr[0])));
            }
            FundingPayment pay = account.settleFunding(BTCUSDT, t, Double.parseDouble(f[1]), Double.parseDouble(f[2]));
            Map<String, Object> e = MiniJson.obj(events.get(k));
            assertThat(e.get("funding_time_utc")).isEqualTo(f[0]);
            assertThat(pay.qty()).as("position at %s", f[0]).isCloseTo(MiniJson.num(e, "position_qty"), within(1e-12));
            // exact decimal reference: the double result is within a few ulps of it
            double exact = new BigDecimal((String) e.get("funding_income_to_account_exact")).doubleValue();
            assertThat(pay.income()).as("funding income at %s", f[0]).isCloseTo(exact, within(1e-9));
            assertThat(pay.paid()).isCloseTo(MiniJson.num(e, "funding_paid_by_account"), within(1e-9));
            perDay.merge(f[0].substring(0, 10), pay.income(), Double::sum);
            total += pay.income();
        }
        Map<String, Object> days = MiniJson.obj(c, "funding_income_per_utc_day_exact");
        assertThat(perDay.keySet()).containsExactlyElementsOf(days.keySet());
        for (Map.Entry<String, Object> d : days.entrySet()) {
            assertThat(perDay.get(d.getKey())).as("funding on %s", d.getKey())
                    .isCloseTo(new BigDecimal((String) d.getValue()).doubleValue(), within(1e-9));
        }
        assertThat(total).isCloseTo(new BigDecimal((String) c.get("funding_income_total_exact")).doubleValue(),
                within(1e-9));
        assertThat(account.funding()).isCloseTo(-total, within(1e-9));
        // fills at trade prices without fees: the wallet moved by realised PnL and funding only
        assertThat(account.walletBalance()).isCloseTo(1_000_000 + account.realizedPnl() + total, within(1e-6));
    }

    /** Every isolated case: the formula with the entry bracket and with Binance's recompute rule, to 1e-6 USDT. */
    @Test
    void isolatedLiquidationPricesMatchTheReferenceIncludingBracketChanges() throws IOException {
        Map<String, Object> c = MiniJson.obj(expected(), "cases", "btcusdt_path_3days");
        LeverageBrackets brackets = brackets(c);
        Map<String, Object> cases = MiniJson.obj(c, "isolated_liquidation");
        assertThat(cases).hasSize(4);
        for (Map.Entry<String, Object> entry : cases.entrySet()) {
            Map<String, Object> k = MiniJson.obj(entry.getValue());
            int side = (int) MiniJson.num(k, "side");
            double qty = MiniJson.num(k, "qty");
            double ep = MiniJson.num(k, "entry_price");
            double wb = MiniJson.num(k, "isolated_wallet_balance");
            LeverageBracket atEntry = brackets.forNotional(qty * ep);
            assertThat(atEntry.bracket()).isEqualTo((int) MiniJson.num(k, "bracket_at_entry_notional"));
            assertThat(LiquidationPrice.linear(wb, 0, 0, atEntry.cum(), side, qty, ep, atEntry.maintMarginRate()))
                    .as(entry.getKey() + " with the entry bracket")
                    .isCloseTo(MiniJson.num(k, "lp_with_entry_bracket"), within(1e-6));
            double lp = LiquidationPrice.isolatedLinear(wb, side, qty, ep, brackets);
            assertThat(lp).as(entry.getKey()).isCloseTo(MiniJson.num(k, "liquidation_price"), within(1e-6));
            assertThat(brackets.forNotional(qty * lp).bracket())
                    .isEqualTo((int) MiniJson.num(k, "bracket_consistent_at_lp"));
            assertThat(round2(lp)).isEqualTo(round2(MiniJson.num(k, "liquidation_price")));

            // the same through an account: isolated at leverage notional/WB, so the isolated wallet is WB
            MarginAccount account = new MarginAccount("USDT", 1_000_000, 0.0);
            account.configure(BTCUSDT, MarginMode.ISOLATED, qty * ep / wb, brackets);
            account.apply(new Fill(1, BTCUSDT, side > 0 ? Side.BUY : Side.SELL, ep, qty, 0.0, Liquidity.TAKER, 0, 0));
            assertThat(account.position(BTCUSDT).isolatedWallet()).isCloseTo(wb, within(1e-9));
            assertThat(account.liquidationPrice(BTCUSDT)).isCloseTo(lp, within(1e-6));
            // margin balance = maintenance margin at LP: a cent on the safe side is no liquidation, a cent past is
            account.mark(BTCUSDT, lp + side * 0.01);
            assertThat(account.liquidationDue()).as(entry.getKey() + " a cent before LP").isFalse();
            account.mark(BTCUSDT, lp - side * 0.01);
            assertThat(account.liquidationDue()).as(entry.getKey() + " a cent past LP").isTrue();
        }
    }

    /** The loader derives Binance's cum from the floors and rates: the CSV table equals the JSON's. */
    @Test
    void bracketFileLoadsToTheReferenceTable() throws IOException, URISyntaxException {
        Map<String, Object> c = MiniJson.obj(expected(), "cases", "btcusdt_path_3days");
        LeverageBrackets json = brackets(c);
        LeverageBrackets file = LeverageBrackets.load(
                Path.of(getClass().getResource("/refcases/perp/btcusdt_faq_brackets.csv").toURI()));
        assertThat(file.size()).isEqualTo(3);
        for (int i = 0; i < 3; i++) {
            assertThat(file.get(i).floor()).isEqualTo(json.get(i).floor());
            assertThat(file.get(i).cap()).isEqualTo(json.get(i).cap());
            assertThat(file.get(i).maintMarginRate()).isEqualTo(json.get(i).maintMarginRate());
            assertThat(file.get(i).cum()).isCloseTo(json.get(i).cum(), within(1e-9));
        }
    }

    /** Binance's two published cross-margin examples, to the cent (the published answers are rounded to 0.01). */
    @Test
    void binanceCrossMarginWorkedExamplesToTheCent() throws IOException {
        Map<String, Object> ex = MiniJson.obj(expected(), "cases", "binance_published_cross_margin_examples",
                "examples");
        assertThat(ex).hasSize(2);
        List<Double> published = new ArrayList<>();
        for (Object o : ex.values()) {
            Map<String, Object> k = MiniJson.obj(o);
            double lp = LiquidationPrice.linear(MiniJson.num(k, "wb"), MiniJson.num(k, "tmm1"),
                    MiniJson.num(k, "upnl1"), MiniJson.num(k, "cum"), (int) MiniJson.num(k, "side"),
                    MiniJson.num(k, "qty"), MiniJson.num(k, "ep"), MiniJson.num(k, "mmr"));
            assertThat(round2(lp)).isEqualTo(round2(MiniJson.num(k, "published")));
            assertThat(lp).isCloseTo(MiniJson.num(k, "computed"), within(1e-9));
            published.add(MiniJson.num(k, "published"));
        }
        assertThat(published).containsExactlyInAnyOrder(1153.26, 26316.89);
    }

    private static BigDecimal round2(double v) {
        return BigDecimal.valueOf(v).setScale(2, RoundingMode.HALF_UP);
    }

    /** The same reference through {@link FundingReplay}, the path-only form (no account). */
    @Test
    void fundingReplayOfThePathMatchesTheReference() throws IOException {
        Map<String, Object> c = MiniJson.obj(expected(), "cases", "btcusdt_path_3days");
        List<String[]> trades = csv("perp_btcusdt_path_3days_trades.csv");
        List<String[]> schedule = csv("perp_btcusdt_path_3days_funding_schedule.csv");
        long[] tt = new long[trades.size()];
        double[] q = new double[trades.size()];
        for (int i = 0; i < tt.length; i++) {
            tt[i] = nanos(trades.get(i)[0]);
            q[i] = Double.parseDouble(trades.get(i)[1]);
        }
        long[] ft = new long[schedule.size()];
        double[] rate = new double[ft.length];
        double[] mark = new double[ft.length];
        for (int k = 0; k < ft.length; k++) {
            ft[k] = nanos(schedule.get(k)[0]);
            rate[k] = Double.parseDouble(schedule.get(k)[1]);
            mark[k] = Double.parseDouble(schedule.get(k)[2]);
        }
        List<FundingPayment> pays = FundingReplay.replay(BTCUSDT, tt, q, ft, rate, mark);
        @SuppressWarnings("unchecked")
        List<Object> events = (List<Object>) c.get("funding_events");
        for (int k = 0; k < pays.size(); k++) {
            assertThat(pays.get(k).income()).isCloseTo(new BigDecimal((String) MiniJson.obj(events.get(k))
                    .get("funding_income_to_account_exact")).doubleValue(), within(1e-9));
        }
        Map<String, Object> days = MiniJson.obj(c, "funding_income_per_utc_day_exact");
        var perDay = FundingReplay.incomePerUtcDay(pays);
        assertThat(perDay).hasSize(days.size());
        perDay.forEach((day, income) -> assertThat(income)
                .isCloseTo(new BigDecimal((String) days.get(day.toString())).doubleValue(), within(1e-9)));
    }
}
