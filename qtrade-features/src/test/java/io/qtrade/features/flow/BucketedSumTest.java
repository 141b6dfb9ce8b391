package io.qtrade.features.flow;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BucketedSumTest {

    /**
     * 1-second buckets: events at 0.2 s (+1), 0.9 s (+2), 1.5 s (-4), 3.1 s (+8). Bucket 0 = 3 closes when the
     * 1.5 s event arrives; bucket 1 = -4 closes at 3.1 s; bucket 2 had no event and is not emitted; flush gives
     * bucket 3 = 8.
     */
    @Test
    void timeBucketsCloseOnTheFirstEventOfALaterBucket() {
        long s = 1_000_000_000L;
        BucketedSum sum = BucketedSum.ofNanos(s);
        assertThat(sum.add(200_000_000L, 1)).isFalse();
        assertThat(sum.add(900_000_000L, 2)).isFalse();
        assertThat(sum.add(1_500_000_000L, -4)).isTrue();
        assertThat(sum.closedSum()).isEqualTo(3);
        assertThat(sum.closedCount()).isEqualTo(2);
        assertThat(sum.closedBucketStartTs()).isZero();
        assertThat(sum.add(3_100_000_000L, 8)).isTrue();
        assertThat(sum.closedSum()).isEqualTo(-4);
        assertThat(sum.closedBucketStartTs()).isEqualTo(s);
        assertThat(sum.flush()).isTrue();
        assertThat(sum.closedSum()).isEqualTo(8);
        assertThat(sum.closedBucketStartTs()).isEqualTo(3 * s);
        assertThat(sum.flush()).isFalse();
    }

    @Test
    void aNaNMakesItsBucketNaNOnly() {
        BucketedSum sum = BucketedSum.ofEvents(2);
        sum.add(0, 1);
        assertThat(sum.add(1, Double.NaN)).isTrue();
        assertThat(sum.closedSum()).isNaN();
        sum.add(2, 1);
        assertThat(sum.add(3, 2)).isTrue();
        assertThat(sum.closedSum()).isEqualTo(3);
    }

    @Test
    void refusesTimeGoingBackAcrossBucketsAndBadSizes() {
        BucketedSum sum = BucketedSum.ofNanos(10);
        sum.add(25, 1);
        assertThatThrownBy(() -> sum.add(5, 1)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("ts 5 precedes the current bucket starting at 20");
        sum.flush();
        assertThatThrownBy(() -> sum.add(15, 1))
                .hasMessageContaining("ts 15 precedes the current bucket starting at 20");
        assertThatThrownBy(() -> BucketedSum.ofEvents(0)).hasMessageContaining("eventsPerBucket must be >= 1, was 0");
        assertThatThrownBy(() -> BucketedSum.ofNanos(-1)).hasMessageContaining("bucketNanos must be >= 1, was -1");
    }
}
