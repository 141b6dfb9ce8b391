package io.qtrade.kafka;

import java.io.IOException;
import java.io.PrintStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.stream.Stream;
import kafka.server.KafkaConfig;
import kafka.server.KafkaRaftServer;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.Uuid;
import org.apache.kafka.common.utils.Time;
import org.apache.kafka.metadata.storage.Formatter;
import org.apache.kafka.server.common.MetadataVersion;

/**
 * One Apache Kafka broker in KRaft mode (combined broker + controller, node 1), in this JVM, from the Kafka jars
 * on Maven Central: a free loopback port for clients and one for the controller, its logs in a temporary
 * directory. {@link #restart()} stops the broker and starts it again on the same ports and the same logs.
 */
public final class KafkaBroker implements AutoCloseable {

    private final Path dir;
    private final int port;
    private final int controllerPort;
    private final KafkaConfig config;
    private KafkaRaftServer server;

    private KafkaBroker(Path dir) throws Exception {
        this.dir = dir;
        this.port = freePort();
        this.controllerPort = freePort();
        Properties p = new Properties();
        p.put("process.roles", "broker,controller");
        p.put("node.id", "1");
        p.put("controller.quorum.voters", "1@127.0.0.1:" + controllerPort);
        p.put("listeners", "PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort);
        p.put("advertised.listeners", "PLAINTEXT://127.0.0.1:" + port);
        p.put("controller.listener.names", "CONTROLLER");
        p.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        p.put("inter.broker.listener.name", "PLAINTEXT");
        p.put("log.dirs", dir.resolve("logs").toString());
        p.put("offsets.topic.replication.factor", "1");
        p.put("offsets.topic.num.partitions", "1");
        p.put("transaction.state.log.replication.factor", "1");
        p.put("transaction.state.log.min.isr", "1");
        p.put("share.coordinator.state.topic.replication.factor", "1");
        p.put("share.coordinator.state.topic.min.isr", "1");
        p.put("group.initial.rebalance.delay.ms", "0");
        p.put("num.partitions", "1");
        p.put("auto.create.topics.enable", "false");
        p.put("log.flush.interval.messages", Long.toString(Long.MAX_VALUE));
        // The retention check every 500 ms instead of every 5 minutes: a topic whose retention does not cover its
        // records' timestamps (the sink's are exchTs) loses them in every test, not once in a while (see
        // RetentionTest and the README's "Record timestamps and retention").
        p.put("log.retention.check.interval.ms", "500");
        p.put("log.initial.task.delay.ms", "500");
        p.put("num.network.threads", "2");
        p.put("num.io.threads", "2");
        this.config = KafkaConfig.fromProps(p);
        new Formatter()
                .setPrintStream(new PrintStream(OutputStream.nullOutputStream()))
                .setNodeId(1)
                .setClusterId(Uuid.randomUuid().toString())
                .setDirectories(List.of(dir.resolve("logs").toString()))
                .setMetadataLogDirectory(dir.resolve("logs").toString())
                .setControllerListenerName("CONTROLLER")
                .setReleaseVersion(MetadataVersion.LATEST_PRODUCTION)
                .run();
        start();
    }

    /** Starts a broker in a new temporary directory. */
    static KafkaBroker start(Path dir) throws Exception {
        return new KafkaBroker(dir);
    }

    private void start() {
        server = new KafkaRaftServer(config, Time.SYSTEM);
        server.startup();
    }

    /** Stops the broker (clean shutdown) and starts it again on the same ports and logs. */
    void restart() {
        stop();
        start();
    }

    void stop() {
        if (server != null) {
            server.shutdown();
            server.awaitShutdown();
            server = null;
        }
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    /**
     * Creates {@code topics} with {@code partitions} partitions each and {@code retention.ms=-1} (the tests publish
     * events stamped in 2023 and 2024: the broker's default 7-day time retention would delete them, see the
     * README's "Record timestamps and retention"), waiting until they exist.
     */
    public void createTopics(int partitions, String... topics) throws Exception {
        createTopics(partitions, Map.of("retention.ms", "-1"), topics);
    }

    /** Creates {@code topics} with {@code partitions} partitions each and the given topic configs. */
    public void createTopics(int partitions, Map<String, String> configs, String... topics) throws Exception {
        Properties p = new Properties();
        p.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers());
        try (Admin admin = Admin.create(p)) {
            admin.createTopics(Stream.of(topics).map(t -> new NewTopic(t, partitions, (short) 1).configs(configs))
                    .toList()).all().get();
            // Creation returns once the controller committed it; wait until the broker leads every partition,
            // so the first produce request does not race the broker's metadata update: first its metadata cache
            // (describeTopics), then its replica manager (listOffsets answers only from a partition's leader). On a
            // loaded machine a produce in between was answered NOT_LEADER_OR_FOLLOWER after the broker had
            // appended it, and the idempotent producer's retry then met OUT_OF_ORDER_SEQUENCE_NUMBER until its
            // delivery timeout (120 s).
            long deadline = System.nanoTime() + 30_000_000_000L;
            while (!allLed(admin, topics) || !allAnswer(admin, partitions, topics)) {
                if (System.nanoTime() > deadline) {
                    throw new IllegalStateException("topics " + List.of(topics) + " have no leader after 30 s");
                }
                Thread.sleep(20);
            }
        }
    }

    private static boolean allAnswer(Admin admin, int partitions, String... topics) throws InterruptedException {
        Map<org.apache.kafka.common.TopicPartition, org.apache.kafka.clients.admin.OffsetSpec> query =
                new java.util.HashMap<>();
        for (String t : topics) {
            for (int i = 0; i < partitions; i++) {
                query.put(new org.apache.kafka.common.TopicPartition(t, i),
                        org.apache.kafka.clients.admin.OffsetSpec.latest());
            }
        }
        try {
            admin.listOffsets(query).all().get();
            return true;
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.RetriableException) {
                return false;
            }
            throw new IllegalStateException("listing offsets of " + List.of(topics) + " failed", e.getCause());
        }
    }

    private static boolean allLed(Admin admin, String... topics) throws InterruptedException {
        try {
            return admin.describeTopics(List.of(topics)).allTopicNames().get().values().stream()
                    .allMatch(d -> d.partitions().stream().allMatch(p -> p.leader() != null && p.leader().id() == 1));
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof org.apache.kafka.common.errors.UnknownTopicOrPartitionException) {
                return false;
            }
            throw new IllegalStateException("describing topics " + List.of(topics) + " failed", e.getCause());
        }
    }

    @Override
    public void close() throws IOException {
        stop();
        try (Stream<Path> files = Files.walk(dir)) {
            files.sorted(Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }
}
