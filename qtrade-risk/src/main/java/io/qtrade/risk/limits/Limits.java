package io.qtrade.risk.limits;

/** Validation shared by the limits' constructors. */
final class Limits {

    private Limits() {
    }

    static double positive(String check, String name, double value) {
        if (!(value > 0) || Double.isInfinite(value)) {
            throw new IllegalArgumentException(check + ": " + name + " must be finite and > 0, was " + value);
        }
        return value;
    }

    static int positive(String check, String name, int value) {
        if (value < 1) {
            throw new IllegalArgumentException(check + ": " + name + " must be >= 1, was " + value);
        }
        return value;
    }
}
