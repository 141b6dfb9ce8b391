package io.qtrade.features.flow;

import io.qtrade.core.book.OrderBookView;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;


/**
 * Stoikov's micro-price [1]: the limit of expected future mid prices given the current imbalance and spread,
 * estimated from data as a Markov chain, then looked up in {@code O(1)} per book event.
 *
 * <h2>Model [1]</h2>
 * The state is {@code x = (I, S)}: the queue imbalance {@code I = q^B / (q^B + q^A)} discretised into
 * {@code n} equal buckets {@code j = min(n - 1, floor(I n))}, and the spread {@code S} in ticks, {@code 1..S_max}.
 * The micro-price is
 * <pre>{@code
 * P^micro = M + g(I, S),     g = G* = sum_{k >= 0} B^k G1
 * G1 = (1 - Q)^{-1} R1 K      expected mid change at the first mid move   ((1 - Q)^{-1} R1 K = (1 - Q)^{-1} r)
 * B  = (1 - Q)^{-1} T         distribution of the state just after the first mid move
 * }</pre>
 * estimated from consecutive observations {@code (x_t, M_{t+1} - M_t, x_{t+1})}:
 * <pre>{@code
 * Q_xy = P(M_{t+1} = M_t, x_{t+1} = y | x_t = x)        no mid move
 * T_xy = P(M_{t+1} != M_t, x_{t+1} = y | x_t = x)       mid moved
 * r_x  = E[(M_{t+1} - M_t) 1{M_{t+1} != M_t} | x_t = x]   = (R1 K)_x, K the mid moves in half ticks
 * }</pre>
 * As in the estimation of [1] the data are symmetrised before counting: every observation also enters mirrored,
 * {@code (j, dM, j') -> (n-1-j, -dM, n-1-j')}, which makes {@code g(n-1-j, S) = -g(j, S)} and makes the series for
 * {@code G*} converge. Mid moves are rounded to half ticks; moves larger than {@code maxMidMoveTicks} (one tick in
 * [1]) are left out of the estimate, as in [1], and counted in {@link #largeMoveSamples()}. Observations whose state
 * or next state is outside the grid (an empty side, a spread of 0 or above {@code S_max}) are counted in
 * {@link #outsideSamples()}. The series is summed until its term's largest entry is below {@code toleranceTicks} or
 * {@code maxIterations} terms; {@link #converged()} says which.
 *
 * <p>What "one step" is belongs to the caller: [1] samples the book on a fixed clock ({@code dt}); passing the book
 * after every event is the event-time version. {@code g} is returned in price units ({@code ticks * tickSize}).
 * A state never visited in the fit has no estimate: {@link #microprice} is {@code NaN} there, as it is for a state
 * outside the grid.
 *
 * <p>[1] S. Stoikov (2018), "The micro-price: a high-frequency estimator of future prices", Quantitative Finance
 * 18(12), 1959-1966.
 *
 * <p>Immutable after {@link Builder#fit}; lookups are thread-safe and allocation-free.
 */
public final class StoikovMicroprice {

    /** Default number of imbalance buckets {@code n}. */
    public static final int DEFAULT_IMBALANCE_BUCKETS = 10;
    /** Default largest spread state {@code S_max}, in ticks. */
    public static final int DEFAULT_SPREAD_STATES = 2;
    /** Default largest mid move kept, in ticks ([1] keeps {@code -1, -1/2, 1/2, 1} tick). */
    public static final double DEFAULT_MAX_MID_MOVE_TICKS = 1.0;
    /** Default convergence tolerance of the {@code G*} series, in ticks. */
    public static final double DEFAULT_TOLERANCE_TICKS = 1e-12;
    /** Default cap on the number of {@code B^k G1} terms. */
    public static final int DEFAULT_MAX_ITERATIONS = 10_000;

    private final double tickSize;
    private final int buckets;
    private final int spreadStates;
    private final double maxMidMoveTicks;
    private final double toleranceTicks;
    private final int maxIterations;
    private final double[] adjustmentTicks;
    private final double[] firstMoveTicks;
    private final long[] stateSamples;
    private final long usedSamples;
    private final long outsideSamples;
    private final long largeMoveSamples;
    private final int iterations;
    private final boolean converged;

    private StoikovMicroprice(Builder b, double[] adjustmentTicks, double[] firstMoveTicks, long[] stateSamples,
                              long usedSamples, long outsideSamples, long largeMoveSamples, int iterations,
                              boolean converged) {
        this.tickSize = b.tickSize;
        this.buckets = b.imbalanceBuckets;
        this.spreadStates = b.spreadStates;
        this.maxMidMoveTicks = b.maxMidMoveTicks;
        this.toleranceTicks = b.toleranceTicks;
        this.maxIterations = b.maxIterations;
        this.adjustmentTicks = adjustmentTicks;
        this.firstMoveTicks = firstMoveTicks;
        this.stateSamples = stateSamples;
        this.usedSamples = usedSamples;
        this.outsideSamples = outsideSamples;
        this.largeMoveSamples = largeMoveSamples;
        this.iterations = iterations;
        this.converged = converged;
    }

    /** A builder with the defaults; {@link Builder#tickSize} must be set. */
    public static Builder builder() {
        return new Builder();
    }

    /**
     * The micro-price {@code M + g(I, S)} of the book's best quotes, {@code NaN} when a side is empty, the spread is
     * outside {@code 1..S_max} ticks, or the state was not visited in the fit.
     */
    public double microprice(OrderBookView book) {
        long spread = book.spreadTicks();
        if (spread < 1 || spread > spreadStates) {
            return Double.NaN;
        }
        double bidQty = book.bestBidQty();
        double askQty = book.bestAskQty();
        int state = ((int) spread - 1) * buckets + bucket(bidQty / (bidQty + askQty));
        // (bid + ask) / 2 + g, all in ticks, times the tick size: one multiplication, no tick-to-price division.
        double midTicks = book.bestBidTicks() + 0.5 * spread;
        return (midTicks + adjustmentTicks[state]) * tickSize;
    }

    /** The micro-price from best quotes in price units; {@code NaN} as {@link #microprice(OrderBookView)}. */
    public double microprice(double bidPrice, double bidQty, double askPrice, double askQty) {
        int state = state(bidPrice, bidQty, askPrice, askQty);
        if (state < 0) {
            return Double.NaN;
        }
        return 0.5 * (bidPrice + askPrice) + adjustmentTicks[state] * tickSize;
    }

    /**
     * Batch form: the micro-price of each row of best-quote columns (inputs not modified, {@code out} modified),
     * equal to {@link #microprice(double, double, double, double)} row by row.
     *
     * @return {@code out}
     * @throws IllegalArgumentException when the lengths disagree
     */
    public double[] microprices(double[] bidPrice, double[] bidQty, double[] askPrice, double[] askQty,
                                double[] out) {
        int n = bidPrice.length;
        if (bidQty.length != n || askPrice.length != n || askQty.length != n || out.length < n) {
            throw new IllegalArgumentException("micro-price columns must have one length and the output at least "
                    + "that: bidPrice " + n + ", bidQty " + bidQty.length + ", askPrice " + askPrice.length
                    + ", askQty " + askQty.length + ", output " + out.length);
        }
        for (int i = 0; i < n; i++) {
            out[i] = microprice(bidPrice[i], bidQty[i], askPrice[i], askQty[i]);
        }
        return out;
    }

    /**
     * Batch form over a Tablesaw table of best quotes: a column {@code "microprice"}.
     *
     * @throws IllegalArgumentException when a column is missing or not numeric (named)
     */
    public DoubleColumn microprices(Table quotes, String bidPriceColumn, String bidQtyColumn, String askPriceColumn,
                                    String askQtyColumn) {
        double[] bid = TableColumns.doubles(quotes, bidPriceColumn);
        return DoubleColumn.create("microprice", microprices(bid, TableColumns.doubles(quotes, bidQtyColumn),
                TableColumns.doubles(quotes, askPriceColumn), TableColumns.doubles(quotes, askQtyColumn),
                new double[bid.length]));
    }

    /**
     * {@code g(j, S)} in ticks for imbalance bucket {@code j} (0-based) and spread {@code S} ticks, {@code NaN} for a
     * state not visited in the fit.
     *
     * @throws IllegalArgumentException when {@code j} or {@code S} is outside the grid
     */
    public double adjustmentTicks(int bucket, int spreadTicks) {
        return adjustmentTicks[checkedState(bucket, spreadTicks)];
    }

    /** {@code G1(j, S)} in ticks: the expected mid change at the first mid move, {@code NaN} if not visited. */
    public double firstMoveAdjustmentTicks(int bucket, int spreadTicks) {
        return firstMoveTicks[checkedState(bucket, spreadTicks)];
    }

    /** Observations (before mirroring) that started in state {@code (j, S)}. */
    public long stateSamples(int bucket, int spreadTicks) {
        return stateSamples[checkedState(bucket, spreadTicks)];
    }

    /** The imbalance bucket of {@code I}: {@code min(n - 1, floor(I n))}. */
    public int bucket(double imbalance) {
        int j = (int) (imbalance * buckets);
        return j >= buckets ? buckets - 1 : j;
    }

    /** Observations used in the estimate (before mirroring). */
    public long usedSamples() {
        return usedSamples;
    }

    /** Observations left out because the state or the next state was outside the grid. */
    public long outsideSamples() {
        return outsideSamples;
    }

    /** Observations left out because the mid moved more than {@code maxMidMoveTicks}. */
    public long largeMoveSamples() {
        return largeMoveSamples;
    }

    /** Terms {@code B^k G1} summed after {@code G1}. */
    public int iterations() {
        return iterations;
    }

    /** Whether the series reached the tolerance within {@code maxIterations} terms. */
    public boolean converged() {
        return converged;
    }

    private int checkedState(int bucket, int spreadTicks) {
        if (bucket < 0 || bucket >= buckets || spreadTicks < 1 || spreadTicks > spreadStates) {
            throw new IllegalArgumentException("micro-price state (bucket " + bucket + ", spread " + spreadTicks
                    + " ticks) outside the grid: bucket in [0, " + (buckets - 1) + "], spread in [1, "
                    + spreadStates + "] ticks");
        }
        return (spreadTicks - 1) * buckets + bucket;
    }

    /** The state index, or -1 when outside the grid. */
    private int state(double bidPrice, double bidQty, double askPrice, double askQty) {
        return state(tickSize, buckets, spreadStates, bidPrice, bidQty, askPrice, askQty);
    }

    private static int state(double tickSize, int buckets, int spreadStates, double bidPrice, double bidQty,
                             double askPrice, double askQty) {
        if (!(bidQty > 0.0) || !(askQty > 0.0) || bidPrice != bidPrice || askPrice != askPrice) {
            return -1;
        }
        long spread = Math.round((askPrice - bidPrice) / tickSize);
        if (spread < 1 || spread > spreadStates) {
            return -1;
        }
        int j = (int) (bidQty / (bidQty + askQty) * buckets);
        return ((int) spread - 1) * buckets + (j >= buckets ? buckets - 1 : j);
    }

    @Override
    public String toString() {
        return "StoikovMicroprice[tickSize=" + tickSize + ", imbalanceBuckets=" + buckets + ", spreadStates="
                + spreadStates + ", maxMidMoveTicks=" + maxMidMoveTicks + ", toleranceTicks=" + toleranceTicks
                + ", maxIterations=" + maxIterations + ", usedSamples=" + usedSamples + ", outsideSamples="
                + outsideSamples + ", largeMoveSamples=" + largeMoveSamples + ", iterations=" + iterations
                + ", converged=" + converged + "]";
    }

    /** Options of the estimator; {@link #fit} estimates a model from a sequence of book states. */
    public static final class Builder {
        private double tickSize = Double.NaN;
        private int imbalanceBuckets = DEFAULT_IMBALANCE_BUCKETS;
        private int spreadStates = DEFAULT_SPREAD_STATES;
        private double maxMidMoveTicks = DEFAULT_MAX_MID_MOVE_TICKS;
        private double toleranceTicks = DEFAULT_TOLERANCE_TICKS;
        private int maxIterations = DEFAULT_MAX_ITERATIONS;

        private Builder() {
        }

        /** The instrument's tick size, finite and {@code > 0} (required). */
        public Builder tickSize(double tickSize) {
            if (!(tickSize > 0.0) || tickSize == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("tickSize must be finite and > 0, was " + tickSize);
            }
            this.tickSize = tickSize;
            return this;
        }

        /** {@code n}, the number of equal-width imbalance buckets on {@code [0, 1]}, {@code >= 2}. */
        public Builder imbalanceBuckets(int buckets) {
            if (buckets < 2) {
                throw new IllegalArgumentException("imbalanceBuckets must be >= 2, was " + buckets);
            }
            this.imbalanceBuckets = buckets;
            return this;
        }

        /** {@code S_max}, the largest spread state in ticks, {@code >= 1}. */
        public Builder spreadStates(int spreadStates) {
            if (spreadStates < 1) {
                throw new IllegalArgumentException("spreadStates must be >= 1, was " + spreadStates);
            }
            this.spreadStates = spreadStates;
            return this;
        }

        /** The largest mid move kept in the estimate, in ticks, {@code >= 0.5}. */
        public Builder maxMidMoveTicks(double ticks) {
            if (!(ticks >= 0.5) || ticks == Double.POSITIVE_INFINITY) {
                throw new IllegalArgumentException("maxMidMoveTicks must be finite and >= 0.5, was " + ticks);
            }
            this.maxMidMoveTicks = ticks;
            return this;
        }

        /** Stop summing {@code B^k G1} when its largest entry is below this, in ticks, {@code > 0}. */
        public Builder toleranceTicks(double tolerance) {
            if (!(tolerance > 0.0)) {
                throw new IllegalArgumentException("toleranceTicks must be > 0, was " + tolerance);
            }
            this.toleranceTicks = tolerance;
            return this;
        }

        /** The most {@code B^k G1} terms summed, {@code >= 1}. */
        public Builder maxIterations(int maxIterations) {
            if (maxIterations < 1) {
                throw new IllegalArgumentException("maxIterations must be >= 1, was " + maxIterations);
            }
            this.maxIterations = maxIterations;
            return this;
        }

        /**
         * Estimates the model from book states sampled at consecutive steps (row {@code t} and {@code t + 1} form
         * one observation). An empty side is a {@code NaN} price or a quantity {@code <= 0}.
         *
         * @throws IllegalStateException    when the tick size was not set
         * @throws IllegalArgumentException when the columns differ in length, no observation falls on the grid, or
         *                                  the chain has a state it never leaves without a mid move (the matrix
         *                                  {@code 1 - Q} is singular; the message names the state)
         */
        public StoikovMicroprice fit(double[] bidPrice, double[] bidQty, double[] askPrice, double[] askQty) {
            if (tickSize != tickSize) {
                throw new IllegalStateException("StoikovMicroprice.Builder: tickSize is required");
            }
            int rows = bidPrice.length;
            if (bidQty.length != rows || askPrice.length != rows || askQty.length != rows) {
                throw new IllegalArgumentException("micro-price fit columns must have one length: bidPrice " + rows
                        + ", bidQty " + bidQty.length + ", askPrice " + askPrice.length + ", askQty "
                        + askQty.length);
            }
            int n = imbalanceBuckets;
            int states = n * spreadStates;
            double[] noMove = new double[states * states];
            double[] move = new double[states * states];
            double[] moveSum = new double[states];
            double[] total = new double[states];
            long[] visits = new long[states];
            long used = 0;
            long outside = 0;
            long large = 0;
            for (int t = 0; t + 1 < rows; t++) {
                int x = state(tickSize, n, spreadStates, bidPrice[t], bidQty[t], askPrice[t], askQty[t]);
                int y = state(tickSize, n, spreadStates, bidPrice[t + 1], bidQty[t + 1], askPrice[t + 1],
                        askQty[t + 1]);
                if (x < 0 || y < 0) {
                    outside++;
                    continue;
                }
                double midChange = 0.5 * (bidPrice[t + 1] + askPrice[t + 1]) - 0.5 * (bidPrice[t] + askPrice[t]);
                double dm = Math.round(2.0 * midChange / tickSize) * 0.5;
                if (Math.abs(dm) > maxMidMoveTicks) {
                    large++;
                    continue;
                }
                used++;
                visits[x]++;
                int xm = mirror(x, n);
                int ym = mirror(y, n);
                total[x]++;
                total[xm]++;
                if (dm == 0.0) {
                    noMove[x * states + y]++;
                    noMove[xm * states + ym]++;
                } else {
                    move[x * states + y]++;
                    move[xm * states + ym]++;
                    moveSum[x] += dm;
                    moveSum[xm] -= dm;
                }
            }
            if (used == 0) {
                throw new IllegalArgumentException("micro-price fit: none of the " + Math.max(0, rows - 1)
                        + " observations fell on the grid (" + outside + " outside spreads 1.." + spreadStates
                        + " ticks or with an empty side, " + large + " with mid moves above " + maxMidMoveTicks
                        + " ticks)");
            }
            // A = 1 - Q, right-hand sides [r | T]; an unvisited state keeps an identity row and zero right-hand side.
            DMatrixRMaj a = new DMatrixRMaj(states, states);
            DMatrixRMaj rhs = new DMatrixRMaj(states, states + 1);
            for (int x = 0; x < states; x++) {
                a.set(x, x, 1.0);
                if (total[x] == 0.0) {
                    continue;
                }
                double inv = 1.0 / total[x];
                for (int y = 0; y < states; y++) {
                    a.add(x, y, -noMove[x * states + y] * inv);
                    rhs.set(x, y + 1, move[x * states + y] * inv);
                }
                rhs.set(x, 0, moveSum[x] * inv);
            }
            DMatrixRMaj solution = new DMatrixRMaj(states, states + 1);
            if (!CommonOps_DDRM.solve(a, rhs, solution) || !finite(solution)) {
                throw new IllegalArgumentException("micro-price fit: 1 - Q is singular: some state never sees a mid "
                        + "move in the data (" + describeAbsorbing(noMove, total, states, n) + "); use more data, "
                        + "fewer imbalance buckets or fewer spread states");
            }
            double[] g1 = new double[states];
            DMatrixRMaj bMatrix = new DMatrixRMaj(states, states);
            for (int x = 0; x < states; x++) {
                g1[x] = solution.get(x, 0);
                for (int y = 0; y < states; y++) {
                    bMatrix.set(x, y, solution.get(x, y + 1));
                }
            }
            double[] g = g1.clone();
            DMatrixRMaj term = new DMatrixRMaj(states, 1, true, g1);
            DMatrixRMaj next = new DMatrixRMaj(states, 1);
            int k = 0;
            boolean done = false;
            while (k < maxIterations) {
                CommonOps_DDRM.mult(bMatrix, term, next);
                k++;
                double largest = 0.0;
                for (int x = 0; x < states; x++) {
                    double v = next.get(x, 0);
                    g[x] += v;
                    largest = Math.max(largest, Math.abs(v));
                }
                DMatrixRMaj swap = term;
                term = next;
                next = swap;
                if (largest < toleranceTicks) {
                    done = true;
                    break;
                }
            }
            for (int x = 0; x < states; x++) {
                if (total[x] == 0.0) {
                    g[x] = Double.NaN;
                    g1[x] = Double.NaN;
                }
            }
            return new StoikovMicroprice(this, g, g1, visits, used, outside, large, k, done);
        }

        private static int mirror(int state, int n) {
            int spreadIndex = state / n;
            int bucket = state - spreadIndex * n;
            return spreadIndex * n + (n - 1 - bucket);
        }

        private static boolean finite(DMatrixRMaj m) {
            for (double v : m.data) {
                if (!Double.isFinite(v)) {
                    return false;
                }
            }
            return true;
        }

        private static String describeAbsorbing(double[] noMove, double[] total, int states, int n) {
            StringBuilder sb = new StringBuilder();
            for (int x = 0; x < states; x++) {
                if (total[x] > 0 && noMove[x * states + x] == total[x]) {
                    sb.append(sb.length() == 0 ? "" : ", ").append("bucket ").append(x % n).append(" spread ")
                            .append(x / n + 1).append(" ticks");
                }
            }
            return sb.length() == 0 ? "a closed set of states without mid moves" : "absorbing: " + sb;
        }

        @Override
        public String toString() {
            return "StoikovMicroprice.Builder[tickSize=" + tickSize + ", imbalanceBuckets=" + imbalanceBuckets
                    + ", spreadStates=" + spreadStates + ", maxMidMoveTicks=" + maxMidMoveTicks
                    + ", toleranceTicks=" + toleranceTicks + ", maxIterations=" + maxIterations + "]";
        }
    }

}
