package io.qtrade.portfolio.optimize;

/**
 * The constraints of a portfolio problem admit no portfolio. The message names the constraints that conflict (e.g.
 * "per-asset bounds + group 'Tech'" or "target return 0.003 above the largest feasible 0.0021"); an optimiser throws
 * this instead of returning NaN weights.
 */
public final class InfeasiblePortfolioException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    /** @param message names the conflicting constraints and their values */
    public InfeasiblePortfolioException(String message) {
        super(message);
    }
}
