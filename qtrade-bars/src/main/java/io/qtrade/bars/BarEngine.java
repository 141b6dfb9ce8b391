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

    final BarBacktest config;
    final List<Instrument> instruments;
    final int n;
    final SimulatedClock clock = new SimulatedClock(Long.MIN_VALUE);
    final double[] lastClose;
    final double[] adjustment;
    /** Listing span per instrument: bars with {@code startTs} in {@code [listedFrom, listedUntil)} are shown. */
    final long[] listedFrom;
    final long[] listedUntil;
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
    long[] benchmarkTs = new long[256];
    double[] benchmarkEquity = new double[256];
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
        this.delistOrder = withDelisting.stream().mapToInt(Integer::intValue).toArray();
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
        this.recorder = new ResultRecorder(ids, instruments);
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

    static long startOfDay(LocalDate date, ZoneId zone) {
        if (date.equals(LocalDate.MAX) || date.equals(LocalDate.MIN)) {
            return date.equals(LocalDate.MAX) ? Long.MAX_VALUE : Long.MIN_VALUE;
        }
        long seconds = date.atStartOfDay(zone).toEpochSecond();
        return seconds * 1_000_000_000L;
    }

    BarResult run() {
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
                            throw new IllegalArgumentException("bar " + (row0 + row) + " of the source (instrument "
                                    + instruments.get(batch.instrument(row)).id() + ", endTs " + ts
                                    + ") is out of order: the previous bar time was " + sliceTs
                                    + "; bars must be ordered by end time, then instrument");
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
                        throw new IllegalArgumentException("bar " + (row0 + row) + " of the source refers to"
                                + " instrument " + i + " but the source has " + n + " instruments");
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
                        throw new IllegalArgumentException("bar " + (row0 + row) + " of the source ("
                                + instruments.get(i).id() + "): " + e.getMessage(), e);
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
        for (StrategyRun r : runs) {
            r.stop();
        }
        return new BarResult(this, System.nanoTime() - wallStart);
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
            barView.at(k);
            for (StrategyRun r : runs) {
                r.fillOn(i, barView, t);
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
            benchmarkTs = Arrays.copyOf(benchmarkTs, benchmarkSize * 2);
            benchmarkEquity = Arrays.copyOf(benchmarkEquity, benchmarkSize * 2);
        }
        benchmarkTs[benchmarkSize] = t;
        benchmarkEquity[benchmarkSize++] = benchmarkUnits * price * instruments.get(benchmark).contractMultiplier();
    }

    boolean isListed(int i) {
        long t = clock.nowNanos();
        return !delisted[i] && t > listedFrom[i] && t <= listedUntil[i];
    }
}
