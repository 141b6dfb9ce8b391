package io.qtrade.ml;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads the copied reference cases in {@code src/test/resources/refcases} (see the README there). */
public final class RefCases {
    private RefCases() {
    }

    /** The raw bytes of a reference file; a name starting with '/' is a resource path (e.g. /fixtures/x.onnx). */
    public static byte[] bytes(String name) {
        String path = name.startsWith("/") ? name : "/refcases/" + name;
        try (InputStream in = RefCases.class.getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalArgumentException("no test resource " + path);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A parsed JSON file. */
    public static JsonNode json(String name) {
        try {
            return new ObjectMapper().readTree(bytes(name));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A CSV file: header plus rows of strings. */
    public static Csv csv(String name) {
        String[] lines = new String(bytes(name), StandardCharsets.UTF_8).split("\r?\n");
        List<String[]> rows = new ArrayList<>();
        for (int i = 1; i < lines.length; i++) {
            if (!lines[i].isBlank()) {
                rows.add(lines[i].split(",", -1));
            }
        }
        return new Csv(Arrays.asList(lines[0].split(",")), rows);
    }

    /** A JSON array of numbers. */
    public static double[] doubles(JsonNode array) {
        double[] out = new double[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asDouble();
        }
        return out;
    }

    /** A JSON array of integers. */
    public static int[] ints(JsonNode array) {
        int[] out = new int[array.size()];
        for (int i = 0; i < out.length; i++) {
            out[i] = array.get(i).asInt();
        }
        return out;
    }

    /** CSV content. */
    public record Csv(List<String> header, List<String[]> rows) {
        /** A column as doubles (empty cell = NaN). */
        public double[] doubles(String column) {
            int c = index(column);
            return rows.stream().mapToDouble(r -> r[c].isEmpty() ? Double.NaN : Double.parseDouble(r[c])).toArray();
        }

        /** A column as ints. */
        public int[] ints(String column) {
            int c = index(column);
            return rows.stream().mapToInt(r -> (int) Double.parseDouble(r[c])).toArray();
        }

        /** A column as strings. */
        public String[] strings(String column) {
            int c = index(column);
            return rows.stream().map(r -> r[c]).toArray(String[]::new);
        }

        private int index(String column) {
            int c = header.indexOf(column);
            if (c < 0) {
                throw new IllegalArgumentException("no column " + column + " in " + header);
            }
            return c;
        }
    }
}
