package io.qtrade.risk;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.order.OrderRequest;
import io.qtrade.core.portfolio.Portfolio;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class RiskGateTest {

    private static final Instrument AAA = Instrument.spot("AAA", "SYN", 0.01, 1);

    @Test
    void noneAcceptsEveryOrderWithTheSharedConstant() {
        RiskDecision decision = RiskGate.NONE.check("s", OrderRequest.limit(AAA, Side.BUY, 100, 5), new Portfolio(0), 0);
        assertThat(decision).isSameAs(RiskDecision.ACCEPT);
        assertThat(decision.accepted()).isTrue();
        assertThat(decision.reason()).isEmpty();
    }

    @Test
    void aRejectionCarriesItsCodeAndMessageInTheReason() {
        RiskGate maxQty = (id, request, portfolio, now) -> request.qty() > 10
                ? RiskDecision.reject("MAX_ORDER_QTY", "qty " + request.qty() + " > 10") : RiskDecision.ACCEPT;
        RiskDecision decision = maxQty.check("s", OrderRequest.limit(AAA, Side.BUY, 100, 11), new Portfolio(0), 0);
        assertThat(decision.accepted()).isFalse();
        assertThat(decision.reason()).isEqualTo("MAX_ORDER_QTY: qty 11.0 > 10");
    }

    @Test
    void aRejectionWithoutAReasonCodeIsRefused() {
        assertThatThrownBy(() -> RiskDecision.reject(" ", "x")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("non-blank reasonCode");
        assertThatThrownBy(() -> new RiskDecision(true, "X", "")).isInstanceOf(IllegalArgumentException.class);
    }
}
