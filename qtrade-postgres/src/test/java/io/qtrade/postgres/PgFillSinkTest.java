package io.qtrade.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.order.Fill;
import io.qtrade.core.order.Liquidity;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

/** Live fills buffered, flushed by COPY and read back equal, per strategy, in exchange-time order. */
@ExtendWith(PgClusterExtension.class)
class PgFillSinkTest {

    static final List<Instrument> INSTRUMENTS = List.of(Instrument.spot("BTCUSDT", "BINANCE", 0.01, 0.00001),
            new Instrument("NIFTY24DECFUT", "NSE", 0.05, 25, 1));

    PgSettings settings;

    @BeforeEach
    void database(PgCluster cluster) {
        settings = cluster.freshDatabase("fills");
    }

    static List<Fill> fills(int n, long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Fill> out = new ArrayList<>();
        long ts = 1_733_000_000_000_000_000L;
        for (int k = 0; k < n; k++) {
            ts += rnd.nextInt(3) * 1_000L;   // equal exchange times happen: storage order breaks the tie
            Instrument i = INSTRUMENTS.get(rnd.nextInt(2));
            out.add(new Fill(k / 2, i, rnd.nextBoolean() ? Side.BUY : Side.SELL, 100 + rnd.nextDouble(),
                    rnd.nextDouble() + 1e-9, rnd.nextDouble() - 0.5, rnd.nextBoolean() ? Liquidity.MAKER
                    : Liquidity.TAKER, ts, ts + rnd.nextInt(1_000_000)));
        }
        return out;
    }

    @Test
    void fillsFlushedEveryHundredAndOnCloseReadBackEqualPerStrategy() throws Exception {
        List<Fill> a = fills(1_050, 1);
        List<Fill> b = fills(10, 2);
        try (Connection c = settings.connect()) {
            try (PgFillSink sink = new PgFillSink(c, "mm-a", 100); PgFillSink other = new PgFillSink(c, "mm-b", 1)) {
                for (int k = 0; k < a.size(); k++) {
                    sink.accept(a.get(k));
                    if (k < b.size()) {
                        other.accept(b.get(k));
                        assertThat(other.written()).isEqualTo(k + 1);   // flushRows 1: stored at once
                    }
                }
                assertThat(sink.written()).isEqualTo(1_000);           // 50 still buffered
            }
            assertThat(PgFillSink.read(c, "mm-a", INSTRUMENTS, Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo(a);
            assertThat(PgFillSink.read(c, "mm-b", INSTRUMENTS, Long.MIN_VALUE, Long.MAX_VALUE)).isEqualTo(b);
            long from = a.get(100).exchTs();
            long to = a.get(200).exchTs();
            assertThat(PgFillSink.read(c, "mm-a", INSTRUMENTS, from, to))
                    .isEqualTo(a.stream().filter(f -> f.exchTs() >= from && f.exchTs() < to).toList());
            assertThatThrownBy(() -> PgFillSink.read(c, "mm-a", INSTRUMENTS.subList(0, 1), Long.MIN_VALUE,
                    Long.MAX_VALUE)).isInstanceOf(PgException.class).hasMessageContaining("NSE:NIFTY24DECFUT");
        }
    }
}
