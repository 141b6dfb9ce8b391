package io.qtrade.risk.margin;

import io.qtrade.core.Instrument;
import io.qtrade.core.margin.LeverageBrackets;
import io.qtrade.core.order.OrderRequest;
import io.qtrade.core.portfolio.Portfolio;
import io.qtrade.core.portfolio.Position;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.Map;

/**
 * Gross notional and maintenance margin of a portfolio, now and after an order, each position valued at the latest
 * mid, else the portfolio's mark, else its average entry price. Maintenance margin per position is Binance's
 * {@code |notional| * MMR - cum} of its bracket ({@link LeverageBrackets}); instruments without a table count 0.
 */
final class MarginCalc {

    static final int NOW = 0;
    static final int AFTER = 1;

    private final Map<Instrument, LeverageBrackets> brackets;
    private final HashMap<Instrument, double[]> mids = new HashMap<>();
    private final IdentityHashMap<Portfolio, Instrument[]> traded = new IdentityHashMap<>();

    MarginCalc(Map<Instrument, LeverageBrackets> brackets) {
        this.brackets = Map.copyOf(brackets);
    }

    void mid(Instrument instrument, double mid) {
        if (Double.isNaN(mid)) {
            return;
        }
        double[] slot = mids.get(instrument);
        if (slot == null) {
            mids.put(instrument, new double[] {mid});
        } else {
            slot[0] = mid;
        }
    }

    double price(Portfolio portfolio, Instrument inst, Position p) {
        double[] mid = mids.get(inst);
        if (mid != null) {
            return mid[0];
        }
        double mark = portfolio.markPrice(inst);
        return Double.isNaN(mark) ? p.avgEntryPrice() : mark;
    }

    /** The order's price: the mid, else its limit price; NaN for a market order without a mid. */
    double orderPrice(OrderRequest request) {
        double[] mid = mids.get(request.instrument());
        if (mid != null) {
            return mid[0];
        }
        return request.isMarket() ? Double.NaN : request.price();
    }

    Instrument[] tradedInstruments(Portfolio portfolio) {
        Instrument[] known = traded.get(portfolio);
        int n = portfolio.positions().size();
        if (known == null || known.length != n) {
            known = portfolio.positions().keySet().toArray(new Instrument[0]);
            traded.put(portfolio, known);
        }
        return known;
    }

    /** Whether {@code inst} has a bracket table (is held on margin). */
    boolean margined(Instrument inst) {
        return brackets.containsKey(inst);
    }

    double mm(Instrument inst, double absNotional) {
        LeverageBrackets b = brackets.get(inst);
        return b == null || absNotional == 0.0 ? 0.0 : Math.max(0.0, b.maintenanceMargin(absNotional));
    }

    /**
     * Writes gross notional now/after into {@code gross} and maintenance margin now/after into {@code mm} (both
     * modified); {@code request} may be null (then after = now).
     */
    void measure(Portfolio portfolio, OrderRequest request, double orderPrice, double[] gross, double[] mm) {
        Instrument orderInst = request == null ? null : request.instrument();
        gross[NOW] = gross[AFTER] = mm[NOW] = mm[AFTER] = 0.0;
        boolean seen = false;
        for (Instrument inst : tradedInstruments(portfolio)) {
            Position p = portfolio.position(inst);
            double q = p.qty();
            if (inst.equals(orderInst)) {
                seen = true;
                double qAfter = q + request.side().sign() * request.qty();
                double v = Math.abs(inst.notional(orderPrice, q));
                double vAfter = Math.abs(inst.notional(orderPrice, qAfter));
                gross[NOW] += v;
                gross[AFTER] += vAfter;
                mm[NOW] += mm(inst, v);
                mm[AFTER] += mm(inst, vAfter);
            } else if (q != 0.0) {
                double v = Math.abs(inst.notional(price(portfolio, inst, p), q));
                gross[NOW] += v;
                gross[AFTER] += v;
                double m = mm(inst, v);
                mm[NOW] += m;
                mm[AFTER] += m;
            }
        }
        if (orderInst != null && !seen) {
            double vAfter = Math.abs(orderInst.notional(orderPrice, request.qty()));
            gross[AFTER] += vAfter;
            mm[AFTER] += mm(orderInst, vAfter);
        }
    }

    /** Equity with every position at the prices above: {@code cash + sum q * price * m}. */
    double equity(Portfolio portfolio) {
        double eq = portfolio.cash();
        for (Instrument inst : tradedInstruments(portfolio)) {
            Position p = portfolio.position(inst);
            if (p.qty() != 0.0) {
                eq += inst.notional(price(portfolio, inst, p), p.qty());
            }
        }
        return eq;
    }
}
