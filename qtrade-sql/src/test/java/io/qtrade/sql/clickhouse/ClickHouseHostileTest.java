package io.qtrade.sql.clickhouse;

import io.qtrade.core.market.EventBatch;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.util.HexFormat;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Issue 18, item 12: a corrupt string length in a RowBinary response. */
class ClickHouseHostileTest {

    @ParameterizedTest
    @ValueSource(strings = {
        "ffffffff08", // bit 31 set by the 5th byte: a negative int before (StringIndexOutOfBoundsException)
        "ffffffff0f", "ffffffff7f", "8080808010", "ffffffff80",
    })
    void aStringLengthThatDoesNotFit31BitsIsAMalformedResponse(String hex) throws Exception {
        byte[] body = HexFormat.of().parseHex(hex + "00".repeat(60));
        try (FakeClickHouse fake = new FakeClickHouse(request -> FakeClickHouse.Response.ok(body));
             ClickHouseSource source = ClickHouseSource.builder(fake.client(), ClickHouseSourceDecodingTest.TABLE,
                     ClickHouseSourceDecodingTest.INSTRUMENTS).range(ClickHouseSourceDecodingTest.T0,
                     ClickHouseSourceDecodingTest.T0 + 1_000_000).build()) {
            assertThatThrownBy(() -> source.readBatch(new EventBatch(10)))
                    .isInstanceOfSatisfying(MalformedResponseException.class, e -> {
                        assertThat(e.row()).isZero();
                        assertThat(e.byteOffset()).isZero();
                        assertThat(e.getMessage()).contains("field symbol");
                    });
        }
    }
}
