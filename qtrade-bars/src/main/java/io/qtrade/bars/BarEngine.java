package io.qtrade.bars;

import io.qtrade.backtest.ResultRecorder;
import io.qtrade.bars.corporate.CorporateAction;
import io.qtrade.bars.universe.Universe;
import io.qtrade.core.Instrument;
import io.qtrade.core.bar.BarBatch;
import io.qtrade.core.bar.BarCursor;
import io.qtrade.core.bar.BarSlice;
import io.qtrade.core.strategy.Strategy;
import io.qtrade.core.time.SimulatedClock;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/** One run of a {@link BarBacktest}: reads the source, builds slices, drives the strategy runs. Package-private. */
final class BarEngine {

    static final long NANOS_PER_DAY = 86_400_000_000_000L;
    /** Rows per batch read in the one-series loop. */
    static final int ONE_SERIES_BATCH = 512;
    /** The one-series loop's first batch: a series this short allocates no larger one. */
    static final int ONE_SERIES_FIRST_BATCH = 128;

    final BarBacktest config;
    final List<Instrument> instruments;
    final int n;
    final SimulatedClock clock = new SimulatedClock(Long.MIN_VALUE);
    final double[] lastClose;
    final double[] adjustment;
    /** Listing span per instrument: bars with {@code startTs} in {@code [listedFrom, listedUntil)} are shown. */
    final long[] listedFrom;
    final long[] listedUntil;
    /** Start of each instrument's delisting day ({@link Long#MAX_VALUE}: still listed), for {@link #endOfData}. */
    private final long[] delistDayStart;
    private final int[] delistOrder;
    private int nextDelist;
    final boolean[] delisted;
    /** Corporate actions per instrument, in ex-date order. */
    private final long[][] actionTs;
    private final CorporateAction[][] actions;
    private final int[] nextAction;
    /** Currency index per instrument (0: base), the currencies' names, and each one's rate now. */
    final int[] currencyOf;
    final int currencyCount;
    final List<String> currencyNames;
    final double[] rate;
    final BarSlice slice;
    final BarCursor barView = new BarCursor();
    final StrategyRun[] runs;
    final ResultRecorder recorder;
    private final int benchmark;
    private double benchmarkUnits = Double.NaN;
    /** The benchmark's equity curve, allocated by its first point (none without a benchmark). */
    long[] benchmarkTs = new long[0];
    double[] benchmarkEquity = new double[0];
    int benchmarkSize;
    long bars;
    long slices;
    long droppedBars;
    long sliceNo;

    BarEngine(BarBacktest config) {
        this.config = config;
        this.instruments = config.source.instruments();
        this.n = instruments.size();
        if (n == 0) {
            throw new IllegalArgumentException("bar backtest: the source has no instruments");
        }
        this.lastClose = new double[n];
        Arrays.fill(lastClose, Double.NaN);
        this.adjustment = new double[n];
        Arrays.fill(adjustment, 1.0);
        this.listedFrom = new long[n];
        this.listedUntil = new long[n];
        this.delistDayStart = new long[n];
        this.delisted = new boolean[n];
        this.actionTs = new long[n][];
        this.actions = new CorporateAction[n][];
        this.nextAction = new int[n];
        ZoneId zone = config.zone;
        List<Integer> withDelisting = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            String symbol = instruments.get(i).symbol();
            Universe.Listing listing = config.universe.listing(symbol).orElse(null);
            listedFrom[i] = listing == null ? Long.MIN_VALUE : startOfDay(listing.listed(), zone);
            listedUntil[i] = listing == null || listing.delisted().equals(Universe.STILL_LISTED) ? Long.MAX_VALUE
                    : startOfDay(listing.delisted().plusDays(1), zone);
            delistDayStart[i] = listedUntil[i] == Long.MAX_VALUE ? Long.MAX_VALUE
                    : startOfDay(listing.delisted(), zone);
            if (listedUntil[i] != Long.MAX_VALUE) {
                withDelisting.add(i);
            }
            List<CorporateAction> list = config.corporateActions.of(symbol);
            actions[i] = list.toArray(new CorporateAction[0]);
            actionTs[i] = new long[list.size()];
            for (int k = 0; k < list.size(); k++) {
                actionTs[i][k] = startOfDay(list.get(k).exDate(), zone);
            }
        }
        withDelisting.sort((a, b) -> listedUntil[a] != listedUntil[b] ? Long.compare(listedUntil[a], listedUntil[b])
                : Integer.compare(a, b));
        this.delistOrder = new int[withDelisting.size()];
        for (int k = 0; k < delistOrder.length; k++) {
            delistOrder[k] = withDelisting.get(k);
        }
        io.qtrade.bars.fx.Currencies currencies = config.currencies;
        this.currencyNames = currencies.currencies();
        this.currencyCount = currencyNames.size();
        this.currencyOf = new int[n];
        for (int i = 0; i < n; i++) {
            currencyOf[i] = currencyNames.indexOf(currencies.currencyOf(instruments.get(i).symbol()));
        }
        this.rate = new double[currencyCount];
        Arrays.fill(rate, 1.0);
        this.slice = new BarSlice(n);
        this.barView.reset(slice.rows());
        List<String> ids = new ArrayList<>(config.strategies.keySet());
        this.recorder = new ResultRecorder(ids, instruments, config.orderHistory);
        this.runs = new StrategyRun[ids.size()];
        int s = 0;
        for (Map.Entry<String, Strategy> e : config.strategies.entrySet()) {
            runs[s] = new StrategyRun(this, s, e.getKey(), e.getValue());
            s++;
        }
        int b = -1;
        if (config.benchmarkSymbol != null) {
            for (int i = 0; i < n; i++) {
                if (instruments.get(i).symbol().equals(config.benchmarkSymbol)) {
                    b = i;
                    break;
                }
            }
        }
        this.benchmark = b;
    }

    private IllegalArgumentException outOfOrder(long bar, int instrument, long ts, long previous) {
        return new IllegalArgumentException("bar " + bar + " of the source (instrument "
                + instruments.get(instrument).id() + ", endTs " + ts + ") is out of order: the previous bar time was "
                + previous + "; bars must be ordered by end time, then instrument");
    }

    private IllegalArgumentException unknownInstrument(long bar, int instrument) {
        return new IllegalArgumentException("bar " + bar + " of the source refers to instrument " + instrument
                + " but the source has " + n + " instruments");
    }

    private IllegalArgumentException refused(long bar, int instrument, IllegalArgumentException e) {
        return new IllegalArgumentException("bar " + bar + " of the source (" + instruments.get(instrument).id()
                + "): " + e.getMessage(), e);
    }

    static long startOfDay(LocalDate date, ZoneId zone) {
        if (date.equals(LocalDate.MAX) || date.equals(LocalDate.MIN)) {
            return date.equals(LocalDate.MAX) ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
        long seconds = date.atStartOfDay(zone).toEpochSecond();
        return seconds * 1_000_000_000L;
    }

    /**
     * Whether the run takes the one-series loop ({@link #runOneSeries}): one instrument and one strategy, unless
     * {@link BarBacktest.Builder#generalLoop()} asked for the general loop (the tests compare the two).
     */
    boolean oneSeries() {
        return n == 1 && runs.length == 1 && !config.generalLoop;
    }

    BarResult run() {
        if (oneSeries()) {
            return runOneSeries();
        }
        long wallStart = System.nanoTime();
        for (StrategyRun r : runs) {
            r.start();
        }
        BarBatch batch = new BarBatch(4096);
        long sliceTs = Long.MIN_VALUE;
        boolean open = false;
        long row0 = 0;
        try {
            while (config.source.readBatch(batch)) {
                for (int row = 0; row < batch.size(); row++) {
                    long ts = batch.endTs(row);
                    if (!open || ts != sliceTs) {
                        if (open && ts < sliceTs) {
                            throw outOfOrder(row0 + row, batch.instrument(row), ts, sliceTs);
                        }
                        if (open && slice.size() > 0) {
                            processSlice();
                        }
                        sliceTs = ts;
                        slice.reset(ts);
                        open = true;
                    }
                    int i = batch.instrument(row);
                    if (i >= n) {
                        throw unknownInstrument(row0 + row, i);
                    }
                    bars++;
                    long start = batch.startTs(row);
                    if (start < listedFrom[i] || start >= listedUntil[i]) {
                        droppedBars++;
                        continue;
                    }
                    try {
                        slice.add(batch, row);
                    } catch (IllegalArgumentException e) {
                        throw refused(row0 + row, i, e);
                    }
                }
                row0 += batch.size();
            }
            if (open && slice.size() > 0) {
                processSlice();
            }
        } finally {
            config.source.close();
        }
        endOfData();
        for (StrategyRun r : runs) {
            r.stop();
        }
        return new BarResult(this, System.nanoTime() - wallStart);
    }

    /**
     * The bar loop for one instrument and one strategy: the steps of {@link #run()} and {@link #processSlice()} in
     * the same order, with the loops over the slice's instruments and over the strategies (one element each)
     * unrolled. Each bar is read in place from the batch's columns; the one-row slice is filled only when something
     * reads it (working orders to match, market-on-close orders to fill, timers, a strategy that takes slices,
     * {@code currentBars()}), so a {@link SeriesStrategy} such as the ta4j adapter runs with no copy of the bar.
     * Fills, costs, cash, equity rows and result tables are those of the general loop to the bit
     * ({@code OneSeriesLoopTest}); errors on bad input are the same.
     */
    private BarResult runOneSeries() {
        long wallStart = System.nanoTime();
        StrategyRun run = runs[0];
        run.start();
        // one instrument: a small batch (40 KB, it stays in cache) rather than the general loop's 4,096 rows; the
        // first read into a quarter of it (a short series allocates no more), the full size once a read fills that
        BarBatch batch = new BarBatch(ONE_SERIES_FIRST_BATCH);
        long sliceTs = Long.MIN_VALUE;
        boolean open = false;
        long row0 = 0;
        long from = listedFrom[0];
        long until = listedUntil[0];
        boolean scans = run.scans() && currencyCount == 1 && benchmark < 0 && delistOrder.length == 0;
        try {
            while (config.source.readBatch(batch)) {
                int rows = batch.size();
                int quietEnd = 0;
                for (int row = 0; row < rows; row++) {
                    if (scans && open) {
                        if (row >= quietEnd) {
                            quietEnd = quietRun(batch, row, rows, sliceTs);
                        }
                        if (row < quietEnd) {
                            // row is a later bar of instrument 0, listed, before any corporate action: the general
                            // loop would now process the waiting bar
                            if (pending) {
                                processOne(run);
                            }
                            if (run.isQuiet()) {
                                int act = run.scan(batch, row, quietEnd);
                                if (act > row) {
                                    processQuiet(run, batch, row, act);
                                    sliceTs = batch.endTs(act - 1);
                                    row = act - 1;
                                    continue;
                                }
                            }
                        }
                    }
                    long ts = batch.endTs(row);
                    if (!open || ts != sliceTs) {
                        if (open && ts < sliceTs) {
                            throw outOfOrder(row0 + row, batch.instrument(row), ts, sliceTs);
                        }
                        if (pending) {
                            processOne(run);
                        }
                        sliceTs = ts;
                        open = true;
                    }
                    int i = batch.instrument(row);
                    if (i >= n) {
                        throw unknownInstrument(row0 + row, i);
                    }
                    bars++;
                    long start = batch.startTs(row);
                    if (start < from || start >= until) {
                        droppedBars++;
                        continue;
                    }
                    if (pending) {
                        // a second bar of the instrument at this time: refused as the general loop refuses it
                        BarSlice s = currentSlice();
                        try {
                            s.add(batch, row);
                        } catch (IllegalArgumentException e) {
                            throw refused(row0 + row, i, e);
                        }
                    }
                    pending = true;
                    pendingBars = batch;
                    pendingRow = row;
                    pendingTs = ts;
                    sliceFilled = false;
                }
                if (!sliceFilled) {
                    currentSlice(); // the next read reuses the batch: keep the latest bar in the slice
                }
                row0 += rows;
                if (batch.capacity() < ONE_SERIES_BATCH && batch.isFull()) {
                    batch = new BarBatch(ONE_SERIES_BATCH); // (no bar refers to the old one: the slice holds its own)
                }
            }
            if (pending) {
                processOne(run);
            }
        } finally {
            config.source.close();
        }
        endOfData();
        run.stop();
        return new BarResult(this, System.nanoTime() - wallStart);
    }

    /**
     * The one-series loop's latest bar: its batch and row (the slice's rows once copied), its time, and whether it
     * waits to be processed (the general loop processes a slice when the next bar time starts).
     */
    private boolean pending;
    private BarBatch pendingBars;
    private int pendingRow;
    private long pendingTs;
    /** Whether {@link #slice} holds the one-series loop's current bar. */
    private boolean sliceFilled = true;

    /**
     * The current slice. In the one-series loop the slice is filled here, on first use at each bar time; the
     * general loop always has it filled.
     */
    BarSlice currentSlice() {
        if (!sliceFilled) {
            slice.reset(pendingTs);
            slice.add(pendingBars, pendingRow);
            pendingBars = slice.rows();
            pendingRow = 0;
            sliceFilled = true;
        }
        return slice;
    }

    /**
     * The end of the quiet run of rows from {@code row}: rows of instrument 0 whose end times rise strictly from
     * {@code sliceTs}, inside the listing and before the next corporate action's ex-date. Anything else (a bar out of
     * order or twice, another instrument, a dropped bar, an action) ends the run and goes through the general steps.
     */
    private int quietRun(BarBatch batch, int row, int rows, long sliceTs) {
        long from = listedFrom[0];
        long until = listedUntil[0];
        long nextActionTs = nextAction[0] < actions[0].length ? actionTs[0][nextAction[0]] : Long.MAX_VALUE;
        long previous = sliceTs;
        int k = row;
        while (k < rows) {
            long ts = batch.endTs(k);
            long start = batch.startTs(k);
            if (ts <= previous || batch.instrument(k) != 0 || start < from || start >= until
                    || start >= nextActionTs) {
                break;
            }
            previous = ts;
            k++;
        }
        return k;
    }

    /**
     * Rows {@code [from, to)} of {@code batch}, quiet bars (see {@link StrategyRun#isQuiet}) at which the strategy
     * said it does nothing ({@link SeriesStrategy#scan}): each one's steps of {@link #processOne} that change
     * anything (the clock, the counts, the last close, the mark, the equity row), in the same order.
     */
    private void processQuiet(StrategyRun run, BarBatch batch, int from, int to) {
        // Nothing in these steps reads the counts, the clock or the last close before the last row (no fill, no
        // order, no timer, the strategy reads nothing): they are advanced once, to the last row's values. With
        // equity rows, each row's is recorded in order (quietBarsWithEquity); without, only the last row's mark.
        if (config.recordEquity) {
            run.quietBarsWithEquity(batch, from, to);
        }
        int n = to - from;
        long t = batch.endTs(to - 1);
        bars += n;
        clock.advanceTo(t);
        slices += n;
        sliceNo += n;
        double close = batch.close(to - 1);
        lastClose[0] = close;
        if (!config.recordEquity) {
            run.quietBar(t, close);
        }
        pendingBars = batch;
        pendingRow = to - 1;
        pendingTs = t;
        sliceFilled = false;
    }

    /** {@link #processSlice()} for the waiting bar of instrument 0 and the one strategy {@code run}. */
    private void processOne(StrategyRun run) {
        BarBatch b = pendingBars;
        int row = pendingRow;
        long t = pendingTs;
        clock.advanceTo(t);
        for (int c = 1; c < currencyCount; c++) {
            rate[c] = config.currencies.rate(currencyNames.get(c), t);
        }
        slices++;
        sliceNo++;
        run.accrue(t);
        if (nextDelist < delistOrder.length && listedUntil[0] < t) {
            nextDelist++;
            delisted[0] = true;
            run.delist(0, t);
        }
        CorporateAction[] acts = actions[0];
        if (nextAction[0] < acts.length) {
            long start = b.startTs(row);
            while (nextAction[0] < acts.length && actionTs[0][nextAction[0]] <= start) {
                applyAction(0, acts[nextAction[0]++]);
            }
        }
        if (run.hasWorkingOrders(0)) {
            currentSlice();
            barView.at(0);
            run.fillOn(0, barView, t, true);
            run.fillOn(0, barView, t, false);
        }
        double close = b.close(row);
        lastClose[0] = close;
        if (benchmark >= 0) {
            recordBenchmark(t);
        }
        run.onOneBar(t, b, row, close);
        pending = false;
    }

    private void processSlice() {
        long t = slice.endTs();
        clock.advanceTo(t);
        for (int c = 1; c < currencyCount; c++) {
            rate[c] = config.currencies.rate(currencyNames.get(c), t);
        }
        slices++;
        sliceNo++;
        for (StrategyRun r : runs) {
            r.accrue(t);
        }
        while (nextDelist < delistOrder.length && listedUntil[delistOrder[nextDelist]] < t) {
            int i = delistOrder[nextDelist++];
            delisted[i] = true;
            for (StrategyRun r : runs) {
                r.delist(i, t);
            }
        }
        int size = slice.size();
        for (int k = 0; k < size; k++) {
            int i = slice.instrument(k);
            long start = slice.startTs(k);
            CorporateAction[] acts = actions[i];
            while (nextAction[i] < acts.length && actionTs[i][nextAction[i]] <= start) {
                applyAction(i, acts[nextAction[i]++]);
            }
        }
        // Two passes, each in instrument order: first the orders that reduce a position (their proceeds count for
        // the buying power of the rest), then every other order.
        for (int pass = 0; pass < 2; pass++) {
            for (int k = 0; k < size; k++) {
                int i = slice.instrument(k);
                barView.at(k);
                for (StrategyRun r : runs) {
                    r.fillOn(i, barView, t, pass == 0);
                }
            }
        }
        for (int k = 0; k < size; k++) {
            lastClose[slice.instrument(k)] = slice.close(k);
        }
        if (benchmark >= 0) {
            recordBenchmark(t);
        }
        for (StrategyRun r : runs) {
            r.onSlice(t);
        }
    }

    /**
     * The end of the data, in both loops, after the last bar time {@code T} processed (the clock's time; bars dropped
     * as outside a listing make no bar time): a delisting is otherwise processed at the first bar time after the
     * delisting day, which never comes when the data ends on that day or when nothing trades after it. So every
     * instrument not yet delisted whose delisting day starts before {@code T} (its day is on or before the last day
     * the data covers: the local date, in the run's zone, of the instant just before {@code T}; a daily bar of day
     * {@code d} ending at midnight covers day {@code d}) is delisted now, at {@code T}, as at any bar time: its orders
     * are cancelled ({@code "delisted"}) and its position is closed by a {@code DELISTING} order filled at its last
     * close, with the commission model's fee. The equity rows of {@code T} were already recorded before these
     * fills: one more row at {@code T} is recorded per instrument closed ({@link StrategyRun#recordDelistingRows}),
     * after them, so the last row at {@code T} carries the equity after the closes and agrees with the final cash
     * and totals. A delisting dated after the data's last day is not applied: the position is kept, marked at its
     * last close.
     */
    private void endOfData() {
        if (slices == 0 || nextDelist >= delistOrder.length) {
            return;
        }
        long t = clock.nowNanos();
        int from = nextDelist;
        while (nextDelist < delistOrder.length && delistDayStart[delistOrder[nextDelist]] < t) {
            int i = delistOrder[nextDelist++];
            delisted[i] = true;
            for (StrategyRun r : runs) {
                r.delist(i, t);
            }
        }
        for (StrategyRun r : runs) {
            r.recordDelistingRows(t, delistOrder, from, nextDelist);
        }
    }

    private void applyAction(int i, CorporateAction a) {
        if (a.kind() == CorporateAction.Kind.SPLIT) {
            lastClose[i] /= a.value();
            adjustment[i] *= a.value();
            if (i == benchmark) {
                benchmarkUnits *= a.value();
            }
        } else {
            double c = lastClose[i];
            if (c > a.value()) {
                adjustment[i] *= c / (c - a.value());
            }
            if (i == benchmark && !Double.isNaN(benchmarkUnits)) {
                // reinvested at the previous close (total-return benchmark)
                benchmarkUnits *= c / (c - a.value());
            }
        }
        for (StrategyRun r : runs) {
            r.applyAction(i, a, clock.nowNanos());
        }
    }

    private void recordBenchmark(long t) {
        double price = lastClose[benchmark];
        if (Double.isNaN(price)) {
            return;
        }
        if (Double.isNaN(benchmarkUnits)) {
            benchmarkUnits = config.initialCash / (price * instruments.get(benchmark).contractMultiplier());
        }
        if (benchmarkSize == benchmarkTs.length) {
            int grown = Math.max(256, benchmarkSize * 2);
            benchmarkTs = Arrays.copyOf(benchmarkTs, grown);
            benchmarkEquity = Arrays.copyOf(benchmarkEquity, grown);
        }
        benchmarkTs[benchmarkSize] = t;
        benchmarkEquity[benchmarkSize++] = benchmarkUnits * price * instruments.get(benchmark).contractMultiplier();
    }

    boolean isListed(int i) {
        long t = clock.nowNanos();
        return !delisted[i] && t > listedFrom[i] && t <= listedUntil[i];
    }
}
