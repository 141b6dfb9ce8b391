package io.qtrade.kafka;

import java.nio.file.Files;
import org.junit.jupiter.api.Assumptions;

/**
 * Starts the shared in-process broker once for the test classes, or explains why not: a test that needs it is
 * then SKIPPED (JUnit assumption) with the cause and how to enable it, never passed.
 */
public final class SharedBroker {

    private static KafkaBroker broker;
    private static Throwable failure;

    private SharedBroker() {
    }

    /** The running broker; skips the calling test when it cannot be started. */
    public static synchronized KafkaBroker get() {
        if (broker == null && failure == null) {
            if (Boolean.getBoolean("qtrade.kafka.skip")) {
                failure = new IllegalStateException("-Dqtrade.kafka.skip=true was given");
            } else {
                try {
                    broker = KafkaBroker.start(Files.createTempDirectory("qtrade-kafka-"));
                    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                        try {
                            broker.close();
                        } catch (Exception ignored) {
                            // the JVM is exiting
                        }
                    }));
                } catch (Throwable e) {
                    failure = e;
                }
            }
        }
        Assumptions.assumeTrue(failure == null, () -> "SKIPPED: the in-process Kafka broker (KRaft, "
                + "org.apache.kafka:kafka_2.13, test scope) could not be started: " + failure
                + ". To enable: allow binding a loopback port and writing java.io.tmpdir, have the test-scope "
                + "kafka_2.13 jars resolved (mvn -pl qtrade-kafka -am test), and do not pass -Dqtrade.kafka.skip=true.");
        return broker;
    }
}
