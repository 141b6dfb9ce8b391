package io.qtrade.risk.limits;

import io.qtrade.core.Instrument;
import io.qtrade.core.order.OrderRequest;
import io.qtrade.core.portfolio.Portfolio;
import io.qtrade.core.portfolio.Position;

import java.util.IdentityHashMap;

/**
 * Gross and net exposure of a portfolio before and after an order, each position valued at the latest mid, else the
 * portfolio's mark, else its average entry price (the cost the portfolio carries it at). Keeps, per portfolio, an
 * array of the instruments it has traded, rebuilt only when that number changes, so that a check iterates no map.
 */
final class ExposureCalc {

    static final int NOW = 0;
    static final int AFTER = 1;

    private final IdentityHashMap<Portfolio, Instrument[]> traded = new IdentityHashMap<>();

    /** The price the order is valued at: the mid, else its limit price; NaN for a market order without a mid. */
    static double orderPrice(OrderRequest request, MidTable mids) {
        double mid = mids.mid(request.instrument());
        if (!Double.isNaN(mid)) {
            return mid;
        }
        return request.isMarket() ? Double.NaN : request.price();
    }

    private static double price(Portfolio portfolio, Position position, MidTable mids) {
        Instrument inst = position.instrument();
        double mid = mids.mid(inst);
        if (!Double.isNaN(mid)) {
            return mid;
        }
        double mark = portfolio.markPrice(inst);
        return Double.isNaN(mark) ? position.avgEntryPrice() : mark;
    }

    private Instrument[] tradedInstruments(Portfolio portfolio) {
        Instrument[] known = traded.get(portfolio);
        int n = portfolio.positions().size();
        if (known == null || known.length != n) {
            known = portfolio.positions().keySet().toArray(new Instrument[0]);
            traded.put(portfolio, known);
        }
        return known;
    }

    /**
     * Writes {@code sum |q p m|} now and after the order into {@code out[NOW]}, {@code out[AFTER]} (modified) when
     * {@code gross}, else {@code sum q p m}.
     */
    void exposure(Portfolio portfolio, OrderRequest request, double orderPrice, MidTable mids, boolean gross,
                  double[] out) {
        Instrument orderInst = request.instrument();
        double now = 0.0;
        double after = 0.0;
        boolean seen = false;
        for (Instrument inst : tradedInstruments(portfolio)) {
            Position p = portfolio.position(inst);
            double q = p.qty();
            if (inst.equals(orderInst)) {
                seen = true;
                double qAfter = q + request.side().sign() * request.qty();
                double v = inst.notional(orderPrice, q);
                double vAfter = inst.notional(orderPrice, qAfter);
                now += gross ? Math.abs(v) : v;
                after += gross ? Math.abs(vAfter) : vAfter;
            } else if (q != 0.0) {
                double v = inst.notional(price(portfolio, p, mids), q);
                now += gross ? Math.abs(v) : v;
                after += gross ? Math.abs(v) : v;
            }
        }
        if (!seen) {
            double vAfter = orderInst.notional(orderPrice, request.side().sign() * request.qty());
            after += gross ? Math.abs(vAfter) : vAfter;
        }
        out[NOW] = now;
        out[AFTER] = after;
    }
}
