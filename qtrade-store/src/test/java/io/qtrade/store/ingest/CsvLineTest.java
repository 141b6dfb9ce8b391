package io.qtrade.store.ingest;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CsvLineTest {

    @Test
    void splitsQuotedFieldsWithCommasAndEscapedQuotes() {
        CsvLine line = new CsvLine("f.csv").reset("1,\"NIFTY, 50\",\"say \"\"hi\"\"\",,0.05", 3);
        assertThat(line.fields()).isEqualTo(5);
        assertThat(line.string(1)).isEqualTo("NIFTY, 50");
        assertThat(line.string(2)).isEqualTo("say \"hi\"");
        assertThat(line.isEmpty(3)).isTrue();
        assertThat(line.decimal(4, "tick_size")).isEqualTo(0.05);
    }

    @Test
    void aBadFieldNamesFileLineAndColumn() {
        CsvLine line = new CsvLine("trades.csv").reset("1,abc,-2,NaN", 7);
        assertThatThrownBy(() -> line.decimal(1, "price")).isInstanceOf(ImportException.class)
                .hasMessage("trades.csv:7, field price: not a finite decimal number: 'abc'");
        assertThatThrownBy(() -> line.quantity(2, "qty")).isInstanceOf(ImportException.class)
                .hasMessage("trades.csv:7, field qty: negative quantity -2: expected >= 0");
        assertThatThrownBy(() -> line.quantity(3, "qty")).isInstanceOf(ImportException.class)
                .hasMessageContaining("not a finite decimal number: 'NaN'");
        ImportException e = org.junit.jupiter.api.Assertions.assertThrows(ImportException.class,
                () -> line.integer(1, "id"));
        assertThat(e.file()).isEqualTo("trades.csv");
        assertThat(e.line()).isEqualTo(7);
        assertThat(e.field()).isEqualTo("id");
    }

    @Test
    void anUnclosedQuoteIsAMalformedLine() {
        assertThatThrownBy(() -> new CsvLine("f.csv").reset("1,\"open", 2)).isInstanceOf(ImportException.class)
                .hasMessageContaining("f.csv:2: unclosed double quote");
    }

    @Test
    void timeOrderAcceptsStepsBackWithinTheToleranceOnly() {
        TimeOrder order = new TimeOrder(5);
        assertThat(order.check(100)).isNull();
        order.accept(100);
        assertThat(order.check(95)).isNull(); // 5 ns back: within the tolerance
        order.accept(95);
        assertThat(order.latest()).isEqualTo(100);
        assertThat(order.check(94)).contains("6 ns before the latest 100 ns, beyond the tolerance of 5 ns");
    }

    @Test
    void lenientSkipsAreCountedAndStrictModeRethrows() {
        ImportException e = ImportException.atLine("f", 1, "x", "bad");
        SkipCounter lenient = new SkipCounter(true);
        lenient.skipOrThrow(e);
        lenient.skipOrThrow(e);
        assertThat(lenient.skipped()).isEqualTo(2);
        assertThatThrownBy(() -> new SkipCounter(false).skipOrThrow(e)).isSameAs(e);
    }
}
