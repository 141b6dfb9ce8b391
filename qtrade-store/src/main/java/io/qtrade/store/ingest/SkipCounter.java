package io.qtrade.store.ingest;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Decides what happens to bad input: in strict mode it rethrows the {@link ImportException}; in lenient mode it
 * counts the skip and logs it at WARN with the exception's full message (file, line, field, problem). Every skip is
 * logged: nothing is dropped silently.
 */
public final class SkipCounter {

    private static final Logger LOG = LoggerFactory.getLogger(SkipCounter.class);

    private final boolean lenient;
    private long skipped;

    /** @param lenient whether bad lines are skipped (counted, logged) rather than thrown */
    public SkipCounter(boolean lenient) {
        this.lenient = lenient;
    }

    /**
     * Handles one piece of bad input.
     *
     * @throws ImportException {@code e} itself, in strict mode
     */
    public void skipOrThrow(ImportException e) {
        if (!lenient) {
            throw e;
        }
        skipped++;
        LOG.warn("skipped bad input ({} so far): {}", skipped, e.getMessage());
    }

    /** Whether bad lines are skipped rather than thrown. */
    public boolean lenient() {
        return lenient;
    }

    /** How many lines were skipped. */
    public long skipped() {
        return skipped;
    }

    @Override
    public String toString() {
        return "SkipCounter[lenient=" + lenient + ", skipped=" + skipped + "]";
    }
}
