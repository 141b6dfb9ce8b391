package io.qtrade.features.flow;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.book.OrderBook;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.Table;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OrderFlowImbalanceTest {

    private final Instrument instrument = Instrument.spot("T", "SYN", 0.5, 1);

    /**
     * A hand-computed sequence from the definition of e_n in Cont, Kukanov and Stoikov (2014), tick 0.5:
     * <pre>
     * n  best bid    best ask     bid part                       ask part                     e_n
     * 0  100.0 x 5   101.0 x 4    (seed)
     * 1  100.0 x 7   101.0 x 4    same price: +7 - 5 = +2        same price: -4 + 4 = 0       +2
     * 2  100.0 x 7   101.0 x 1    +7 - 7 = 0                     -1 + 4 = +3                  +3
     * 3  100.5 x 2   101.0 x 1    bid up: +2                     -1 + 1 = 0                   +2
     * 4  100.5 x 2   101.5 x 6    0                              ask up: +q^A_{n-1} = +1      +1
     * 5  100.0 x 7   101.5 x 6    bid down: -q^B_{n-1} = -2      0                            -2
     * 6  100.0 x 7   101.0 x 3    0                              ask down: -q^A_n = -3        -3
     * OFI over events 1..6 = 2 + 3 + 2 + 1 - 2 - 3 = 3
     * </pre>
     */
    @Test
    void matchesTheHandComputedContributionsOfTheCksDefinition() {
        OrderBook book = new OrderBook(instrument);
        OrderFlowImbalance ofi = new OrderFlowImbalance();
        book.update(Side.BUY, 200, 5);
        book.update(Side.SELL, 202, 4);
        assertThat(ofi.update(book)).isNaN();
        book.update(Side.BUY, 200, 7);
        assertThat(ofi.update(book)).isEqualTo(2.0);
        book.update(Side.SELL, 202, 1);
        assertThat(ofi.update(book)).isEqualTo(3.0);
        book.update(Side.BUY, 201, 2);
        assertThat(ofi.update(book)).isEqualTo(2.0);
        book.update(Side.SELL, 203, 6);
        book.update(Side.SELL, 202, 0);
        assertThat(ofi.update(book)).isEqualTo(1.0);
        book.update(Side.BUY, 201, 0);
        assertThat(ofi.update(book)).isEqualTo(-2.0);
        book.update(Side.SELL, 202, 3);
        assertThat(ofi.update(book)).isEqualTo(-3.0);
        assertThat(ofi.windowSum()).isEqualTo(3.0);
        assertThat(ofi.windowEvents()).isEqualTo(6);
        assertThat(ofi.closeWindow()).isEqualTo(3.0);
        assertThat(ofi.windowSum()).isZero();
        // The book state survives the window: an unchanged book contributes 0.
        assertThat(ofi.update(book)).isZero();
    }

    @Test
    void batchArraysAndTablesawColumnsGiveTheStreamingNumbers() {
        double[] bid = {100.0, 100.0, 100.0, 100.5, 100.5, 100.0, 100.0};
        double[] bidQty = {5, 7, 7, 2, 2, 7, 7};
        double[] ask = {101.0, 101.0, 101.0, 101.0, 101.5, 101.5, 101.0};
        double[] askQty = {4, 4, 1, 1, 6, 6, 3};
        double[] out = OrderFlowImbalance.contributions(bid, bidQty, ask, askQty, new double[7]);
        assertThat(out).containsExactly(Double.NaN, 2, 3, 2, 1, -2, -3);
        Table quotes = Table.create("quotes", DoubleColumn.create("bid", bid), DoubleColumn.create("bq", bidQty),
                DoubleColumn.create("ask", ask), DoubleColumn.create("aq", askQty));
        DoubleColumn column = OrderFlowImbalance.contributions(quotes, "bid", "bq", "ask", "aq");
        assertThat(column.name()).isEqualTo("ofi");
        assertThat(column.asDoubleArray()).containsExactly(out);
    }

    @Test
    void anEmptySideGivesNaNAndPoisonsItsWindowButNotTheNext() {
        OrderFlowImbalance ofi = new OrderFlowImbalance();
        ofi.update(100, 5, 101, 4);
        assertThat(ofi.update(100, 6, Double.NaN, 0)).isNaN();
        assertThat(ofi.update(100, 6, 101, 2)).isNaN(); // the previous state had no ask
        assertThat(ofi.undefinedEvents()).isEqualTo(2);
        assertThat(ofi.closeWindow()).isNaN();
        // 100 x 6 -> 100 x 8: +2; 101 x 2 -> 101 x 2: 0
        assertThat(ofi.update(100, 8, 101, 2)).isEqualTo(2.0);
        assertThat(ofi.closeWindow()).isEqualTo(2.0);
    }

    @Test
    void refusesANonPositiveQuantityOnAnExistingSide() {
        OrderFlowImbalance ofi = new OrderFlowImbalance();
        assertThatThrownBy(() -> ofi.update(100, 0, 101, 3)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("bid at price 100.0").hasMessageContaining("was 0.0");
        assertThatThrownBy(() -> OrderFlowImbalance.contributions(new double[]{100, 100}, new double[]{1, -1},
                new double[]{101, 101}, new double[]{1, 1}, new double[2]))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("OFI row 1");
        Table quotes = Table.create("q", DoubleColumn.create("bid", 1.0));
        assertThatThrownBy(() -> OrderFlowImbalance.contributions(quotes, "bid", "bq", "ask", "aq"))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no column 'bq'");
    }
}
