package io.qtrade.examples;

import io.qtrade.connectors.synthetic.SyntheticMarket;
import io.qtrade.core.Instrument;
import io.qtrade.core.book.OrderBook;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventCursor;
import io.qtrade.core.market.EventKind;
import io.qtrade.core.time.Timestamps;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

/**
 * The main demo: generates a two-instrument market with the Cont–Stoikov–Talreja model (mid-prices correlated
 * through the SDK's fair-value extension), replays it event by event through one {@link OrderBook} per instrument,
 * prints what it saw and writes a report: a CSV of the top of book sampled every second of market time.
 *
 * <pre>{@code
 * mvn -B -q -pl examples -am -DskipTests -Pdemo package
 * mvn -B -q -pl examples -am -DskipTests -Pdemo package -Dexec.args="5000000 7 target/my-report"
 * }</pre>
 * Arguments, all optional: number of events (default 2,000,000), seed (default 7), report directory (default
 * {@code target/qtrade-demo} under the working directory).
 */
public final class Demo {

    private static final long SAMPLE_NANOS = Timestamps.NANOS_PER_SECOND;
    /** Mid-price changes are correlated over this horizon: at one second the bid-ask bounce dominates. */
    private static final long CORRELATION_HORIZON_NANOS = Timestamps.NANOS_PER_MINUTE;

    private Demo() {
    }

    public static void main(String[] args) {
        long events = args.length > 0 ? Long.parseLong(args[0].replace("_", "")) : 2_000_000L;
        long seed = args.length > 1 ? Long.parseLong(args[1]) : 7L;
        Path reportDir = Path.of(args.length > 2 ? args[2] : "target/qtrade-demo");

        Instrument aaa = Instrument.spot("AAA", "SYN", 0.01, 1);
        Instrument bbb = Instrument.spot("BBB", "SYN", 0.01, 1);
        SyntheticMarket market = SyntheticMarket.builder()
                .instrument(aaa, 100.00)
                .instrument(bbb, 50.00)
                .events(events)
                .seed(seed)
                .meanReversion(1.0)
                .correlation(0.8)
                .build();
        List<Instrument> instruments = market.instruments();

        Replay replay = new Replay(instruments);
        long started = System.nanoTime();
        Path csv = reportDir.resolve("top-of-book.csv");
        try {
            Files.createDirectories(reportDir);
            try (PrintWriter out = new PrintWriter(Files.newBufferedWriter(csv, StandardCharsets.UTF_8))) {
                out.println("exch_time,symbol,best_bid,best_bid_qty,best_ask,best_ask_qty,mid,spread_ticks,microprice");
                replay.run(market, out);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("writing the demo report to " + csv, e);
        }
        double seconds = (System.nanoTime() - started) / 1e9;

        System.out.println("qtrade demo: Cont-Stoikov-Talreja synthetic market replayed through L2 order books");
        System.out.println(market.config());
        System.out.printf(Locale.ROOT, "%,d events in %.2f s (%,.0f events/s including generation and the report)%n",
                replay.total, seconds, replay.total / seconds);
        System.out.printf(Locale.ROOT, "market time %s .. %s%n", Timestamps.toInstant(replay.firstExchTs),
                Timestamps.toInstant(replay.lastExchTs));
        for (int i = 0; i < instruments.size(); i++) {
            replay.printSummary(i);
        }
        System.out.printf(Locale.ROOT, "correlation of 1 min mid-price changes %s/%s: %.3f (fair values correlated 0.8)%n", aaa.symbol(),
                bbb.symbol(), replay.midChangeCorrelation());
        System.out.println("report: " + csv.toAbsolutePath());
    }

    /** The replay loop and its tallies; one per run. */
    private static final class Replay {
        final List<Instrument> instruments;
        final OrderBook[] books;
        final long[] depthUpdates;
        final long[] trades;
        final double[] tradedQty;
        final double[] tradedNotional;
        final double[] spreadTicksSum;
        final long[] spreadSamples;
        final double[] firstMid;
        final double[] lastSampledMid;
        // Pearson correlation of per-sample mid changes of instruments 0 and 1.
        double sx, sy, sxx, syy, sxy;
        long pairs;
        long total;
        long firstExchTs = Long.MIN_VALUE;
        long lastExchTs;
        long nextSample = Long.MIN_VALUE;

        Replay(List<Instrument> instruments) {
            this.instruments = instruments;
            int n = instruments.size();
            books = new OrderBook[n];
            for (int i = 0; i < n; i++) {
                books[i] = new OrderBook(instruments.get(i));
            }
            depthUpdates = new long[n];
            trades = new long[n];
            tradedQty = new double[n];
            tradedNotional = new double[n];
            spreadTicksSum = new double[n];
            spreadSamples = new long[n];
            firstMid = new double[n];
            lastSampledMid = new double[n];
            java.util.Arrays.fill(firstMid, Double.NaN);
            java.util.Arrays.fill(lastSampledMid, Double.NaN);
        }

        void run(SyntheticMarket market, PrintWriter out) {
            EventBatch batch = new EventBatch(4096);
            EventCursor cursor = new EventCursor();
            while (market.readBatch(batch)) {
                cursor.reset(batch);
                while (cursor.next()) {
                    long ts = cursor.exchTs();
                    if (firstExchTs == Long.MIN_VALUE) {
                        firstExchTs = ts;
                        nextSample = ts + SAMPLE_NANOS;
                    }
                    while (ts >= nextSample) {
                        sample(nextSample, out);
                        nextSample += SAMPLE_NANOS;
                    }
                    int i = cursor.instrument();
                    books[i].apply(cursor);
                    if (cursor.kindCode() == EventKind.TRADE.code()) {
                        trades[i]++;
                        tradedQty[i] += cursor.qty();
                        tradedNotional[i] += cursor.qty() * cursor.price();
                    } else if (cursor.kindCode() == EventKind.DEPTH_UPDATE.code()) {
                        depthUpdates[i]++;
                    }
                    lastExchTs = ts;
                    total++;
                }
            }
        }

        private void sample(long time, PrintWriter out) {
            for (int i = 0; i < books.length; i++) {
                OrderBook book = books[i];
                if (book.isEmpty(io.qtrade.core.Side.BUY) || book.isEmpty(io.qtrade.core.Side.SELL)) {
                    continue;
                }
                double mid = book.mid();
                if (Double.isNaN(firstMid[i])) {
                    firstMid[i] = mid;
                }
                spreadTicksSum[i] += book.spreadTicks();
                spreadSamples[i]++;
                out.printf(Locale.ROOT, "%s,%s,%s,%s,%s,%s,%s,%d,%.6f%n", Timestamps.toInstant(time),
                        instruments.get(i).symbol(), book.bestBid(), book.bestBidQty(), book.bestAsk(),
                        book.bestAskQty(), mid, book.spreadTicks(), book.microprice());
            }
            if ((time - firstExchTs) % CORRELATION_HORIZON_NANOS != 0) {
                return;
            }
            if (books.length >= 2 && !Double.isNaN(lastSampledMid[0]) && !Double.isNaN(lastSampledMid[1])) {
                double dx = books[0].mid() - lastSampledMid[0];
                double dy = books[1].mid() - lastSampledMid[1];
                if (!Double.isNaN(dx) && !Double.isNaN(dy)) {
                    sx += dx;
                    sy += dy;
                    sxx += dx * dx;
                    syy += dy * dy;
                    sxy += dx * dy;
                    pairs++;
                }
            }
            for (int i = 0; i < books.length; i++) {
                lastSampledMid[i] = books[i].mid();
            }
        }

        double midChangeCorrelation() {
            if (pairs < 2) {
                return Double.NaN;
            }
            double cov = sxy - sx * sy / pairs;
            double vx = sxx - sx * sx / pairs;
            double vy = syy - sy * sy / pairs;
            return cov / Math.sqrt(vx * vy);
        }

        void printSummary(int i) {
            OrderBook book = books[i];
            Instrument instrument = instruments.get(i);
            System.out.printf(Locale.ROOT,
                    "%-4s depth updates %,d, trades %,d (qty %,.0f, VWAP %.4f), mid %.2f -> %.2f, mean spread %.2f"
                            + " ticks, crossed updates %d%n",
                    instrument.symbol(), depthUpdates[i], trades[i], tradedQty[i],
                    tradedNotional[i] / tradedQty[i], firstMid[i], book.mid(),
                    spreadTicksSum[i] / spreadSamples[i], book.crossedUpdates());
            System.out.println("     final book " + book);
        }
    }
}
