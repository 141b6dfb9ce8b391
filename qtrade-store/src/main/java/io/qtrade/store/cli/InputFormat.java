package io.qtrade.store.cli;

import io.qtrade.core.market.EventSource;

import java.nio.file.Path;
import java.util.List;

/**
 * One kind of input {@link Convert} reads: a name for the command line and a factory from input paths and
 * {@code key=value} options to an {@link EventSource}. A vendor importer plugs in as
 * <pre>{@code
 * InputFormats.standard().with(InputFormat.of("binance", "Binance depth and trade files", (paths, options) ->
 *         new BinanceSource(paths, options.string("symbol", null))))
 * }</pre>
 */
public interface InputFormat {

    /** The name given after {@code --from}, lower case. */
    String name();

    /** One line for the usage text: what it reads and the options it takes. */
    String description();

    /**
     * Opens the inputs as one time-ordered source.
     *
     * @param inputs  files or directories given on the command line (possibly none, for a generator)
     * @param options the {@code key=value} options; read them through {@link FormatOptions}, which reports any
     *                option no format asked for
     * @throws IllegalArgumentException for missing or invalid inputs or options, naming which
     */
    EventSource open(List<Path> inputs, FormatOptions options);

    /** A format from a name, a description and a factory. */
    static InputFormat of(String name, String description, Factory factory) {
        return new InputFormat() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public String description() {
                return description;
            }

            @Override
            public EventSource open(List<Path> inputs, FormatOptions options) {
                return factory.open(inputs, options);
            }

            @Override
            public String toString() {
                return "InputFormat[" + name + "]";
            }
        };
    }

    /** The factory half of an {@link InputFormat}. */
    @FunctionalInterface
    interface Factory {
        /** See {@link InputFormat#open}. */
        EventSource open(List<Path> inputs, FormatOptions options);
    }
}
