package io.qtrade.core.margin;

/**
 * The answer of {@link MarginAccount#checkOrder}: whether an order fits the available balance, and the numbers.
 *
 * @param accepted         whether the order may be sent
 * @param initialMargin    the initial margin the order adds, settlement asset (0 for an order that only reduces)
 * @param availableBalance the available balance before the order, settlement asset
 * @param reason           why it is refused, with the numbers; empty when accepted
 */
public record MarginCheck(boolean accepted, double initialMargin, double availableBalance, String reason) {

    /** An accepted order adding {@code initialMargin}. */
    public static MarginCheck accept(double initialMargin, double availableBalance) {
        return new MarginCheck(true, initialMargin, availableBalance, "");
    }
}
