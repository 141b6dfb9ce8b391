package io.qtrade.strategies.pairs;

import java.util.Objects;

/**
 * Trades a pair only while a cointegration test accepts it on the latest {@code window} samples: the samples go into
 * a ring buffer, and every {@code retestEvery} samples (once the window is full) the test runs on the window in time
 * order. The gate is closed until the first test and between a rejecting test and the next accepting one.
 *
 * <p>{@link #add} allocates nothing; a re-test copies the window into two arrays owned by the gate and runs the test
 * (which allocates its regression): {@code O(window)} work every {@code retestEvery} samples. Not thread-safe.
 */
public final class RollingCointegrationGate {

    private final CointegrationTest test;
    private final int window;
    private final int retestEvery;
    private final double[] ringY;
    private final double[] ringX;
    private final double[] windowY;
    private final double[] windowX;
    private long samples;
    private long sinceTest;
    private boolean open;
    private long tests;
    private long acceptedTests;
    private CointegrationVerdict lastVerdict = CointegrationVerdict.NONE;

    /**
     * A gate.
     *
     * @param test        the cointegration test
     * @param window      samples per test, {@code >= 20}
     * @param retestEvery samples between tests, {@code >= 1}
     */
    public RollingCointegrationGate(CointegrationTest test, int window, int retestEvery) {
        this.test = Objects.requireNonNull(test, "cointegration gate: test must not be null");
        if (window < 20) {
            throw new IllegalArgumentException("cointegration gate window " + window + ": expected >= 20 samples");
        }
        if (retestEvery < 1) {
            throw new IllegalArgumentException("cointegration gate retestEvery " + retestEvery + ": expected >= 1");
        }
        this.window = window;
        this.retestEvery = retestEvery;
        this.ringY = new double[window];
        this.ringX = new double[window];
        this.windowY = new double[window];
        this.windowX = new double[window];
    }

    /**
     * Adds one sample and re-tests when due.
     *
     * @return whether the gate is open after it
     */
    public boolean add(double y, double x) {
        int slot = (int) (samples % window);
        ringY[slot] = y;
        ringX[slot] = x;
        samples++;
        sinceTest++;
        if (samples >= window && (sinceTest >= retestEvery || tests == 0)) {
            int oldest = (int) (samples % window);
            int head = window - oldest;
            System.arraycopy(ringY, oldest, windowY, 0, head);
            System.arraycopy(ringY, 0, windowY, head, oldest);
            System.arraycopy(ringX, oldest, windowX, 0, head);
            System.arraycopy(ringX, 0, windowX, head, oldest);
            lastVerdict = test.test(windowY, windowX);
            open = lastVerdict.accepted();
            tests++;
            if (open) {
                acceptedTests++;
            }
            sinceTest = 0;
        }
        return open;
    }

    /** Whether the last test accepted cointegration (false before the first). */
    public boolean isOpen() {
        return open;
    }

    /** Tests run. */
    public long tests() {
        return tests;
    }

    /** Tests that accepted cointegration. */
    public long acceptedTests() {
        return acceptedTests;
    }

    /** The last test's verdict, {@link CointegrationVerdict#NONE} before the first. */
    public CointegrationVerdict lastVerdict() {
        return lastVerdict;
    }

    /** Samples per test. */
    public int window() {
        return window;
    }

    /** Samples between tests. */
    public int retestEvery() {
        return retestEvery;
    }

    @Override
    public String toString() {
        return "RollingCointegrationGate[" + test + ", window=" + window + ", retestEvery=" + retestEvery + "]";
    }
}
