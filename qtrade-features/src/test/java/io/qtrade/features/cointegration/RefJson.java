package io.qtrade.features.cointegration;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads the reference JSON files in {@code src/test/resources/refcases} (objects, arrays, numbers, strings, true,
 * false, null) into maps, lists, doubles and strings. The module has no JSON library, and these files are
 * written by {@code json.dump}, so a small reader is enough.
 */
final class RefJson {

    private final String s;
    private int i;

    private RefJson(String s) {
        this.s = s;
    }

    /** Parses a resource under {@code /refcases/}. */
    static Object resource(String name) {
        try (InputStream in = RefJson.class.getResourceAsStream("/refcases/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /refcases/" + name);
            }
            RefJson p = new RefJson(new String(in.readAllBytes(), StandardCharsets.UTF_8));
            Object v = p.value();
            p.ws();
            if (p.i != p.s.length()) {
                throw new IllegalStateException(name + ": trailing data at offset " + p.i);
            }
            return v;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads one CSV column of a resource under {@code /refcases/} (header row first). */
    static double[] csvColumn(String name, String column) {
        try (InputStream in = RefJson.class.getResourceAsStream("/refcases/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing test resource /refcases/" + name);
            }
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\r?\n");
            String[] header = lines[0].split(",");
            int c = -1;
            for (int k = 0; k < header.length; k++) {
                if (header[k].equals(column)) {
                    c = k;
                }
            }
            if (c < 0) {
                throw new IllegalStateException(name + ": no column " + column);
            }
            double[] out = new double[lines.length - 1];
            for (int r = 1; r < lines.length; r++) {
                out[r - 1] = Double.parseDouble(lines[r].split(",")[c]);
            }
            return out;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> obj(Object o, String... path) {
        Object cur = o;
        for (String k : path) {
            cur = ((Map<String, Object>) cur).get(k);
            if (cur == null) {
                throw new IllegalStateException("no key " + k);
            }
        }
        return (Map<String, Object>) cur;
    }

    @SuppressWarnings("unchecked")
    static List<Object> list(Object o) {
        return (List<Object>) o;
    }

    static double num(Object o) {
        return ((Number) o).doubleValue();
    }

    static double[] doubles(Object o) {
        List<Object> l = list(o);
        double[] out = new double[l.size()];
        for (int k = 0; k < out.length; k++) {
            out[k] = l.get(k) == null ? Double.NaN : num(l.get(k));
        }
        return out;
    }

    private void ws() {
        while (i < s.length() && Character.isWhitespace(s.charAt(i))) {
            i++;
        }
    }

    private Object value() {
        ws();
        char c = s.charAt(i);
        if (c == '{') {
            i++;
            Map<String, Object> m = new LinkedHashMap<>();
            ws();
            if (s.charAt(i) == '}') {
                i++;
                return m;
            }
            while (true) {
                ws();
                String k = string();
                ws();
                expect(':');
                m.put(k, value());
                ws();
                if (s.charAt(i) == ',') {
                    i++;
                } else {
                    expect('}');
                    return m;
                }
            }
        }
        if (c == '[') {
            i++;
            List<Object> l = new ArrayList<>();
            ws();
            if (s.charAt(i) == ']') {
                i++;
                return l;
            }
            while (true) {
                l.add(value());
                ws();
                if (s.charAt(i) == ',') {
                    i++;
                } else {
                    expect(']');
                    return l;
                }
            }
        }
        if (c == '"') {
            return string();
        }
        if (s.startsWith("true", i)) {
            i += 4;
            return Boolean.TRUE;
        }
        if (s.startsWith("false", i)) {
            i += 5;
            return Boolean.FALSE;
        }
        if (s.startsWith("null", i)) {
            i += 4;
            return null;
        }
        int start = i;
        while (i < s.length() && "+-0123456789.eE".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        if (start == i) {
            throw new IllegalStateException("unexpected '" + c + "' at offset " + i);
        }
        return Double.parseDouble(s.substring(start, i));
    }

    private String string() {
        expect('"');
        StringBuilder b = new StringBuilder();
        while (s.charAt(i) != '"') {
            char c = s.charAt(i++);
            if (c == '\\') {
                char e = s.charAt(i++);
                switch (e) {
                    case 'n' -> b.append('\n');
                    case 't' -> b.append('\t');
                    case 'u' -> {
                        b.append((char) Integer.parseInt(s.substring(i, i + 4), 16));
                        i += 4;
                    }
                    default -> b.append(e);
                }
            } else {
                b.append(c);
            }
        }
        i++;
        return b.toString();
    }

    private void expect(char c) {
        if (s.charAt(i) != c) {
            throw new IllegalStateException("expected '" + c + "' at offset " + i + ", found '" + s.charAt(i) + "'");
        }
        i++;
    }
}
