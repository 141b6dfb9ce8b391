package io.qtrade.examples;

import jdk.jshell.JShell;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Every line of the root README's JShell snippet, and every example line in the comment of {@code qtrade.jsh}, runs
 * as shown: both are read from the files themselves (so they cannot rot) and evaluated through the JDK's
 * {@code jdk.jshell} API after the start-up script, on this module's test class path, as {@code bin/jshell} would.
 * An expression line whose comment shows a value ({@code book   // OrderBook[...]}) must print that value.
 */
class ReadmeJShellTest {

    private static final Path README = Path.of("../README.md");
    private static final Path SCRIPT = Path.of("src/main/jshell/qtrade.jsh");
    /** An expression followed by a comment that starts with the value's own type name: {@code x // Type[...]}. */
    private static final Pattern SHOWN_VALUE = Pattern.compile("^(\\w+)\\s+//\\s+(\\w+\\[.*\\])\\s*$");

    /** The lines of the README's first {@code ```java} block after its {@code ## JShell} heading. */
    static List<String> readmeSnippet() throws IOException {
        List<String> lines = Files.readAllLines(README, StandardCharsets.UTF_8);
        int heading = lines.indexOf("## JShell");
        assertThat(heading).as("the README's '## JShell' heading").isNotNegative();
        int start = -1;
        for (int i = heading; i < lines.size(); i++) {
            if (lines.get(i).strip().equals("```java")) {
                start = i + 1;
                break;
            }
        }
        assertThat(start).as("a ```java block after '## JShell' in the README").isPositive();
        List<String> snippet = new ArrayList<>();
        for (int i = start; !lines.get(i).strip().equals("```"); i++) {
            snippet.add(lines.get(i));
        }
        return snippet;
    }

    /** The example lines of the script's opening comment: the lines {@code //   code} (three spaces) before code. */
    static List<String> scriptCommentExamples() throws IOException {
        List<String> out = new ArrayList<>();
        for (String line : Files.readAllLines(SCRIPT, StandardCharsets.UTF_8)) {
            if (!line.startsWith("//")) {
                break;
            }
            if (line.startsWith("//   ")) {
                out.add(line.substring(2).strip());
            }
        }
        return out;
    }

    @Test
    void theReadmeSnippetRunsLineByLineAsShown() throws Exception {
        List<String> snippet = readmeSnippet();
        assertThat(snippet).as("README JShell snippet").hasSizeGreaterThanOrEqualTo(8);
        List<String> problems = runAfterStartup(snippet);
        assertThat(problems).as("README JShell lines that fail").isEmpty();
    }

    @Test
    void theStartupScriptsCommentedExamplesRunAsShown() throws Exception {
        List<String> examples = scriptCommentExamples();
        assertThat(examples).as("examples in the comment of %s", SCRIPT).hasSizeGreaterThanOrEqualTo(5);
        List<String> problems = runAfterStartup(examples);
        assertThat(problems).as("qtrade.jsh comment lines that fail").isEmpty();
    }

    private static List<String> runAfterStartup(List<String> lines) throws Exception {
        List<String> problems = new ArrayList<>();
        PrintStream stdout = System.out;
        // The local execution engine runs the snippets in this JVM: their System.out is the process's.
        System.setOut(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));
        try (JShell shell = JShell.builder().executionEngine("local").build()) {
            String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
            for (String entry : classPath.split(File.pathSeparator)) {
                if (!entry.isBlank()) {
                    shell.addToClasspath(entry);
                }
            }
            eval(shell, Files.readString(SCRIPT), "qtrade.jsh", problems);
            assertThat(problems).as("start-up script").isEmpty();
            for (String line : lines) {
                List<String> values = eval(shell, line, line, problems);
                Matcher shown = SHOWN_VALUE.matcher(line.strip());
                if (shown.matches() && !values.isEmpty()) {
                    String value = values.get(values.size() - 1);
                    if (!value.equals(shown.group(2))) {
                        problems.add(line + " -> printed " + value + ", the comment shows " + shown.group(2));
                    }
                }
            }
        } finally {
            System.setOut(stdout);
        }
        return problems;
    }

    /** Evaluates every complete snippet of {@code source}; returns the values of expressions, records failures. */
    private static List<String> eval(JShell shell, String source, String where, List<String> problems) {
        SourceCodeAnalysis analysis = shell.sourceCodeAnalysis();
        List<String> values = new ArrayList<>();
        String rest = source;
        while (!rest.isBlank()) {
            SourceCodeAnalysis.CompletionInfo info = analysis.analyzeCompletion(rest);
            if (info.completeness() == SourceCodeAnalysis.Completeness.EMPTY) {
                break;
            }
            if (!info.completeness().isComplete()) {
                problems.add(where + " -> incomplete snippet: " + rest.strip());
                break;
            }
            for (SnippetEvent e : shell.eval(info.source())) {
                if (e.causeSnippet() != null) {
                    continue;
                }
                if (e.status() == Snippet.Status.REJECTED || e.exception() != null) {
                    problems.add(where + " -> " + e.status() + " "
                            + shell.diagnostics(e.snippet()).map(d -> d.getMessage(null)).toList()
                            + (e.exception() != null ? " " + e.exception() : ""));
                } else if (e.value() != null) {
                    values.add(e.value());
                }
            }
            rest = info.remaining();
        }
        return values;
    }
}
