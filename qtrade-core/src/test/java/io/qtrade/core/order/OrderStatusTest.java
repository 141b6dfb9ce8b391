package io.qtrade.core.order;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class OrderStatusTest {

    /** The table of the OrderStatus Javadoc, written out independently of the implementation. */
    private static Set<OrderStatus> expectedTargets(OrderStatus from) {
        return switch (from) {
            case PENDING_NEW -> EnumSet.of(OrderStatus.NEW, OrderStatus.REJECTED, OrderStatus.PARTIALLY_FILLED,
                    OrderStatus.FILLED, OrderStatus.PENDING_CANCEL, OrderStatus.CANCELED, OrderStatus.EXPIRED);
            case NEW -> EnumSet.of(OrderStatus.PARTIALLY_FILLED, OrderStatus.FILLED, OrderStatus.PENDING_CANCEL,
                    OrderStatus.CANCELED, OrderStatus.EXPIRED);
            case PARTIALLY_FILLED -> EnumSet.of(OrderStatus.PARTIALLY_FILLED, OrderStatus.FILLED,
                    OrderStatus.PENDING_CANCEL, OrderStatus.CANCELED, OrderStatus.EXPIRED);
            case PENDING_CANCEL -> EnumSet.of(OrderStatus.PENDING_NEW, OrderStatus.NEW, OrderStatus.PARTIALLY_FILLED,
                    OrderStatus.FILLED, OrderStatus.CANCELED, OrderStatus.REJECTED, OrderStatus.EXPIRED);
            case FILLED, CANCELED, REJECTED, EXPIRED -> EnumSet.noneOf(OrderStatus.class);
        };
    }

    @Test
    void canTransitionToMatchesTheTableForAll64Pairs() {
        int legal = 0;
        for (OrderStatus from : OrderStatus.values()) {
            for (OrderStatus to : OrderStatus.values()) {
                boolean expected = expectedTargets(from).contains(to);
                assertThat(from.canTransitionTo(to)).as("%s -> %s", from, to).isEqualTo(expected);
                legal += expected ? 1 : 0;
            }
            assertThat(from.legalTargets()).isEqualTo(expectedTargets(from));
        }
        // 7 + 5 + 5 + 7 legal transitions in the table.
        assertThat(legal).isEqualTo(24);
    }

    @Test
    void terminalStatusesAreExactlyFilledCanceledRejectedExpired() {
        for (OrderStatus s : OrderStatus.values()) {
            boolean terminal = s == OrderStatus.FILLED || s == OrderStatus.CANCELED || s == OrderStatus.REJECTED
                    || s == OrderStatus.EXPIRED;
            assertThat(s.isTerminal()).as("%s terminal", s).isEqualTo(terminal);
            assertThat(s.isLive()).as("%s live", s).isEqualTo(!terminal);
            assertThat(s.legalTargets().isEmpty()).as("%s has no way out", s).isEqualTo(terminal);
        }
    }

    @Test
    void onlyACancelRejectedBeforeTheAckGoesBackToPendingNew() {
        for (OrderStatus s : OrderStatus.values()) {
            assertThat(s.canTransitionTo(OrderStatus.PENDING_NEW)).as(s.name())
                    .isEqualTo(s == OrderStatus.PENDING_CANCEL);
        }
    }
}
