import io.qtrade.features.cointegration.AdfRegression;
import io.qtrade.features.cointegration.AdfResult;
import io.qtrade.features.cointegration.AugmentedDickeyFuller;
import io.qtrade.features.cointegration.Johansen;
import io.qtrade.features.cointegration.JohansenResult;
import io.qtrade.features.cointegration.LagSelection;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Runs ADF (AIC, maxlag 67) and Johansen (0, 1) on the 100,000-row inputs written by time_statsmodels.py and
 * prints them beside statsmodels' results. Run from the repository root after building the bench jar:
 * java -cp qtrade-bench/target/benchmarks.jar qtrade-features/src/test/resources/refcases/scripts/CheckLargeCases.java [DIR]
 */
public class CheckLargeCases {
    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args.length > 0 ? args[0] : "/tmp/qtrade-coint");
        List<String> lines = Files.readAllLines(dir.resolve("walk.csv"));
        double[] walk = new double[lines.size()];
        for (int t = 0; t < walk.length; t++) {
            walk[t] = Double.parseDouble(lines.get(t));
        }
        List<String> rows = Files.readAllLines(dir.resolve("three.csv"));
        double[][] three = new double[3][rows.size()];
        for (int t = 0; t < rows.size(); t++) {
            String[] f = rows.get(t).split(",");
            for (int j = 0; j < 3; j++) {
                three[j][t] = Double.parseDouble(f[j]);
            }
        }
        AdfResult adf = AugmentedDickeyFuller.builder().regression(AdfRegression.CONSTANT).lagSelection(LagSelection.AIC)
                .maxLag(67).build().test(walk);
        JohansenResult jo = new Johansen(0, 1).test(three);
        System.out.println("java ADF: stat=" + adf.statistic() + " p=" + adf.pValue() + " usedLag=" + adf.usedLag()
                + " nobs=" + adf.nobs() + " icbest=" + adf.icBest());
        System.out.println("java Johansen: eig=" + Arrays.toString(jo.eigenvalues()) + " trace="
                + Arrays.toString(jo.traceStatistics()) + " maxEig=" + Arrays.toString(jo.maxEigenStatistics()));
        System.out.println("statsmodels: " + Files.readString(dir.resolve("statsmodels_results.json")));
    }
}
