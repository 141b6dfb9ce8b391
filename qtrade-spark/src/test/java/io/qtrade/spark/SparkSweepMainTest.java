package io.qtrade.spark;

import io.qtrade.research.sweep.Metric;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** The command line of {@link SparkSweepMain} and loading a definition, without Spark. */
class SparkSweepMainTest {

    @Test
    void optionsComeBeforeTheClassAndEverythingAfterItGoesToTheDefinition() {
        SparkSweepMain.Arguments a = SparkSweepMain.Arguments.parse("--output", "hdfs://nn/out.parquet", "--rank",
                "max_drawdown", "--top", "5", "com.acme.MakerSweep", "/data/ticks", "--top", "9");
        assertThat(a.definitionClass()).isEqualTo("com.acme.MakerSweep");
        assertThat(a.definitionArgs()).containsExactly("/data/ticks", "--top", "9");
        assertThat(a.outputUri()).isEqualTo("hdfs://nn/out.parquet");
        assertThat(a.rankBy()).isEqualTo(Metric.MAX_DRAWDOWN);
        assertThat(a.top()).isEqualTo(5);
    }

    @Test
    void withoutOptionsTheRankingIsBySharpeTopTwentyAndNothingIsWritten() {
        SparkSweepMain.Arguments a = SparkSweepMain.Arguments.parse("com.acme.MakerSweep");
        assertThat(a.rankBy()).isEqualTo(Metric.SHARPE);
        assertThat(a.top()).isEqualTo(SparkSweepMain.DEFAULT_TOP).isEqualTo(20);
        assertThat(a.outputUri()).isNull();
        assertThat(a.definitionArgs()).isEmpty();
        // The enum name works as well as the column name.
        assertThat(SparkSweepMain.Arguments.parse("--rank", "NET_PNL", "X").rankBy()).isEqualTo(Metric.NET_PNL);
    }

    @Test
    void aBadCommandLineNamesTheOptionAndWhatWasExpected() {
        assertThatThrownBy(() -> SparkSweepMain.Arguments.parse()).hasMessage("no sweep definition class given");
        assertThatThrownBy(() -> SparkSweepMain.Arguments.parse("--output")).hasMessage("--output needs a value");
        assertThatThrownBy(() -> SparkSweepMain.Arguments.parse("--rank", "sortino", "X"))
                .hasMessage("--rank sortino: expected one of [net_pnl, sharpe, max_drawdown, fees, fills, maker_share]");
        assertThatThrownBy(() -> SparkSweepMain.Arguments.parse("--top", "ten", "X"))
                .hasMessage("--top ten: expected a whole number >= 1");
        assertThatThrownBy(() -> SparkSweepMain.Arguments.parse("--top", "0", "X"))
                .hasMessage("--top must be >= 1, was 0");
        assertThatThrownBy(() -> SparkSweepMain.Arguments.parse("--master", "local", "X"))
                .hasMessage("unknown option --master; expected --output, --rank or --top before the definition class");
    }

    @Test
    void aDefinitionClassThatIsMissingWrongOrFailingIsReportedByName() {
        assertThatThrownBy(() -> SparkSweepMain.loadSweep(SparkSweepMain.Arguments.parse("com.acme.Missing")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageStartingWith("sweep definition class com.acme.Missing cannot be loaded (is its jar on the"
                        + " application class path?)");
        assertThatThrownBy(() -> SparkSweepMain.loadSweep(SparkSweepMain.Arguments.parse("java.lang.String")))
                .hasMessage("sweep definition class java.lang.String does not implement io.qtrade.spark.SweepDefinition");
        assertThatThrownBy(() -> SparkSweepMain.loadSweep(SparkSweepMain.Arguments.parse(
                MakerSweepDefinition.class.getName(), "a", "b")))
                .hasMessage("sweep definition " + MakerSweepDefinition.class.getName() + " failed to build its sweep"
                        + " from [a, b]: java.lang.IllegalArgumentException: expected one argument, the store root;"
                        + " got [a, b]");
        assertThat(List.of(SparkSweepMain.Arguments.USAGE.split("\n"))).first().asString()
                .startsWith("usage: SparkSweepMain [--output URI]");
    }
}
