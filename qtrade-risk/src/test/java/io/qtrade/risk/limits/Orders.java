package io.qtrade.risk.limits;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.order.Fill;
import io.qtrade.core.order.Liquidity;
import io.qtrade.core.order.Order;
import io.qtrade.core.order.OrderRequest;

/** Instruments, orders and fills for the limit tests. */
final class Orders {

    /** Tick 0.01, lot 1, multiplier 1. */
    static final Instrument AAA = Instrument.spot("AAA", "SYN", 0.01, 1);
    /** Tick 0.5, lot 1, multiplier 10 (a future). */
    static final Instrument FUT = new Instrument("FUT", "SYN", 0.5, 1, 10);

    private static long nextId = 1;

    private Orders() {
    }

    static OrderRequest buy(Instrument i, double price, double qty) {
        return OrderRequest.limit(i, Side.BUY, price, qty);
    }

    static OrderRequest sell(Instrument i, double price, double qty) {
        return OrderRequest.limit(i, Side.SELL, price, qty);
    }

    static Order order(OrderRequest request) {
        return new Order(nextId++, request, 0);
    }

    static Fill fill(Instrument i, Side side, double price, double qty) {
        return new Fill(nextId++, i, side, price, qty, 0.0, Liquidity.TAKER, 0, 0);
    }
}
