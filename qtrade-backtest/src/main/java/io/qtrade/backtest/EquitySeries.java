package io.qtrade.backtest;

import java.util.Arrays;

/**
 * The equity/PnL rows of a run in growable primitive columns: one row per strategy and instrument at each mark.
 * Amortised O(1) per row, no object per row.
 */
final class EquitySeries {

    int size;
    long[] ts = new long[256];
    int[] strategy = new int[256];
    int[] instrument = new int[256];
    double[] position = new double[256];
    double[] markPrice = new double[256];
    double[] realizedPnl = new double[256];
    double[] unrealizedPnl = new double[256];
    double[] fees = new double[256];
    double[] funding = new double[256];
    double[] strategyEquity = new double[256];
    double[] strategyNetPnl = new double[256];

    void add(long t, int s, int i, double pos, double mark, double realized, double unrealized, double fee,
             double equity, double netPnl) {
        add(t, s, i, pos, mark, realized, unrealized, fee, 0.0, equity, netPnl);
    }

    /** A row with the funding paid so far on the position ({@code Portfolio.funding(instrument)}). */
    void add(long t, int s, int i, double pos, double mark, double realized, double unrealized, double fee,
             double fundingPaid, double equity, double netPnl) {
        if (size == ts.length) {
            int c = size * 2;
            ts = Arrays.copyOf(ts, c);
            strategy = Arrays.copyOf(strategy, c);
            instrument = Arrays.copyOf(instrument, c);
            position = Arrays.copyOf(position, c);
            markPrice = Arrays.copyOf(markPrice, c);
            realizedPnl = Arrays.copyOf(realizedPnl, c);
            unrealizedPnl = Arrays.copyOf(unrealizedPnl, c);
            fees = Arrays.copyOf(fees, c);
            funding = Arrays.copyOf(funding, c);
            strategyEquity = Arrays.copyOf(strategyEquity, c);
            strategyNetPnl = Arrays.copyOf(strategyNetPnl, c);
        }
        int r = size++;
        ts[r] = t;
        strategy[r] = s;
        instrument[r] = i;
        position[r] = pos;
        markPrice[r] = mark;
        realizedPnl[r] = realized;
        unrealizedPnl[r] = unrealized;
        fees[r] = fee;
        funding[r] = fundingPaid;
        strategyEquity[r] = equity;
        strategyNetPnl[r] = netPnl;
    }
}
