package io.qtrade.store;

import io.qtrade.core.Instrument;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventKind;
import io.qtrade.core.market.EventSource;
import io.qtrade.core.market.InMemoryEventSource;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Events of every kind (L2 and L3, with and without a price, any flags, order ids up to the long range, times across
 * several UTC days) survive events -> Parquet -> events and events -> CSV -> events bit for bit.
 */
class RoundTripProperties {

    static final Instrument X = Instrument.spot("X", "SIM", 0.01, 0.001);
    static final EventKind[] KINDS = EventKind.values();

    static EventBatch randomEvents(long seed, int n) {
        SplittableRandom r = new SplittableRandom(seed);
        EventBatch b = new EventBatch(n);
        long ts = 1_704_067_200_000_000_000L + r.nextLong(1_000_000_000_000L);
        for (int i = 0; i < n; i++) {
            ts += r.nextInt(4) == 0 ? 0 : r.nextLong(300_000_000_000L); // ties, and jumps of minutes: a few UTC days
            EventKind kind = KINDS[r.nextInt(KINDS.length)];
            byte side = (byte) (r.nextInt(3) - 1);
            if (side == 0 && (kind == EventKind.DEPTH_UPDATE || kind == EventKind.BBO
                    || kind == EventKind.ORDER_ADD)) {
                side = 1;
            }
            double price = kind.hasPrice() ? r.nextDouble(-1e6, 1e7) : (r.nextBoolean() ? Double.NaN : 0.0);
            double qty = r.nextInt(5) == 0 ? 0.0 : r.nextDouble() * Math.pow(10, r.nextInt(-8, 9));
            long orderId = kind.isL3() ? 1 + r.nextLong(Long.MAX_VALUE - 1)
                    : kind == EventKind.FUNDING_RATE ? ts + r.nextLong(-28_800_000_000_000L, 28_800_000_000_000L) // funding time
                    : 0;
            b.add(0, ts, ts + r.nextLong(1_000_000_000L), kind, side, price, qty, orderId, r.nextInt());
        }
        return b;
    }

    @Property(tries = 15)
    void parquetAndCsvRoundTripsAreLossless(@ForAll long seed, @ForAll @IntRange(min = 1, max = 3000) int n)
            throws IOException {
        EventBatch original = randomEvents(seed, n);
        for (TickFormat format : TickFormat.values()) {
            Path root = Files.createTempDirectory("qtrade-roundtrip");
            try {
                TickStore store = TickStore.at(root);
                store.write(new InMemoryEventSource(List.of(X), original), format);
                EventBatch back = new EventBatch(n);
                EventBatch batch = new EventBatch(500);
                try (EventSource s = store.read(TickQuery.all().withFormat(format))) {
                    while (s.readBatch(batch)) {
                        for (int i = 0; i < batch.size(); i++) {
                            back.addFrom(batch, i, 0);
                        }
                    }
                }
                assertThat(back.contentEquals(original)).as("%s round trip of %d events, seed %d", format, n, seed)
                        .isTrue();
                assertThat(store.catalog().get(0).rows()).isEqualTo(n);
            } finally {
                try (Stream<Path> walk = Files.walk(root)) {
                    for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                        Files.delete(p);
                    }
                }
            }
        }
    }
}
