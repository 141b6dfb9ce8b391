package io.qtrade.postgres;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

/**
 * The hypertable statement chosen by TimescaleDB version (documentation: "create_hypertable() (old interface)",
 * deprecated in 2.13.0, and "create_hypertable()" with {@code by_range}), and identifier checks. The statements are
 * not run here: Debian packages no TimescaleDB, so the tests' server has none (the plain-table branch is what the
 * round-trip tests exercise).
 */
class PgSchemaTest {

    @Test
    void theNewInterfaceFrom213AndTheOldOneBefore() {
        assertThat(PgSchema.hypertableSql("2.17.2", "qtrade_bars", "end_ts")).isEqualTo(
                "SELECT create_hypertable('qtrade_bars', by_range('end_ts', 86400000000000::bigint), "
                        + "if_not_exists => TRUE)");
        assertThat(PgSchema.hypertableSql("2.13.0", "t", "ts")).contains("by_range('ts'");
        assertThat(PgSchema.hypertableSql("2.12.2", "qtrade_bars", "end_ts")).isEqualTo(
                "SELECT create_hypertable('qtrade_bars', 'end_ts', chunk_time_interval => 86400000000000::bigint, "
                        + "if_not_exists => TRUE)");
        assertThat(PgSchema.hypertableSql("1.7.5", "t", "ts")).contains("chunk_time_interval");
        assertThat(PgSchema.atLeast("3.0.0-dev", 2, 13)).isTrue();
        assertThatThrownBy(() -> PgSchema.atLeast("x.y", 2, 13)).hasMessageContaining("'x.y'");
    }

    @Test
    void identifiersAndLiterals() {
        assertThat(PgSchema.identifier("qtrade_result_orders")).isEqualTo("qtrade_result_orders");
        assertThatThrownBy(() -> PgSchema.identifier("orders; DROP TABLE x")).hasMessageContaining("identifier");
        assertThatThrownBy(() -> PgSchema.identifier("Orders")).hasMessageContaining("'Orders'");
        assertThat(PgSchema.literal("B'B\\")).isEqualTo("'B''B\\'");
    }
}
