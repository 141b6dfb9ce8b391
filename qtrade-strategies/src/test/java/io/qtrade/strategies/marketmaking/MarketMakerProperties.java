package io.qtrade.strategies.marketmaking;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventCursor;
import io.qtrade.core.order.Fill;
import io.qtrade.core.order.Liquidity;
import io.qtrade.core.order.Order;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.DoubleRange;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.LongRange;
import net.jqwik.api.constraints.Scale;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Invariants of the quotes {@link MarketMaker} sends, over arbitrary model parameters, inventories and books (both
 * models, depths of either sign, quotes far through the touch): every order is on the tick grid, a bid is below the
 * best ask and an ask above the best bid, the bid is below the ask, and no side is quoted whose fill could take
 * |position| past the limit.
 */
class MarketMakerProperties {

    private static final Instrument AAA = Instrument.spot("AAA", "SYN", 0.01, 1);
    private static final long S = 1_000_000_000L;

    @Property(tries = 500)
    void quotesAreOnTheGridOffTheOppositeTouchAndWithinTheInventoryLimit(
            @ForAll boolean glft,
            @ForAll @Scale(4) @DoubleRange(min = 0.001, max = 100) double gamma,
            @ForAll @Scale(4) @DoubleRange(min = 0, max = 2) double sigma,
            @ForAll @DoubleRange(min = 1, max = 2000) double k,
            @ForAll @DoubleRange(min = 0.01, max = 100) double a,
            @ForAll @IntRange(min = -6, max = 6) int inventoryLots,
            @ForAll @LongRange(min = 5_000, max = 20_000) long bestBidTicks,
            @ForAll @IntRange(min = 1, max = 30) int spreadTicks,
            @ForAll @DoubleRange(min = -5, max = 5) double ofiSkewTicks) {
        QuoteModel model = glft ? new GueantLehalleFernandezTapia(gamma, 4) : new AvellanedaStoikov(gamma);
        MarketMaker mm = MarketMaker.builder()
                .model(model)
                .sigma(sigma)
                .intensity(a, k)
                .orderQty(1)
                .maxInventory(5)
                .ofiSkewTicks(ofiSkewTicks)
                .build();
        DirectContext ctx = new DirectContext(AAA);
        mm.onStart(ctx);
        if (inventoryLots != 0) {
            Side side = inventoryLots > 0 ? Side.BUY : Side.SELL;
            ctx.portfolio.apply(new Fill(999, AAA, side, AAA.toPrice(bestBidTicks), Math.abs(inventoryLots), 0,
                    Liquidity.MAKER, 0, 0));
        }
        EventBatch batch = new EventBatch(4);
        batch.addDepth(0, S, S, Side.BUY, AAA.toPrice(bestBidTicks), 3);
        batch.addDepth(0, S, S, Side.SELL, AAA.toPrice(bestBidTicks + spreadTicks), 3);
        batch.addDepth(0, 2 * S, 2 * S, Side.BUY, AAA.toPrice(bestBidTicks), 4); // an OFI of +1 for the skew
        EventCursor cursor = new EventCursor();
        cursor.reset(batch);
        while (cursor.next()) {
            ctx.clock.advanceTo(cursor.localTs());
            ctx.book.apply(cursor);
            mm.onBook(0, ctx.book);
        }
        ctx.clock.advanceTo(2 * S);
        mm.onTimer(ctx.timerId, 2 * S); // closes the OFI window: the skew applies from here
        long bidTicks = Long.MIN_VALUE;
        long askTicks = Long.MAX_VALUE;
        for (Order o : ctx.orders) {
            assertThat(AAA.isOnTickGrid(o.price())).as("on the grid: %s", o).isTrue();
            long ticks = AAA.toTicks(o.price());
            if (o.side() == Side.BUY) {
                assertThat(ticks).as("bid below the best ask").isLessThan(bestBidTicks + spreadTicks);
                assertThat(inventoryLots + 1).as("a bid only if a fill stays within the limit").isLessThanOrEqualTo(5);
                if (o.status().isLive()) {
                    bidTicks = ticks;
                }
            } else {
                assertThat(ticks).as("ask above the best bid").isGreaterThan(bestBidTicks);
                assertThat(inventoryLots - 1).as("an ask only if a fill stays within the limit")
                        .isGreaterThanOrEqualTo(-5);
                if (o.status().isLive()) {
                    askTicks = ticks;
                }
            }
        }
        if (bidTicks != Long.MIN_VALUE && askTicks != Long.MAX_VALUE) {
            assertThat(bidTicks).isLessThan(askTicks);
        }
        // GLFT at its bound quotes only the side that reduces the inventory
        if (glft && inventoryLots >= 4) {
            assertThat(bidTicks).isEqualTo(Long.MIN_VALUE);
        }
        assertThat(mm.ordersSent()).isGreaterThan(0);
    }
}
