package io.qtrade.bench;

import io.qtrade.backtest.Backtest;
import io.qtrade.backtest.BacktestResult;
import io.qtrade.backtest.OrderHistory;
import io.qtrade.backtest.exchange.ExchangeSettings;
import io.qtrade.backtest.fee.BpsFees;
import io.qtrade.backtest.latency.ConstantLatency;
import io.qtrade.backtest.queue.PowerProbability;
import io.qtrade.backtest.queue.ProbabilisticQueue;
import io.qtrade.core.Instrument;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventKind;
import io.qtrade.core.market.EventSource;
import io.qtrade.core.strategy.Strategy;
import io.qtrade.server.ApiTokens;
import io.qtrade.server.QtradeServer;
import io.qtrade.server.Role;
import io.qtrade.server.ServerConfig;
import io.qtrade.server.tap.EngineTap;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLongArray;

/**
 * The server under load (issue 25): the engine replays a generated L2 tape at full speed (simulated clock, no pacer)
 * with {@code BacktestThroughput}'s re-quoting market maker, first alone, then wrapped by an {@link EngineTap} with a
 * {@link QtradeServer} and {@code clients} WebSocket clients subscribed to top of book and fills ({@code slow} of
 * them read one message every 10 ms, so their queues fill and they are sampled or dropped), then alone again. Prints
 * the engine's events per second in each phase, the messages delivered per second, the delay from the engine's
 * publish to a client's receipt (p50, p99, max), and what was dropped.
 *
 * <pre>{@code
 * java -cp qtrade-bench/target/benchmarks.jar io.qtrade.bench.ServerLoad [seconds=60] [clients=50] [slow=5] [events=2000000]
 * }</pre>
 */
public final class ServerLoad {

    private static final Instrument AAA = Instrument.spot("AAA", "SYN", 0.01, 1);
    private static final String TOKEN = "load-harness-token-0123456789abcdef";

    private ServerLoad() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int slow = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int events = args.length > 3 ? Integer.parseInt(args[3].replace("_", "")) : 2_000_000;
        EventBatch tape = BacktestThroughput.generate(events);
        System.out.printf(Locale.ROOT, "tape: %,d events, looped for %d s per phase; %d clients (%d slow)%n",
                tape.size(), seconds, clients, slow);
        // A warm-up of both paths (JIT), not reported.
        run(tape, Math.max(5, seconds / 3), null);
        run(tape, Math.max(5, seconds / 3), new Load(clients, slow));
        double before = run(tape, seconds, null).eventsPerSecond;
        Phase served = run(tape, seconds, new Load(clients, slow));
        double after = run(tape, seconds, null).eventsPerSecond;
        double baseline = (before + after) / 2;
        System.out.printf(Locale.ROOT, "%nengine alone (before)   %,10.0f events/s%n", before);
        System.out.printf(Locale.ROOT, "engine + server          %,10.0f events/s  (%.1f %% of the mean of the two baselines)%n",
                served.eventsPerSecond, 100 * served.eventsPerSecond / baseline);
        System.out.printf(Locale.ROOT, "engine alone (after)    %,10.0f events/s%n", after);
        System.out.println(served.report);
    }

    private record Phase(double eventsPerSecond, String report) {
    }

    private static Phase run(EventBatch tape, int seconds, Load load) throws Exception {
        Strategy strategy = new BacktestThroughput.Requoter();
        EngineTap tap = null;
        QtradeServer server = null;
        if (load != null) {
            tap = EngineTap.builder(List.of(AAA)).commandIntervalNanos(0).build();
            strategy = tap.wrap("mm", strategy);
            server = QtradeServer.start(tap, ServerConfig.builder(ApiTokens.builder().token(TOKEN, Role.READ_ONLY)
                    .build()).port(0).rateLimit(1000, 1000).slowClients(256, TimeUnit.SECONDS.toNanos(10)).build());
            load.connect(server);
        }
        long t0 = System.nanoTime();
        LoopingSource source = new LoopingSource(tape, t0 + TimeUnit.SECONDS.toNanos(seconds));
        BacktestResult result = Backtest.builder().source(source)
                .exchange(ExchangeSettings.builder(AAA).latency(new ConstantLatency(50_000, 50_000))
                        .queue(new ProbabilisticQueue(new PowerProbability(2))).fees(new BpsFees(-0.2, 2.0)).build())
                .strategy("mm", strategy).markIntervalNanos(60_000_000_000L).orderHistory(OrderHistory.OPEN_ONLY)
                .build().run();
        long wall = System.nanoTime() - t0;
        double eps = result.events() * 1e9 / wall;
        String report = "";
        if (load != null) {
            // Let the hub catch up with the rings and the queues drain into the clients (at most 30 s).
            long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            long last = -1;
            while (System.nanoTime() < waitUntil) {
                Thread.sleep(500);
                long sent = ((Number) server.streamStats().get("sentToConnected")).longValue();
                if (sent == last) {
                    break;
                }
                last = sent;
            }
            report = load.report(wall, result, server.streamStats(), tap);
            load.close();
            server.stop();
        }
        System.out.printf(Locale.ROOT, "%-14s %,12d events in %5.1f s: %,10.0f events/s, fills %,d%n",
                load == null ? "engine alone" : "engine+server", result.events(), wall / 1e9, eps, result.fillCount());
        return new Phase(eps, report);
    }

    /** The in-memory tape again and again (timestamps shifted, the book cleared at each start) until the deadline. */
    static final class LoopingSource implements EventSource {
        private final EventBatch tape;
        private final long deadline;
        private final long span;
        private int next;
        private long shift;
        private boolean done;

        LoopingSource(EventBatch tape, long deadlineNanos) {
            this.tape = tape;
            this.deadline = deadlineNanos;
            this.span = tape.localTs(tape.size() - 1) - tape.exchTs(0) + 1_000_000;
        }

        @Override
        public List<Instrument> instruments() {
            return List.of(AAA);
        }

        @Override
        public boolean readBatch(EventBatch into) {
            into.clear();
            if (done) {
                return false;
            }
            if (System.nanoTime() > deadline) {
                done = true;
                return false;
            }
            if (next == tape.size()) {
                next = 0;
                shift += span;
                long t = tape.exchTs(0) + shift - 1;
                into.add(0, t, t, EventKind.BOOK_CLEAR, (byte) 0, Double.NaN, 0, EventBatch.NO_ORDER_ID, 0);
            }
            while (!into.isFull() && next < tape.size()) {
                int r = next++;
                into.add(tape.instrument(r), tape.exchTs(r) + shift, tape.localTs(r) + shift, tape.kind(r),
                        tape.sideCode(r), tape.price(r), tape.qty(r), tape.orderId(r), tape.flags(r));
            }
            return true;
        }
    }

    /** WebSocket clients of one phase: delays in a log2 histogram of microseconds. */
    static final class Load {
        final int clients;
        final int slow;
        final List<WebSocket> sockets = new ArrayList<>();
        final AtomicLongArray delayBuckets = new AtomicLongArray(40);
        final long[] received;
        final ScheduledExecutorService slowReader = Executors.newSingleThreadScheduledExecutor();
        final HttpClient http = HttpClient.newHttpClient();
        volatile long maxDelay;

        Load(int clients, int slow) {
            this.clients = clients;
            this.slow = slow;
            this.received = new long[clients];
        }

        void connect(QtradeServer server) throws Exception {
            URI uri = URI.create(server.baseUrl().replace("http", "ws") + "/api/v1/stream");
            for (int i = 0; i < clients; i++) {
                int index = i;
                boolean isSlow = i < slow;
                WebSocket ws = http.newWebSocketBuilder().header("Authorization", "Bearer " + TOKEN)
                        .buildAsync(uri, new WebSocket.Listener() {
                            final StringBuilder part = new StringBuilder();

                            @Override
                            public CompletionStage<?> onText(WebSocket w, CharSequence data, boolean last) {
                                part.append(data);
                                if (last) {
                                    onMessage(index, part);
                                    part.setLength(0);
                                }
                                if (isSlow) {
                                    slowReader.schedule(() -> w.request(1), 10, TimeUnit.MILLISECONDS);
                                } else {
                                    w.request(1);
                                }
                                return null;
                            }
                        }).get(10, TimeUnit.SECONDS);
                ws.sendText("{\"op\":\"subscribe\",\"topics\":[\"top\",\"fills\"]}", true);
                sockets.add(ws);
            }
        }

        private void onMessage(int client, CharSequence m) {
            long now = System.nanoTime();
            synchronized (received) {
                received[client]++;
            }
            String s = m.toString();
            int at = s.indexOf("\"pub\":");
            if (at < 0 || s.startsWith("{\"type\":\"top\"") && s.contains("\"localTs\":0,")) {
                return;   // no publish time, or the empty book before the first copy
            }
            int p = at + 6;
            boolean negative = p < s.length() && s.charAt(p) == '-';
            if (negative) {
                p++;
            }
            long pub = 0;
            while (p < s.length() && Character.isDigit(s.charAt(p))) {
                pub = pub * 10 + (s.charAt(p++) - '0');
            }
            if (negative) {
                pub = -pub;
            }
            long micros = Math.max(1, (now - pub) / 1000);
            delayBuckets.incrementAndGet(63 - Long.numberOfLeadingZeros(micros));
            if (micros > maxDelay) {
                maxDelay = micros;
            }
        }

        long percentile(double q) {
            long total = 0;
            for (int i = 0; i < delayBuckets.length(); i++) {
                total += delayBuckets.get(i);
            }
            long target = (long) Math.ceil(q * total);
            long seen = 0;
            for (int i = 0; i < delayBuckets.length(); i++) {
                seen += delayBuckets.get(i);
                if (seen >= target) {
                    return 1L << (i + 1);   // the bucket's upper bound, microseconds
                }
            }
            return -1;
        }

        String report(long wallNanos, BacktestResult result, Map<String, Object> stats, EngineTap tap) {
            long fast = 0;
            long slowTotal = 0;
            synchronized (received) {
                for (int i = 0; i < clients; i++) {
                    if (i < slow) {
                        slowTotal += received[i];
                    } else {
                        fast += received[i];
                    }
                }
            }
            double s = wallNanos / 1e9;
            return String.format(Locale.ROOT, "delivered: %,.0f messages/s in all; %,.0f per fast client, %,.0f per"
                            + " slow client%ndelay engine publish -> client receipt: p50 <= %,d us, p99 <= %,d us, max %,d us"
                            + " (log2 buckets: upper bounds)%nserver: %s%nfills in the engine %,d; order updates"
                            + " dropped by the tap %,d; fills dropped %,d; trade prints dropped %,d",
                    (fast + slowTotal) / s, fast / s / Math.max(1, clients - slow), slowTotal / s / Math.max(1, slow),
                    percentile(0.5), percentile(0.99), maxDelay, stats, result.fillCount(),
                    tap.accountRing().dropped(), tap.fillRing().dropped(), tap.marketRing().dropped());
        }

        void close() {
            for (WebSocket ws : sockets) {
                ws.abort();
            }
            slowReader.shutdownNow();
        }
    }
}
