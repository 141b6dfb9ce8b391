package io.qtrade.backtest.report.chart;

import io.qtrade.core.time.Timestamps;
import org.junit.jupiter.api.Test;

import java.awt.Color;
import java.time.LocalDate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ChartsTest {

    @Test
    void niceTicksAreMultiplesOfOneTwoOrFiveTimesAPowerOfTen() {
        assertThat(Svg.niceTicks(0, 100, 6)).containsExactly(0, 20, 40, 60, 80, 100);
        assertThat(Svg.niceTicks(-0.37, 0.81, 6)).containsExactly(-0.2, 0.0, 0.2, 0.4, 0.6, 0.8);
        assertThat(Svg.niceRange(0.13, 9.7, 6)).containsExactly(0.0, 10.0);
        // Flat data get a margin instead of a zero-height axis.
        assertThat(Svg.niceRange(5, 5, 6)[1]).isGreaterThan(5);
    }

    @Test
    void labelsAreForPeopleNotForTheBinaryExpansion() {
        assertThat(Svg.label(0.1 + 0.0470000000000001)).isEqualTo("0.147");
        assertThat(Svg.label(1234567.0)).isEqualTo("1234570");
        assertThat(Svg.label(-2.5e-7)).isEqualTo("-2.50e-07");
        assertThat(Svg.label(Double.NaN)).isEqualTo("n/a");
        // Ticks 0.05 apart near 100000 keep their decimals: neighbours never print alike.
        assertThat(Svg.tickLabel(100000.05, 0.05)).isEqualTo("100000.05");
        assertThat(Svg.tickLabel(100000.1, 0.05)).isEqualTo("100000.10");
        assertThat(Svg.tickLabel(40, 20)).isEqualTo("40");
        assertThat(Svg.fmt(12.0)).isEqualTo("12");
        assertThat(Svg.fmt(12.3456)).isEqualTo("12.35");
    }

    @Test
    void aTimeChartHasOnePathPerSeriesAndUtcTickLabels() {
        long day = Timestamps.startOfDay(LocalDate.of(2024, 1, 2));
        long hour = 3_600_000_000_000L;
        long[] ts = {day, day + hour, day + 2 * hour, day + 3 * hour};
        String svg = XyChart.builder("Equity <&>", XyChart.Axis.TIME_UTC).yLabel("equity")
                .series("a", ts, new double[] {1, 2, Double.NaN, 4}, XyChart.Style.LINE)
                .series("b", ts, new double[] {0, -1, -2, -1}, XyChart.Style.STEP)
                .build().svg("chart-equity");
        assertThat(svg).startsWith("<svg id='chart-equity' xmlns=\"http://www.w3.org/2000/svg\"").endsWith("</svg>");
        assertThat(svg).contains("<title>Equity &lt;&amp;&gt;</title>");
        assertThat(count(svg, "<path ")).isEqualTo(2);
        // A NaN breaks the line: the first series' path moves twice.
        Matcher m = Pattern.compile("<path d=\"([^\"]*)\" fill=\"none\" stroke=\"#4C72B0\"").matcher(svg);
        assertThat(m.find()).isTrue();
        assertThat(count(m.group(1), "M")).isEqualTo(2);
        assertThat(svg).contains(">00:00<", ">01:00<", ">03:00<", ">time (UTC)<");
    }

    @Test
    void longSeriesAreThinnedKeepingTheirEndsAndTheirOwnerSees() {
        int n = 100_000;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int k = 0; k < n; k++) {
            x[k] = k;
            y[k] = k % 7;
        }
        String svg = XyChart.builder("", XyChart.Axis.NUMBER).maxPoints(100)
                .series("s", x, y, XyChart.Style.LINE).build().svg("thin");
        Matcher m = Pattern.compile("<path d=\"([^\"]*)\"").matcher(svg);
        assertThat(m.find()).isTrue();
        assertThat(count(m.group(1), "L") + 1).isEqualTo(100);
        assertThatThrownBy(() -> XyChart.builder("t", XyChart.Axis.NUMBER).series("s", new long[] {1},
                new double[] {1}, XyChart.Style.LINE)).hasMessageContaining("x axis is NUMBER");
        assertThatThrownBy(() -> XyChart.builder("t", XyChart.Axis.NUMBER).series("s", new double[] {1, 2},
                new double[] {1}, XyChart.Style.LINE)).hasMessageContaining("2 x values but 1 y values");
        assertThatThrownBy(() -> XyChart.builder("t", XyChart.Axis.NUMBER).build().svg("1bad"))
                .hasMessageContaining("chart id");
    }

    @Test
    void barsGrowFromZeroAndAHistogramCountsEveryFiniteValueOnce() {
        String svg = BarChart.builder("PnL", List.of("00", "01", "02")).series("net", new double[] {2, -1, 0})
                .build().svg("bars");
        // Two bars: the zero value draws none. Their heights are in the ratio of the values.
        Matcher m = Pattern.compile("<rect x=\"[^\"]*\" y=\"[^\"]*\" width=\"[^\"]*\" height=\"([^\"]*)\" fill=\"#4C72B0\"><title>")
                .matcher(svg);
        double[] h = new double[2];
        int k = 0;
        while (m.find()) {
            h[k++] = Double.parseDouble(m.group(1));
        }
        assertThat(k).isEqualTo(2);
        assertThat(h[0] / h[1]).isCloseTo(2.0, org.assertj.core.api.Assertions.within(0.02));

        double[] values = {0, 0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, Double.NaN};
        BarChart hist = BarChart.histogram("Returns", "return", values, 4);
        String hs = hist.svg("hist");
        assertThat(hist.categoryCount()).isEqualTo(4);
        // Bins of width 1 from 0 to 4: {0, 0.5}, {1, 1.5}, {2, 2.5}, {3, 3.5, 4} (the maximum joins the last bin).
        assertThat(hs).contains("<title>0.5: 2</title>", "<title>1.5: 2</title>", "<title>2.5: 2</title>",
                "<title>3.5: 3</title>");
    }

    @Test
    void heatMapCellsCarryTheirIdsColoursAndLabels() {
        HeatMap map = HeatMap.builder("Monthly", List.of("Jan", "Feb"), List.of("2023", "2024"))
                .values(new double[][] {{1.0, -2.5}, {Double.NaN, 0.123456}})
                .colours(HeatMap.divergingAround(0, 2.5)).build();
        String svg = map.svg("hm");
        assertThat(svg).contains("<rect id='hm-cell-0-0'", "<rect id='hm-cell-1-1'", ">n/a<", ">0.1235<",
                ">-2.5<");
        // -2.5 is saturated red, NaN grey.
        assertThat(svg).contains("id='hm-cell-0-1' x=", "fill: rgb(196, 78, 82)");
        Color grey = HeatMap.NO_VALUE;
        assertThat(svg).contains("fill: rgb(" + grey.getRed() + ", " + grey.getGreen() + ", " + grey.getBlue() + ")");
        assertThatThrownBy(() -> HeatMap.builder("x", List.of("a"), List.of("b")).values(new double[][] {{1}, {2}}))
                .hasMessageContaining("2 columns, expected 1");
    }

    private static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + part.length())) {
            n++;
        }
        return n;
    }
}
