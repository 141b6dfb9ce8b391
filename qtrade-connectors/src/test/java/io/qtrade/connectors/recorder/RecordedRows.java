package io.qtrade.connectors.recorder;

import io.qtrade.store.synthetic.SyntheticMarket;
import io.qtrade.core.Instrument;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventSource;

import java.util.ArrayList;
import java.util.List;

/** Rows of an event source, one list per instrument, each row as text (every column), for exact comparisons. */
final class RecordedRows {

    static final Instrument AAA = Instrument.spot("AAA", "SIM", 0.01, 1);
    static final Instrument BBB = Instrument.spot("BBB", "SIM", 0.05, 1);

    private RecordedRows() {
    }

    /** The generator both the tests and the child JVM record. */
    static SyntheticMarket market(long events, long seed) {
        return SyntheticMarket.builder().instrument(AAA, 100.00).instrument(BBB, 50.00).events(events).seed(seed)
                .build();
    }

    /** Every row of {@code source} (closed afterwards) by instrument symbol order AAA, BBB. */
    static List<List<String>> rows(EventSource source, List<Instrument> order) {
        List<List<String>> out = new ArrayList<>();
        for (int i = 0; i < order.size(); i++) {
            out.add(new ArrayList<>());
        }
        List<Instrument> in = source.instruments();
        EventBatch batch = new EventBatch(4096);
        try (source) {
            while (source.readBatch(batch)) {
                for (int r = 0; r < batch.size(); r++) {
                    int target = order.indexOf(in.get(batch.instrument(r)));
                    out.get(target).add(batch.exchTs(r) + " " + batch.localTs(r) + " " + batch.kind(r) + " "
                            + batch.sideCode(r) + " " + batch.price(r) + " " + batch.qty(r) + " " + batch.flags(r));
                }
            }
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return out;
    }
}
