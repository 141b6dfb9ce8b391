package io.qtrade.kafka;

import io.qtrade.core.market.EventKind;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Topic names: one topic per venue and event kind, {@code <prefix>.<venue>.<kind>}, for example
 * {@code qtrade.md.binance.trade} or {@code qtrade.md.lobster.order_add}. Fills have their own topic, named by
 * the caller (see {@link io.qtrade.kafka.fills.FillPublisher}).
 *
 * <p>Kafka allows {@code [a-zA-Z0-9._-]} in a topic name of at most 249 characters; a venue with any other
 * character is refused with its name, never rewritten.
 *
 * @param prefix the first part of every name, for example {@code qtrade.md}
 */
public record KafkaTopics(String prefix) {

    /** The prefix used when none is given. */
    public static final String DEFAULT_PREFIX = "qtrade.md";

    private static final Pattern LEGAL = Pattern.compile("[a-zA-Z0-9._-]+");

    public KafkaTopics {
        if (prefix == null || !LEGAL.matcher(prefix).matches()) {
            throw new IllegalArgumentException("topic prefix '" + prefix + "' must match [a-zA-Z0-9._-]+");
        }
    }

    /** The topic of events of {@code kind} from {@code venue}. */
    public String topic(String venue, EventKind kind) {
        if (venue == null || !LEGAL.matcher(venue).matches()) {
            throw new IllegalArgumentException("venue '" + venue + "' cannot be part of a Kafka topic name: it must"
                    + " match [a-zA-Z0-9._-]+");
        }
        String name = prefix + "." + venue.toLowerCase(Locale.ROOT) + "." + kind.name().toLowerCase(Locale.ROOT);
        if (name.length() > 249) {
            throw new IllegalArgumentException("topic name " + name + " is longer than Kafka's 249 characters");
        }
        return name;
    }
}
