package io.qtrade.store.zerodha;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import io.qtrade.store.ingest.Decimals;
import io.qtrade.store.ingest.EpochUnit;
import io.qtrade.store.ingest.ImportException;
import io.qtrade.store.ingest.ImportOptions;
import io.qtrade.store.ingest.SkipCounter;
import io.qtrade.store.ingest.TimeOrder;

import java.io.IOException;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Arrays;

/**
 * Reads the response of Kite Connect's historical candle API ({@code GET /instruments/historical/:token/:interval})
 * as saved to a file:
 * <pre>{@code
 * {"status":"success","data":{"candles":[
 *   ["2017-12-15T09:15:00+0530",1704.5,1705,1699.25,1702.8,2499],          time, open, high, low, close, volume
 *   ["2017-12-15T09:16:00+0530",1702,1702,1698.15,1698.15,1271,4711], ...   with oi=1: open interest last
 * ]}}
 * }</pre>
 * Times are the candle's open in IST with its offset ({@code +0530}); they become epoch nanoseconds UTC
 * ({@code 09:15 IST = 03:45 UTC}). Prices in rupees, volume and open interest in units as Kite reports them.
 *
 * <p>Bad input: a status other than {@code success} (its {@code message} is quoted), a candle that is not an array of
 * 6 or 7, a timestamp not in {@code yyyy-MM-ddTHH:mm:ssZ} form, a non-numeric, NaN, negative or non-integer volume or
 * open interest, a non-positive price, {@code high} below or {@code low} above another price of the candle, a candle
 * with open interest in a series without (or the reverse), or time not increasing (beyond the tolerance): an
 * {@link ImportException} naming the file, line, byte offset and field ({@code candles[i][j]}), or in lenient mode a
 * counted, logged skip of that candle.
 */
public final class KiteCandles {

    private static final JsonFactory JSON = new JsonFactory();
    private static final DateTimeFormatter KITE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxx");
    private static final String[] FIELDS = {"time", "open", "high", "low", "close", "volume", "oi"};

    private KiteCandles() {
    }

    /**
     * Reads a saved historical-candles response.
     *
     * @param path    the JSON file
     * @param options strict or lenient, time tolerance (candle times must increase)
     */
    public static KiteCandleSeries read(Path path, ImportOptions options) {
        return new Reader(path.toString(), options).read(path);
    }

    private static final class Reader {
        private final String file;
        private final SkipCounter skips;
        private final TimeOrder timeOrder;
        private long[] time = new long[256];
        private double[] open = new double[256];
        private double[] high = new double[256];
        private double[] low = new double[256];
        private double[] close = new double[256];
        private long[] volume = new long[256];
        private long[] oi = new long[256];
        private int size;
        private int withOi = -1; // -1 unknown, 0 no, 1 yes
        private final double[] values = new double[7];

        Reader(String file, ImportOptions options) {
            this.file = file;
            this.skips = new SkipCounter(options.lenient());
            this.timeOrder = new TimeOrder(options.backwardsToleranceNanos());
        }

        KiteCandleSeries read(Path path) {
            String status = null;
            String message = null;
            boolean sawCandles = false;
            try (JsonParser p = JSON.createParser(path.toFile())) {
                if (p.nextToken() != JsonToken.START_OBJECT) {
                    throw error(p, null, "expected a JSON object (the API response)");
                }
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String field = p.currentName();
                    JsonToken t = p.nextToken();
                    switch (field) {
                        case "status" -> status = p.getValueAsString();
                        case "message" -> message = p.getValueAsString();
                        case "data" -> {
                            if (t != JsonToken.START_OBJECT) {
                                throw error(p, "data", "expected an object");
                            }
                            while (p.nextToken() == JsonToken.FIELD_NAME) {
                                String name = p.currentName();
                                JsonToken v = p.nextToken();
                                if (name.equals("candles")) {
                                    candles(p, v);
                                    sawCandles = true;
                                } else {
                                    p.skipChildren();
                                }
                            }
                        }
                        default -> p.skipChildren();
                    }
                }
            } catch (JsonProcessingException e) {
                JsonLocation at = e.getLocation();
                throw new ImportException(file, at == null ? ImportException.UNKNOWN : at.getLineNr(),
                        at == null ? ImportException.UNKNOWN : at.getByteOffset(), null,
                        "malformed JSON: " + e.getOriginalMessage());
            } catch (IOException e) {
                throw new java.io.UncheckedIOException("cannot read " + file, e);
            }
            if (!"success".equals(status)) {
                throw new ImportException(file, ImportException.UNKNOWN, ImportException.UNKNOWN, "status",
                        "status '" + status + "'" + (message == null ? "" : " (" + message + ")")
                                + ": expected success");
            }
            if (!sawCandles) {
                throw new ImportException(file, ImportException.UNKNOWN, ImportException.UNKNOWN, "data.candles",
                        "missing: expected the candles array");
            }
            return new KiteCandleSeries(time, open, high, low, close, volume, oi, withOi == 1, size,
                    skips.skipped());
        }

        private void candles(JsonParser p, JsonToken start) throws IOException {
            if (start != JsonToken.START_ARRAY) {
                throw error(p, "candles", "expected an array of candles");
            }
            int index = 0;
            JsonToken t;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                JsonLocation at = p.currentTokenLocation();
                try {
                    if (t != JsonToken.START_ARRAY) {
                        p.skipChildren();
                        throw error(at, "candles[" + index + "]", "expected an array [time, o, h, l, c, v(, oi)]");
                    }
                    candle(p, index, at);
                } catch (ImportException e) {
                    if (t == JsonToken.START_ARRAY) {
                        skipToEnd(p);
                    }
                    skips.skipOrThrow(e);
                }
                index++;
            }
        }

        /**
         * After a bad candle, moves the parser to that candle's closing bracket. The error may have been found on
         * an object or array nested in the candle: that container is skipped whole first, so the search for the
         * candle's end starts at the candle's own level.
         */
        private static void skipToEnd(JsonParser p) throws IOException {
            int depth = 0;
            JsonToken t = p.currentToken();
            if (t == JsonToken.START_ARRAY || t == JsonToken.START_OBJECT) {
                p.skipChildren();
            } else if (t == JsonToken.END_ARRAY) {
                return;
            }
            while (t != null) {
                t = p.nextToken();
                if (t == JsonToken.START_ARRAY || t == JsonToken.START_OBJECT) {
                    depth++;
                } else if (t == JsonToken.END_ARRAY || t == JsonToken.END_OBJECT) {
                    if (depth == 0) {
                        return;
                    }
                    depth--;
                }
            }
        }

        private void candle(JsonParser p, int index, JsonLocation at) throws IOException {
            JsonToken t = p.nextToken();
            if (t != JsonToken.VALUE_STRING) {
                throw error(at, field(index, 0), "expected the candle time as a string");
            }
            String text = p.getText();
            long nanos;
            OffsetDateTime ts;
            try {
                ts = OffsetDateTime.parse(text, KITE_TIME);
            } catch (DateTimeParseException e) {
                throw error(at, field(index, 0), "time '" + text + "' is not yyyy-MM-ddTHH:mm:ss+0530");
            }
            try {
                nanos = EpochUnit.requirePlausible(Math.addExact(Math.multiplyExact(ts.toEpochSecond(),
                        1_000_000_000L), ts.getNano()));
            } catch (ArithmeticException | IllegalArgumentException e) {
                throw error(at, field(index, 0), "time '" + text + "' lies outside the plausible range of epoch"
                        + " times [1970-01-01T00:00:00Z, 2200-01-01T00:00:00Z)");
            }
            int n = 1;
            while ((t = p.nextToken()) != JsonToken.END_ARRAY) {
                if (n == 7) {
                    throw error(at, field(index, n), "a candle has at most 7 elements");
                }
                if (t != JsonToken.VALUE_NUMBER_INT && t != JsonToken.VALUE_NUMBER_FLOAT) {
                    throw error(at, field(index, n), "not a number: " + p.getText());
                }
                // The exact parser, as for every other vendor number: 1e-400 is refused, never read as 0.
                String number = p.getText();
                double value = Decimals.parseDouble(number, 0, number.length());
                if (Double.isNaN(value)) {
                    throw error(at, field(index, n), "not a decimal number a double holds: " + number);
                }
                values[n++] = value;
            }
            if (n < 6) {
                throw error(at, field(index, n), "malformed candle: " + n + " elements, expected 6 or 7");
            }
            for (int j = 1; j <= 4; j++) {
                if (!(values[j] > 0) || !Double.isFinite(values[j])) {
                    throw error(at, field(index, j), "price " + values[j] + " is not positive");
                }
            }
            double o = values[1];
            double h = values[2];
            double l = values[3];
            double c = values[4];
            if (h < Math.max(Math.max(o, c), l) || l > Math.min(o, c)) {
                throw error(at, field(index, h < Math.max(Math.max(o, c), l) ? 2 : 3), "high " + h + " / low " + l
                        + " do not bound open " + o + " and close " + c);
            }
            long vol = count(values[5], at, index, 5);
            long openInterest = n == 7 ? count(values[6], at, index, 6) : KiteCandleSeries.NO_OI;
            int hasOi = n == 7 ? 1 : 0;
            if (withOi >= 0 && hasOi != withOi) {
                throw error(at, field(index, 6), hasOi == 1 ? "open interest in a series without it"
                        : "open interest missing in a series with it");
            }
            String problem = timeOrder.check(nanos);
            if (problem == null && size > 0 && nanos == time[size - 1]) {
                problem = "time " + text + " repeats the previous candle's";
            }
            if (problem != null) {
                throw error(at, field(index, 0), problem);
            }
            withOi = hasOi;
            timeOrder.accept(nanos);
            if (size == time.length) {
                int cap = size * 2;
                time = Arrays.copyOf(time, cap);
                open = Arrays.copyOf(open, cap);
                high = Arrays.copyOf(high, cap);
                low = Arrays.copyOf(low, cap);
                close = Arrays.copyOf(close, cap);
                volume = Arrays.copyOf(volume, cap);
                oi = Arrays.copyOf(oi, cap);
            }
            time[size] = nanos;
            open[size] = o;
            high[size] = h;
            low[size] = l;
            close[size] = c;
            volume[size] = vol;
            oi[size++] = openInterest;
        }

        private long count(double v, JsonLocation at, int index, int j) {
            if (!(v >= 0) || v != Math.rint(v) || v > Long.MAX_VALUE) {
                throw error(at, field(index, j), FIELDS[j] + " " + v + " is not a non-negative whole number");
            }
            return (long) v;
        }

        private static String field(int index, int j) {
            return "candles[" + index + "][" + j + "] (" + FIELDS[Math.min(j, 6)] + ")";
        }

        private ImportException error(JsonParser p, String field, String problem) {
            return error(p.currentTokenLocation(), field, problem);
        }

        private ImportException error(JsonLocation at, String field, String problem) {
            return new ImportException(file, at.getLineNr(), at.getByteOffset(), field, problem);
        }
    }

}
