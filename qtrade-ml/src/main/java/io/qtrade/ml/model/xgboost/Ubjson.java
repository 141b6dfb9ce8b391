package io.qtrade.ml.model.xgboost;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;

/**
 * A reader of Universal Binary JSON (ubjson.org, draft 12), the format of XGBoost's {@code .ubj} models, into a
 * Jackson tree. Supports every value marker ({@code Z N T F i U I l L d D C S H [ ] { }}) and the optimised
 * container forms ({@code $} type and {@code #} count). Big-endian, as the specification says.
 */
final class Ubjson {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private final ByteBuffer in;

    private Ubjson(byte[] bytes) {
        this.in = ByteBuffer.wrap(bytes);
    }

    /** Parses one UBJ value. */
    static JsonNode parse(byte[] bytes) {
        Ubjson reader = new Ubjson(bytes);
        try {
            return reader.value(reader.marker());
        } catch (RuntimeException e) {
            throw new IllegalArgumentException("malformed UBJSON at byte offset " + reader.in.position() + ": "
                    + e.getMessage(), e);
        }
    }

    private char marker() {
        char m;
        do {
            m = (char) (in.get() & 0xff);
        } while (m == 'N');
        return m;
    }

    private JsonNode value(char m) {
        switch (m) {
            case 'Z':
                return NODES.nullNode();
            case 'T':
                return NODES.booleanNode(true);
            case 'F':
                return NODES.booleanNode(false);
            case 'i':
                return NODES.numberNode(in.get());
            case 'U':
                return NODES.numberNode(in.get() & 0xff);
            case 'I':
                return NODES.numberNode(in.getShort());
            case 'l':
                return NODES.numberNode(in.getInt());
            case 'L':
                return NODES.numberNode(in.getLong());
            case 'd':
                return NODES.numberNode(in.getFloat());
            case 'D':
                return NODES.numberNode(in.getDouble());
            case 'C':
                return NODES.textNode(String.valueOf((char) (in.get() & 0xff)));
            case 'S':
                return NODES.textNode(string());
            case 'H':
                return NODES.numberNode(new java.math.BigDecimal(string()));
            case '[':
                return array();
            case '{':
                return object();
            default:
                throw new IllegalArgumentException("unknown marker '" + m + "' (0x" + Integer.toHexString(m) + ")");
        }
    }

    private long length() {
        char m = marker();
        JsonNode n = value(m);
        if (!n.isIntegralNumber()) {
            throw new IllegalArgumentException("length must be an integer, marker '" + m + "'");
        }
        long len = n.longValue();
        if (len < 0 || len > in.remaining() + 1L) {
            throw new IllegalArgumentException("length " + len + " exceeds the " + in.remaining()
                    + " bytes left");
        }
        return len;
    }

    private String string() {
        int len = (int) length();
        byte[] b = new byte[len];
        in.get(b);
        return new String(b, StandardCharsets.UTF_8);
    }

    private ArrayNode array() {
        ArrayNode a = NODES.arrayNode();
        char type = 0;
        long count = -1;
        char m = marker();
        if (m == '$') {
            type = (char) (in.get() & 0xff);
            m = marker();
            if (m != '#') {
                throw new IllegalArgumentException("typed array without a count");
            }
        }
        if (m == '#') {
            count = length();
            for (long k = 0; k < count; k++) {
                a.add(value(type != 0 ? type : marker()));
            }
            return a;
        }
        while (m != ']') {
            a.add(value(m));
            m = marker();
        }
        return a;
    }

    private ObjectNode object() {
        ObjectNode o = NODES.objectNode();
        char type = 0;
        long count = -1;
        int save = in.position();
        char m = (char) (in.get() & 0xff);
        if (m == '$') {
            type = (char) (in.get() & 0xff);
            m = (char) (in.get() & 0xff);
        }
        if (m == '#') {
            count = length();
            for (long k = 0; k < count; k++) {
                String key = string();
                o.set(key, value(type != 0 ? type : marker()));
            }
            return o;
        }
        in.position(save);
        while (true) {
            int keyStart = in.position();
            char c = (char) (in.get() & 0xff);
            if (c == '}') {
                return o;
            }
            in.position(keyStart);
            String key = string();
            o.set(key, value(marker()));
        }
    }
}
