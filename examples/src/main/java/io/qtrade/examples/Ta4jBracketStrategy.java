package io.qtrade.examples;

import io.qtrade.bars.BarBacktest;
import io.qtrade.bars.BarContext;
import io.qtrade.bars.BarResult;
import io.qtrade.bars.cost.UsEquityCommission;
import io.qtrade.store.bars.BarCsvReader;
import io.qtrade.bars.order.BarOrder;
import io.qtrade.bars.order.Bracket;
import io.qtrade.bars.ta4j.Ta4jSeries;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.bar.BarSlice;
import io.qtrade.core.bar.InMemoryBarSource;
import io.qtrade.core.order.Fill;
import io.qtrade.core.strategy.Strategy;
import io.qtrade.core.strategy.StrategyContext;
import io.qtrade.risk.metrics.Conventions;
import org.ta4j.core.BarSeries;
import org.ta4j.core.Rule;
import org.ta4j.core.indicators.RSIIndicator;
import org.ta4j.core.indicators.SMAIndicator;
import org.ta4j.core.indicators.helpers.ClosePriceIndicator;
import org.ta4j.core.rules.CrossedUpIndicatorRule;
import org.ta4j.core.rules.UnderIndicatorRule;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * A ta4j entry signal with bracket exits in the bar engine, on AAPL's 2013 daily bars (ta4j-examples data, MIT):
 * enter long when SMA(10) crosses above SMA(30) while RSI(14) is below 70 (ta4j rules over a series the strategy
 * grows bar by bar), with 95% of equity at the next open, a stop-loss 5% and a take-profit 10% from the signal
 * close (an OCO pair that works from the bar after the entry; when one bar reaches both, the stop fills). Costs:
 * Interactive Brokers' fixed schedule. Prints every fill and the summary against buy-and-hold AAPL.
 * {@code Ta4jBracketStrategy [file.csv]} runs on another daily CSV file (Yahoo/Stooq columns).
 */
public final class Ta4jBracketStrategy implements Strategy {

    private final double stopFraction;
    private final double targetFraction;
    private BarContext context;
    private BarSeries series;
    private Rule entry;
    private long openEntry = -1;
    private int signals;
    private final List<Fill> fills = new ArrayList<>();

    public Ta4jBracketStrategy(double stopFraction, double targetFraction) {
        this.stopFraction = stopFraction;
        this.targetFraction = targetFraction;
    }

    public static void main(String[] args) {
        Path file = args.length > 0 ? Path.of(args[0]) : bundledAapl();
        run(file, System.out);
    }

    /** The bundled AAPL 2013 file, copied to a temporary file. */
    public static Path bundledAapl() {
        try (InputStream in = Ta4jBracketStrategy.class.getResourceAsStream("aapl_daily_2013_ta4j.csv")) {
            Path tmp = Files.createTempFile("aapl_daily_2013", ".csv");
            Files.copy(in, tmp, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            tmp.toFile().deleteOnExit();
            return tmp;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the bundled AAPL bars", e);
        }
    }

    /** Runs the strategy on {@code file}, prints fills and the summary; returns the result. */
    public static BarResult run(Path file, PrintStream print) {
        String name = file.getFileName().toString().replace(".csv", "").replace("aapl_daily_2013_ta4j", "AAPL");
        Instrument instrument = Instrument.spot(name, "CSV", 0.01, 1);
        InMemoryBarSource source = BarCsvReader.source(file, instrument, BarCsvReader.Settings.UTC_DAYS);
        Ta4jBracketStrategy strategy = new Ta4jBracketStrategy(0.05, 0.10);
        BarResult result = BarBacktest.builder().source(source).strategy("sma/rsi bracket", strategy)
                .initialCash(100_000).commission(UsEquityCommission.IBKR_FIXED).benchmark(name).build().run();
        print.printf("%d signals, %d fills%n", strategy.signals(), strategy.fills().size());
        for (Fill f : strategy.fills()) {
            print.printf("  %s %s %6.0f @ %8.2f  fee %6.2f  %s%n",
                    java.time.Instant.ofEpochSecond(f.exchTs() / 1_000_000_000L).atZone(ZoneOffset.UTC).toLocalDate(),
                    f.side(), f.qty(), f.price(), f.fee(), result.backtest().orderRecords().stream()
                            .filter(o -> o.order().orderId() == f.orderId()).findFirst()
                            .map(o -> o.typeName()).orElse(""));
        }
        print.println(result.summary(Conventions.DAILY).printAll());
        return result;
    }

    @Override
    public void onStart(StrategyContext c) {
        context = BarContext.of(c);
        series = Ta4jSeries.empty(context.instruments().get(0).id());
        ClosePriceIndicator close = new ClosePriceIndicator(series);
        entry = new CrossedUpIndicatorRule(new SMAIndicator(close, 10), new SMAIndicator(close, 30))
                .and(new UnderIndicatorRule(new RSIIndicator(close, 14), 70));
    }

    @Override
    public void onBars(BarSlice bars) {
        int k = bars.rowOf(0);
        if (k == BarSlice.NO_ROW) {
            return;
        }
        Ta4jSeries.add(series, bars.startTs(k), bars.endTs(), bars.open(k), bars.high(k), bars.low(k), bars.close(k),
                bars.volume(k), ZoneOffset.UTC);
        int index = series.getEndIndex();
        boolean flat = context.portfolio().position(context.instruments().get(0)).isFlat();
        if (index < 30 || !flat || openEntry >= 0 && context.order(openEntry).status().isLive()) {
            return;
        }
        if (entry.isSatisfied(index)) {
            signals++;
            double close = bars.close(k);
            double qty = Math.floor(0.95 * context.equity() / close);
            if (qty >= 1) {
                double stop = Math.round(close * (1 - stopFraction) * 100) / 100.0;
                double target = Math.round(close * (1 + targetFraction) * 100) / 100.0;
                openEntry = context.submitBracket(new Bracket(BarOrder.marketOnOpen(0, Side.BUY, qty), stop, target))
                        .entry();
            }
        }
    }

    @Override
    public void onFill(Fill fill) {
        fills.add(fill);
    }

    public int signals() {
        return signals;
    }

    public List<Fill> fills() {
        return fills;
    }
}
