package io.qtrade.examples;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.book.OrderBook;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OfiBucketsTest {

    private static final long S = 1_000_000_000L;
    private static final Instrument AAA = Instrument.spot("AAA", "SYN", 0.01, 0.5);

    @Test
    void bucketsFollowContKukanovStoikovWithEmptyBucketsAsZero() {
        OrderBook book = new OrderBook(AAA);
        OfiBuckets buckets = new OfiBuckets(S, AAA.lotSize());
        // bucket 0 (0.5 s): the opening book 100.00 x 10 | 100.02 x 10, 100.03 x 5; seeds OFI, mid 100.01
        book.update(Side.BUY, 10_000, 10);
        book.update(Side.SELL, 10_002, 10);
        book.update(Side.SELL, 10_003, 5);
        buckets.afterBookEvent(S / 2, book);
        // bucket 1 (1.2 s): bid queue 10 -> 15, e = +15 - 10 = +5
        book.update(Side.BUY, 10_000, 15);
        buckets.afterBookEvent(S + S / 5, book);
        // bucket 1 (1.5 s): the best ask 100.02 leaves, ask rises to 100.03: e = +q^A_{n-1} = +10
        book.update(Side.SELL, 10_002, 0);
        buckets.afterBookEvent(S + S / 2, book);
        // bucket 2: nothing. bucket 3 (3.1 s): bid queue 15 -> 5, e = 5 - 15 = -10
        book.update(Side.BUY, 10_000, 5);
        buckets.afterBookEvent(3 * S + S / 10, book);
        buckets.finish();

        // OFI in lots of 0.5: bucket 1 = 15 / 0.5 = 30, bucket 2 = 0, bucket 3 = -10 / 0.5 = -20.
        assertThat(buckets.ofiLots()).containsExactly(30.0, 0.0, -20.0);
        assertThat(buckets.emptyBuckets()).isEqualTo(1);
        // mid: 100.01 at the end of bucket 0, 100.015 at the end of buckets 1..3: dP = 0.5, 0, 0 ticks, exactly
        // (bid + ask in ticks: 20002 -> 20003).
        assertThat(buckets.midChangeTicks()).containsExactly(0.5, 0.0, 0.0);
    }

    @Test
    void aBucketWithAnEmptySideIsNaNNotZero() {
        OrderBook book = new OrderBook(AAA);
        OfiBuckets buckets = new OfiBuckets(S, AAA.lotSize());
        book.update(Side.BUY, 10_000, 10);
        book.update(Side.SELL, 10_002, 10);
        buckets.afterBookEvent(0, book);
        book.update(Side.SELL, 10_002, 0);      // no asks in bucket 1
        buckets.afterBookEvent(S, book);
        book.update(Side.SELL, 10_002, 4);      // back in bucket 2
        buckets.afterBookEvent(2 * S, book);
        buckets.finish();

        assertThat(buckets.ofiLots()[0]).isNaN();
        assertThat(buckets.midChangeTicks()[0]).isNaN();
        // bucket 2 compares with the empty-sided state of bucket 1: still undefined
        assertThat(buckets.ofiLots()[1]).isNaN();
    }

    @Test
    void refusesALotSizeThatIsNotPositive() {
        assertThatThrownBy(() -> new OfiBuckets(S, 0.0)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("lotSize = 0.0");
    }
}
