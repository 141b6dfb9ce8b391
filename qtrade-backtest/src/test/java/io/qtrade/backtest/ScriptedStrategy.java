package io.qtrade.backtest;

import io.qtrade.core.order.ExecutionReport;
import io.qtrade.core.order.Fill;
import io.qtrade.core.strategy.Strategy;
import io.qtrade.core.strategy.StrategyContext;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.function.Consumer;

/** A test strategy that runs scripted actions at given local times and records everything it is told. */
class ScriptedStrategy implements Strategy {

    final TreeMap<Long, List<Consumer<StrategyContext>>> actions = new TreeMap<>();
    final List<ExecutionReport> reports = new ArrayList<>();
    final List<Fill> fills = new ArrayList<>();
    final List<Long> timerTimes = new ArrayList<>();
    final List<Long> orderIds = new ArrayList<>();
    StrategyContext context;
    private final TreeMap<Long, Long> timerToTime = new TreeMap<>();

    /** Runs {@code action} at local time {@code t}; the ids it returns through {@link #submit} go to {@link #orderIds}. */
    ScriptedStrategy at(long t, Consumer<StrategyContext> action) {
        actions.computeIfAbsent(t, k -> new ArrayList<>()).add(action);
        return this;
    }

    @Override
    public void onStart(StrategyContext ctx) {
        this.context = ctx;
        for (Long t : actions.keySet()) {
            timerToTime.put(ctx.scheduleAt(t), t);
        }
    }

    @Override
    public void onTimer(long timerId, long nowNanos) {
        Long t = timerToTime.get(timerId);
        if (t == null) {
            timerTimes.add(nowNanos);
            return;
        }
        for (Consumer<StrategyContext> a : actions.get(t)) {
            a.accept(context);
        }
    }

    @Override
    public void onOrderUpdate(ExecutionReport report) {
        reports.add(report);
    }

    @Override
    public void onFill(Fill fill) {
        fills.add(fill);
    }

    /** The last report of order {@code id}. */
    ExecutionReport last(long id) {
        ExecutionReport last = null;
        for (ExecutionReport r : reports) {
            if (r.orderId() == id) {
                last = r;
            }
        }
        return last;
    }
}
