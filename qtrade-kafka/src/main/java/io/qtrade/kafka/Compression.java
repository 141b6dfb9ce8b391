package io.qtrade.kafka;

import java.util.Locale;

/** The producer's {@code compression.type}: how each record batch is compressed on the wire and on disk. */
public enum Compression {
    NONE,
    GZIP,
    SNAPPY,
    LZ4,
    ZSTD;

    /** The value of Kafka's {@code compression.type} property. */
    public String kafkaName() {
        return name().toLowerCase(Locale.ROOT);
    }
}
