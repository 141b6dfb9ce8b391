package io.qtrade.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.qtrade.backtest.margin.FundingRecord;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the two perpetual examples as their commands do and checks what they find. */
class PerpetualExamplesTest {

    @Test
    void carryTradeReceivesFundingOnItsShortPerpetualAndShowsItApartFromTradingPnl() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        FundingCarry.Outcome o = FundingCarry.run(3, 7, 1, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        String printed = bytes.toString(StandardCharsets.UTF_8);
        // 3 days: 9 funding times, 8 of them while the position is held (the first is at 08:00, the exit at 23:30
        // of day 3 comes before the 9th at 00:00 of day 4 which is outside the tape)
        assertThat(o.result().fundingRecords()).hasSizeGreaterThanOrEqualTo(8);
        double sum = 0;
        for (FundingRecord f : o.result().fundingRecords()) {
            assertThat(f.qty()).isEqualTo(-1.0);
            assertThat(f.paid()).isCloseTo(f.qty() * f.markPrice() * f.rate(), within(1e-9));
            sum -= f.paid();
        }
        assertThat(o.fundingIncome()).isPositive().isCloseTo(sum, within(1e-9));
        assertThat(o.fundingIncomePerDay().values().stream().mapToDouble(Double::doubleValue).sum())
                .isCloseTo(sum, within(1e-9));
        // hedged: the two legs' trading PnL nearly cancel (the basis), far below one leg's price move
        assertThat(Math.abs(o.tradingPnl())).isLessThan(200);
        assertThat(o.fees()).isPositive();
        assertThat(o.result().portfolio("carry").netPnl())
                .isCloseTo(o.tradingPnl() - o.fees() + o.fundingIncome(), within(1e-6));
        assertThat(printed).contains("funding income per UTC day", "funding_paid", "total: trading");
    }

    @Test
    void leveragedLongIsLiquidatedOnTheCrashAndTheBreakerActsBefore(@TempDir Path dir) throws Exception {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        LeveragedLiquidation.Outcome o = LeveragedLiquidation.run(3, dir.resolve("report.html"),
                new PrintStream(bytes, true, StandardCharsets.UTF_8));
        assertThat(o.seen()).hasSize(1);
        assertThat(o.liquidated().liquidationRecords()).containsExactlyElementsOf(o.seen());
        var l = o.seen().get(0);
        assertThat(l.marginBalance()).isLessThan(l.maintenanceMargin());
        var account = o.liquidated().marginAccount("long", "USDT");
        // cross: liquidated when the wallet plus the loss fell below the maintenance margin (about 0.5 % of the
        // notional), so what is left is at most that, never below 0
        assertThat(account.walletBalance()).isGreaterThanOrEqualTo(0).isLessThan(0.01 * 2 * l.entryPrice());
        assertThat(l.mode()).isEqualTo(io.qtrade.core.margin.MarginMode.CROSS);
        assertThat(o.breaker().trips()).hasSize(1);
        assertThat(o.withBreaker().liquidationRecords()).isEmpty();
        assertThat(o.withBreaker().portfolio("long").netPnl()).isGreaterThan(o.liquidated().portfolio("long").netPnl());
        // REDUCE: reduce-only sells as the crash goes on (the breaker re-arms below the trigger and trips again), no
        // liquidation, part of the 2 BTC still held
        var cuts = o.reducer().reductions();
        assertThat(cuts).isNotEmpty();
        double cut = cuts.stream().mapToDouble(r -> r.qty()).sum();
        assertThat(cut).isGreaterThan(0).isLessThan(2);
        assertThat(o.reduced().liquidationRecords()).isEmpty();
        assertThat(o.reduced().portfolio("long").position(o.seen().get(0).instrument()).qty())
                .isCloseTo(2 - cut, org.assertj.core.api.Assertions.within(1e-9));
        assertThat(o.reduced().portfolio("long").netPnl()).isGreaterThan(o.liquidated().portfolio("long").netPnl());
        assertThat(bytes.toString(StandardCharsets.UTF_8)).contains("REDUCE to a margin ratio of 0.15 instead: "
                + cuts.size() + " reduce-only order(s)");
        String html = Files.readString(o.report());
        assertThat(html).contains("<h2>Liquidations</h2>", "CROSS");
    }
}
