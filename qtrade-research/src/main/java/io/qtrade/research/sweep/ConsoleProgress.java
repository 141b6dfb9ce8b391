package io.qtrade.research.sweep;

import java.io.PrintStream;
import java.util.Locale;

/**
 * A one-line progress bar on a console: {@code [#########-----------]  45/100  elapsed 0:12  ETA 0:15}, redrawn with a
 * carriage return at most every {@code minRedrawNanos} and always at the last task, then ended with a newline.
 *
 * <pre>{@code
 * ETA = elapsed / done * (total - done)      (the mean time per finished task so far)
 * }</pre>
 */
public final class ConsoleProgress implements Progress {

    private static final int WIDTH = 30;

    private final PrintStream out;
    private final long minRedrawNanos;
    private long lastDrawNanos = Long.MIN_VALUE;

    /** Draws on {@code out} at most every 200 ms. */
    public ConsoleProgress(PrintStream out) {
        this(out, 200_000_000L);
    }

    /** Draws on {@code out} at most every {@code minRedrawNanos}. */
    public ConsoleProgress(PrintStream out, long minRedrawNanos) {
        this.out = out;
        this.minRedrawNanos = minRedrawNanos;
    }

    @Override
    public synchronized void update(int done, int total, long elapsedNanos) {
        boolean last = done == total;
        if (!last && lastDrawNanos != Long.MIN_VALUE && elapsedNanos - lastDrawNanos < minRedrawNanos) {
            return;
        }
        lastDrawNanos = elapsedNanos;
        out.print("\r" + line(done, total, elapsedNanos));
        if (last) {
            out.println();
        }
        out.flush();
    }

    /** The bar for {@code done} of {@code total} after {@code elapsedNanos}. */
    public static String line(int done, int total, long elapsedNanos) {
        int filled = total == 0 ? WIDTH : (int) ((long) WIDTH * done / total);
        StringBuilder bar = new StringBuilder("[");
        for (int i = 0; i < WIDTH; i++) {
            bar.append(i < filled ? '#' : '-');
        }
        bar.append(']');
        String eta = done == 0 ? "?" : clock((long) ((double) elapsedNanos / done * (total - done)));
        int digits = String.valueOf(total).length();
        return String.format(Locale.ROOT, "%s %" + digits + "d/%d  elapsed %s  ETA %s", bar, done, total,
                clock(elapsedNanos), eta);
    }

    /** {@code m:ss}, or {@code h:mm:ss} from an hour. */
    static String clock(long nanos) {
        long s = Math.max(0, nanos) / 1_000_000_000L;
        return s >= 3600 ? String.format(Locale.ROOT, "%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60)
                : String.format(Locale.ROOT, "%d:%02d", s / 60, s % 60);
    }
}
