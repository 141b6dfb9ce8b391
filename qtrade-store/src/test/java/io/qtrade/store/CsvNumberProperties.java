package io.qtrade.store;

import io.qtrade.core.Instrument;
import io.qtrade.core.market.EventBatch;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.Size;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The CSV reader's own number parsing agrees bit for bit with the JDK on what {@code Double.toString} writes. */
class CsvNumberProperties {

    static final Instrument X = Instrument.spot("X", "SIM", 0.01, 0.001);

    @Property(tries = 50)
    void doublesAndLongsReadBackExactly(@ForAll @Size(min = 1, max = 200) List<@DoubleRange(min = 0, max = 1e12)
            Double> qtys, @ForAll @Size(min = 1, max = 200) List<@DoubleRange(min = -1e9, max = 1e9) Double> prices,
            @ForAll long orderId) throws Exception {
        int n = Math.min(qtys.size(), prices.size());
        StringBuilder sb = new StringBuilder(TickSchema.CSV_HEADER).append('\n');
        for (int i = 0; i < n; i++) {
            // A trade with order id: order_id is not checked for non-L3 kinds, so any long goes through.
            sb.append(Long.MIN_VALUE + i).append(',').append(Long.MAX_VALUE).append(",2,1,").append(prices.get(i))
                    .append(',').append(qtys.get(i)).append(',').append(orderId).append(',').append(-i)
                    .append('\n');
        }
        Path f = Files.createTempFile("qtrade-csv", ".csv");
        try {
            Files.writeString(f, sb);
            EventBatch b = new EventBatch(n);
            try (CsvTickReader r = new CsvTickReader(f, X, TickReadOptions.DEFAULT)) {
                assertThat(r.readBatch(b)).isTrue();
            }
            assertThat(b.size()).isEqualTo(n);
            for (int i = 0; i < n; i++) {
                assertThat(Double.doubleToRawLongBits(b.price(i)))
                        .isEqualTo(Double.doubleToRawLongBits(prices.get(i)));
                assertThat(Double.doubleToRawLongBits(b.qty(i))).isEqualTo(Double.doubleToRawLongBits(qtys.get(i)));
                assertThat(b.exchTs(i)).isEqualTo(Long.MIN_VALUE + i);
                assertThat(b.localTs(i)).isEqualTo(Long.MAX_VALUE);
                assertThat(b.orderId(i)).isEqualTo(orderId);
                assertThat(b.flags(i)).isEqualTo(-i);
            }
        } finally {
            Files.delete(f);
        }
    }
}
