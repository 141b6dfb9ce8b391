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
import io.qtrade.bench.wsclient.LoadClients;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.GarbageCollectorMXBean;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * The server under load (issue 25): the engine replays a generated L2 tape at full speed (simulated clock, no pacer)
 * with {@code BacktestThroughput}'s re-quoting market maker, alone and wrapped by an {@link EngineTap} with a
 * {@link QtradeServer} and {@code clients} WebSocket clients subscribed to top of book and fills, the two phases
 * interleaved {@code rounds} times (the order swapping every round). The clients run in a <b>separate JVM</b>
 * ({@link LoadClients}: one NIO thread speaking RFC 6455 by hand, so that the load generator costs a small part of
 * what it loads; started with the same class path), so that this JVM measures the engine and the server only;
 * {@code slow} of them read 8 KB every 100 ms, so their sockets back up and they are sampled (top of book
 * conflated), lose fills (counted, announced by a gap message) and are finally dropped.
 *
 * <p>Every fill accounted for: after each served phase the clients are told the engine's fill count and read on
 * until every fast client has received or been told of (by {@code gap} messages) every fill; a round in which some
 * fast client is short is reported with that client's counts, and the harness then exits with status 1.
 *
 * <p>Per phase: the engine's events per second (wall clock), the engine thread's CPU time per event
 * ({@code ThreadMXBean.getCurrentThreadCpuTime}: what the engine thread itself paid, which other processes on a
 * shared machine disturb far less than the wall clock), GC time, the hub thread's and the client JVM's CPU time, the
 * load average; for the served phase the messages delivered per second, the delay from the engine's publish to a
 * client's receipt (p50, p99, max: {@code System.nanoTime()} is {@code CLOCK_MONOTONIC} on Linux, one clock for both
 * JVMs), the client JVM's CPU time per message received, and per client the delivered, conflated and dropped
 * counts. With {@code nice > 0} the client JVM runs under
 * {@code nice -n <nice>}, which approximates clients on another machine when there are too few cores to give them
 * their own.
 *
 * <pre>{@code
 * java -cp qtrade-bench/target/benchmarks.jar io.qtrade.bench.ServerLoad [seconds=60] [clients=50] [slow=5] [events=2000000] [rounds=3] [nice=0]
 * }</pre>
 */
public final class ServerLoad {

    private static final Instrument AAA = Instrument.spot("AAA", "SYN", 0.01, 1);
    private static final String TOKEN = "load-harness-token-0123456789abcdef";
    /** Niceness of the client JVM (0: the same priority as the engine's JVM). */
    private static int nice;

    private ServerLoad() {
    }

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 60;
        int clients = args.length > 1 ? Integer.parseInt(args[1]) : 50;
        int slow = args.length > 2 ? Integer.parseInt(args[2]) : 5;
        int events = args.length > 3 ? Integer.parseInt(args[3].replace("_", "")) : 2_000_000;
        int rounds = args.length > 4 ? Integer.parseInt(args[4]) : 3;
        nice = args.length > 5 ? Integer.parseInt(args[5]) : 0;
        EventBatch tape = BacktestThroughput.generate(events);
        System.out.printf(Locale.ROOT, "tape: %,d events, looped for %d s per phase; %d clients (%d slow) in a separate"
                + " JVM (nice %d); %d rounds; %d cores%n", tape.size(), seconds, clients, slow, nice, rounds,
                Runtime.getRuntime().availableProcessors());
        // A warm-up of both paths (JIT), not reported.
        int warm = Math.max(5, seconds / 3);
        run(tape, warm, clients, slow, false);
        run(tape, warm, clients, slow, true);
        List<Phase> alone = new ArrayList<>();
        List<Phase> served = new ArrayList<>();
        for (int r = 1; r <= rounds; r++) {
            boolean servedFirst = r % 2 == 0;
            for (int k = 0; k < 2; k++) {
                boolean withServer = servedFirst == (k == 0);
                Phase p = run(tape, seconds, clients, slow, withServer);
                (withServer ? served : alone).add(p);
            }
            Phase a = alone.get(alone.size() - 1);
            Phase s = served.get(served.size() - 1);
            System.out.printf(Locale.ROOT, "round %d: served/alone events/s %.3f, CPU ns/event %.2f vs %.2f (%+.1f %%)%n",
                    r, s.eventsPerSecond / a.eventsPerSecond, s.cpuNanosPerEvent, a.cpuNanosPerEvent,
                    100 * (s.cpuNanosPerEvent / a.cpuNanosPerEvent - 1));
        }
        System.out.printf(Locale.ROOT, "%n| round | phase | events/s | engine CPU ns/event | GC ms | engine JVM CPU s (engine"
                + " thread) | hub CPU s | client JVM CPU s | client JVM CPU ns/message | load avg |%n"
                + "|---|---|---:|---:|---:|---:|---:|---:|---:|---|%n");
        for (int r = 0; r < rounds; r++) {
            for (Phase p : List.of(alone.get(r), served.get(r))) {
                System.out.printf(Locale.ROOT, "| %d | %s | %,.0f | %.2f | %d | %.1f (%.1f) | %s | %s | %s | %.1f-%.1f |%n",
                        r + 1, p.withServer ? "engine + server + clients" : "engine alone", p.eventsPerSecond,
                        p.cpuNanosPerEvent, p.gcMillis, p.processCpuSeconds, p.engineCpuSeconds,
                        p.withServer ? String.format(Locale.ROOT, "%.1f", p.hubCpuSeconds) : "-",
                        p.withServer ? String.format(Locale.ROOT, "%.1f", p.clientCpuSeconds) : "-",
                        p.withServer ? String.format(Locale.ROOT, "%.0f", p.clientCpuSeconds * 1e9
                                / Math.max(1, p.clientMessages)) : "-",
                        p.loadBefore, p.loadAfter);
            }
        }
        for (int r = 0; r < rounds; r++) {
            System.out.printf(Locale.ROOT, "%nround %d, served phase:%n%s%n", r + 1, served.get(r).report);
        }
        int short_ = 0;
        for (int r = 0; r < rounds; r++) {
            Phase p = served.get(r);
            System.out.printf(Locale.ROOT, "round %d: %s%n", r + 1, p.accounted
                    ? "every fast client's fills accounted for (received + announced lost = the engine's fills)"
                    : "NOT every fast client's fills accounted for (see the round's report)");
            if (!p.accounted) {
                short_++;
            }
        }
        if (short_ > 0) {
            System.out.printf(Locale.ROOT, "%d of %d rounds with fills not accounted for: exit status 1%n", short_, rounds);
            System.exit(1);
        }
    }

    private record Phase(boolean withServer, double eventsPerSecond, double cpuNanosPerEvent, long gcMillis,
                         double processCpuSeconds, double engineCpuSeconds, double hubCpuSeconds,
                         double clientCpuSeconds, long clientMessages, boolean accounted, double loadBefore,
                         double loadAfter, String report) {
    }

    private static long gcMillis() {
        long t = 0;
        for (GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            t += Math.max(0, gc.getCollectionTime());
        }
        return t;
    }

    private static long processCpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }

    private static double loadAverage() {
        return ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    private static long threadCpu(String name) {
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        for (ThreadInfo t : mx.getThreadInfo(mx.getAllThreadIds())) {
            if (t != null && t.getThreadName().equals(name)) {
                return mx.getThreadCpuTime(t.getThreadId());
            }
        }
        return 0;
    }

    private static Phase run(EventBatch tape, int seconds, int clients, int slow, boolean withServer)
            throws Exception {
        Strategy strategy = new BacktestThroughput.Requoter();
        EngineTap tap = null;
        QtradeServer server = null;
        ClientProcess load = null;
        double loadBefore = loadAverage();
        if (withServer) {
            EngineTap.Builder b = EngineTap.builder(List.of(AAA)).commandIntervalNanos(0);
            String rings = System.getProperty("qtrade.bench.rings");   // "account,market" slots, to study their cost
            if (rings != null) {
                String[] r = rings.split(",");
                b.rings(Integer.parseInt(r[0]), Integer.parseInt(r[1]));
            }
            tap = b.build();
            strategy = tap.wrap("mm", strategy);
            server = QtradeServer.start(tap, ServerConfig.builder(ApiTokens.builder().token(TOKEN, Role.READ_ONLY)
                    .build()).port(0).rateLimit(1000, 1000).slowClients(ServerConfig.DEFAULT_CLIENT_QUEUE_MESSAGES, TimeUnit.SECONDS.toNanos(10)).build());
            load = ClientProcess.start(server.baseUrl().replace("http", "ws") + "/api/v1/stream", clients, slow);
        }
        ThreadMXBean mx = ManagementFactory.getThreadMXBean();
        long gc0 = gcMillis();
        long process0 = processCpu();
        long cpu0 = mx.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        LoopingSource source = new LoopingSource(tape, t0 + TimeUnit.SECONDS.toNanos(seconds));
        BacktestResult result = Backtest.builder().source(source)
                .exchange(ExchangeSettings.builder(AAA).latency(new ConstantLatency(50_000, 50_000))
                        .queue(new ProbabilisticQueue(new PowerProbability(2))).fees(new BpsFees(-0.2, 2.0)).build())
                .strategy("mm", strategy).markIntervalNanos(60_000_000_000L).orderHistory(OrderHistory.OPEN_ONLY)
                .build().run();
        long wall = System.nanoTime() - t0;
        long cpu = mx.getCurrentThreadCpuTime() - cpu0;
        long gc = gcMillis() - gc0;
        long process = processCpu() - process0;
        double eps = result.events() * 1e9 / wall;
        double cpuPerEvent = (double) cpu / result.events();
        String report = "";
        double hubCpu = 0;
        double clientCpu = 0;
        long clientMessages = 0;
        boolean accounted = true;
        if (withServer) {
            hubCpu = threadCpu("qtrade-server-hub") / 1e9;
            // Let the hub write what waits (at most 30 s), then ask the clients for their counts.
            long waitUntil = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            long last = -1;
            while (System.nanoTime() < waitUntil) {
                Thread.sleep(500);
                Map<String, Object> st = server.streamStats();
                long sent = ((Number) st.get("delivered")).longValue();
                long queued = 0;
                for (Object o : (List<?>) st.get("perClient")) {
                    queued += ((Number) ((Map<?, ?>) o).get("queued")).longValue();
                }
                if (sent == last && queued == 0) {
                    break;
                }
                last = sent;
            }
            Map<String, Object> stats = server.streamStats();
            ClientProcess.Result cr = load.finish(result.fillCount());
            clientCpu = cr.cpuSeconds();
            clientMessages = cr.get("messages");
            accounted = cr.get("fastNotAccounted") == 0 && cr.get("minFastAccounted") == result.fillCount();
            report = report(wall, result, stats, tap, cr, slow);
            server.stop();
        }
        double loadAfter = loadAverage();
        System.out.printf(Locale.ROOT, "%-14s %,12d events in %5.1f s: %,10.0f events/s, engine CPU %.2f ns/event, GC %d ms,"
                        + " fills %,d, load %.1f-%.1f%n", withServer ? "engine+server" : "engine alone", result.events(),
                wall / 1e9, eps, cpuPerEvent, gc, result.fillCount(), loadBefore, loadAfter);
        return new Phase(withServer, eps, cpuPerEvent, gc, process / 1e9, cpu / 1e9, hubCpu, clientCpu, clientMessages,
                accounted, loadBefore, loadAfter, report);
    }

    private static String report(long wallNanos, BacktestResult result, Map<String, Object> stats, EngineTap tap,
                                 ClientProcess.Result cr, int slow) {
        StringBuilder b = new StringBuilder();
        double s = wallNanos / 1e9;
        int clients = (int) cr.get("clients");
        b.append(String.format(Locale.ROOT, "received by the clients: %,.0f messages/s in all (%,.0f WebSocket messages/s);"
                        + " per fast client %,.0f messages/s, per slow client %,.0f messages/s%n",
                cr.get("messages") / s, cr.get("frames") / s, cr.get("fastMessages") / s / Math.max(1, clients - slow),
                cr.get("slowMessages") / s / Math.max(1, slow)));
        b.append(String.format(Locale.ROOT, "client JVM: %.1f CPU s (its reading thread %.1f s), %.0f ns CPU per message"
                        + " received, %,d socket reads, %,d MB; protocol errors %d%n", cr.cpuSeconds(),
                cr.get("loopCpuNanos") / 1e9, cr.get("cpuNanos") / (double) Math.max(1, cr.get("messages")),
                cr.get("reads"), cr.get("bytes") >> 20, cr.get("protocolErrors")));
        b.append(String.format(Locale.ROOT, "delay engine publish -> client receipt (log2 buckets, upper bounds): fills"
                        + " p50 <= %,d us, p99 <= %,d us; top of book p50 <= %,d us, p99 <= %,d us; max %,d us%n",
                cr.get("fillP50"), cr.get("fillP99"), cr.get("topP50"), cr.get("topP99"), cr.get("maxDelay")));
        long fills = result.fillCount();
        boolean all = cr.get("fastNotAccounted") == 0 && cr.get("minFastAccounted") == fills
                && cr.get("maxFastAccounted") == fills;
        b.append(String.format(Locale.ROOT, "fills in the engine %,d; received per fast client: min %,d max %,d; gap"
                        + " messages %,d; announced lost by the engine tap per fast client: min %,d max %,d (the tap"
                        + " dropped %,d); received + announced lost per fast client: min %,d max %,d (%s); clients"
                        + " closed by the server %d%n",
                fills, cr.get("minFastFills"), cr.get("maxFastFills"), cr.get("gaps"), cr.get("minFastLostByEngineTap"),
                cr.get("maxFastLostByEngineTap"), tap.fillRing().dropped(), cr.get("minFastAccounted"),
                cr.get("maxFastAccounted"), all ? "every fill accounted for"
                        : cr.get("fastNotAccounted") + " fast clients NOT accounted for", cr.get("closedByServer")));
        for (String c : cr.notAccounted()) {
            b.append("  not accounted: ").append(c).append('\n');
        }
        b.append(String.format(Locale.ROOT, "tap: order updates dropped %,d, fills dropped %,d, trade prints dropped %,d%n",
                tap.accountRing().dropped(), tap.fillRing().dropped(), tap.marketRing().dropped()));
        Map<String, Object> totals = new java.util.LinkedHashMap<>(stats);
        Object per = totals.remove("perClient");
        b.append("server: ").append(totals).append('\n');
        b.append("per connected client (server side: delivered, conflated, dropped):");
        if (per instanceof List<?> list) {
            for (Object o : list) {
                Map<?, ?> c = (Map<?, ?>) o;
                b.append(String.format(Locale.ROOT, " #%s %s/%s/%s", c.get("id"), c.get("delivered"), c.get("conflated"),
                        c.get("dropped")));
            }
        }
        return b.toString();
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

    /** The client JVM of one served phase, seen from the engine's JVM. */
    static final class ClientProcess {
        private final Process process;
        private final BufferedReader out;

        private ClientProcess(Process process) {
            this.process = process;
            this.out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        }

        static ClientProcess start(String uri, int clients, int slow) throws IOException {
            String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
            List<String> command = new ArrayList<>();
            if (nice > 0) {
                command.addAll(List.of("nice", "-n", Integer.toString(nice)));
            }
            command.addAll(List.of(java, "-Xmx256m", "-XX:+UseSerialGC", "-cp", System.getProperty("java.class.path"),
                    LoadClients.class.getName(), uri, TOKEN, Integer.toString(clients), Integer.toString(slow)));
            Process p = new ProcessBuilder(command).redirectError(ProcessBuilder.Redirect.INHERIT).start();
            ClientProcess c = new ClientProcess(p);
            String line = c.out.readLine();
            if (line == null || !line.equals("READY")) {
                p.destroyForcibly();
                throw new IllegalStateException("client JVM: expected READY, got " + line);
            }
            return c;
        }

        /**
         * Tells the clients the engine's fill count and asks them to stop once every fast client has accounted for
         * it (or nothing more arrives); waits for their report and for the process to end.
         */
        Result finish(long engineFills) throws Exception {
            process.getOutputStream().write(("STOP " + engineFills + "\n").getBytes(StandardCharsets.UTF_8));
            process.getOutputStream().flush();
            Map<String, Long> m = new java.util.HashMap<>();
            List<String> notAccounted = new ArrayList<>();
            String line;
            while ((line = out.readLine()) != null) {
                if (line.startsWith("RESULT ")) {
                    for (String kv : line.substring(7).split(" ")) {
                        int eq = kv.indexOf('=');
                        m.put(kv.substring(0, eq), Long.parseLong(kv.substring(eq + 1)));
                    }
                } else if (line.startsWith("CLIENT ")) {
                    notAccounted.add(line.substring(7));
                }
            }
            process.waitFor(30, TimeUnit.SECONDS);
            if (!m.containsKey("cpuNanos")) {
                throw new IllegalStateException("client JVM: no RESULT line (exit " + process.exitValue() + ")");
            }
            return new Result(m, notAccounted);
        }

        /** The client JVM's counts ({@code LoadClients}'s RESULT line) and a line per fast client not accounted. */
        record Result(Map<String, Long> values, List<String> notAccounted) {
            long get(String key) {
                Long v = values.get(key);
                if (v == null) {
                    throw new IllegalStateException("client JVM: no '" + key + "' in its RESULT line " + values);
                }
                return v;
            }

            double cpuSeconds() {
                return get("cpuNanos") / 1e9;
            }
        }
    }
}
