package io.qtrade.risk.breakers;

import io.qtrade.core.portfolio.Portfolio;

import java.util.ArrayList;
import java.util.Arrays;

/**
 * The latest equity of each strategy seen through {@code onMark}/{@code onFill}, summed; strategies are kept in the
 * order first seen (no hash iteration), looked up by a linear scan (a gate has a handful of strategies).
 */
final class TotalEquity {

    private final ArrayList<String> ids = new ArrayList<>();
    private double[] equity = new double[4];
    private double[] initialCash = new double[4];

    /** Stores the strategy's equity now; returns its index. */
    int update(String strategyId, Portfolio portfolio) {
        int i = indexOf(strategyId);
        if (i < 0) {
            i = ids.size();
            ids.add(strategyId);
            if (i == equity.length) {
                equity = Arrays.copyOf(equity, 2 * i);
                initialCash = Arrays.copyOf(initialCash, 2 * i);
            }
            initialCash[i] = portfolio.initialCash();
        }
        equity[i] = portfolio.equity();
        return i;
    }

    private int indexOf(String strategyId) {
        for (int i = 0, n = ids.size(); i < n; i++) {
            String id = ids.get(i);
            if (id == strategyId || id.equals(strategyId)) {
                return i;
            }
        }
        return -1;
    }

    int size() {
        return ids.size();
    }

    double equity(int i) {
        return equity[i];
    }

    double initialCash(int i) {
        return initialCash[i];
    }

    /** Sum of the strategies' latest equity. */
    double total() {
        double sum = 0.0;
        for (int i = 0, n = ids.size(); i < n; i++) {
            sum += equity[i];
        }
        return sum;
    }

    /** Sum of the strategies' initial cash. */
    double totalInitialCash() {
        double sum = 0.0;
        for (int i = 0, n = ids.size(); i < n; i++) {
            sum += initialCash[i];
        }
        return sum;
    }
}
