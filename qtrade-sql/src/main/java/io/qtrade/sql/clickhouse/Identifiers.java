package io.qtrade.sql.clickhouse;

import java.util.Objects;

/** Checks names spliced into SQL and quotes string literals, so that no value can change a statement's meaning. */
final class Identifiers {

    private Identifiers() {
    }

    /**
     * Returns {@code name} if it is a plain identifier, {@code [A-Za-z_][A-Za-z0-9_]*} of at most 128 characters.
     *
     * @throws IllegalArgumentException naming {@code what} and the value otherwise
     */
    static String require(String what, String name) {
        Objects.requireNonNull(name, what);
        boolean ok = !name.isEmpty() && name.length() <= 128;
        for (int i = 0; ok && i < name.length(); i++) {
            char c = name.charAt(i);
            ok = c == '_' || (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (i > 0 && c >= '0' && c <= '9');
        }
        if (!ok) {
            throw new IllegalArgumentException(what + " must match [A-Za-z_][A-Za-z0-9_]* (at most 128 characters),"
                    + " was \"" + name + "\"");
        }
        return name;
    }

    /** {@code value} as a ClickHouse string literal: in single quotes, with backslash and quote escaped. */
    static String literal(String value) {
        StringBuilder sb = new StringBuilder(value.length() + 2).append('\'');
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (c == '\\' || c == '\'') {
                sb.append('\\');
            }
            sb.append(c);
        }
        return sb.append('\'').toString();
    }
}
