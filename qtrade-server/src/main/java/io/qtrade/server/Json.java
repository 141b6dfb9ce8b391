package io.qtrade.server;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;

import java.util.stream.Collectors;

/**
 * JSON in and out. Input is strict: an unknown field, a duplicate field, a wrong type, a null for a number, trailing
 * content or malformed text is refused with a message naming the field (or the line and column), never silently
 * ignored. Output writes NaN as {@code null}.
 */
final class Json {

    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION)
            .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);

    private Json() {
    }

    /** A finite number, or null for NaN and infinities. */
    static Double num(double v) {
        return Double.isFinite(v) ? v : null;
    }

    /** An ordered object of key, value pairs. */
    static java.util.Map<String, Object> obj(Object... kv) {
        java.util.Map<String, Object> m = new java.util.LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    static String write(Object value) {
        try {
            return MAPPER.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write JSON: " + e.getOriginalMessage(), e);
        }
    }

    /**
     * Reads {@code body} as a {@code type}.
     *
     * @throws Refusal 400 naming the field or position at fault
     */
    static <T> T read(String body, Class<T> type) {
        if (body == null || body.isBlank()) {
            throw Refusal.badRequest("empty body: a JSON object is expected");
        }
        try {
            return MAPPER.readValue(body, type);
        } catch (UnrecognizedPropertyException e) {
            throw Refusal.badRequest("unknown field '" + e.getPropertyName() + "' (known fields: "
                    + e.getKnownPropertyIds().stream().map(Object::toString).sorted()
                    .collect(Collectors.joining(", ")) + ")");
        } catch (InvalidFormatException e) {
            if (!e.getTargetType().isEnum()) {
                throw Refusal.badRequest("field '" + path(e) + "': expected " + expected(e.getTargetType()) + ", was "
                        + describe(e.getValue()));
            }
            throw Refusal.badRequest("field '" + path(e) + "': " + describe(e.getValue()) + " is not a valid "
                    + e.getTargetType().getSimpleName() + allowed(e.getTargetType()));
        } catch (MismatchedInputException e) {
            String field = path(e);
            if (field.isEmpty()) {
                throw Refusal.badRequest("a JSON object is expected: " + firstLine(e.getOriginalMessage()));
            }
            throw Refusal.badRequest("field '" + field + "': expected " + expected(e.getTargetType()));
        } catch (JsonParseException e) {
            throw Refusal.badRequest("malformed JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + firstLine(e.getOriginalMessage()));
        } catch (JsonMappingException e) {
            String field = path(e);
            throw Refusal.badRequest((field.isEmpty() ? "" : "field '" + field + "': ")
                    + firstLine(e.getOriginalMessage()));
        } catch (JsonProcessingException e) {
            throw Refusal.badRequest("malformed JSON: " + firstLine(e.getOriginalMessage()));
        }
    }

    private static String path(JsonMappingException e) {
        return e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                .collect(Collectors.joining("."));
    }

    private static String describe(Object v) {
        return v instanceof String s ? "'" + (s.length() > 40 ? s.substring(0, 40) + "..." : s) + "'" : String.valueOf(v);
    }

    private static String allowed(Class<?> type) {
        if (type != null && type.isEnum()) {
            Object[] values = type.getEnumConstants();
            StringBuilder sb = new StringBuilder(" (one of ");
            for (int i = 0; i < values.length; i++) {
                sb.append(i > 0 ? ", " : "").append(values[i]);
            }
            return sb.append(')').toString();
        }
        return "";
    }

    private static String expected(Class<?> type) {
        if (type == null) {
            return "another type";
        }
        if (type == double.class || type == Double.class || type == long.class || type == Long.class
                || type == int.class || type == Integer.class) {
            return "a number";
        }
        if (type == String.class) {
            return "a string";
        }
        if (type.isEnum()) {
            return "a string" + allowed(type);
        }
        if (java.util.List.class.isAssignableFrom(type)) {
            return "an array";
        }
        return "a " + type.getSimpleName();
    }

    private static String firstLine(String s) {
        if (s == null) {
            return "";
        }
        int nl = s.indexOf('\n');
        return nl < 0 ? s : s.substring(0, nl);
    }
}
