package io.qtrade.examples;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The root README's "Use it from your project": its Java program compiles with {@code --release 17} against the
 * SDK's jars (this module's test class path) and runs, printing the totals of its backtest; its pom snippet names
 * only artifacts the BOM manages, and the compiler release the build uses. Read from README.md itself.
 *
 * <p>The nested Maven build of a consumer project made of the same two snippets, against the artifacts installed
 * into a private local repository, is {@code qtrade-consumer-test} (maven-invoker-plugin); this test is the fast
 * check of the same two things inside the examples' test run.
 */
class ConsumerSnippetTest {

    private static final Path README = Path.of("../README.md");

    private static String section() throws Exception {
        String readme = Files.readString(README, StandardCharsets.UTF_8);
        int start = readme.indexOf("## Use it from your project");
        assertThat(start).isNotNegative();
        int end = readme.indexOf("\n## ", start + 5);
        return readme.substring(start, end);
    }

    private static String block(String section, String language) {
        Matcher m = Pattern.compile("```" + language + "\\n(.*?)```", Pattern.DOTALL).matcher(section);
        assertThat(m.find()).as("a ```%s block", language).isTrue();
        return m.group(1);
    }

    @Test
    void theJavaProgramCompilesForJava17AndRunsItsBacktest(@TempDir Path dir) throws Exception {
        String source = block(section(), "java");
        Path file = dir.resolve("src/FirstStrategy.java");
        Files.createDirectories(file.getParent());
        Files.writeString(file, source);
        Path classes = Files.createDirectories(dir.resolve("classes"));
        String classPath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
        ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();
        int status = javac.run(null, diagnostics, diagnostics, "--release", "17", "-Xlint:all,-path", "-Werror",
                "-cp", classPath, "-d", classes.toString(), file.toString());
        assertThat(status).as("javac: %s", diagnostics.toString(StandardCharsets.UTF_8)).isZero();

        List<URL> urls = new ArrayList<>();
        urls.add(classes.toUri().toURL());
        for (String entry : classPath.split(File.pathSeparator)) {
            if (!entry.isBlank()) {
                urls.add(Path.of(entry).toUri().toURL());
            }
        }
        ByteArrayOutputStream printed = new ByteArrayOutputStream();
        PrintStream stdout = System.out;
        System.setOut(new PrintStream(printed, true, StandardCharsets.UTF_8));
        try (URLClassLoader loader = new URLClassLoader(urls.toArray(new URL[0]), null)) {
            Method main = loader.loadClass("FirstStrategy").getMethod("main", String[].class);
            main.invoke(null, (Object) new String[0]);
        } finally {
            System.setOut(stdout);
        }
        String out = printed.toString(StandardCharsets.UTF_8);
        // the totals table: one row for the instrument and the strategy's all-instruments row, with fills
        assertThat(out).contains("breakout").contains("AAA@SIM").contains("net_pnl");
        Matcher fills = Pattern.compile("breakout\\s*\\|\\s*AAA@SIM\\s*\\|\\s*(\\d+)\\s*\\|\\s*(\\d+)").matcher(out);
        assertThat(fills.find()).as("totals row of breakout in%n%s", out).isTrue();
        assertThat(Long.parseLong(fills.group(2))).as("fills").isPositive();
    }

    @Test
    void thePomSnippetNamesOnlyArtifactsOfTheBomAndTheBuildsRelease() throws Exception {
        String xml = block(section(), "xml");
        String bom = Files.readString(Path.of("../qtrade-bom/pom.xml"));
        String parent = Files.readString(Path.of("../pom.xml"));
        Matcher m = Pattern.compile("<groupId>io.qtrade</groupId>\\s*<artifactId>([^<]+)</artifactId>").matcher(xml);
        int found = 0;
        while (m.find()) {
            String artifact = m.group(1);
            if (!artifact.equals("qtrade-bom")) {
                assertThat(bom).as("the BOM manages %s", artifact)
                        .contains("<artifactId>" + artifact + "</artifactId>");
            }
            found++;
        }
        assertThat(found).isGreaterThanOrEqualTo(3);
        Matcher version = Pattern.compile("<artifactId>qtrade-bom</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(xml);
        assertThat(version.find()).isTrue();
        assertThat(parent).contains("<version>" + version.group(1) + "</version>");
        assertThat(xml).contains("<maven.compiler.release>17</maven.compiler.release>");
        assertThat(parent).contains("<maven.compiler.release>17</maven.compiler.release>");
        Matcher slf4j = Pattern.compile("<artifactId>slf4j-simple</artifactId>\\s*<version>([^<]+)</version>")
                .matcher(xml);
        assertThat(slf4j.find()).isTrue();
        assertThat(parent).contains("<slf4j.version>" + slf4j.group(1) + "</slf4j.version>");
    }
}
