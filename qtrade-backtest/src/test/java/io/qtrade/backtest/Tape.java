package io.qtrade.backtest;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventKind;
import io.qtrade.core.market.InMemoryEventSource;

import java.util.List;

/** A hand-built event stream for scenario tests: every row at {@code localTs = exchTs + feedLatencyNanos}. */
final class Tape {

    private final List<Instrument> instruments;
    private final long feedLatencyNanos;
    private final EventBatch batch = new EventBatch(10_000);

    Tape(long feedLatencyNanos, Instrument... instruments) {
        this.instruments = List.of(instruments);
        this.feedLatencyNanos = feedLatencyNanos;
    }

    Tape depth(long exchTs, Side side, double price, double qty) {
        return depth(0, exchTs, side, price, qty);
    }

    Tape depth(int instrument, long exchTs, Side side, double price, double qty) {
        batch.addDepth(instrument, exchTs, exchTs + feedLatencyNanos, side, price, qty);
        return this;
    }

    Tape trade(long exchTs, Side aggressor, double price, double qty) {
        batch.addTrade(0, exchTs, exchTs + feedLatencyNanos, aggressor, price, qty);
        return this;
    }

    Tape l3(long exchTs, EventKind kind, Side side, double price, double qty, long orderId) {
        batch.add(0, exchTs, exchTs + feedLatencyNanos, kind, side.code(), price, qty, orderId);
        return this;
    }

    InMemoryEventSource source() {
        return new InMemoryEventSource(instruments, batch);
    }
}
