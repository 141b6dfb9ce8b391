package io.qtrade.backtest.queue.study;

import io.qtrade.core.Instrument;
import io.qtrade.core.book.OrderBook;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a LOBSTER message file and its orderbook file (LOBSTER's documented format, lobsterdata.com "Output
 * structure") into an {@link L3Tape}. A small reader of its own for the queue study (the store's importer is the
 * general one).
 * <pre>{@code
 * message row k:    Time (seconds after midnight, decimal), Type, Order ID, Size, Price (dollars x 10000), Direction
 *                   Type 1 add, 2 partial cancel, 3 delete, 4 visible execution, 5 hidden execution, 6 cross, 7 halt
 *                   Direction 1 buy limit order, -1 sell limit order (for an execution: the resting order's side)
 * orderbook row k:  the book after message k: Ask Price 1, Ask Size 1, Bid Price 1, Bid Size 1, ... for N levels;
 *                   an empty level has ask price 9999999999 / bid price -9999999999 and size 0
 * }</pre>
 * Times become epoch nanoseconds of the date in the file name ({@code TICKER_YYYY-MM-DD_...}, UTC midnight plus the
 * file's seconds after midnight), or nanoseconds after midnight when the name has no date. The L2 view is the
 * orderbook rows as they are; the levels before the first message are the first row with the first message undone.
 */
public final class LobsterReader {

    private static final Pattern DATE = Pattern.compile("_(\\d{4}-\\d{2}-\\d{2})_");
    private static final long EMPTY_ASK = 9_999_999_999L;
    private static final long EMPTY_BID = -9_999_999_999L;

    private LobsterReader() {
    }

    /**
     * Reads a message file and its orderbook file.
     *
     * @param instrument the instrument (its tick size must hold every price; LOBSTER's US equities: 0.01)
     * @throws IllegalArgumentException naming the file, line and field of a malformed row, a price off the tick grid,
     *                                  or files of different lengths
     */
    public static L3Tape read(Path messageFile, Path orderbookFile, Instrument instrument) {
        List<String> messages = lines(messageFile);
        List<String> books = lines(orderbookFile);
        if (messages.size() != books.size()) {
            throw new IllegalArgumentException("LOBSTER: " + messageFile.getFileName() + " has " + messages.size()
                    + " rows but " + orderbookFile.getFileName() + " has " + books.size()
                    + "; expected one orderbook row per message");
        }
        if (messages.isEmpty()) {
            throw new IllegalArgumentException("LOBSTER: " + messageFile.getFileName() + " has no message");
        }
        long day = dayEpochNanos(messageFile);
        int n = messages.size();
        int depth = fields(books.get(0)) / 4;
        long[] ts = new long[n];
        L3Action[] action = new L3Action[n];
        long[] id = new long[n];
        double[] qty = new double[n];
        long[] price = new long[n];
        boolean[] buy = new boolean[n];
        long[] bidTicks = new long[n * depth];
        double[] bidQty = new double[n * depth];
        long[] askTicks = new long[n * depth];
        double[] askQty = new double[n * depth];
        for (int k = 0; k < n; k++) {
            String where = messageFile.getFileName() + " line " + (k + 1);
            String[] f = messages.get(k).split(",");
            if (f.length < 6) {
                throw new IllegalArgumentException("LOBSTER: " + where + ": " + f.length
                        + " fields, expected 6 (Time, Type, Order ID, Size, Price, Direction)");
            }
            ts[k] = day + seconds(f[0].trim(), where);
            action[k] = L3Action.ofLobsterType((int) integer(f[1], where, "Type"));
            id[k] = integer(f[2], where, "Order ID");
            qty[k] = integer(f[3], where, "Size");
            price[k] = ticks(integer(f[4], where, "Price"), instrument, where);
            long dir = integer(f[5], where, "Direction");
            if (dir != 1 && dir != -1) {
                throw new IllegalArgumentException("LOBSTER: " + where + ": Direction " + dir + ", expected 1 or -1");
            }
            buy[k] = dir == 1;
            row(books.get(k), instrument, orderbookFile.getFileName() + " line " + (k + 1), depth, k * depth,
                    bidTicks, bidQty, askTicks, askQty);
        }
        long[] ib = Arrays.copyOf(bidTicks, depth);
        double[] ibq = Arrays.copyOf(bidQty, depth);
        long[] ia = Arrays.copyOf(askTicks, depth);
        double[] iaq = Arrays.copyOf(askQty, depth);
        if (buy[0]) {
            undoFirst(ib, ibq, true, action[0], price[0], qty[0]);
        } else {
            undoFirst(ia, iaq, false, action[0], price[0], qty[0]);
        }
        return new L3Tape(instrument, depth, ts, action, id, qty, price, buy, bidTicks, bidQty, askTicks, askQty,
                ib, ibq, ia, iaq);
    }

    private static int fields(String line) {
        int c = 1;
        for (int i = 0; i < line.length(); i++) {
            if (line.charAt(i) == ',') {
                c++;
            }
        }
        return c;
    }

    private static List<String> lines(Path file) {
        List<String> out = new ArrayList<>();
        try (BufferedReader r = Files.newBufferedReader(file, StandardCharsets.US_ASCII)) {
            for (String line = r.readLine(); line != null; line = r.readLine()) {
                if (!line.isBlank()) {
                    out.add(line);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("LOBSTER: cannot read " + file, e);
        }
        return out;
    }

    private static long dayEpochNanos(Path file) {
        Matcher m = DATE.matcher(file.getFileName().toString());
        if (!m.find()) {
            return 0;
        }
        return LocalDate.parse(m.group(1)).atStartOfDay(ZoneOffset.UTC).toEpochSecond() * 1_000_000_000L;
    }

    /** Seconds after midnight with up to 9 decimals, exactly, in nanoseconds. */
    static long seconds(String text, String where) {
        int dot = text.indexOf('.');
        try {
            long whole = Long.parseLong(dot < 0 ? text : text.substring(0, dot));
            long frac = 0;
            if (dot >= 0) {
                String digits = text.substring(dot + 1);
                if (digits.length() > 9) {
                    digits = digits.substring(0, 9);
                }
                frac = digits.isEmpty() ? 0 : Long.parseLong(digits);
                for (int d = digits.length(); d < 9; d++) {
                    frac *= 10;
                }
            }
            return whole * 1_000_000_000L + frac;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("LOBSTER: " + where + ": Time '" + text
                    + "', expected seconds after midnight such as 34200.004241176");
        }
    }

    private static long integer(String text, String where, String field) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("LOBSTER: " + where + ": " + field + " '" + text
                    + "', expected an integer");
        }
    }

    private static long ticks(long priceTimes10000, Instrument instrument, String where) {
        try {
            return instrument.toTicksStrict(priceTimes10000 / 10_000.0);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("LOBSTER: " + where + ": Price " + priceTimes10000 + " ("
                    + priceTimes10000 / 10_000.0 + ") is off " + instrument.id() + "'s tick grid: " + e.getMessage());
        }
    }

    /** One orderbook row into the level arrays at {@code at}, best first, empty levels as NO_BID / NO_ASK, 0. */
    private static void row(String line, Instrument instrument, String where, int depth, int at, long[] bidTicks,
                            double[] bidQty, long[] askTicks, double[] askQty) {
        String[] f = line.split(",");
        if (f.length != 4 * depth) {
            throw new IllegalArgumentException("LOBSTER: " + where + ": " + f.length + " fields, expected "
                    + 4 * depth + " (ask price, ask size, bid price, bid size for " + depth + " levels)");
        }
        int na = 0;
        int nb = 0;
        for (int l = 0; l < depth; l++) {
            long a = integer(f[4 * l], where, "Ask Price " + (l + 1));
            long as = integer(f[4 * l + 1], where, "Ask Size " + (l + 1));
            long b = integer(f[4 * l + 2], where, "Bid Price " + (l + 1));
            long bs = integer(f[4 * l + 3], where, "Bid Size " + (l + 1));
            if (a != EMPTY_ASK && as > 0) {
                askTicks[at + na] = ticks(a, instrument, where);
                askQty[at + na++] = as;
            }
            if (b != EMPTY_BID && bs > 0) {
                bidTicks[at + nb] = ticks(b, instrument, where);
                bidQty[at + nb++] = bs;
            }
        }
        for (int l = na; l < depth; l++) {
            askTicks[at + l] = OrderBook.NO_ASK;
            askQty[at + l] = 0;
        }
        for (int l = nb; l < depth; l++) {
            bidTicks[at + l] = OrderBook.NO_BID;
            bidQty[at + l] = 0;
        }
    }

    /** The first message undone on its side's levels (in place; a level pushed beyond the depth is dropped). */
    private static void undoFirst(long[] ticks, double[] qty, boolean buy, L3Action action, long p, double size) {
        double delta = switch (action) {
            case ADD -> -size;
            case CANCEL_PART, DELETE, EXECUTE -> size;
            default -> 0;
        };
        if (delta == 0) {
            return;
        }
        int depth = ticks.length;
        List<long[]> levels = new ArrayList<>();
        boolean found = false;
        for (int l = 0; l < depth; l++) {
            if (qty[l] <= 0) {
                continue;
            }
            double q = qty[l];
            if (ticks[l] == p) {
                q += delta;
                found = true;
            }
            if (q > 0) {
                levels.add(new long[]{ticks[l], (long) q});
            }
        }
        if (!found && delta > 0) {
            levels.add(new long[]{p, (long) delta});
        }
        levels.sort((x, y) -> buy ? Long.compare(y[0], x[0]) : Long.compare(x[0], y[0]));
        for (int l = 0; l < depth; l++) {
            ticks[l] = l < levels.size() ? levels.get(l)[0] : (buy ? OrderBook.NO_BID : OrderBook.NO_ASK);
            qty[l] = l < levels.size() ? levels.get(l)[1] : 0;
        }
    }
}
