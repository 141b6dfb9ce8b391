package io.qtrade.bars.cost;

/** Argument checks shared by the cost models; messages name the model, the parameter and its value. */
final class Costs {

    private Costs() {
    }

    static void requireNonNegative(String model, String name, double value) {
        if (!(value >= 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(model + ": " + name + " must be finite and >= 0, was " + value);
        }
    }

    static void requireNonNegativeOrInfinite(String model, String name, double value) {
        if (!(value >= 0)) {
            throw new IllegalArgumentException(model + ": " + name + " must be >= 0 (or infinite for none), was "
                    + value);
        }
    }

    static void requireFraction(String model, String name, double value) {
        if (!(value > 0) || value > 1) {
            throw new IllegalArgumentException(model + ": " + name + " must be in (0, 1], was " + value);
        }
    }
}
