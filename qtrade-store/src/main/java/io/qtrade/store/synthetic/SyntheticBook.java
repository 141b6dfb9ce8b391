package io.qtrade.store.synthetic;

import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.market.EventKind;

import java.util.SplittableRandom;

/**
 * The order book and Poisson clock of one instrument of a {@link SyntheticMarket}: the Cont-Stoikov-Talreja
 * transitions (see {@link SyntheticMarket} for the model) applied to queues of unit orders.
 *
 * <p>Layout: each side is a flat array of queue sizes (in units of one order) indexed by tick offset from
 * {@code baseTick}, {@code width = 8 * levels} slots wide, with a Fenwick tree of the same queues so that the order
 * a cancel hits is found in {@code O(log width)}. When the touch drifts to within {@code levels} slots of either
 * end of the array, the array is re-centred on the mid; orders pushed out of the array (at least about
 * {@code 3 * levels} ticks behind the touch) are removed and their removal is published as depth updates.
 *
 * <p>Not thread-safe; allocation-free after construction except for the growth of the caller's
 * {@link PendingEvents}.
 */
final class SyntheticBook {

    /** Transition codes returned by {@link #step}. */
    static final byte NO_CHANGE = 0;
    static final byte LIMIT_BUY = 1;
    static final byte LIMIT_SELL = 2;
    static final byte MARKET_BUY = 3;
    static final byte MARKET_SELL = 4;
    static final byte CANCEL_BID = 5;
    static final byte CANCEL_ASK = 6;

    private final int index;
    private final Instrument instrument;
    private final int levels;
    private final int width;
    private final int fenwickTop;
    private final long[] bid;
    private final long[] ask;
    private final long[] bidTree;
    private final long[] askTree;
    private long baseTick;
    private int bestBid;
    private int bestAsk;
    private long bidDepth;
    private long askDepth;

    private final double[] cumulativeLimitRate;
    private final double limitRateTotal;
    private final double marketRate;
    private final double[] cancelRate;
    private final double cancelRateMax;
    private final boolean cancelRateConstant;
    private final long[] profileUnits;
    private final long marketOrderUnits;
    private final long lotsPerUnit;
    private final double lotSize;

    private final double meanReversion;
    private final FairValues fairValues;
    private final SplittableRandom random;
    private final SplittableRandom latencyRandom;
    private final IntradayClock clock;
    private final long startNanos;
    private final long feedLatencyNanos;
    private final long feedJitterNanos;

    private double time;
    private long nextExchTs;
    private long lastLocalTs = Long.MIN_VALUE;
    private long exchTs;
    private long localTs;

    SyntheticBook(int index, Instrument instrument, double initialMid, SyntheticMarket.Config config,
                  FairValues fairValues, IntradayClock clock, SplittableRandom random,
                  SplittableRandom latencyRandom) {
        this.index = index;
        this.instrument = instrument;
        this.levels = config.levels();
        this.width = 8 * levels;
        this.fenwickTop = Integer.highestOneBit(width);
        this.bid = new long[width];
        this.ask = new long[width];
        this.bidTree = new long[width + 1];
        this.askTree = new long[width + 1];

        this.cumulativeLimitRate = new double[levels];
        double sum = 0.0;
        for (int d = 1; d <= levels; d++) {
            sum += limitRate(config.limitRateK(), config.limitRateAlpha(), d);
            cumulativeLimitRate[d - 1] = sum;
        }
        this.limitRateTotal = sum;
        this.marketRate = config.marketRate();
        this.cancelRate = new double[levels];
        double max = 0.0;
        for (int d = 1; d <= levels; d++) {
            int i = Math.min(d, config.cancelRates().size()) - 1;
            cancelRate[d - 1] = config.cancelRates().get(i);
            max = Math.max(max, cancelRate[d - 1]);
        }
        this.cancelRateMax = max;
        boolean constant = true;
        for (double theta : cancelRate) {
            constant &= theta == max;
        }
        this.cancelRateConstant = constant;
        this.profileUnits = new long[levels];
        for (int d = 1; d <= levels; d++) {
            double mean = limitRate(config.limitRateK(), config.limitRateAlpha(), d) / cancelRate[d - 1];
            profileUnits[d - 1] = Math.max(1L, Math.round(mean));
        }
        this.marketOrderUnits = config.marketOrderSize();
        this.lotsPerUnit = config.orderSizeLots();
        this.lotSize = instrument.lotSize();

        this.meanReversion = config.meanReversion();
        this.fairValues = fairValues;
        this.random = random;
        this.latencyRandom = latencyRandom;
        this.clock = clock;
        this.startNanos = config.startNanos();
        this.feedLatencyNanos = config.feedLatencyNanos();
        this.feedJitterNanos = config.feedJitterNanos();

        long twiceMidTicks = instrument.toTicks(2.0 * initialMid);
        long bidTick;
        long askTick;
        if ((twiceMidTicks & 1L) == 0L) {
            bidTick = twiceMidTicks / 2 - 1;
            askTick = twiceMidTicks / 2 + 1;
        } else {
            bidTick = Math.floorDiv(twiceMidTicks, 2L);
            askTick = bidTick + 1;
        }
        this.baseTick = Math.floorDiv(twiceMidTicks, 2L) - width / 2;
        this.bestBid = (int) (bidTick - baseTick);
        this.bestAsk = (int) (askTick - baseTick);
        for (int i = 0; i < levels; i++) {
            bid[bestBid - i] = profileAt(bestAsk - (bestBid - i));
            ask[bestAsk + i] = profileAt((bestAsk + i) - bestBid);
        }
        rebuildTrees();
        scheduleNext();
    }

    /** CST's power-law arrival rate of limit orders {@code d} ticks from the opposite best quote. */
    static double limitRate(double k, double alpha, int d) {
        return k / StrictMath.pow(d, alpha);
    }

    // ---------------------------------------------------------------- clock

    /** Model time of the next transition. */
    double time() {
        return time;
    }

    /** Venue timestamp of the next transition, epoch nanoseconds. */
    long nextExchTs() {
        return nextExchTs;
    }

    /** Total rate of the current state, per model time unit: {@code 2 Lambda + 2 mu + thetaMax * (bids + asks)}. */
    double totalRate() {
        return 2.0 * limitRateTotal + 2.0 * marketRate + cancelRateMax * (bidDepth + askDepth);
    }

    private void scheduleNext() {
        double u = random.nextDouble();
        time += -StrictMath.log(1.0 - u) / totalRate();
        nextExchTs = clock.exchTs(time);
    }

    private void stampFeed(long exch) {
        long jitter = feedJitterNanos == 0 ? 0 : latencyRandom.nextLong(feedJitterNanos + 1);
        exchTs = exch;
        localTs = Math.max(lastLocalTs, exch + feedLatencyNanos + jitter);
    }

    // ---------------------------------------------------------------- transitions

    /** Stages the snapshot of the initial book at {@code startNanos}: begin, bids best first, asks best first, end. */
    void stageSnapshot(PendingEvents out) {
        stampFeed(startNanos);
        lastLocalTs = localTs;
        out.add(index, exchTs, localTs, EventKind.SNAPSHOT_BEGIN, Side.NO_SIDE_CODE, 0.0, 0.0);
        for (int j = bestBid; j >= 0; j--) {
            if (bid[j] > 0) {
                emitDepth(out, Side.BUY, j, bid[j]);
            }
        }
        for (int j = bestAsk; j < width; j++) {
            if (ask[j] > 0) {
                emitDepth(out, Side.SELL, j, ask[j]);
            }
        }
        out.add(index, exchTs, localTs, EventKind.SNAPSHOT_END, Side.NO_SIDE_CODE, 0.0, 0.0);
    }

    /**
     * Applies the transition due at {@link #time()}, stages its events into {@code out}, and draws the time of the
     * next one.
     *
     * @return which transition happened, {@link #NO_CHANGE} for a thinned-out cancel
     */
    byte step(PendingEvents out) {
        int before = out.size();
        stampFeed(nextExchTs);
        byte what = apply(out);
        if (bestAsk < levels || bestBid > width - 1 - levels) {
            recentre(out);
        }
        if (out.size() > before) {
            lastLocalTs = localTs;
        }
        scheduleNext();
        return what;
    }

    private byte apply(PendingEvents out) {
        double r = random.nextDouble() * totalRate();
        if (r < limitRateTotal) {
            addBid(out, bestAsk - limitDistance(r));
            return LIMIT_BUY;
        }
        r -= limitRateTotal;
        if (r < limitRateTotal) {
            addAsk(out, bestBid + limitDistance(r));
            return LIMIT_SELL;
        }
        r -= limitRateTotal;
        double marketTotal = 2.0 * marketRate;
        if (r < marketTotal) {
            boolean buy = meanReversion == 0.0 ? r < marketRate : r < marketTotal * buyProbability();
            if (buy) {
                marketBuy(out);
                return MARKET_BUY;
            }
            marketSell(out);
            return MARKET_SELL;
        }
        r -= marketTotal;
        double bidCancelTotal = cancelRateMax * bidDepth;
        if (r < bidCancelTotal) {
            long unit = Math.min((long) (r / cancelRateMax), bidDepth - 1);
            return cancelBid(out, find(bidTree, unit)) ? CANCEL_BID : NO_CHANGE;
        }
        r -= bidCancelTotal;
        long unit = Math.max(0L, Math.min((long) (r / cancelRateMax), askDepth - 1));
        return cancelAsk(out, find(askTree, unit)) ? CANCEL_ASK : NO_CHANGE;
    }

    /** The distance {@code d} in {@code 1..levels} with {@code cum(d-1) <= r < cum(d)}. */
    private int limitDistance(double r) {
        int lo = 0;
        int hi = levels - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulativeLimitRate[mid] > r) {
                hi = mid;
            } else {
                lo = mid + 1;
            }
        }
        return lo + 1;
    }

    private double buyProbability() {
        double mispricingTicks = fairValues.fairTicks(index, time) - midTicks();
        return 1.0 / (1.0 + StrictMath.exp(-meanReversion * mispricingTicks));
    }

    private void addBid(PendingEvents out, int j) {
        bid[j]++;
        bidDepth++;
        add(bidTree, j, 1);
        if (j > bestBid) {
            bestBid = j;
        }
        emitDepth(out, Side.BUY, j, bid[j]);
    }

    private void addAsk(PendingEvents out, int j) {
        ask[j]++;
        askDepth++;
        add(askTree, j, 1);
        if (j < bestAsk) {
            bestAsk = j;
        }
        emitDepth(out, Side.SELL, j, ask[j]);
    }

    private void marketBuy(PendingEvents out) {
        long remaining = marketOrderUnits;
        while (remaining > 0 && askDepth > 0) {
            int j = bestAsk;
            long take = Math.min(remaining, ask[j]);
            emitTrade(out, Side.BUY, j, take);
            ask[j] -= take;
            askDepth -= take;
            add(askTree, j, -take);
            emitDepth(out, Side.SELL, j, ask[j]);
            remaining -= take;
            if (askDepth > 0) {
                while (ask[bestAsk] == 0) {
                    bestAsk++;
                }
            }
        }
        if (askDepth == 0) {
            refillAsks(out);
        }
    }

    private void marketSell(PendingEvents out) {
        long remaining = marketOrderUnits;
        while (remaining > 0 && bidDepth > 0) {
            int j = bestBid;
            long take = Math.min(remaining, bid[j]);
            emitTrade(out, Side.SELL, j, take);
            bid[j] -= take;
            bidDepth -= take;
            add(bidTree, j, -take);
            emitDepth(out, Side.BUY, j, bid[j]);
            remaining -= take;
            if (bidDepth > 0) {
                while (bid[bestBid] == 0) {
                    bestBid--;
                }
            }
        }
        if (bidDepth == 0) {
            refillBids(out);
        }
    }

    private boolean cancelBid(PendingEvents out, int j) {
        if (!cancelRateConstant
                && random.nextDouble() * cancelRateMax >= cancelRate[Math.min(bestAsk - j, levels) - 1]) {
            return false;
        }
        bid[j]--;
        bidDepth--;
        add(bidTree, j, -1);
        emitDepth(out, Side.BUY, j, bid[j]);
        if (bidDepth == 0) {
            refillBids(out);
        } else {
            while (bid[bestBid] == 0) {
                bestBid--;
            }
        }
        return true;
    }

    private boolean cancelAsk(PendingEvents out, int j) {
        if (!cancelRateConstant
                && random.nextDouble() * cancelRateMax >= cancelRate[Math.min(j - bestBid, levels) - 1]) {
            return false;
        }
        ask[j]--;
        askDepth--;
        add(askTree, j, -1);
        emitDepth(out, Side.SELL, j, ask[j]);
        if (askDepth == 0) {
            refillAsks(out);
        } else {
            while (ask[bestAsk] == 0) {
                bestAsk++;
            }
        }
        return true;
    }

    /** The empty-side boundary rule: an emptied bid side gets the default profile at 1..levels below the ask. */
    private void refillBids(PendingEvents out) {
        for (int d = 1; d <= levels; d++) {
            int j = bestAsk - d;
            bid[j] = profileUnits[d - 1];
            bidDepth += bid[j];
            add(bidTree, j, bid[j]);
            emitDepth(out, Side.BUY, j, bid[j]);
        }
        bestBid = bestAsk - 1;
    }

    /** The empty-side boundary rule: an emptied ask side gets the default profile at 1..levels above the bid. */
    private void refillAsks(PendingEvents out) {
        for (int d = 1; d <= levels; d++) {
            int j = bestBid + d;
            ask[j] = profileUnits[d - 1];
            askDepth += ask[j];
            add(askTree, j, ask[j]);
            emitDepth(out, Side.SELL, j, ask[j]);
        }
        bestAsk = bestBid + 1;
    }

    /** Moves the array window so that the mid sits in its middle, publishing the removal of orders pushed out. */
    private void recentre(PendingEvents out) {
        int shift = width / 2 - (bestBid + bestAsk) / 2;
        if (shift > 0) {
            for (int j = width - shift; j < width; j++) {
                if (ask[j] > 0) {
                    emitDepth(out, Side.SELL, j, 0);
                }
                if (bid[j] > 0) {
                    emitDepth(out, Side.BUY, j, 0);
                }
            }
            System.arraycopy(bid, 0, bid, shift, width - shift);
            System.arraycopy(ask, 0, ask, shift, width - shift);
            java.util.Arrays.fill(bid, 0, shift, 0L);
            java.util.Arrays.fill(ask, 0, shift, 0L);
        } else if (shift < 0) {
            int s = -shift;
            for (int j = 0; j < s; j++) {
                if (bid[j] > 0) {
                    emitDepth(out, Side.BUY, j, 0);
                }
                if (ask[j] > 0) {
                    emitDepth(out, Side.SELL, j, 0);
                }
            }
            System.arraycopy(bid, s, bid, 0, width - s);
            System.arraycopy(ask, s, ask, 0, width - s);
            java.util.Arrays.fill(bid, width - s, width, 0L);
            java.util.Arrays.fill(ask, width - s, width, 0L);
        } else {
            return;
        }
        baseTick -= shift;
        bestBid += shift;
        bestAsk += shift;
        rebuildTrees();
    }

    // ---------------------------------------------------------------- events

    private void emitDepth(PendingEvents out, Side side, int j, long units) {
        out.add(index, exchTs, localTs, EventKind.DEPTH_UPDATE, side.code(), instrument.toPrice(baseTick + j),
                (double) (units * lotsPerUnit) * lotSize);
    }

    private void emitTrade(PendingEvents out, Side aggressor, int j, long units) {
        out.add(index, exchTs, localTs, EventKind.TRADE, aggressor.code(), instrument.toPrice(baseTick + j),
                (double) (units * lotsPerUnit) * lotSize);
    }

    // ---------------------------------------------------------------- state, for tests

    /** Mid price in ticks. */
    double midTicks() {
        return baseTick + (bestBid + bestAsk) * 0.5;
    }

    long bestBidTick() {
        return baseTick + bestBid;
    }

    long bestAskTick() {
        return baseTick + bestAsk;
    }

    /** Units resting on {@code side} at {@code tick}; 0 outside the window. */
    long queueUnits(Side side, long tick) {
        long j = tick - baseTick;
        if (j < 0 || j >= width) {
            return 0;
        }
        return side == Side.BUY ? bid[(int) j] : ask[(int) j];
    }

    long bidDepthUnits() {
        return bidDepth;
    }

    long askDepthUnits() {
        return askDepth;
    }

    /** The default queue profile used at start and for refills, units at distance {@code d} from the opposite quote. */
    long profileAt(int d) {
        return profileUnits[Math.min(d, levels) - 1];
    }

    // ---------------------------------------------------------------- Fenwick tree over queue sizes

    private void rebuildTrees() {
        bidDepth = rebuild(bidTree, bid);
        askDepth = rebuild(askTree, ask);
    }

    private long rebuild(long[] tree, long[] queue) {
        long total = 0;
        for (int i = 1; i <= width; i++) {
            tree[i] = queue[i - 1];
            total += queue[i - 1];
        }
        for (int i = 1; i <= width; i++) {
            int parent = i + (i & -i);
            if (parent <= width) {
                tree[parent] += tree[i];
            }
        }
        return total;
    }

    private void add(long[] tree, int slot, long delta) {
        for (int i = slot + 1; i <= width; i += i & -i) {
            tree[i] += delta;
        }
    }

    /** The slot holding the {@code unit}-th resting unit (0-based), counting from slot 0 upwards. */
    private int find(long[] tree, long unit) {
        int pos = 0;
        long rem = unit;
        for (int step = fenwickTop; step > 0; step >>= 1) {
            int next = pos + step;
            if (next <= width && tree[next] <= rem) {
                pos = next;
                rem -= tree[next];
            }
        }
        return pos;
    }
}
