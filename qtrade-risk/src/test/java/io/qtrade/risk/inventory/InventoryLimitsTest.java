package io.qtrade.risk.inventory;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class InventoryLimitsTest {

    private final InventoryLimits limits = new InventoryLimits(5, 10);

    @Test
    void levelsAtJustBelowAndAboveEachThreshold() {
        assertThat(limits.level(0)).isEqualTo(InventoryLevel.NORMAL);
        assertThat(limits.level(4.99)).isEqualTo(InventoryLevel.NORMAL);
        assertThat(limits.level(5)).isEqualTo(InventoryLevel.SKEW);
        assertThat(limits.level(-5)).isEqualTo(InventoryLevel.SKEW);
        assertThat(limits.level(9.99)).isEqualTo(InventoryLevel.SKEW);
        assertThat(limits.level(10)).isEqualTo(InventoryLevel.STOP_BUYING);
        assertThat(limits.level(-10)).isEqualTo(InventoryLevel.STOP_SELLING);
        assertThat(limits.allowsBuying(9.99)).isTrue();
        assertThat(limits.allowsBuying(10)).isFalse();
        assertThat(limits.allowsSelling(-10)).isFalse();
        assertThat(limits.allowsSelling(10)).isTrue();
    }

    @Test
    void theSkewRampsLinearlyFromTheSoftToTheHardLimit() {
        // (|q| - 5) / (10 - 5), signed, capped at 1.
        assertThat(limits.skew(4)).isZero();
        assertThat(limits.skew(5)).isZero();
        assertThat(limits.skew(7.5)).isEqualTo(0.5);
        assertThat(limits.skew(-7.5)).isEqualTo(-0.5);
        assertThat(limits.skew(10)).isEqualTo(1.0);
        assertThat(limits.skew(-12)).isEqualTo(-1.0);
        assertThat(limits.buyCapacity(7)).isEqualTo(3.0);
        assertThat(limits.buyCapacity(12)).isZero();
        assertThat(limits.sellCapacity(7)).isEqualTo(17.0);
        assertThatThrownBy(() -> new InventoryLimits(5, 5))
                .hasMessage("inventory limits: hardLimit must be finite and > softLimit 5.0, was 5.0");
    }
}
