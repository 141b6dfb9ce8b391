import io.qtrade.features.cointegration.JohansenDeterministic;
import io.qtrade.features.cointegration.Vecm;
import io.qtrade.features.cointegration.VecmFit;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Fits the rank-1 VECM with restricted terms ('ci' = urca const, 'coli' = urca trend) on the 3 x 10,000 rows
 * written by time_econometrics_statsmodels.py and prints alpha, beta, the restricted rows and the log-likelihood
 * beside statsmodels'. Run from the repository root after building the bench jar:
 * java -cp qtrade-bench/target/benchmarks.jar qtrade-features/src/test/resources/refcases/scripts/CheckLargeEconometrics.java [DIR]
 */
public class CheckLargeEconometrics {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/qtrade-econ");
        List<String> rows = Files.readAllLines(dir.resolve("three.csv"));
        double[][] three = new double[3][rows.size()];
        for (int t = 0; t < rows.size(); t++) {
            String[] f = rows.get(t).split(",");
            for (int j = 0; j < 3; j++) {
                three[j][t] = Double.parseDouble(f[j]);
            }
        }
        for (JohansenDeterministic d : new JohansenDeterministic[] {JohansenDeterministic.RESTRICTED_CONSTANT,
                JohansenDeterministic.CONSTANT_RESTRICTED_TREND}) {
            long t0 = System.nanoTime();
            VecmFit fit = Vecm.builder().deterministic(d).lagDifferences(1).rank(1).build().fit(three);
            long t1 = System.nanoTime();
            System.out.println("java " + d.statsmodelsVecm() + " (" + (t1 - t0) / 1e6 + " ms, first call): alpha="
                    + Arrays.deepToString(fit.alpha()) + " beta=" + Arrays.deepToString(fit.beta()) + " rho="
                    + Arrays.deepToString(fit.restrictedCoefficients()) + " llf=" + fit.logLikelihood());
        }
        System.out.println("statsmodels: " + Files.readString(dir.resolve("statsmodels_vecm.json")));
    }
}
