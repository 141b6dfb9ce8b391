package io.qtrade.kafka;

/** What a {@link KafkaEventSource} does with a record it cannot decode, after reporting it. */
public enum PoisonPolicy {
    /** Report it, count it as consumed (its offset is committed with the rest) and go on with the next record. */
    SKIP,
    /** Report it and throw {@link PoisonMessageException}; the offset is not committed, a restart meets it again. */
    STOP
}
