package io.qtrade.bars.order;

import java.util.Objects;

/**
 * The choices the intrabar rules leave to the strategy; see {@link IntrabarRules}.
 *
 * @param limitFill   whether a limit order needs the bar to trade through its price or only to touch it
 * @param sameBarExit which exit of an OCO pair fills when one bar reaches both
 */
public record FillRules(LimitFill limitFill, SameBarExit sameBarExit) {

    /** Conservative: limits fill only when traded through, the adverse exit first. */
    public static final FillRules CONSERVATIVE = new FillRules(LimitFill.THROUGH, SameBarExit.ADVERSE_FIRST);

    public FillRules {
        Objects.requireNonNull(limitFill, "fill rules: limitFill");
        Objects.requireNonNull(sameBarExit, "fill rules: sameBarExit");
    }

    /** When a limit order fills. */
    public enum LimitFill {
        /** Only if the bar trades through the limit (a buy needs {@code low < limit}): the queue at the price is assumed ahead. */
        THROUGH,
        /** Also if the bar only touches it (a buy fills when {@code low <= limit}). */
        TOUCH
    }

    /** Which exit fills when a bar reaches both the stop-loss and the take-profit of an OCO pair. */
    public enum SameBarExit {
        /** The stop-loss (the worse outcome). */
        ADVERSE_FIRST,
        /** The take-profit. */
        FAVOURABLE_FIRST
    }
}
