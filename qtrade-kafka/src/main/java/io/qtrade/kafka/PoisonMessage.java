package io.qtrade.kafka;

/**
 * A record a {@link KafkaEventSource} could not decode.
 *
 * @param topic     its topic
 * @param partition its partition
 * @param offset    its offset in the partition
 * @param reason    what is wrong with it (length, layout version, kind code, unknown instrument key)
 */
public record PoisonMessage(String topic, int partition, long offset, String reason) {

    @Override
    public String toString() {
        return "undecodable record at " + topic + "-" + partition + " offset " + offset + ": " + reason;
    }
}
