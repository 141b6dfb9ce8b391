package io.qtrade.features.factor;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.data.Offset.offset;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.stat.correlation.Covariance;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

/**
 * PCA against numpy 1.24.2 SVD of the centred matrix ({@code meanrev_pca_expected.json}, 500 x 6 simulated
 * two-factor returns in {@code pca_returns.csv}) to relative 1e-9 for eigenvalues (both are backward-stable SVDs
 * of the same matrix), loadings and factor returns up to sign to 1e-7 (eigenvectors of close eigenvalues 5-6 are
 * less well determined: gap/scale ~ 0.04), and against an independent commons-math eigen-decomposition of the
 * covariance and correlation matrices.
 */
class PrincipalComponentsTest {

    private static final double[][] R = returns();

    private static double[][] returns() {
        try (InputStream in = PrincipalComponentsTest.class.getResourceAsStream("/refcases/pca_returns.csv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n");
            double[][] out = new double[lines.length - 1][];
            for (int r = 1; r < lines.length; r++) {
                String[] f = lines[r].split(",");
                out[r - 1] = new double[f.length];
                for (int c = 0; c < f.length; c++) {
                    out[r - 1][c] = Double.parseDouble(f[c]);
                }
            }
            return out;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Reads the JSON array following {@code "key":} (flat or nested) as numbers in order. */
    private static double[] jsonNumbers(String key) throws IOException {
        try (InputStream in = PrincipalComponentsTest.class.getResourceAsStream("/refcases/meanrev_pca_expected.json")) {
            String s = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            int start = s.indexOf('[', s.indexOf("\"" + key + "\""));
            int depth = 0;
            int end = start;
            do {
                char c = s.charAt(end++);
                depth += c == '[' ? 1 : c == ']' ? -1 : 0;
            } while (depth > 0);
            Matcher m = Pattern.compile("-?[0-9.]+(e-?[0-9]+)?").matcher(s.substring(start, end));
            java.util.List<Double> vals = new java.util.ArrayList<>();
            while (m.find()) {
                vals.add(Double.parseDouble(m.group()));
            }
            double[] out = new double[vals.size()];
            for (int i = 0; i < out.length; i++) {
                out[i] = vals.get(i);
            }
            return out;
        }
    }

    @Test
    void explainedVarianceLoadingsAndFactorReturnsEqualNumpy() throws IOException {
        PcaResult p = new PrincipalComponents(false).fit(R);
        double[] ev = jsonNumbers("explained_variance");
        double[] ratio = jsonNumbers("explained_variance_ratio");
        for (int j = 0; j < 6; j++) {
            assertThat(p.explainedVariance()[j]).isCloseTo(ev[j], offset(1e-9 * ev[j]));
            assertThat(p.explainedVarianceRatio()[j]).isCloseTo(ratio[j], offset(1e-9 * ratio[j]));
        }
        double[] vt = jsonNumbers("loadings_columns"); // rows of V' = components
        double[] f3 = jsonNumbers("first3_factor_returns");
        for (int c = 0; c < 6; c++) {
            double sign = Math.signum(vt[c * 6]) == Math.signum(p.loadings()[0][c]) ? 1.0 : -1.0;
            for (int i = 0; i < 6; i++) {
                assertThat(sign * p.loadings()[i][c]).as("loading %d,%d", i, c).isCloseTo(vt[c * 6 + i], offset(1e-7));
            }
            for (int row = 0; row < 3; row++) {
                double e = f3[row * 6 + c];
                assertThat(sign * p.factorReturns()[row][c]).isCloseTo(e, offset(1e-7 * Math.abs(e) + 1e-12));
            }
        }
    }

    @Test
    void eigenvaluesEqualAnIndependentCommonsMathEigenDecomposition() throws IOException {
        double[][] cov = new Covariance(R).getCovarianceMatrix().getData();
        double[] cm = new EigenDecomposition(new Array2DRowRealMatrix(cov)).getRealEigenvalues();
        java.util.Arrays.sort(cm);
        PcaResult p = new PrincipalComponents(false).fit(R);
        for (int j = 0; j < 6; j++) {
            assertThat(p.explainedVariance()[j]).isCloseTo(cm[5 - j], offset(1e-10 * cm[5 - j]));
        }
        double[] corr = jsonNumbers("correlation_eigenvalues");
        PcaResult pc = new PrincipalComponents(true).fit(R);
        for (int j = 0; j < 6; j++) {
            assertThat(pc.explainedVariance()[j]).isCloseTo(corr[j], offset(1e-10 * corr[j]));
        }
        // Trace of a correlation matrix is N.
        assertThat(java.util.Arrays.stream(pc.explainedVariance()).sum()).isCloseTo(6.0, offset(1e-12));
    }

    @Test
    void loadingsAreOrthonormalAndFactorReturnsUncorrelatedWithTheirVariances() {
        PcaResult p = new PrincipalComponents(false).fit(R);
        int t = R.length;
        for (int a = 0; a < 6; a++) {
            for (int b = 0; b < 6; b++) {
                double dot = 0.0;
                double cov = 0.0;
                for (int i = 0; i < 6; i++) {
                    dot += p.loadings()[i][a] * p.loadings()[i][b];
                }
                for (int i = 0; i < t; i++) {
                    cov += p.factorReturns()[i][a] * p.factorReturns()[i][b];
                }
                cov /= t - 1;
                assertThat(dot).isCloseTo(a == b ? 1.0 : 0.0, offset(1e-12));
                assertThat(cov).isCloseTo(a == b ? p.explainedVariance()[a] : 0.0, offset(1e-12));
            }
        }
    }

    @Test
    void projectingAnObservationGivesItsFactorReturnsAndTheFirstFactorLoadsPositively() {
        PcaResult p = new PrincipalComponents(true).fit(R);
        double[] f = new double[6];
        p.project(R[42], f);
        for (int c = 0; c < 6; c++) {
            assertThat(f[c]).isCloseTo(p.factorReturns()[42][c], offset(1e-12));
        }
        // The simulated first factor loads every asset with a positive beta.
        for (int i = 0; i < 6; i++) {
            assertThat(p.loadings()[i][0]).isPositive();
        }
    }

    @Test
    void tableInputEqualsArrayInput() {
        Table tb = Table.create("r");
        for (int j = 0; j < 6; j++) {
            double[] col = new double[R.length];
            for (int i = 0; i < R.length; i++) {
                col[i] = R[i][j];
            }
            tb.addColumns(DoubleColumn.create("r" + j, col));
        }
        assertThat(new PrincipalComponents(false).fit(tb).explainedVariance())
                .containsExactly(new PrincipalComponents(false).fit(R).explainedVariance());
    }

    @Test
    void refusesRaggedAndConstantInput() {
        assertThatThrownBy(() -> new PrincipalComponents(false).fit(new double[][] {{1, 2}, {3}}))
                .hasMessageContaining("row 1 has 1 assets");
        assertThatThrownBy(() -> new PrincipalComponents(true).fit(new double[][] {{1, 2}, {1, 3}, {1, 5}}))
                .hasMessageContaining("asset 0 has zero variance");
    }
}
