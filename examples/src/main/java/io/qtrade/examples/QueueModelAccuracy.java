package io.qtrade.examples;

import io.qtrade.backtest.queue.study.L3Tape;
import io.qtrade.backtest.queue.study.LobsterReader;
import io.qtrade.backtest.queue.study.QueueStudy;
import io.qtrade.backtest.queue.study.QueueStudyResult;
import io.qtrade.core.Instrument;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * How accurate each L2 queue model is on real market-by-order data: the study of
 * {@link io.qtrade.backtest.queue.study.QueueStudy} on a LOBSTER message and orderbook file pair (by default
 * LOBSTER's public AAPL sample of 2012-06-21, shipped with the examples), printed as the Markdown table of the
 * backtest README.
 *
 * <pre>
 * QueueModelAccuracy [MESSAGE_FILE ORDERBOOK_FILE] [every=5] [qty=100] [horizonSeconds=10] [tick=0.01] [symbol=AAPL]
 *                    [hiddenPrints=true]
 * </pre>
 */
public final class QueueModelAccuracy {

    static final String SAMPLE_MESSAGES = "AAPL_2012-06-21_34200000_57600000_message_10.csv";
    static final String SAMPLE_BOOK = "AAPL_2012-06-21_34200000_57600000_orderbook_10.csv";

    private QueueModelAccuracy() {
    }

    public static void main(String[] args) {
        run(args, System.out);
    }

    /** Runs the study with the program's arguments and prints its table to {@code out}; returns the result. */
    public static QueueStudyResult run(String[] args, PrintStream out) {
        Path messages = null;
        Path book = null;
        int every = 5;
        double qty = 100;
        double horizonSeconds = 10;
        double tick = 0.01;
        String symbol = null;
        boolean hiddenPrints = true;
        for (String a : args) {
            int eq = a.indexOf('=');
            if (eq < 0) {
                if (messages == null) {
                    messages = Path.of(a);
                } else if (book == null) {
                    book = Path.of(a);
                } else {
                    throw new IllegalArgumentException("QueueModelAccuracy: a third file '" + a
                            + "'; expected MESSAGE_FILE ORDERBOOK_FILE then key=value options");
                }
                continue;
            }
            String key = a.substring(0, eq);
            String value = a.substring(eq + 1);
            switch (key) {
                case "every" -> every = Integer.parseInt(value);
                case "qty" -> qty = Double.parseDouble(value);
                case "horizonSeconds" -> horizonSeconds = Double.parseDouble(value);
                case "tick" -> tick = Double.parseDouble(value);
                case "symbol" -> symbol = value;
                case "hiddenPrints" -> hiddenPrints = Boolean.parseBoolean(value);
                default -> throw new IllegalArgumentException("QueueModelAccuracy: unknown option '" + key
                        + "'; expected every, qty, horizonSeconds, tick, symbol or hiddenPrints");
            }
        }
        if (messages == null || book == null) {
            Path dir = extractSample();
            messages = dir.resolve(SAMPLE_MESSAGES);
            book = dir.resolve(SAMPLE_BOOK);
        }
        if (symbol == null) {
            String name = messages.getFileName().toString();
            symbol = name.contains("_") ? name.substring(0, name.indexOf('_')) : name;
        }
        Instrument instrument = Instrument.spot(symbol, "LOBSTER", tick, 1);
        L3Tape tape = LobsterReader.read(messages, book, instrument);
        QueueStudy study = QueueStudy.builder().placementEveryMessages(every).orderQty(qty)
                .horizonNanos((long) (horizonSeconds * 1e9)).includeHiddenPrints(hiddenPrints).build();
        QueueStudyResult result = study.run(tape);
        out.println("Queue model accuracy on " + messages.getFileName() + " (" + tape.size() + " messages): "
                + result.truth().size() + " virtual orders of " + qty + " at the touch (every " + every
                + " messages, both sides), followed " + horizonSeconds + " s; " + result.trulyFilled()
                + " filled completely in exact FIFO");
        out.println();
        out.print(result.markdown());
        return result;
    }

    private static Path extractSample() {
        try {
            Path dir = Files.createTempDirectory("qtrade-lobster");
            for (String name : new String[]{SAMPLE_MESSAGES, SAMPLE_BOOK}) {
                try (InputStream in = QueueModelAccuracy.class.getResourceAsStream("lobster/" + name)) {
                    if (in == null) {
                        throw new IllegalStateException("QueueModelAccuracy: resource lobster/" + name
                                + " is missing from the examples jar");
                    }
                    Files.copy(in, dir.resolve(name), StandardCopyOption.REPLACE_EXISTING);
                }
                dir.resolve(name).toFile().deleteOnExit();
            }
            dir.toFile().deleteOnExit();
            return dir;
        } catch (IOException e) {
            throw new UncheckedIOException("QueueModelAccuracy: cannot extract the sample", e);
        }
    }
}
