package io.qtrade.ml.model.linear;

import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.LUDecomposition;
import org.apache.commons.math3.linear.SingularMatrixException;

/** Solves small dense systems (commons-math3 LU with partial pivoting). */
final class LinearSolve {
    private LinearSolve() {
    }

    static double[] solve(double[][] a, double[] b, String what) {
        try {
            return new LUDecomposition(new Array2DRowRealMatrix(a, false)).getSolver()
                    .solve(new ArrayRealVector(b, false)).toArray();
        } catch (SingularMatrixException e) {
            throw new IllegalArgumentException(what + ": the system is singular (collinear features and no "
                    + "penalty?)", e);
        }
    }
}
