package io.qtrade.bars.corporate;

import io.qtrade.bars.universe.Universe;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class CorporateCsvTest {

    @TempDir
    Path dir;

    private Path write(String name, String text) throws IOException {
        Path p = dir.resolve(name);
        Files.writeString(p, text);
        return p;
    }

    @Test
    void readsSplitsAndDividends() throws IOException {
        CorporateActions a = CorporateActions.readCsv(write("ca.csv",
                "date,symbol,ratio,amount\n2014-06-09,AAPL,7:1,\n2014-08-07,AAPL,,0.47\n2020-08-31,AAPL,4,\n"
                        + "2019-01-02,MSFT,,0.46\n2000-01-03,XYZ,1/10,\n"));
        assertThat(a.of("AAPL")).containsExactly(
                CorporateAction.split("AAPL", LocalDate.parse("2014-06-09"), 7),
                CorporateAction.dividend("AAPL", LocalDate.parse("2014-08-07"), 0.47),
                CorporateAction.split("AAPL", LocalDate.parse("2020-08-31"), 4));
        assertThat(a.of("XYZ").get(0).value()).isCloseTo(0.1, within(1e-15));
        assertThat(a.of("NONE")).isEmpty();
    }

    @Test
    void refusesBadLinesNamingFileLineAndField() throws IOException {
        Path bad1 = write("b1.csv", "date,symbol,ratio,amount\n2014-06-09,AAPL,7:1,\n2014-13-07,AAPL,,0.47\n");
        assertThatThrownBy(() -> CorporateActions.readCsv(bad1))
                .hasMessage(bad1 + ":3: field 'date' is not an ISO date: '2014-13-07'");
        Path bad2 = write("b2.csv", "date,symbol,ratio,amount\n2014-06-09,AAPL,2,0.1\n");
        assertThatThrownBy(() -> CorporateActions.readCsv(bad2)).hasMessageContaining(bad2 + ":2: exactly one of");
        Path bad3 = write("b3.csv", "date,symbol,ratio,amount\n2014-06-09,AAPL,,-1\n");
        assertThatThrownBy(() -> CorporateActions.readCsv(bad3))
                .hasMessage(bad3 + ":2: field 'amount' must be finite and > 0, was -1");
        Path bad4 = write("b4.csv", "date,symbol,amount\n");
        assertThatThrownBy(() -> CorporateActions.readCsv(bad4)).hasMessageContaining(":1: the header has no column 'ratio'");
        Path dup = write("dup.csv", "date,symbol,ratio,amount\n2014-06-09,AAPL,2,\n2014-06-09,AAPL,3,\n");
        assertThatThrownBy(() -> CorporateActions.readCsv(dup)).hasMessageContaining("duplicate corporate action");
    }

    @Test
    void universeFileRefusesBadLines() throws IOException {
        Universe u = Universe.readCsv(write("u.csv", "symbol,listed,delisted\nAAA,2000-01-03,\nBBB,2003-05-01,2011-09-30\n"));
        assertThat(u.listing("AAA").orElseThrow().delisted()).isEqualTo(Universe.STILL_LISTED);
        assertThat(u.listedOn(LocalDate.parse("2012-01-02"))).containsExactly("AAA");
        assertThat(u.listedOn(LocalDate.parse("2011-09-30"))).containsExactly("AAA", "BBB");
        Path bad = write("ub.csv", "symbol,listed,delisted\nAAA,2000-01-03,1999-01-01\n");
        assertThatThrownBy(() -> Universe.readCsv(bad))
                .hasMessage(bad + ":2: field 'delisted' 1999-01-01 is before 'listed' 2000-01-03");
        Path twice = write("ut.csv", "symbol,listed,delisted\nAAA,2000-01-03,\nAAA,2001-01-03,\n");
        assertThatThrownBy(() -> Universe.readCsv(twice)).hasMessage(twice + ":3: symbol AAA was already listed on line 2");
    }

    @Test
    void backAdjustmentMatchesTheVendorConvention() {
        LocalDate[] dates = {LocalDate.parse("2020-01-01"), LocalDate.parse("2020-01-02"),
                LocalDate.parse("2020-01-03"), LocalDate.parse("2020-01-06")};
        double[] close = {100, 104, 52, 50};
        List<CorporateAction> actions = List.of(CorporateAction.split("X", dates[2], 2),
                CorporateAction.dividend("X", dates[3], 1.04));
        double[] adj = BackAdjustment.adjust(dates, close, actions);
        // dividend factor 1 - 1.04/52 = 0.98 applies to days 0..2; split factor 0.5 to days 0..1
        assertThat(adj[0]).isCloseTo(100 * 0.5 * 0.98, within(1e-12));
        assertThat(adj[1]).isCloseTo(104 * 0.5 * 0.98, within(1e-12));
        assertThat(adj[2]).isCloseTo(52 * 0.98, within(1e-12));
        assertThat(adj[3]).isEqualTo(50.0);
    }
}
