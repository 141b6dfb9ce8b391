package io.qtrade.launcher;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The launcher's argument handling and exit statuses, in process and, for the real exit code, in a child JVM. */
class QtradeTest {

    /** Status, standard output and standard error of one in-process run. */
    private record Run(int status, String out, String err) {
    }

    private static Run run(String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int status = Qtrade.run(args, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        return new Run(status, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    }

    @Test
    void helpListsEveryCommandAndExitsZero() {
        for (String flag : new String[] {"--help", "-h", "help"}) {
            Run r = run(flag);
            assertThat(r.status()).isZero();
            for (Qtrade.Command c : Qtrade.Command.values()) {
                assertThat(r.out()).contains("  " + c.name + " ");
            }
            assertThat(r.out()).contains("exit status: 0 done, 1 the run failed, 2 bad arguments");
        }
        Run demoHelp = run("demo", "--help");
        assertThat(demoHelp.status()).isZero();
        assertThat(demoHelp.out()).startsWith("usage: qtrade demo [sample|synthetic|STORE_ROOT]");
    }

    @Test
    void examplesListsEveryRunnableProgram() {
        Run r = run("examples");
        assertThat(r.status()).isZero();
        for (String name : List.of("demo", "sweep", "feature-research", "pairs-trading", "execution-comparison",
                "market-making-sweep", "paper-trading", "queue-model-accuracy", "portfolio-comparison",
                "ml-signal-research", "momentum-research", "ta4j-bracket-strategy", "funding-carry",
                "leveraged-liquidation")) {
            assertThat(r.out()).contains("  " + name + " ");
        }
        assertThat(r.out()).doesNotContain("  convert ");
        assertThat(run("examples", "extra").status()).isEqualTo(Qtrade.USAGE);
    }

    @Test
    void badArgumentsExitTwoWithAMessageNamingThem() {
        Run none = run();
        assertThat(none.status()).isEqualTo(2);
        assertThat(none.err()).startsWith("qtrade: no command given").contains("usage: qtrade COMMAND");

        Run typo = run("demoo");
        assertThat(typo.status()).isEqualTo(2);
        assertThat(typo.err()).isEqualTo("qtrade: unknown command 'demoo' (did you mean 'demo'?); run 'qtrade --help'"
                + " for the commands" + System.lineSeparator());
        assertThat(run("frobnicate").err()).doesNotContain("did you mean");

        Run option = run("demo", "speed=3");
        assertThat(option.status()).isEqualTo(2);
        assertThat(option.err()).contains("qtrade demo: unknown option speed in speed=3; expected seed, events or out")
                .contains("usage: qtrade demo ");

        Run data = run("demo", "/no/such/store");
        assertThat(data.status()).isEqualTo(2);
        assertThat(data.err()).contains("/no/such/store is neither sample, synthetic nor a store root directory");

        Run number = run("pairs-trading", "hours=many");
        assertThat(number.status()).isEqualTo(2);
        assertThat(number.err()).contains("qtrade pairs-trading: ").contains("usage: qtrade pairs-trading [seed=1]");

        assertThat(run("sweep", "days=0").status()).isEqualTo(2);
        assertThat(run("convert").status()).isEqualTo(2);
        assertThat(run("convert", "--from", "nonsense", "--to", "x").status()).isEqualTo(2);
    }

    @Test
    void barsFromTicksWritesTheSampleStoresTradesAsBars(@TempDir Path dir) {
        Run r = run("bars-from-ticks", "--from", io.qtrade.store.SampleData.root().toString(), "--to", dir.toString(),
                "interval=1h", "venue=SIM");
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out()).contains("1h bars into").contains("venue=SIM");
        io.qtrade.store.bars.BarStore store = io.qtrade.store.bars.BarStore.at(dir);
        assertThat(store.instruments(io.qtrade.core.bar.BarInterval.ONE_HOUR)).hasSize(2);
        assertThat(run("bars-from-ticks", "--help").out())
                .startsWith("usage: qtrade bars-from-ticks --from TICK_STORE");
        assertThat(run("bars-from-ticks", "--from", dir.toString()).status()).isEqualTo(Qtrade.USAGE);
        assertThat(run("examples").out()).doesNotContain("bars-from-ticks");
    }

    @Test
    void theDemoRunsWithAProgressBarAndTheReportCommandPrintsWhereTheReportIs(@TempDir Path dir) {
        Run demo = run("demo", "synthetic", "events=30000", "out=" + dir.resolve("demo"));
        assertThat(demo.status()).isZero();
        assertThat(demo.out()).contains("mm-AAA").contains("wrote " + dir.resolve("demo/report.html").toAbsolutePath());
        // me.tongfei:progressbar on standard error: task name, percent and the events unit
        assertThat(demo.err()).contains("backtest").contains("100%").contains("events");
        assertThat(Files.isRegularFile(dir.resolve("demo/report.html"))).isTrue();

        Run report = run("report", "synthetic", "events=30000", "out=" + dir.resolve("report"));
        assertThat(report.status()).isZero();
        assertThat(report.out().strip()).startsWith("wrote ").contains("report.html").doesNotContain("\n");
    }

    @Test
    void theProcessExitCodeIsTheStatus() throws Exception {
        assertThat(child("--help")).isZero();
        assertThat(child("no-such-command")).isEqualTo(2);
        assertThat(child("demo", "seed=x")).isEqualTo(2);
    }

    private static int child(String... args) throws Exception {
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-cp", classPath.replace(File.pathSeparator + File.pathSeparator, File.pathSeparator),
                Qtrade.class.getName()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        p.getInputStream().readAllBytes();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return p.exitValue();
    }

    @Test
    void suggestionsAreForNamesWithinTwoEdits() {
        assertThat(Qtrade.suggestion("sweeep")).isEqualTo(" (did you mean 'sweep'?)");
        assertThat(Qtrade.suggestion("exampels")).isEqualTo(" (did you mean 'examples'?)");
        assertThat(Qtrade.suggestion("zzzzzz")).isEmpty();
    }
}
