package io.qtrade.bars;

import io.qtrade.core.Instrument;
import io.qtrade.core.bar.BarBatch;
import io.qtrade.core.bar.InMemoryBarSource;
import io.qtrade.core.bar.BarSlice;
import io.qtrade.core.order.ExecutionReport;
import io.qtrade.core.order.Fill;
import io.qtrade.core.strategy.Strategy;
import io.qtrade.core.strategy.StrategyContext;

import java.util.ArrayList;
import java.util.List;

/** Hand-built daily bars (bar d covers day d, UTC) and a strategy scripted per bar time, for the engine tests. */
final class TestBars {

    static final long DAY = 86_400_000_000_000L;

    private final List<Instrument> instruments;
    private final BarBatch batch = new BarBatch(10_000);

    TestBars(Instrument... instruments) {
        this.instruments = List.of(instruments);
    }

    /** Adds the bar of instrument {@code i} on day {@code d}; call in day, then instrument order. */
    TestBars bar(int d, int i, double open, double high, double low, double close, double volume) {
        batch.add(i, d * DAY, (d + 1) * DAY, open, high, low, close, volume);
        return this;
    }

    InMemoryBarSource source() {
        return new InMemoryBarSource(instruments, batch);
    }

    /** What a scripted strategy does at bar time number {@code n} (0-based). */
    interface Step {
        void at(int n, BarContext context, BarSlice bars);
    }

    /** A strategy that runs {@code step} at each bar time and records fills and updates. */
    static final class Scripted implements Strategy {
        final Step step;
        BarContext context;
        int n;
        final List<Fill> fills = new ArrayList<>();
        final List<ExecutionReport> updates = new ArrayList<>();

        Scripted(Step step) {
            this.step = step;
        }

        @Override
        public void onStart(StrategyContext c) {
            this.context = BarContext.of(c);
        }

        @Override
        public void onBars(BarSlice bars) {
            step.at(n++, context, bars);
        }

        @Override
        public void onFill(Fill fill) {
            fills.add(fill);
        }

        @Override
        public void onOrderUpdate(ExecutionReport report) {
            updates.add(report);
        }
    }
}
