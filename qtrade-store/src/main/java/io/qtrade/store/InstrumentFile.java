package io.qtrade.store;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.qtrade.core.Instrument;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Reads and writes {@code _instrument.json}, the description of the instrument in a symbol directory:
 * <pre>{@code
 * {"symbol":"BTCUSDT","venue":"SIM","tick_size":0.01,"lot_size":0.001,"contract_multiplier":1.0}
 * }</pre>
 * CSV parts carry no metadata of their own, so this file is how a reader recovers the tick size, lot size and
 * multiplier; Parquet parts carry the same values in their key-value metadata too.
 */
public final class InstrumentFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private InstrumentFile() {
    }

    /** Writes {@code instrument} to {@code symbolDir/_instrument.json}, atomically (temporary file, then rename). */
    public static void write(Path symbolDir, Instrument instrument) {
        ObjectNode node = JSON.createObjectNode();
        node.put("symbol", instrument.symbol());
        node.put("venue", instrument.venue());
        node.put("tick_size", instrument.tickSize());
        node.put("lot_size", instrument.lotSize());
        node.put("contract_multiplier", instrument.contractMultiplier());
        Path target = symbolDir.resolve(HiveLayout.INSTRUMENT_FILE);
        Path tmp = symbolDir.resolve("." + HiveLayout.INSTRUMENT_FILE + HiveLayout.IN_PROGRESS_SUFFIX);
        try {
            Files.createDirectories(symbolDir);
            Files.write(tmp, JSON.writerWithDefaultPrettyPrinter().writeValueAsBytes(node));
            Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException("writing " + target, e);
        }
    }

    /**
     * Reads {@code symbolDir/_instrument.json}.
     *
     * @throws TickDataException when the file is missing a field or a value is invalid
     */
    public static Instrument read(Path symbolDir) {
        Path file = symbolDir.resolve(HiveLayout.INSTRUMENT_FILE);
        JsonNode node;
        try {
            node = JSON.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException("reading " + file, e);
        }
        String symbol = text(file, node, "symbol");
        String venue = text(file, node, "venue");
        double tick = number(file, node, "tick_size");
        double lot = number(file, node, "lot_size");
        double multiplier = number(file, node, "contract_multiplier");
        try {
            return new Instrument(symbol, venue, tick, lot, multiplier);
        } catch (IllegalArgumentException e) {
            throw new TickDataException(file, -1, "instrument", e.getMessage());
        }
    }

    private static String text(Path file, JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isTextual()) {
            throw new TickDataException(file, -1, field, "expected a string, was " + v);
        }
        return v.asText();
    }

    private static double number(Path file, JsonNode node, String field) {
        JsonNode v = node.get(field);
        if (v == null || !v.isNumber()) {
            throw new TickDataException(file, -1, field, "expected a number, was " + v);
        }
        return v.asDouble();
    }
}
