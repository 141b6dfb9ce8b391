package io.qtrade.risk.limits;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.order.Fill;
import io.qtrade.core.order.OrderRequest;
import io.qtrade.core.order.OrderView;
import io.qtrade.core.portfolio.Portfolio;
import io.qtrade.risk.PreTradeCheck;
import io.qtrade.risk.RiskDecision;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Caps a strategy's position per instrument, counting its resting orders as if they all filled (the worst case), and
 * rejects with {@link #REASON_CODE}:
 * <pre>{@code
 * BUY : position + openBuyQty  + qty > maxQty   -> reject
 * SELL: position - openSellQty - qty < -maxQty  -> reject
 * }</pre>
 * where {@code openBuyQty} ({@code openSellQty}) is the unfilled quantity of the strategy's accepted buy (sell) orders
 * on that instrument, kept from the engine's hooks (accepted adds its qty, a fill subtracts its qty, a terminal state
 * subtracts what was left). An order that reduces the position always passes the side it reduces, so a strategy over
 * its limit (after the limit was lowered) can still trade back inside it.
 */
public final class MaxPosition implements PreTradeCheck {

    /** The reason code of its rejections. */
    public static final String REASON_CODE = "MAX_POSITION";

    private final double defaultMaxQty;
    private final Map<Instrument, Double> maxQtyByInstrument;
    /** strategy -> instrument -> {openBuyQty, openSellQty}. */
    private final HashMap<String, HashMap<Instrument, double[]>> open = new HashMap<>();

    /** @param maxQty the largest absolute position in any instrument, instrument units, finite and {@code > 0} */
    public MaxPosition(double maxQty) {
        this(maxQty, Map.of());
    }

    /**
     * @param defaultMaxQty      the largest absolute position in an instrument not in {@code maxQtyByInstrument}
     * @param maxQtyByInstrument per-instrument limits, instrument units, each finite and {@code > 0} (copied)
     */
    public MaxPosition(double defaultMaxQty, Map<Instrument, Double> maxQtyByInstrument) {
        this.defaultMaxQty = Limits.positive("max position", "defaultMaxQty", defaultMaxQty);
        LinkedHashMap<Instrument, Double> copy = new LinkedHashMap<>();
        for (Map.Entry<Instrument, Double> e : maxQtyByInstrument.entrySet()) {
            Limits.positive("max position", "maxQty of " + e.getKey().id(), e.getValue());
            copy.put(e.getKey(), e.getValue());
        }
        this.maxQtyByInstrument = copy;
    }

    /** The limit on the absolute position in {@code instrument}, instrument units. */
    public double maxQty(Instrument instrument) {
        Double limit = maxQtyByInstrument.get(instrument);
        return limit == null ? defaultMaxQty : limit;
    }

    /** Unfilled quantity of the strategy's accepted orders on {@code instrument} and {@code side}. */
    public double openQty(String strategyId, Instrument instrument, Side side) {
        HashMap<Instrument, double[]> byInstrument = open.get(strategyId);
        double[] q = byInstrument == null ? null : byInstrument.get(instrument);
        return q == null ? 0.0 : q[side == Side.BUY ? 0 : 1];
    }

    @Override
    public RiskDecision check(String strategyId, OrderRequest request, Portfolio portfolio, long nowNanos) {
        Instrument inst = request.instrument();
        double max = maxQty(inst);
        double position = portfolio.position(inst).qty();
        if (request.side() == Side.BUY) {
            double worst = position + openQty(strategyId, inst, Side.BUY) + request.qty();
            if (worst > max) {
                return reject(strategyId, request, position, openQty(strategyId, inst, Side.BUY), worst, max);
            }
        } else {
            double worst = position - openQty(strategyId, inst, Side.SELL) - request.qty();
            if (worst < -max) {
                return reject(strategyId, request, position, openQty(strategyId, inst, Side.SELL), worst, max);
            }
        }
        return RiskDecision.ACCEPT;
    }

    private static RiskDecision reject(String strategyId, OrderRequest request, double position, double openQty,
                                       double worst, double max) {
        return RiskDecision.reject(REASON_CODE, "position would reach " + worst + " beyond limit +/-" + max + " ("
                + request.instrument().id() + " position " + position + ", open " + request.side() + " qty " + openQty
                + ", order " + request.side() + " " + request.qty() + ", strategy " + strategyId + ")");
    }

    @Override
    public void onOrderAccepted(String strategyId, OrderView order, long nowNanos) {
        slot(strategyId, order.instrument())[order.side() == Side.BUY ? 0 : 1] += order.qty();
    }

    @Override
    public void onFill(String strategyId, Fill fill, Portfolio portfolio, long nowNanos) {
        slot(strategyId, fill.instrument())[fill.side() == Side.BUY ? 0 : 1] -= fill.qty();
    }

    @Override
    public void onOrderDone(String strategyId, OrderView order, long nowNanos) {
        slot(strategyId, order.instrument())[order.side() == Side.BUY ? 0 : 1] -= order.qty() - order.filledQty();
    }

    private double[] slot(String strategyId, Instrument instrument) {
        HashMap<Instrument, double[]> byInstrument = open.get(strategyId);
        if (byInstrument == null) {
            byInstrument = new HashMap<>();
            open.put(strategyId, byInstrument);
        }
        double[] q = byInstrument.get(instrument);
        if (q == null) {
            q = new double[2];
            byInstrument.put(instrument, q);
        }
        return q;
    }

    @Override
    public String toString() {
        StringBuilder s = new StringBuilder("MaxPosition[defaultMaxQty=").append(defaultMaxQty);
        for (Map.Entry<Instrument, Double> e : maxQtyByInstrument.entrySet()) {
            s.append(", ").append(e.getKey().id()).append('=').append(e.getValue());
        }
        return s.append(']').toString();
    }
}
