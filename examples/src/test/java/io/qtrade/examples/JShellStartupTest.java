package io.qtrade.examples;

import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@code bin/jshell}'s start-up script loads without an error on the module's class path, and the names it imports
 * resolve: what {@code bin/jshell} users type works.
 */
class JShellStartupTest {

    private static final Path SCRIPT = Path.of("src/main/jshell/qtrade.jsh");

    @Test
    void theStartupScriptLoadsAndItsImportsReachFeaturesBacktestAndStore() throws Exception {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        // The local execution engine runs the snippets in this JVM: their System.out is the process's.
        System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            for (String entry : classPath.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    shell.addToClasspath(entry);
                }
            }
            List<String> problems = new ArrayList<>();
            evalAll(shell, Files.readString(SCRIPT), problems);
            assertThat(problems).as("snippets of %s rejected", SCRIPT).isEmpty();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("qtrade SDK on the class path");

            // One name per imported area, used the way the script's comment suggests.
            evalAll(shell, """
                    var aaa = Instrument.spot("AAA", "SYN", 0.01, 1);
                    var book = new OrderBook(aaa);
                    var ofi = new OrderFlowImbalance();
                    var har = new HarRv(HarRvScale.LEVEL);
                    var eg = EngleGranger.builder().build();
                    var fees = new BpsFees(-0.2, 2.0);
                    var queue = new ProbabilisticQueue(new PowerProbability(2));
                    var builder = Backtest.builder();
                    var gate = RiskGate.NONE;
                    var store = TickStore.at(SampleData.root());
                    int symbols = store.catalog().size();
                    Table t = Table.create("t");
                    var settings = FeatureResearch.Settings.DEFAULTS;
                    var maker = new AvellanedaStoikov(0.1);
                    var killSwitch = new KillSwitch();
                    var conventions = Conventions.DAILY;
                    var grid = ParameterGrid.builder().values("gamma", 0.1, 1.0).build();
                    var monteCarlo = MonteCarlo.builder();
                    var dsr = SharpeInference.expectedMaxSharpe(100, 0.002);
                    var section = ReportSection.paragraph("x");
                    java.util.function.BiFunction<SweepResult, Metric, SweepHeatMap> heatMap = SweepHeatMap::of;
                    var researchSettings = ResearchSweep.Settings.parse("days=5");
                    """, problems);
            assertThat(problems).isEmpty();
            assertThat(shell.varValue(shell.variables().filter(v -> v.name().equals("symbols")).findFirst()
                    .orElseThrow())).isNotEqualTo("0");
        } finally {
            System.setOut(stdout);
        }
    }

    private static void evalAll(JShell shell, String source, List<String> problems) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        String rest = source;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            if (info.source() == null || info.source().isBlank()) {
                break;
            }
            for (SnippetEvent e : shell.eval(info.source())) {
                if (e.status() == Snippet.Status.REJECTED || e.exception() != null) {
                    problems.add(e.snippet().source().strip() + " -> " + e.status() + " "
                            + shell.diagnostics(e.snippet()).map(d -> d.getMessage(null)).toList()
                            + (e.exception() != null ? " " + e.exception() : ""));
                }
            }
            rest = info.remaining();
        }
    }
}
