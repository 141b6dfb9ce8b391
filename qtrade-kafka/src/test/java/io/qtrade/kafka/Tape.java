package io.qtrade.kafka;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventKind;
import java.util.List;

/**
 * A deterministic tape for the tests: row {@code i} is a function of {@code i} alone (so a million rows are
 * checked without keeping them), with strictly increasing {@code exchTs}, four instruments on two venues and the
 * kinds DEPTH_UPDATE, TRADE, BBO and ORDER_ADD.
 */
final class Tape {

    static final List<Instrument> INSTRUMENTS = List.of(
            new Instrument("BTCUSDT", "binance", 0.01, 0.001, 1),
            new Instrument("ETHUSDT", "binance", 0.01, 0.001, 1),
            new Instrument("AAPL", "lobster", 0.01, 1, 1),
            new Instrument("MSFT", "lobster", 0.01, 1, 1));
    static final EventKind[] KINDS = {EventKind.DEPTH_UPDATE, EventKind.TRADE, EventKind.BBO, EventKind.ORDER_ADD};
    static final long T0 = 1_700_000_000_000_000_000L;

    private Tape() {
    }

    static int instrument(long i) {
        return (int) (i * 7 % 4);
    }

    static EventKind kind(long i) {
        return KINDS[(int) (i / 3 % 4)];
    }

    static long exchTs(long i) {
        return T0 + i * 1_000L;
    }

    /** Appends rows {@code from .. from+count) to {@code into}. */
    static void fill(EventBatch into, long from, int count) {
        into.clear();
        for (long i = from; i < from + count; i++) {
            EventKind kind = kind(i);
            byte side = i % 2 == 0 ? Side.BUY.code() : Side.SELL.code();
            long orderId = kind == EventKind.ORDER_ADD ? 1_000_000L + i : EventBatch.NO_ORDER_ID;
            into.add(instrument(i), exchTs(i), exchTs(i) + 250 + i % 17, kind, side, 100.0 + (i % 1000) * 0.01,
                    (i % 13) * 0.5, orderId, (int) (i % 3));
        }
    }

    /** Every topic the tape writes under {@code topics}. */
    static String[] topicNames(KafkaTopics topics) {
        return List.of("binance", "lobster").stream()
                .flatMap(v -> java.util.Arrays.stream(KINDS).map(k -> topics.topic(v, k))).toArray(String[]::new);
    }
}
