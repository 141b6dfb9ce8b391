package io.qtrade.portfolio.optimize;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.ejml.data.DMatrixRMaj;
import org.ejml.dense.row.CommonOps_DDRM;
import org.ojalgo.matrix.store.R064Store;
import org.ojalgo.optimisation.ExpressionsBasedModel;
import org.ojalgo.optimisation.Optimisation;
import org.ojalgo.optimisation.Variable;
import org.ojalgo.optimisation.convex.ConvexSolver;

/**
 * One convex QP {@code min 1/2 x'Qx + c'x  s.t.  A_eq x = b_eq,  A_in x <= b_in} over the variables
 * {@code x = [w (N) | k (1, homogeneous problems only) | s (N, leverage only) | t (N, trades only)]}, assembled from
 * {@link PortfolioConstraints}. Every inequality row carries the name of the constraint family it comes from so that
 * an infeasible problem can be reported by name.
 *
 * <p>Solved first by the dense dual active-set method of Goldfarb and Idnani ({@link DualActiveSetQp}, quadprog's
 * algorithm). Variables without curvature (k, |w|, |w - w0|) get a ridge of 1e-9 of the mean curvature. Its x is
 * recomputed on the final active set (the KKT system of the ridged problem), which removes the rounding the dual walk
 * leaves when a ridged variable carries a linear cost; the solution is then polished: the inequalities active there
 * (slack below 1e-9 of the row scale), reduced to an independent subset, are taken as equalities and the KKT system
 * {@code [Q A'; A 0][x; l] = [-c; b]} with the true Q is solved directly; it is kept only if it is feasible to 1e-12
 * and does not raise the objective. If that path fails, ojAlgo's {@link ConvexSolver} (direct active-set) solves the
 * problem and its solution is polished the same way. An infeasibility verdict of the dual method is checked by ojAlgo,
 * family by family, to name the constraints that conflict; if ojAlgo finds the problem feasible, the verdict is
 * counted and logged and ojAlgo solves ({@link #afterInfeasibleVerdict}).
 */
final class QpModel {

    static {
        // ojAlgo prints a five-line "hardware profile" notice to stdout when it does not recognise the machine,
        // unless this property is set; an embeddable library must not write to stdout. A value set by the caller
        // is kept.
        if (System.getProperty("shut.up.ojAlgo") == null) {
            System.setProperty("shut.up.ojAlgo", "true");
        }
    }

    /** Families of constraints, in the order the infeasibility diagnosis adds them. */
    enum Family {
        BUDGET("full investment (sum w = 1)"),
        BOUNDS("per-asset bounds"),
        GROUPS("group bounds"),
        LEVERAGE("gross-leverage cap"),
        TURNOVER("turnover limit"),
        TARGET("target");

        final String label;

        Family(String label) {
            this.label = label;
        }
    }

    private static final System.Logger LOG = System.getLogger(QpModel.class.getPackageName());
    private static final AtomicLong OVERRULED = new AtomicLong();

    private final int n;
    private final double[] current;
    private final int vars;
    private final int kIndex;
    private final int sIndex;
    private final int tIndex;
    private final double[][] q;
    private final double[] c;
    private final List<double[]> eqRows = new ArrayList<>();
    private final List<Double> eqRhs = new ArrayList<>();
    private final List<Family> eqFamily = new ArrayList<>();
    private final List<String> eqName = new ArrayList<>();
    private final List<double[]> inRows = new ArrayList<>();
    private final List<Double> inRhs = new ArrayList<>();
    private final List<Family> inFamily = new ArrayList<>();
    private final List<String> inName = new ArrayList<>();

    /**
     * @param homogeneous whether k is a variable (max Sharpe's {@code y = k w} transform): every constraint's
     *                    constant term is then multiplied by k
     */
    QpModel(PortfolioConstraints pc, boolean homogeneous) {
        this.n = pc.assets();
        this.current = new double[n];
        for (int i = 0; i < n; i++) {
            current[i] = pc.current(i);
        }
        int next = n;
        kIndex = homogeneous ? next++ : -1;
        sIndex = pc.hasLeverageCap() ? next : -1;
        next += pc.hasLeverageCap() ? n : 0;
        tIndex = pc.hasTradeVariables() ? next : -1;
        next += pc.hasTradeVariables() ? n : 0;
        vars = next;
        q = new double[vars][vars];
        c = new double[vars];
        // sum w = 1 (or = k)
        double[] row = new double[vars];
        for (int i = 0; i < n; i++) {
            row[i] = 1.0;
        }
        addEq(row, 1.0, Family.BUDGET, "sum of weights");
        for (int i = 0; i < n; i++) {
            if (pc.upper(i) != Double.POSITIVE_INFINITY) {
                double[] r = new double[vars];
                r[i] = 1.0;
                addIn(r, pc.upper(i), Family.BOUNDS, "upper bound of asset " + i);
            }
            if (pc.lower(i) != Double.NEGATIVE_INFINITY) {
                double[] r = new double[vars];
                r[i] = -1.0;
                addIn(r, -pc.lower(i), Family.BOUNDS, "lower bound of asset " + i);
            }
        }
        for (GroupBound g : pc.groups()) {
            if (g.max() != Double.POSITIVE_INFINITY) {
                double[] r = new double[vars];
                for (int m : g.members()) {
                    r[m] = 1.0;
                }
                addIn(r, g.max(), Family.GROUPS, "group '" + g.name() + "' max " + g.max());
            }
            if (g.min() != Double.NEGATIVE_INFINITY) {
                double[] r = new double[vars];
                for (int m : g.members()) {
                    r[m] = -1.0;
                }
                addIn(r, -g.min(), Family.GROUPS, "group '" + g.name() + "' min " + g.min());
            }
        }
        if (sIndex >= 0) {
            for (int i = 0; i < n; i++) {
                double[] a = new double[vars];
                a[i] = 1.0;
                a[sIndex + i] = -1.0;
                addIn(a, 0.0, Family.LEVERAGE, "|w| of asset " + i);
                double[] b = new double[vars];
                b[i] = -1.0;
                b[sIndex + i] = -1.0;
                addIn(b, 0.0, Family.LEVERAGE, "|w| of asset " + i);
            }
            double[] r = new double[vars];
            for (int i = 0; i < n; i++) {
                r[sIndex + i] = 1.0;
            }
            addIn(r, pc.grossLeverage(), Family.LEVERAGE, "gross leverage " + pc.grossLeverage());
        }
        if (tIndex >= 0) {
            for (int i = 0; i < n; i++) {
                double[] a = new double[vars];
                a[i] = 1.0;
                a[tIndex + i] = -1.0;
                addIn(a, pc.current(i), Family.TURNOVER, "trade of asset " + i);
                double[] b = new double[vars];
                b[i] = -1.0;
                b[tIndex + i] = -1.0;
                addIn(b, -pc.current(i), Family.TURNOVER, "trade of asset " + i);
            }
            if (pc.turnoverLimit() != Double.POSITIVE_INFINITY) {
                double[] r = new double[vars];
                for (int i = 0; i < n; i++) {
                    r[tIndex + i] = 1.0;
                }
                addIn(r, pc.turnoverLimit(), Family.TURNOVER, "turnover limit " + pc.turnoverLimit());
            }
        }
        if (homogeneous) {
            double[] r = new double[vars];
            r[kIndex] = -1.0;
            addInRaw(r, 0.0, Family.BUDGET, "k >= 0");
        }
    }

    int variables() {
        return vars;
    }

    int tradeIndex() {
        return tIndex;
    }

    /** Adds {@code scale * Sigma} to the w block of Q. */
    void addCovariance(double[][] cov, double scale) {
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                q[i][j] += scale * cov[i][j];
            }
        }
    }

    /** Adds {@code coef_i} to the linear term of w. */
    void addLinear(double[] coef, double scale) {
        for (int i = 0; i < n; i++) {
            c[i] += scale * coef[i];
        }
    }

    /** Adds {@code scale * rate_i} to the linear term of t (cost penalty). */
    void addCosts(PortfolioConstraints pc, double scale) {
        if (tIndex < 0) {
            return;
        }
        for (int i = 0; i < n; i++) {
            c[tIndex + i] += scale * pc.costRate(i);
        }
    }

    /** Adds {@code sum coef_i w_i (- cost rates . t) >= rhs} as a named TARGET row (rhs not scaled by k). */
    void addAtLeast(double[] coef, double rhs, boolean subtractCosts, PortfolioConstraints pc, String name) {
        double[] r = new double[vars];
        for (int i = 0; i < n; i++) {
            r[i] = -coef[i];
        }
        if (subtractCosts && tIndex >= 0) {
            for (int i = 0; i < n; i++) {
                r[tIndex + i] = pc.costRate(i);
            }
        }
        addInRaw(r, -rhs, Family.TARGET, name);
    }

    /** Adds {@code sum coef_i w_i = rhs} as a named TARGET row. */
    void addEquality(double[] coef, double rhs, String name) {
        double[] r = new double[vars];
        System.arraycopy(coef, 0, r, 0, n);
        eqRows.add(r);
        eqRhs.add(rhs);
        eqFamily.add(Family.TARGET);
        eqName.add(name);
    }

    private void addEq(double[] row, double rhs, Family f, String name) {
        if (kIndex >= 0) {
            row[kIndex] = -rhs;
            rhs = 0.0;
        }
        eqRows.add(row);
        eqRhs.add(rhs);
        eqFamily.add(f);
        eqName.add(name);
    }

    private void addIn(double[] row, double rhs, Family f, String name) {
        if (kIndex >= 0) {
            row[kIndex] = -rhs;
            rhs = 0.0;
        }
        addInRaw(row, rhs, f, name);
    }

    private void addInRaw(double[] row, double rhs, Family f, String name) {
        inRows.add(row);
        inRhs.add(rhs);
        inFamily.add(f);
        inName.add(name);
    }

    /**
     * Solves; on failure diagnoses which families conflict and throws {@link InfeasiblePortfolioException}.
     *
     * @param what the problem, for messages ("minimum variance")
     * @return x
     */
    double[] solve(String what) {
        double[] fast = solveDualActiveSet();
        if (fast != null) {
            return fast;
        }
        if (fastStatus == DualActiveSetQp.Status.INFEASIBLE) {
            return afterInfeasibleVerdict(what);
        }
        return solveWithOjAlgo(what);
    }

    /**
     * Goldfarb-Idnani declared the problem infeasible: its certificate (a violated row dependent on the active set
     * with no multiplier to drop, and a gap no rounding explains) is checked again by ojAlgo, family by family. When
     * ojAlgo names conflicting constraints, that is thrown; when it finds every family feasible together, the verdict
     * was wrong: it is counted ({@link #infeasibleVerdictsOverruled()}), logged at WARNING, and ojAlgo solves.
     */
    double[] afterInfeasibleVerdict(String what) {
        InfeasiblePortfolioException named = conflictingFamilies(what);
        if (named != null) {
            throw named;
        }
        OVERRULED.incrementAndGet();
        LOG.log(System.Logger.Level.WARNING, () -> what + ": the dual active-set solver declared a feasible problem"
                + " infeasible (" + vars + " variables, " + eqRows.size() + " equalities, " + inRows.size()
                + " inequalities); solved with ojAlgo instead");
        return solveWithOjAlgo(what);
    }

    /**
     * How many times, in this JVM, ojAlgo found feasible a problem that the dual active-set solver had declared
     * infeasible (each also logged at WARNING on the {@code io.qtrade.portfolio.optimize} logger).
     */
    static long infeasibleVerdictsOverruled() {
        return OVERRULED.get();
    }

    /** The fallback (and the cross-check in tests): ojAlgo's convex solver, then the KKT polish. */
    double[] solveWithOjAlgo(String what) {
        Optimisation.Result r = solveWith(q, c, Family.values().length);
        if (!r.getState().isFeasible() || r.getState() == Optimisation.State.UNBOUNDED) {
            throw diagnose(what, r.getState());
        }
        double[] x = new double[vars];
        for (int i = 0; i < vars; i++) {
            x[i] = r.doubleValue(i);
            if (!Double.isFinite(x[i])) {
                throw new IllegalStateException(what + ": the QP solver returned a non-finite x[" + i + "] (state "
                        + r.getState() + ")");
            }
        }
        canonicalise(x);
        double[] polished = polish(x);
        double[] best = polished != null && objective(polished) <= objective(x) + 1e-14 * Math.abs(objective(x))
                ? polished : x;
        double size = 1.0;
        for (double v : best) {
            size = Math.max(size, Math.abs(v));
        }
        double viol = maxViolation(best);
        if (viol > 1e-7 * size) {
            throw new IllegalStateException(what + ": the QP solver's solution violates a constraint by " + viol
                    + " (state " + r.getState() + ")");
        }
        return best;
    }

    private DualActiveSetQp.Status fastStatus;

    /**
     * Goldfarb-Idnani on the model; variables without curvature (k, |w|, |w - w0|) get a ridge of 1e-9 of the mean
     * curvature, which the KKT polish on the true Q then removes. Null when the fast path did not give a verified
     * solution (then {@link #fastStatus} says why).
     */
    private double[] solveDualActiveSet() {
        double mean = 0.0;
        for (int i = 0; i < n; i++) {
            mean += q[i][i];
        }
        mean /= n;
        // In the homogeneous problem k = sum y (the budget row): substitute it into every row and drop k, so that no
        // ridge is needed for k. Variable map: reduced index -> full index.
        int[] keep = new int[kIndex >= 0 ? vars - 1 : vars];
        for (int i = 0, r = 0; i < vars; i++) {
            if (i != kIndex) {
                keep[r++] = i;
            }
        }
        int m = keep.length;
        double[][] g = new double[m][m];
        double[] lin = new double[m];
        boolean ridged = false;
        for (int a = 0; a < m; a++) {
            for (int b = 0; b < m; b++) {
                g[a][b] = q[keep[a]][keep[b]];
            }
            lin[a] = c[keep[a]];
            if (g[a][a] == 0.0) {
                g[a][a] = 1e-9 * mean;
                ridged = true;
            }
        }
        List<double[]> eq = new ArrayList<>();
        List<Double> eqB = new ArrayList<>();
        for (int k = 0; k < eqRows.size(); k++) {
            if (kIndex >= 0 && k == 0) {
                continue; // the budget row sum y - k = 0 defines k
            }
            eq.add(reduce(eqRows.get(k), keep));
            eqB.add(eqRhs.get(k));
        }
        double[][] in = new double[inRows.size()][];
        for (int k = 0; k < in.length; k++) {
            in[k] = reduce(inRows.get(k), keep);
        }
        DualActiveSetQp qp = new DualActiveSetQp(g, lin, eq.toArray(new double[0][]), toArray(eqB), in,
                toArray(inRhs));
        fastStatus = qp.solve();
        if (fastStatus != DualActiveSetQp.Status.OPTIMAL) {
            return null;
        }
        double[] x = new double[vars];
        double[] sol = refine(g, lin, eq, eqB, in, toArray(inRhs), qp.activeInequalities(), qp.startMagnitude(),
                qp.solution());
        for (int a = 0; a < m; a++) {
            x[keep[a]] = sol[a];
        }
        if (kIndex >= 0) {
            double k = 0.0;
            for (int i = 0; i < n; i++) {
                k += x[i];
            }
            x[kIndex] = k;
        }
        if (ridged) {
            canonicalise(x);
            double before = objective(x);
            double[] polished = polish(x);
            if (polished == null || objective(polished) > before + 1e-12 * Math.max(1.0, Math.abs(before))) {
                fastStatus = DualActiveSetQp.Status.FAILED;
                return null;
            }
            x = polished;
        }
        double size = 1.0;
        for (double v : x) {
            if (!Double.isFinite(v)) {
                fastStatus = DualActiveSetQp.Status.FAILED;
                return null;
            }
            size = Math.max(size, Math.abs(v));
        }
        if (maxViolation(x) > 1e-9 * size) {
            fastStatus = DualActiveSetQp.Status.FAILED;
            return null;
        }
        return x;
    }

    /**
     * Goldfarb-Idnani's x on its final active set, recomputed from scratch: the KKT system of the (ridged) problem with
     * the equalities and the active inequalities as equalities. The dual method walks from the unconstrained minimum,
     * which a ridged variable with a linear cost puts at {@code -c/ridge} (about -2e12 for a cost rate of 1 per unit
     * traded), and the steps back leave rounding of 1e-16 of that size (1e-5 of the weights) in x; the active set it
     * found is exact, so solving on it removes the drift. Nothing is done (no extra factorisation) when the start was
     * within 1e3 of x's size (rounding then below 1e-13 of it) and x is feasible to 1e-12, as on problems without
     * ridged costs. Returns the input when the system is singular or its solution is less feasible.
     */
    private static double[] refine(double[][] g, double[] lin, List<double[]> eq, List<Double> eqB, double[][] in,
            double[] inB, int[] active, double startMagnitude, double[] x) {
        double size = 1.0;
        for (double v : x) {
            size = Math.max(size, Math.abs(v));
        }
        if (startMagnitude <= 1e3 * size && violation(x, eq, eqB, in, inB) <= 1e-12 * size) {
            return x;
        }
        List<double[]> rows = new ArrayList<>(eq);
        List<Double> rhs = new ArrayList<>(eqB);
        for (int k : active) {
            rows.add(in[k]);
            rhs.add(inB[k]);
        }
        double[] r = kktSolve(g, lin, rows, rhs);
        if (r == null) {
            return x;
        }
        return violation(r, eq, eqB, in, inB) <= Math.max(violation(x, eq, eqB, in, inB), 1e-12) ? r : x;
    }

    private static double violation(double[] x, List<double[]> eq, List<Double> eqB, double[][] in, double[] inB) {
        double worst = 0.0;
        for (int k = 0; k < eq.size(); k++) {
            worst = Math.max(worst, Math.abs(dot(eq.get(k), x) - eqB.get(k)));
        }
        for (int k = 0; k < in.length; k++) {
            worst = Math.max(worst, dot(in[k], x) - inB[k]);
        }
        return worst;
    }

    /**
     * Solves {@code [H A'; A 0][x; l] = [-c; b]} for x, on a linearly independent subset of the rows (modified
     * Gram-Schmidt in the given order; a row whose part orthogonal to the rows kept is below 1e-10 of its norm is
     * dropped: at a degenerate vertex, such as w = w0 with every trade t_i = 0, more rows are active than there are
     * variables). Null when the system is singular or the solution not finite.
     */
    static double[] kktSolve(double[][] h, double[] c, List<double[]> rows, List<Double> rhs) {
        int nv = c.length;
        List<double[]> basis = new ArrayList<>();
        List<double[]> kept = new ArrayList<>();
        List<Double> keptRhs = new ArrayList<>();
        for (int k = 0; k < rows.size(); k++) {
            double[] row = rows.get(k);
            double norm = Math.sqrt(dot(row, row));
            if (norm == 0.0) {
                continue;
            }
            double[] res = row.clone();
            for (double[] e : basis) {
                double p = dot(res, e);
                for (int j = 0; j < nv; j++) {
                    res[j] -= p * e[j];
                }
            }
            double rn = Math.sqrt(dot(res, res));
            if (rn <= 1e-10 * norm) {
                continue;
            }
            for (int j = 0; j < nv; j++) {
                res[j] /= rn;
            }
            basis.add(res);
            kept.add(row);
            keptRhs.add(rhs.get(k));
        }
        int m = kept.size();
        int dim = nv + m;
        DMatrixRMaj kkt = new DMatrixRMaj(dim, dim);
        DMatrixRMaj b = new DMatrixRMaj(dim, 1);
        for (int i = 0; i < nv; i++) {
            for (int j = 0; j < nv; j++) {
                kkt.unsafe_set(i, j, h[i][j]);
            }
            b.unsafe_set(i, 0, -c[i]);
        }
        for (int k = 0; k < m; k++) {
            double[] a = kept.get(k);
            for (int j = 0; j < nv; j++) {
                kkt.unsafe_set(nv + k, j, a[j]);
                kkt.unsafe_set(j, nv + k, a[j]);
            }
            b.unsafe_set(nv + k, 0, keptRhs.get(k));
        }
        DMatrixRMaj sol = new DMatrixRMaj(dim, 1);
        if (!CommonOps_DDRM.solve(kkt, b, sol)) {
            return null;
        }
        double[] p = new double[nv];
        for (int i = 0; i < nv; i++) {
            p[i] = sol.unsafe_get(i, 0);
            if (!Double.isFinite(p[i])) {
                return null;
            }
        }
        return p;
    }

    /** A row over the reduced variables; with k eliminated, k's coefficient moves onto every y_i (k = sum y). */
    private double[] reduce(double[] row, int[] keep) {
        double[] out = new double[keep.length];
        double kc = kIndex >= 0 ? row[kIndex] : 0.0;
        for (int a = 0; a < keep.length; a++) {
            out[a] = row[keep[a]] + (keep[a] < n ? kc : 0.0);
        }
        return out;
    }

    /**
     * Sets the auxiliary variables to their smallest feasible values, {@code s_i = |w_i|}, {@code t_i = |w_i - w0_i|}
     * (times k when homogeneous): this keeps every constraint, lowers no objective, and pins each auxiliary variable
     * to an active row so that the KKT polish is regular.
     */
    private void canonicalise(double[] x) {
        double k = kIndex >= 0 ? x[kIndex] : 1.0;
        if (sIndex >= 0) {
            for (int i = 0; i < n; i++) {
                x[sIndex + i] = Math.abs(x[i]);
            }
        }
        if (tIndex >= 0) {
            for (int i = 0; i < n; i++) {
                x[tIndex + i] = Math.abs(x[i] - k * current[i]);
            }
        }
    }

    private Optimisation.Result solveWith(double[][] qm, double[] cm, int families) {
        ConvexSolver.Builder b = ConvexSolver.newBuilder(vars);
        b.quadratic(R064Store.FACTORY.copy(org.ojalgo.structure.Access2D.wrap(qm)));
        double[] neg = new double[vars];
        for (int i = 0; i < vars; i++) {
            neg[i] = -cm[i];
        }
        b.linear(neg);
        List<double[]> ae = new ArrayList<>();
        List<Double> be = new ArrayList<>();
        for (int k = 0; k < eqRows.size(); k++) {
            if (eqFamily.get(k).ordinal() < families) {
                ae.add(eqRows.get(k));
                be.add(eqRhs.get(k));
            }
        }
        List<double[]> ai = new ArrayList<>();
        List<Double> bi = new ArrayList<>();
        for (int k = 0; k < inRows.size(); k++) {
            if (inFamily.get(k).ordinal() < families) {
                ai.add(inRows.get(k));
                bi.add(inRhs.get(k));
            }
        }
        if (!ae.isEmpty()) {
            b.equalities(R064Store.FACTORY.copy(org.ojalgo.structure.Access2D.wrap(ae.toArray(new double[0][]))),
                    R064Store.FACTORY.column(toArray(be)));
        }
        if (!ai.isEmpty()) {
            b.inequalities(R064Store.FACTORY.copy(org.ojalgo.structure.Access2D.wrap(ai.toArray(new double[0][]))),
                    R064Store.FACTORY.column(toArray(bi)));
        }
        Optimisation.Options options = new Optimisation.Options();
        // Dense problems: ojAlgo's direct active-set solver (DirectASS) instead of the iterative, conjugate-gradient
        // one it picks when sparse is unset; 50-500x faster on dense covariance matrices.
        options.sparse = Boolean.FALSE;
        return b.build(options).solve();
    }

    private static double[] toArray(List<Double> l) {
        double[] a = new double[l.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = l.get(i);
        }
        return a;
    }

    private InfeasiblePortfolioException diagnose(String what, Optimisation.State state) {
        InfeasiblePortfolioException named = conflictingFamilies(what);
        if (named != null) {
            return named;
        }
        List<String> present = new ArrayList<>();
        for (Family f : Family.values()) {
            if (eqFamily.contains(f) || inFamily.contains(f)) {
                present.add(f.label);
            }
        }
        return new InfeasiblePortfolioException(what + ": the QP solver reports " + state + " under "
                + String.join(" + ", present));
    }

    /** The first family that cannot hold with those before it (ojAlgo, min |x|^2), or null if all hold together. */
    private InfeasiblePortfolioException conflictingFamilies(String what) {
        // Feasibility of growing sets of families: min 1/2 |x|^2 under the first f families.
        double[][] eye = new double[vars][vars];
        for (int i = 0; i < vars; i++) {
            eye[i][i] = 1.0;
        }
        double[] zero = new double[vars];
        List<String> present = new ArrayList<>();
        for (Family f : Family.values()) {
            boolean has = eqFamily.contains(f) || inFamily.contains(f);
            if (!has) {
                continue;
            }
            Optimisation.Result r = solveWith(eye, zero, f.ordinal() + 1);
            if (!r.getState().isFeasible()) {
                String names = namesOf(f);
                return new InfeasiblePortfolioException(what + ": infeasible constraints: " + f.label + " (" + names
                        + ") cannot hold together with " + (present.isEmpty() ? "nothing else" : String.join(" + ",
                        present)));
            }
            present.add(f.label);
        }
        return null;
    }

    private String namesOf(Family f) {
        List<String> names = new ArrayList<>();
        for (int k = 0; k < eqFamily.size(); k++) {
            if (eqFamily.get(k) == f && !names.contains(eqName.get(k))) {
                names.add(eqName.get(k));
            }
        }
        for (int k = 0; k < inFamily.size(); k++) {
            if (inFamily.get(k) == f && !names.contains(inName.get(k)) && names.size() < 6) {
                names.add(inName.get(k));
            }
        }
        return String.join(", ", names);
    }

    double objective(double[] x) {
        double s = 0.0;
        for (int i = 0; i < vars; i++) {
            double qi = 0.0;
            for (int j = 0; j < vars; j++) {
                qi += q[i][j] * x[j];
            }
            s += 0.5 * x[i] * qi + c[i] * x[i];
        }
        return s;
    }

    double maxViolation(double[] x) {
        double worst = 0.0;
        for (int k = 0; k < eqRows.size(); k++) {
            worst = Math.max(worst, Math.abs(dot(eqRows.get(k), x) - eqRhs.get(k)));
        }
        for (int k = 0; k < inRows.size(); k++) {
            worst = Math.max(worst, dot(inRows.get(k), x) - inRhs.get(k));
        }
        return worst;
    }

    private static double dot(double[] a, double[] b) {
        double s = 0.0;
        for (int i = 0; i < a.length; i++) {
            s += a[i] * b[i];
        }
        return s;
    }

    /**
     * Active-set KKT polish on the true Q: the equalities and the inequalities with slack below 1e-9 of the row scale
     * at x, reduced to an independent subset ({@link #kktSolve}); null when that system is singular or its solution is
     * not feasible to 1e-12.
     */
    private double[] polish(double[] x) {
        List<double[]> rows = new ArrayList<>(eqRows);
        List<Double> rhs = new ArrayList<>(eqRhs);
        for (int k = 0; k < inRows.size(); k++) {
            double[] a = inRows.get(k);
            double scale = 0.0;
            for (double v : a) {
                scale = Math.max(scale, Math.abs(v));
            }
            double slack = inRhs.get(k) - dot(a, x);
            if (slack < 1e-9 * Math.max(1.0, scale)) {
                rows.add(a);
                rhs.add(inRhs.get(k));
            }
        }
        double[] p = kktSolve(q, c, rows, rhs);
        if (p == null || maxViolation(p) > 1e-12) {
            return null;
        }
        return p;
    }

    /** A feasibility-only LP {@code max direction'w} under the model's constraints (ojAlgo's simplex), or NaN. */
    double maximiseLinear(double[] direction) {
        ExpressionsBasedModel model = new ExpressionsBasedModel();
        Variable[] v = new Variable[vars];
        for (int i = 0; i < vars; i++) {
            v[i] = model.addVariable("x" + i);
            if (i < n) {
                v[i].weight(direction[i]);
            }
        }
        for (int k = 0; k < eqRows.size(); k++) {
            var e = model.addExpression("eq" + k).level(eqRhs.get(k));
            double[] a = eqRows.get(k);
            for (int j = 0; j < vars; j++) {
                if (a[j] != 0.0) {
                    e.set(v[j], a[j]);
                }
            }
        }
        for (int k = 0; k < inRows.size(); k++) {
            var e = model.addExpression("in" + k).upper(inRhs.get(k));
            double[] a = inRows.get(k);
            for (int j = 0; j < vars; j++) {
                if (a[j] != 0.0) {
                    e.set(v[j], a[j]);
                }
            }
        }
        Optimisation.Result r = model.maximise();
        if (r.getState() == Optimisation.State.UNBOUNDED) {
            return Double.POSITIVE_INFINITY;
        }
        if (!r.getState().isFeasible()) {
            return Double.NaN;
        }
        double s = 0.0;
        for (int i = 0; i < n; i++) {
            s += direction[i] * r.doubleValue(i);
        }
        return s;
    }
}
