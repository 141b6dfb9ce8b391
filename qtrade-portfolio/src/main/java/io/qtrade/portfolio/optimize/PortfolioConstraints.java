package io.qtrade.portfolio.optimize;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * The linear constraints of a fully invested portfolio of N assets ({@code sum_i w_i = 1} always holds):
 * <pre>{@code
 * lower_i <= w_i <= upper_i                       per-asset bounds (long-only: [0, 1]; +-infinity allowed)
 * sum_i |w_i| <= grossLeverage                     optional gross-leverage cap
 * min_g <= sum_{i in g} w_i <= max_g               optional group (sector) bounds
 * sum_i |w_i - current_i| <= turnoverLimit         optional turnover limit against the current weights
 * cost(w) = sum_i costRate_i |w_i - current_i|     optional linear transaction-cost penalty in the objective
 * }</pre>
 * The absolute values are linearised with auxiliary variables ({@code s_i >= +-w_i}, {@code t_i >= +-(w_i - w0_i)}),
 * which keeps every problem a convex QP. Immutable; build with {@link #builder(int)}, {@link #longOnly(int)} or
 * {@link #longShort(int)}.
 */
public final class PortfolioConstraints {

    private final int assets;
    private final double[] lower;
    private final double[] upper;
    private final double grossLeverage;
    private final List<GroupBound> groups;
    private final double[] current;
    private final double turnoverLimit;
    private final double[] costRates;

    private PortfolioConstraints(Builder b) {
        this.assets = b.assets;
        this.lower = b.lower.clone();
        this.upper = b.upper.clone();
        this.grossLeverage = b.grossLeverage;
        this.groups = List.copyOf(b.groups);
        this.current = b.current == null ? null : b.current.clone();
        this.turnoverLimit = b.turnoverLimit;
        this.costRates = b.costRates == null ? null : b.costRates.clone();
    }

    /** Long-only, fully invested: {@code 0 <= w_i <= 1}. */
    public static PortfolioConstraints longOnly(int assets) {
        return builder(assets).build();
    }

    /** Long-short, fully invested, no bounds (add a gross-leverage cap with the builder). */
    public static PortfolioConstraints longShort(int assets) {
        return builder(assets).bounds(Double.NEGATIVE_INFINITY, Double.POSITIVE_INFINITY).build();
    }

    /** A builder starting from long-only bounds [0, 1] and nothing else. */
    public static Builder builder(int assets) {
        return new Builder(assets);
    }

    /** A builder holding these constraints, e.g. to change the current weights at the next rebalance. */
    public Builder toBuilder() {
        Builder b = new Builder(assets);
        System.arraycopy(lower, 0, b.lower, 0, assets);
        System.arraycopy(upper, 0, b.upper, 0, assets);
        b.grossLeverage = grossLeverage;
        b.groups.addAll(groups);
        b.current = current == null ? null : current.clone();
        b.turnoverLimit = turnoverLimit;
        b.costRates = costRates == null ? null : costRates.clone();
        return b;
    }

    /** N. */
    public int assets() {
        return assets;
    }

    /** Lower bound of asset i. */
    public double lower(int i) {
        return lower[i];
    }

    /** Upper bound of asset i. */
    public double upper(int i) {
        return upper[i];
    }

    /** The gross-leverage cap, or {@code POSITIVE_INFINITY} for none. */
    public double grossLeverage() {
        return grossLeverage;
    }

    /** The group bounds. */
    public List<GroupBound> groups() {
        return groups;
    }

    /** Whether current weights are set (needed by a turnover limit or a cost penalty). */
    public boolean hasCurrentWeights() {
        return current != null;
    }

    /** Current weight of asset i (0 when none were given). */
    public double current(int i) {
        return current == null ? 0.0 : current[i];
    }

    /** The turnover limit, or {@code POSITIVE_INFINITY} for none. */
    public double turnoverLimit() {
        return turnoverLimit;
    }

    /** Whether a linear transaction-cost penalty is set. */
    public boolean hasCosts() {
        return costRates != null;
    }

    /** Cost rate of asset i per unit of weight traded (0 when none). */
    public double costRate(int i) {
        return costRates == null ? 0.0 : costRates[i];
    }

    /** Whether the leverage cap is finite (then the solver adds the |w| variables). */
    boolean hasLeverageCap() {
        return grossLeverage != Double.POSITIVE_INFINITY;
    }

    /** Whether the problem needs the |w - w0| variables. */
    boolean hasTradeVariables() {
        return turnoverLimit != Double.POSITIVE_INFINITY || costRates != null;
    }

    /** Transaction cost of moving from the current weights to {@code w}, {@code sum c_i |w_i - w0_i|}. */
    public double cost(double[] w) {
        if (costRates == null) {
            return 0.0;
        }
        double s = 0.0;
        for (int i = 0; i < assets; i++) {
            s += costRates[i] * Math.abs(w[i] - current[i]);
        }
        return s;
    }

    /** Turnover {@code sum |w_i - w0_i|} against the current weights (NaN when none were given). */
    public double turnover(double[] w) {
        if (current == null) {
            return Double.NaN;
        }
        double s = 0.0;
        for (int i = 0; i < assets; i++) {
            s += Math.abs(w[i] - current[i]);
        }
        return s;
    }

    @Override
    public String toString() {
        return "PortfolioConstraints[assets=" + assets + ", lower=" + Arrays.toString(lower) + ", upper="
                + Arrays.toString(upper) + ", grossLeverage=" + grossLeverage + ", groups=" + groups + ", current="
                + Arrays.toString(current) + ", turnoverLimit=" + turnoverLimit + ", costRates="
                + Arrays.toString(costRates) + "]";
    }

    /** Builds {@link PortfolioConstraints}; every setter checks its argument. */
    public static final class Builder {
        private final int assets;
        private final double[] lower;
        private final double[] upper;
        private double grossLeverage = Double.POSITIVE_INFINITY;
        private final List<GroupBound> groups = new ArrayList<>();
        private double[] current;
        private double turnoverLimit = Double.POSITIVE_INFINITY;
        private double[] costRates;

        private Builder(int assets) {
            if (assets < 1) {
                throw new IllegalArgumentException("portfolio constraints: assets = " + assets + ", expected >= 1");
            }
            this.assets = assets;
            this.lower = new double[assets];
            this.upper = new double[assets];
            Arrays.fill(upper, 1.0);
        }

        /** The same bounds for every asset. */
        public Builder bounds(double lowerBound, double upperBound) {
            for (int i = 0; i < assets; i++) {
                assetBounds(i, lowerBound, upperBound);
            }
            return this;
        }

        /** Bounds of asset i. */
        public Builder assetBounds(int i, double lowerBound, double upperBound) {
            if (i < 0 || i >= assets) {
                throw new IllegalArgumentException("portfolio constraints: asset index " + i + ", expected 0.."
                        + (assets - 1));
            }
            if (Double.isNaN(lowerBound) || Double.isNaN(upperBound) || lowerBound > upperBound
                    || lowerBound == Double.POSITIVE_INFINITY || upperBound == Double.NEGATIVE_INFINITY) {
                throw new IllegalArgumentException("portfolio constraints: bounds of asset " + i + " [" + lowerBound
                        + ", " + upperBound + "], expected lower <= upper");
            }
            lower[i] = lowerBound;
            upper[i] = upperBound;
            return this;
        }

        /** Per-asset bounds, N each. */
        public Builder bounds(double[] lowerBounds, double[] upperBounds) {
            if (lowerBounds.length != assets || upperBounds.length != assets) {
                throw new IllegalArgumentException("portfolio constraints: " + lowerBounds.length + " lower and "
                        + upperBounds.length + " upper bounds, expected " + assets + " each");
            }
            for (int i = 0; i < assets; i++) {
                assetBounds(i, lowerBounds[i], upperBounds[i]);
            }
            return this;
        }

        /** Caps {@code sum |w_i|} (e.g. 1.5 for 150% gross, a 130/30 book is 1.6); must be >= 1. */
        public Builder grossLeverage(double cap) {
            if (!(cap >= 1.0)) {
                throw new IllegalArgumentException("portfolio constraints: gross leverage cap " + cap
                        + ", expected >= 1 (a fully invested portfolio has sum |w| >= 1)");
            }
            this.grossLeverage = cap;
            return this;
        }

        /** Adds a group bound. */
        public Builder group(GroupBound group) {
            for (int m : group.members()) {
                if (m >= assets) {
                    throw new IllegalArgumentException("portfolio constraints: group '" + group.name()
                            + "' has member " + m + ", expected < " + assets);
                }
            }
            groups.add(group);
            return this;
        }

        /** Adds a group bound {@code min <= sum_{members} w <= max}. */
        public Builder group(String name, int[] members, double min, double max) {
            return group(new GroupBound(name, members, min, max));
        }

        /** The weights held now, for the turnover limit and the cost penalty (N, finite). */
        public Builder currentWeights(double[] weights) {
            if (weights.length != assets) {
                throw new IllegalArgumentException("portfolio constraints: current weights has " + weights.length
                        + " entries, expected " + assets);
            }
            for (int i = 0; i < assets; i++) {
                if (!Double.isFinite(weights[i])) {
                    throw new IllegalArgumentException("portfolio constraints: current weight " + i + " = "
                            + weights[i] + ", expected finite");
                }
            }
            this.current = weights.clone();
            return this;
        }

        /** Caps the one-way-summed turnover {@code sum |w_i - w0_i|} (needs current weights), >= 0. */
        public Builder turnoverLimit(double limit) {
            if (!(limit >= 0.0)) {
                throw new IllegalArgumentException("portfolio constraints: turnover limit " + limit
                        + ", expected >= 0");
            }
            this.turnoverLimit = limit;
            return this;
        }

        /** The same linear cost rate (e.g. 0.001 = 10 bp per unit of weight traded) for every asset. */
        public Builder transactionCost(double rate) {
            double[] c = new double[assets];
            Arrays.fill(c, rate);
            return transactionCosts(c);
        }

        /** Per-asset linear cost rates, >= 0 (needs current weights). */
        public Builder transactionCosts(double[] rates) {
            if (rates.length != assets) {
                throw new IllegalArgumentException("portfolio constraints: " + rates.length + " cost rates, expected "
                        + assets);
            }
            for (int i = 0; i < assets; i++) {
                if (!(rates[i] >= 0.0) || rates[i] == Double.POSITIVE_INFINITY) {
                    throw new IllegalArgumentException("portfolio constraints: cost rate of asset " + i + " = "
                            + rates[i] + ", expected finite and >= 0");
                }
            }
            this.costRates = rates.clone();
            return this;
        }

        /** Checks the combination and builds. */
        public PortfolioConstraints build() {
            if ((turnoverLimit != Double.POSITIVE_INFINITY || costRates != null) && current == null) {
                throw new IllegalArgumentException("portfolio constraints: a turnover limit or transaction costs need"
                        + " the current weights (currentWeights)");
            }
            return new PortfolioConstraints(this);
        }
    }
}
