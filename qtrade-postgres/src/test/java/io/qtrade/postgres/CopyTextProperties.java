package io.qtrade.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.CharRange;
import net.jqwik.api.constraints.Chars;
import net.jqwik.api.constraints.StringLength;
import org.junit.jupiter.api.Test;

/**
 * The COPY text codec without a server: a row {@link CopyRows} writes is split back by {@link CopyFields} into the
 * same text, longs and doubles (bits), NULLs where written. PostgreSQL's own COPY output uses the same escapes
 * (documentation, "COPY", "Text Format"); the round trips through a server are in the *RoundTripTest classes.
 */
class CopyTextProperties {

    @Property(tries = 300)
    void textLongsAndDoublesRoundTrip(
            @ForAll @StringLength(max = 30) @Chars({'\\', '\t', '\n', '\r', 'N', 'é', '€', '\''})
            @CharRange(from = 'a', to = 'z') String text,
            @ForAll long l, @ForAll double d) {
        CopyRows rows = new CopyRows();
        rows.addText(text).addLong(l).addDouble(d).addDoubleOrNull(Double.NaN).addNull().endRow();
        CopyFields f = new CopyFields("t").reset(rows.utf8(), 5);
        assertThat(f.getText(0)).isEqualTo(text);
        assertThat(f.isNull(0)).isFalse();
        assertThat(f.getLong(1)).isEqualTo(l);
        assertThat(Double.doubleToRawLongBits(f.getDouble(2))).isEqualTo(Double.doubleToRawLongBits(d));
        assertThat(f.isNull(3)).isTrue();
        assertThat(f.isNull(4)).isTrue();
    }

    @Test
    void theExtremesAndServerOnlyEscapesDecode() {
        byte[] row = "-9223372036854775808\tInfinity\t-Infinity\tNaN\ta\\bb\\fc\\vd\\101\\\\N\n".getBytes(
                java.nio.charset.StandardCharsets.UTF_8);
        CopyFields f = new CopyFields("t").reset(row, 5);
        assertThat(f.getLong(0)).isEqualTo(Long.MIN_VALUE);
        assertThat(f.getDouble(1)).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(f.getDouble(2)).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(f.getDouble(3)).isNaN();
        assertThat(f.getText(4)).isEqualTo("a\bb\fc\u000bdA\\N");
        assertThat(f.isNull(4)).isFalse();
        assertThatThrownBy(() -> new CopyFields("qtrade_bars").reset("1\t2\n".getBytes(), 3))
                .hasMessageContaining("qtrade_bars").hasMessageContaining("2 fields, expected 3");
        assertThatThrownBy(() -> new CopyRows().addText("a\0b")).hasMessageContaining("NUL");
    }
}
