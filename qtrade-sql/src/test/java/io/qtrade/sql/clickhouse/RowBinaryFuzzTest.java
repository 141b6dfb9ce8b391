package io.qtrade.sql.clickhouse;

import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventFlags;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.TreeMap;

import static io.qtrade.sql.clickhouse.ClickHouseSourceDecodingTest.T0;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * Issue 18's fuzz suite for ClickHouse RowBinary responses: seeded mutants (bit flips, truncation, inserted and
 * deleted bytes, overwritten words) of a hand-encoded response, served by {@link FakeClickHouse}. Documented outcomes
 * only: the rows are read, or a {@link MalformedResponseException} (row and byte offset) or
 * {@link ClickHouseException} (a server error text) is thrown. A row read has a finite price where its kind has one,
 * a finite quantity {@code >= 0}, and {@code exch_ts} in the query's range and in order.
 */
class RowBinaryFuzzTest {

    static final long SEED = Long.getLong("qtrade.fuzz.seed", 18);
    static final int CASES = Integer.getInteger("qtrade.fuzz.cases", 150);
    static final long SECONDS_PER_TARGET = Long.getLong("qtrade.fuzz.secondsPerTarget", 1L << 30);

    @Test
    void mutatedResponsesAreReadOrRefusedWithRowAndByteOffset() throws Exception {
        FakeClickHouse.Rows rows = new FakeClickHouse.Rows();
        for (int i = 0; i < 12; i++) {
            rows.row(i % 3 == 0 ? "B'B\\" : "AAA", T0 + 10L * i, T0 + 10L * i + 200, 1 + i % 2, i % 2 == 0 ? 1 : -1,
                    i % 3 == 0 ? 99.5 : 100.01, 1 + i, 0, EventFlags.END_OF_MESSAGE);
        }
        byte[] seed = rows.bytes();
        Map<String, Long> counts = new TreeMap<>();
        List<String> failures = new ArrayList<>();
        byte[][] body = new byte[1][];
        try (FakeClickHouse fake = new FakeClickHouse(request -> FakeClickHouse.Response.ok(body[0]))) {
            for (long c = 0, end = System.nanoTime() + SECONDS_PER_TARGET * 1_000_000_000L; c < CASES
                    && System.nanoTime() < end; c++) {
                Random r = new Random(SEED * 1_000_003L + c);
                body[0] = mutate(seed, r);
                String outcome;
                try (ClickHouseSource source = ClickHouseSource.builder(fake.client(),
                        ClickHouseSourceDecodingTest.TABLE, ClickHouseSourceDecodingTest.INSTRUMENTS)
                        .range(T0, T0 + 1_000_000).build()) {
                    EventBatch b = new EventBatch(5);
                    long last = Long.MIN_VALUE;
                    while (source.readBatch(b)) {
                        for (int i = 0; i < b.size(); i++) {
                            if (b.kind(i).hasPrice() && !Double.isFinite(b.price(i))) {
                                failures.add("case " + c + ": price " + b.price(i));
                            }
                            if (!(b.qty(i) >= 0) || Double.isInfinite(b.qty(i))) {
                                failures.add("case " + c + ": qty " + b.qty(i));
                            }
                            if (b.exchTs(i) < last || b.exchTs(i) < T0 || b.exchTs(i) >= T0 + 1_000_000) {
                                failures.add("case " + c + ": exch_ts " + b.exchTs(i));
                            }
                            last = b.exchTs(i);
                        }
                    }
                    outcome = "accepted";
                } catch (MalformedResponseException e) {
                    outcome = "MalformedResponseException";
                    if (e.row() < 0 || e.byteOffset() < 0 || !e.getMessage().contains("byte")) {
                        failures.add("case " + c + ": unlocated " + e);
                    }
                } catch (ClickHouseException e) {
                    outcome = "ClickHouseException";
                } catch (RuntimeException | Error e) {
                    outcome = e.getClass().getSimpleName();
                    failures.add("seed " + SEED + " case " + c + ": undocumented " + e);
                }
                counts.merge(outcome, 1L, Long::sum);
            }
        }
        System.out.println("rowbinary fuzz: " + counts + ", undocumented: " + failures);
        assertThat(failures).isEmpty();
    }

    static byte[] mutate(byte[] b, Random r) {
        byte[] c = b;
        for (int n = 1 + r.nextInt(3), k = 0; k < n; k++) {
            switch (r.nextInt(5)) {
                case 0 -> {
                    c = c.clone();
                    c[r.nextInt(c.length)] ^= (byte) (1 << r.nextInt(8));
                }
                case 1 -> c = java.util.Arrays.copyOf(c, r.nextInt(c.length));
                case 2 -> {
                    int at = r.nextInt(c.length + 1);
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    out.write(c, 0, at);
                    out.write(r.nextInt(256));
                    out.write(c, at, c.length - at);
                    c = out.toByteArray();
                }
                case 3 -> {
                    int at = r.nextInt(c.length);
                    ByteArrayOutputStream out = new ByteArrayOutputStream();
                    out.write(c, 0, at);
                    out.write(c, at + 1, c.length - at - 1);
                    c = out.toByteArray();
                }
                default -> {
                    c = c.clone();
                    int at = r.nextInt(Math.max(1, c.length - 8));
                    long v = switch (r.nextInt(4)) {
                        case 0 -> Double.doubleToRawLongBits(Double.NaN);
                        case 1 -> Double.doubleToRawLongBits(Double.NEGATIVE_INFINITY);
                        case 2 -> Long.MIN_VALUE;
                        default -> -1L;
                    };
                    for (int i = 0; i < 8 && at + i < c.length; i++) {
                        c[at + i] = (byte) (v >>> (8 * i));
                    }
                }
            }
            if (c.length == 0) {
                return c;
            }
        }
        return c;
    }
}
