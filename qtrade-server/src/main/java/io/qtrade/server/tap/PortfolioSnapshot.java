package io.qtrade.server.tap;

import io.qtrade.core.Instrument;
import io.qtrade.core.portfolio.Portfolio;
import io.qtrade.core.portfolio.Position;

import java.lang.invoke.VarHandle;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;

/**
 * One strategy's portfolio (cash, equity, PnL, fees and a position per instrument), copied by the engine thread when
 * the server asks ({@link #request()}) and read by any thread under a sequence lock, as {@link BookSnapshot}. The
 * engine's copy allocates nothing.
 *
 * <p>{@code equity = cash + marketValue}, {@code netPnl = equity - initialCash} and
 * {@code netPnl = realizedPnl + unrealizedPnl - fees} (core's {@link Portfolio} definitions).
 */
public final class PortfolioSnapshot {

    private final List<Instrument> instruments;
    private final AtomicLong version = new AtomicLong();
    private volatile boolean requested = true;
    private final double[] qty;
    private final double[] avgEntry;
    private final double[] realized;
    private final double[] unrealized;
    private final double[] fees;
    private final double[] mark;
    private final long[] fillCount;
    private double cash;
    private double equity;
    private double initialCash;
    private double realizedTotal;
    private double unrealizedTotal;
    private double feesTotal;
    private long localTs;

    PortfolioSnapshot(List<Instrument> instruments) {
        this.instruments = instruments;
        int n = instruments.size();
        qty = new double[n];
        avgEntry = new double[n];
        realized = new double[n];
        unrealized = new double[n];
        fees = new double[n];
        mark = new double[n];
        fillCount = new long[n];
    }

    /** Asks the engine for a fresh copy at its next callback. */
    public void request() {
        requested = true;
    }

    boolean requested() {
        return requested;
    }

    /** Engine thread: copies the portfolio; {@code index[i]} is the tap's index of the strategy's instrument i. */
    void copy(Portfolio p, List<Instrument> strategyInstruments, int[] index, long nowNanos) {
        requested = false;
        long v = version.get();
        version.setOpaque(v + 1);
        VarHandle.storeStoreFence();
        for (int i = 0; i < strategyInstruments.size(); i++) {
            Instrument inst = strategyInstruments.get(i);
            int k = index[i];
            Position pos = p.position(inst);
            double m = p.markPrice(inst);
            qty[k] = pos.qty();
            avgEntry[k] = pos.avgEntryPrice();
            realized[k] = pos.realizedPnl();
            fees[k] = pos.fees();
            mark[k] = m;
            unrealized[k] = pos.isFlat() || Double.isNaN(m) ? 0.0 : pos.unrealizedPnl(m);
            fillCount[k] = pos.fillCount();
        }
        cash = p.cash();
        equity = p.equity();
        initialCash = p.initialCash();
        realizedTotal = p.realizedPnl();
        unrealizedTotal = p.unrealizedPnl();
        feesTotal = p.fees();
        localTs = nowNanos;
        version.setRelease(v + 2);
    }

    /** The version of the last complete copy (0: none yet). */
    public long version() {
        return version.getAcquire() & ~1L;
    }

    /** A consistent copy. */
    public View read() {
        int n = instruments.size();
        while (true) {
            long v1 = version.getAcquire();
            if ((v1 & 1) != 0) {
                Thread.onSpinWait();
                continue;
            }
            PositionView[] positions = new PositionView[n];
            for (int i = 0; i < n; i++) {
                positions[i] = new PositionView(instruments.get(i), qty[i], avgEntry[i], realized[i], unrealized[i],
                        fees[i], mark[i], fillCount[i]);
            }
            View view = new View(v1, localTs, cash, equity, initialCash, realizedTotal, unrealizedTotal, feesTotal,
                    List.of(positions));
            VarHandle.loadLoadFence();
            if (version.get() == v1) {
                return view;
            }
        }
    }

    /**
     * A strategy's portfolio at {@code localTs}; every amount in the quote currency.
     *
     * @param positions one per instrument of the tap (zero quantity when never traded)
     */
    public record View(long version, long localTs, double cash, double equity, double initialCash,
                       double realizedPnl, double unrealizedPnl, double fees, List<PositionView> positions) {

        /** {@code equity - initialCash}. */
        public double netPnl() {
            return equity - initialCash;
        }
    }

    /**
     * A position: quantity (signed, instrument units), average entry price (NaN when flat), realized and unrealized
     * PnL and fees in the quote currency, the mark price it was valued at (NaN before the first mark).
     */
    public record PositionView(Instrument instrument, double qty, double avgEntryPrice, double realizedPnl,
                               double unrealizedPnl, double fees, double markPrice, long fillCount) {
    }
}
