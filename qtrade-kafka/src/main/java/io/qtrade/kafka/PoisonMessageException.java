package io.qtrade.kafka;

/** Thrown by a {@link KafkaEventSource} with {@link PoisonPolicy#STOP} on an undecodable record. */
public final class PoisonMessageException extends RuntimeException {

    private final transient PoisonMessage poison;

    public PoisonMessageException(PoisonMessage poison) {
        super(poison.toString());
        this.poison = poison;
    }

    /** The record's topic, partition, offset and what is wrong with it. */
    public PoisonMessage poison() {
        return poison;
    }
}
