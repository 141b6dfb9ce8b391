package io.qtrade.ml.label;

/** The return a label path is measured in, from the event's close {@code c_t0} to a later close {@code c_t}. */
public enum PathReturn {
    /** {@code c_t / c_t0 - 1}, as AFML's {@code applyPtSlOnT1}. */
    SIMPLE,
    /** {@code ln(c_t / c_t0)} (refcases {@code logpath_*} columns). */
    LOG;

    /** The return from {@code from} to {@code to}. */
    public double of(double from, double to) {
        return this == SIMPLE ? to / from - 1.0 : Math.log(to / from);
    }
}
