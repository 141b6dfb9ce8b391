package io.qtrade.backtest;

import io.qtrade.backtest.exchange.ExchangeSettings;
import io.qtrade.backtest.exchange.ExecutionSink;
import io.qtrade.backtest.exchange.SimulatedExchange;
import io.qtrade.backtest.latency.LatencyModel;
import io.qtrade.core.Instrument;
import io.qtrade.core.book.MboBook;
import io.qtrade.core.book.OrderBook;
import io.qtrade.core.book.OrderBookView;
import io.qtrade.core.market.EventCursor;
import io.qtrade.core.market.EventFlags;
import io.qtrade.core.market.EventKind;
import io.qtrade.core.market.MarketEvent;
import io.qtrade.core.order.ExecutionReport;
import io.qtrade.core.order.Fill;
import io.qtrade.core.order.Liquidity;
import io.qtrade.core.order.Order;
import io.qtrade.core.order.OrderStatus;
import io.qtrade.core.portfolio.Portfolio;
import io.qtrade.core.portfolio.Position;
import io.qtrade.core.strategy.Timers;
import io.qtrade.core.time.SimulatedClock;
import io.qtrade.core.Side;
import io.qtrade.risk.RiskActions;
import io.qtrade.risk.RiskDecision;
import io.qtrade.risk.RiskGate;

import java.util.ArrayList;
import java.util.List;

/** The event loop of one {@link Backtest} run; see {@link Backtest} for the rules it follows. */
final class Engine {

    private static final long SALT_NEW = 0;
    private static final long SALT_CANCEL = 1;
    private static final long SALT_RESPONSE = 2;
    /** The order id of the closing fill a delivery books in the portfolio (no order has it; not in the fills). */
    private static final long DELIVERY_ORDER_ID = -1L;

    final Backtest config;
    final List<Instrument> instruments;
    private final int instrumentCount;
    private final SimulatedExchange[] exchanges;
    private final LatencyModel[] latency;
    private final Instrument[] instrumentArray;
    /** Per L2 instrument: the strategies' book, the venue's delayed (see {@link DelayedBook}); null for L3. */
    private final DelayedBook[] localBooks;
    private final MboBook[] localMbo;
    private final OrderBookView[] localViews;
    private final boolean[] localInSnapshot;
    private final StrategySlot[] slots;
    final SimulatedClock localClock;
    private final MessageQueue toExchange = new MessageQueue();
    private final MessageQueue toLocal = new MessageQueue();
    /** Last arrival per (strategy, instrument) channel, each direction: messages never overtake. */
    private final long[] lastExchArrival;
    private final long[] lastLocalArrival;
    private final long seedSalt;
    private final EquitySeries equity = new EquitySeries();
    private final List<FillRecord> fills = new ArrayList<>();
    private final boolean keepFills;
    private long lateLocalEvents;
    /** Set when an order message, a timer or a mark may have changed the earliest non-market action. */
    boolean othersChanged = true;
    private final boolean measureCallbackTime;
    private long events;
    /** The gate, whether it is not {@link RiskGate#NONE}, and whether it wants every market event. */
    private final RiskGate risk;
    private final boolean riskActive;
    private final boolean riskPerEvent;
    private final boolean riskTimed;
    /** The gate's next wake-up, read whenever the earliest non-market action is recomputed. */
    private long riskWakeAt = RiskGate.NO_WAKE;
    /** Set by the gate's {@link RiskActions}; carried out at the top of the next loop step. */
    private boolean riskCancelAllPending;
    private final boolean[] riskStopPending;
    /** Reductions the gate asked for ({@link RiskActions#reducePosition}), carried out at the next loop step. */
    private final List<PendingReduce> riskReducePending = new ArrayList<>();
    /** The ids of reduce-only orders not yet at the venue; empty on the usual path. */
    private final java.util.Set<Long> reduceOnlyIds = new java.util.HashSet<>();
    /** Per (strategy, instrument): the position at venue time (venue fills, liquidations, deliveries). */
    private final double[] venuePosition;
    /**
     * Per strategy stopped by the gate: the first order id sent after the stop (its flattening orders), or
     * {@link #NOT_STOPPED}. A fill of an older order is a fill that raced the stop's cancels and is offset.
     */
    private final long[] riskStoppedBeforeId;
    private static final long NOT_STOPPED = Long.MIN_VALUE;
    private boolean riskPending;
    /** While the engine flattens a stopped strategy: its market orders skip the gate's check. */
    private boolean riskBypass;
    /** Null in a backtest; in paper trading the wall clock the engine waits for (see {@link WallClockPacer}). */
    private final WallClockPacer pacer;
    /** Whether some instrument is held on margin ({@link Backtest.Builder#margin}): each slot then has a ledger. */
    private final boolean margin;
    private final LedgerSink[] ledgerSinks;
    /** Whether the loop may deliver a row right after the venue side processed it ({@link #receivedNext}). */
    private final boolean receiveAtOnce;
    /** Whether some strategy implements {@link io.qtrade.core.strategy.Strategy#onBook} / {@code onTrade}. */
    private final boolean anyReceivesBook;
    private final boolean anyReceivesTrades;
    /** Set by {@link #exchangeEvent} when it also delivered the row to the strategy side. */
    private boolean receivedInStep;
    /** The distinct expiries of the dated futures on margin, ascending; the next one to deliver. */
    private final long[] expiries;
    private int expiryIndex;
    private long nextExpiry = Long.MAX_VALUE;
    /** Per instrument, once its dated future is delivered: why the venue rejects orders on it; null before. */
    private final String[] expiredReason;

    Engine(Backtest config) {
        this.config = config;
        this.keepFills = config.orderHistory == OrderHistory.ALL;
        this.instruments = config.instruments;
        this.instrumentCount = instruments.size();
        this.exchanges = new SimulatedExchange[instrumentCount];
        this.latency = new LatencyModel[instrumentCount];
        this.instrumentArray = instruments.toArray(new Instrument[0]);
        this.localBooks = new DelayedBook[instrumentCount];
        this.localMbo = new MboBook[instrumentCount];
        this.localViews = new OrderBookView[instrumentCount];
        this.localInSnapshot = new boolean[instrumentCount];
        for (int i = 0; i < instrumentCount; i++) {
            ExchangeSettings s = config.settings[i];
            exchanges[i] = new SimulatedExchange(s, i, new Sink(i));
            latency[i] = s.latency();
            if (s.queue().requiresMarketByOrder()) {
                localMbo[i] = new MboBook(instruments.get(i));
                localViews[i] = localMbo[i].levels();
            } else {
                // The venue's book is an OrderBook whenever the queue model does not need market-by-order data.
                localBooks[i] = new DelayedBook((OrderBook) exchanges[i].book(),
                        config.strategyBooks == StrategyBooks.SHARED_WITH_VENUE);
                localViews[i] = localBooks[i];
            }
        }
        int n = config.strategies.size();
        this.slots = new StrategySlot[n];
        for (int s = 0; s < n; s++) {
            slots[s] = new StrategySlot(this, s, config.strategyIds.get(s), config.strategies.get(s),
                    config.initialCash);
        }
        this.lastExchArrival = new long[n * instrumentCount];
        this.lastLocalArrival = new long[n * instrumentCount];
        java.util.Arrays.fill(lastExchArrival, Long.MIN_VALUE);
        java.util.Arrays.fill(lastLocalArrival, Long.MIN_VALUE);
        this.seedSalt = mix(config.seed) << 8;
        this.localClock = new SimulatedClock(Long.MIN_VALUE);
        this.measureCallbackTime = config.measureCallbackTime;
        this.risk = config.riskGate;
        this.riskActive = risk != RiskGate.NONE;
        this.riskPerEvent = riskActive && risk.needsMarketData();
        this.riskTimed = riskActive && risk.needsWakeUps();
        this.riskStopPending = new boolean[n];
        this.venuePosition = new double[n * instrumentCount];
        this.riskStoppedBeforeId = new long[n];
        java.util.Arrays.fill(riskStoppedBeforeId, NOT_STOPPED);
        this.pacer = config.pacer;
        this.margin = !config.margin.isEmpty();
        boolean book = false;
        boolean trades = false;
        for (StrategySlot s : slots) {
            book |= s.receivesBook;
            trades |= s.receivesTrades;
        }
        this.anyReceivesBook = book;
        this.anyReceivesTrades = trades;
        this.receiveAtOnce = pacer == null && config.strategyBooks == StrategyBooks.SHARED_WITH_VENUE;
        this.expiries = config.margin.stream().mapToLong(m -> m.instrument().contract().expiryNanos())
                .filter(t -> t != io.qtrade.core.ContractSpec.NO_EXPIRY).distinct().sorted().toArray();
        this.nextExpiry = expiries.length > 0 ? expiries[0] : Long.MAX_VALUE;
        this.expiredReason = new String[instrumentCount];
        this.ledgerSinks = new LedgerSink[n];
        for (int s = 0; s < n; s++) {
            ledgerSinks[s] = new LedgerSink(slots[s]);
        }
    }

    // ---- perpetuals and margin (io.qtrade.backtest.margin) ----------------------------------------------------

    /** A mark/index/funding row at venue time, to every strategy's ledger. */
    private void derivativeAtVenue(MarketEvent e) {
        int i = e.instrument();
        EventKind kind = e.kind();
        for (StrategySlot s : slots) {
            if (kind == EventKind.MARK_PRICE) {
                s.ledger.onMarkPrice(i, e.price(), e.exchTs(), ledgerSinks[s.index]);
            } else if (kind == EventKind.FUNDING_RATE) {
                s.ledger.onFundingRate(i, e.price(), e.orderId(), e.exchTs(), ledgerSinks[s.index]);
            } else if (kind == EventKind.INDEX_PRICE) {
                s.ledger.onIndexPrice(i, e.price(), e.exchTs());
            }
        }
    }

    private void notifyDerivative(int i, MarketEvent e, boolean live) {
        if (live) {
            for (StrategySlot s : slots) {
                beginCallback(s);
                s.strategy.onDerivativeData(i, e);
            }
        }
    }

    /** A venue fill of a strategy order, to its margin account (funding due before it settled first). */
    private void marginFill(StrategySlot slot, int i, long orderId, long exchTs, double price, double qty, double fee,
                            Liquidity liquidity) {
        if (!slot.ledger.handles(i)) {
            return;
        }
        slot.ledger.beforeFill(i, exchTs, ledgerSinks[slot.index]);
        Order order = slot.record(orderId).order();
        slot.ledger.onFill(i, order.side().sign() * qty, price, fee);
    }

    /** The margin check of a new order at its limit price (a market order: at the mark, else the mid); null if it fits. */
    private String marginCheck(StrategySlot slot, Order order, int i) {
        if (riskBypass || !slot.ledger.handles(i)) {
            return null;
        }
        double price = order.price();
        if (!(price > 0)) {
            double mark = slot.ledger.markPrice(i);
            price = Double.isNaN(mark) ? localViews[i].mid() : mark;
        }
        if (!(price > 0)) {
            return null;
        }
        return slot.ledger.rejection(i, order.side(), order.qty(), price);
    }

    /**
     * Venue time {@code t} is the expiry of some dated futures: each strategy's ledger delivers them (cancels, then the
     * delivery), and from now on the venue rejects orders on them.
     */
    private void deliverExpiring(long t) {
        for (StrategySlot s : slots) {
            s.ledger.deliverExpiring(t, ledgerSinks[s.index]);
        }
        io.qtrade.backtest.margin.MarginLedger ledger = slots.length > 0 ? slots[0].ledger : null;
        for (int i = 0; ledger != null && i < instrumentCount; i++) {
            if (ledger.expiry(i) == t) {
                expiredReason[i] = ledger.expiredReason(i, ledger.deliveryPrice(i));
            }
        }
        expiryIndex++;
        nextExpiry = expiryIndex < expiries.length ? expiries[expiryIndex] : Long.MAX_VALUE;
    }

    /** Books a ledger's funding payments and liquidations in the strategy's portfolio and results. */
    private final class LedgerSink implements io.qtrade.backtest.margin.MarginLedger.Sink {
        private final StrategySlot slot;

        LedgerSink(StrategySlot slot) {
            this.slot = slot;
        }

        @Override
        public void funding(int instrument, double paid, long fundingTime) {
            slot.portfolio.applyFunding(instruments.get(instrument), paid);
        }

        @Override
        public void liquidated(int instrument, io.qtrade.core.margin.Liquidation l) {
            Instrument inst = instruments.get(instrument);
            long ts = l.exchTs();
            Fill fill = new Fill(FillRecord.LIQUIDATION_ORDER_ID, inst, l.side(), l.price(), l.qty(), l.fee(),
                    Liquidity.TAKER, ts, ts);
            venuePosition[slot.index * instrumentCount + instrument] += l.side().sign() * l.qty();
            slot.portfolio.apply(fill);
            slot.takerFills[instrument]++;
            if (keepFills) {
                fills.add(new FillRecord(slot.id, FillRecord.LIQUIDATION_ORDER_ID, instrument, inst.id(), l.side(),
                        l.price(), l.qty(), l.fee(), Liquidity.TAKER, ts, ts, Double.NaN, 0.0, 0L, 0L, true));
            }
            othersChanged = true;
            beginCallback(slot);
            slot.strategy.onLiquidation(l);
        }

        @Override
        public void delivered(int instrument, io.qtrade.core.margin.Delivery d) {
            Instrument inst = instruments.get(instrument);
            long ts = d.exchTs();
            // The delivery closes the position at the delivery price without a fee: a closing fill for the portfolio.
            slot.portfolio.apply(new Fill(DELIVERY_ORDER_ID, inst, d.qty() > 0 ? Side.SELL : Side.BUY,
                    d.deliveryPrice(), Math.abs(d.qty()), 0.0, Liquidity.TAKER, ts, ts));
            venuePosition[slot.index * instrumentCount + instrument] = 0.0;
            othersChanged = true;
            beginCallback(slot);
            slot.strategy.onDelivery(d);
        }

        @Override
        public void cancelOrders(int instrument, long exchTs, String reason) {
            exchanges[instrument].cancelAllOf(slot.index, exchTs, reason);
        }
    }

    private long nextTimerDue() {
        long due = Timers.NO_DUE_TIME;
        for (StrategySlot s : slots) {
            due = Math.min(due, s.timers.nextDueNanos());
        }
        return due;
    }

    private static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        return z ^ (z >>> 31);
    }

    OrderBookView localView(int instrument) {
        if (instrument < 0 || instrument >= instrumentCount) {
            throw new IllegalArgumentException("instrument index " + instrument + " is out of range [0, "
                    + instrumentCount + ")");
        }
        return localViews[instrument];
    }

    long decisionDelay(StrategySlot slot) {
        long d = config.decisionLatencyNanos;
        if (config.measureCallbackTime && slot.callbackStartWallNanos != 0) {
            d += System.nanoTime() - slot.callbackStartWallNanos;
        }
        return d;
    }

    BacktestResult run() {
        EventWindow window = new EventWindow(config.source, config.batchCapacity, instrumentCount);
        long wallStart = System.nanoTime();
        long startTs;
        if (config.startNanos != Backtest.NO_START) {
            startTs = config.startNanos;
        } else if (pacer != null) {
            startTs = pacer.nowNanos();
        } else {
            startTs = window.exchHasNext() ? window.exchPeekLocalTs() : 0L;
        }
        localClock.advanceTo(startTs);
        if (riskActive) {
            risk.bind(new Actions());
        }
        for (StrategySlot s : slots) {
            beginCallback(s);
            s.strategy.onStart(s);
        }
        long end = config.endNanos;
        long nextMark = config.markIntervalNanos > 0 ? startTs + config.markIntervalNanos : Long.MAX_VALUE;
        long lastTime = startTs;
        long tOther = Long.MIN_VALUE;
        while (true) {
            boolean exchReady = pacer == null ? window.exchHasNext() : pacedHasNext(window);
            long tExch = exchReady ? window.exchPeekTs() : Long.MAX_VALUE;
            long tLocal = Long.MAX_VALUE;
            if (window.pending() > 0) {
                tLocal = Math.max(window.localPeekTs(), localClock.nowNanos());
            }
            if (othersChanged) {
                // Messages, timers and marks change only when an order is sent, a response is made, a timer is set
                // or fires: recomputed then, not on every market event.
                othersChanged = false;
                if (riskActive) {
                    riskStep();
                }
                tOther = Math.min(Math.min(toExchange.peekTime(), toLocal.peekTime()), Math.min(nextTimerDue(), nextMark));
                tOther = Math.min(Math.min(tOther, riskWakeAt), nextExpiry);
            }
            long t = Math.min(Math.min(tExch, tLocal), tOther);
            if (exchReady && t == tExch && t <= tOther) {
                if (t > end) {
                    break;
                }
                while (true) {
                    long received = exchangeEvent(window, tOther, end);
                    lastTime = Math.max(lastTime, t);
                    if (received == NOT_RECEIVED_NEXT) {
                        break;
                    }
                    // What the next step would do: nothing else comes before the strategy side receives this row.
                    if (receivedInStep) {
                        receivedInStep = false;
                    } else {
                        localEvent(window);
                    }
                    lastTime = Math.max(lastTime, received);
                    // And the step after it, while it is the venue side's next row in the batch at hand: nothing
                    // pending, nothing changed, the row not after the other actions or the end (the loop's own test).
                    if (othersChanged || window.pending() != 0) {
                        break;
                    }
                    t = window.exchPeekTsInBatch();
                    if (t == Long.MIN_VALUE || t > tOther || t > end) {
                        break;
                    }
                }
                continue;
            }
            if (pacer != null && !window.exhausted()) {
                // Paper trading: nothing happens before its wall-clock time; an arriving event ends the wait early.
                long due = end == Backtest.NO_END ? t : Math.min(t, end + 1);
                if (due > pacer.nowNanos()) {
                    pacer.awaitEvents(due);
                    continue;
                }
            }
            if (end == Backtest.NO_END && !exchReady && window.exhausted() && window.pending() == 0
                    && toExchange.size() == 0 && toLocal.size() == 0) {
                break;
            }
            if (t > end || t == Long.MAX_VALUE) {
                break;
            }
            if (t == tOther) {
                othersChanged = true;
                if (t == nextExpiry) {
                    // after the market rows at t (they go first), before the orders that reach the venue at t
                    deliverExpiring(t);
                } else if (t == toExchange.peekTime()) {
                    requestArrives();
                } else if (t == toLocal.peekTime()) {
                    responseArrives();
                } else if (t == tLocal) {
                    localEvent(window);
                } else if (t == nextTimerDue()) {
                    fireTimers(t);
                } else if (t == riskWakeAt) {
                    riskWake(t);
                } else {
                    localClock.advanceTo(Math.max(localClock.nowNanos(), t));
                    mark(t);
                    nextMark = t + config.markIntervalNanos;
                }
            } else {
                localEvent(window);
            }
            lastTime = Math.max(lastTime, t);
        }
        long stopTs = Math.max(localClock.nowNanos(), end == Backtest.NO_END ? lastTime : Math.min(end, lastTime));
        localClock.advanceTo(stopTs);
        if (margin) {
            for (StrategySlot s : slots) {
                s.ledger.finish(stopTs, new LedgerSink(s));
            }
        }
        mark(stopTs);
        for (StrategySlot s : slots) {
            beginCallback(s);
            s.strategy.onStop();
        }
        long wallNanos = System.nanoTime() - wallStart;
        for (DelayedBook b : localBooks) {
            if (b != null) {
                b.restoreVenue();
            }
        }
        config.source.close();
        return new BacktestResult(config, slots, fills, equity, events, lateLocalEvents, wallNanos);
    }

    /** The paced form of {@link EventWindow#exchHasNext()}: reads the live source only when it will not block. */
    private boolean pacedHasNext(EventWindow window) {
        return window.exchBuffered() || !window.exhausted() && pacer.eventsReady() && window.exchHasNext();
    }

    private void beginCallback(StrategySlot s) {
        if (measureCallbackTime) {
            s.callbackStartWallNanos = System.nanoTime();
        }
    }

    /** {@link #exchangeEvent}'s answer when the row is not the next thing the strategy side receives. */
    private static final long NOT_RECEIVED_NEXT = Long.MIN_VALUE;

    /**
     * The venue side processes its next row. Returns the time the loop's next step would deliver that row to the
     * strategy side when that step is certain to be its delivery ({@link #receivedNext}), so that the loop does it at
     * once and the strategies' view needs no undo entry for it; else {@link #NOT_RECEIVED_NEXT}.
     */
    private long exchangeEvent(EventWindow window, long tOther, long end) {
        int i = window.exchPeekInstrument();
        if (i < 0 || i >= instrumentCount) {
            throw new IllegalArgumentException("event " + (window.exchIndex() + 1) + ": instrument index " + i
                    + " is out of range [0, " + instrumentCount + ")");
        }
        window.exchAdvance();
        EventCursor e = window.exchCursor;
        long index = window.exchIndex();
        long localTs = e.localTs();
        long exchTs = e.exchTs();
        if (localTs < exchTs) {
            throw localBeforeExch(e, index);
        }
        EventKind kind = e.kind();
        if (kind.isDerivativeData()) {
            // Mark, index and funding rows leave the books alone: only the margin accounting reads them.
            if (margin) {
                derivativeAtVenue(e);
            }
            events++;
            return NOT_RECEIVED_NEXT;
        }
        events++;
        SimulatedExchange exchange = exchanges[i];
        DelayedBook delayed = localBooks[i];
        if (delayed == null) {
            exchange.onMarketEvent(e, index);
            return receivedNext(window, localTs, tOther, end);
        }
        // Converted once, here, for the venue's book, the undo entry and the strategy side (depth and BBO rows).
        long ticks = kind == EventKind.DEPTH_UPDATE || kind == EventKind.BBO
                ? instrumentArray[i].toTicks(e.price()) : 0L;
        if (exchange.restingOrders() == 0 && delayed.idle()) {
            // No simulated order rests at the venue: processing the row sends nothing, so whether the strategy side
            // receives it next is known before it is applied, and then the view needs nothing for it.
            long received = receivedNextBefore(window, localTs, tOther, end);
            if (received != NOT_RECEIVED_NEXT) {
                venueAndReceive(window, e, i, kind, index, ticks, exchTs, localTs);
                return received;
            }
        }
        delayed.venueRow(e, kind, ticks);
        exchange.onMarketEvent(e, kind, index, ticks);
        window.setExchPriceTicks(ticks);
        long received = receivedNext(window, localTs, tOther, end);
        delayed.venueApplied(received != NOT_RECEIVED_NEXT);
        return received;
    }

    /**
     * The venue side applies row {@code e} of L2 instrument {@code i}, with no simulated order resting there, and the
     * strategy side receives it in the same step, through the venue side's cursor (still on the row).
     */
    private void venueAndReceive(EventWindow window, EventCursor e, int i, EventKind kind, long index, long ticks,
                                 long exchTs, long localTs) {
        localBooks[i].venueRowReceivedAtOnce(e, kind, exchTs, localTs);
        exchanges[i].onMarketEvent(e, kind, index, ticks);
        if (othersChanged) {
            throw new IllegalStateException("event " + index + ": the venue sent a message on a market row with no"
                    + " resting order of instrument " + i);
        }
        window.localAdvance();
        advanceLocal(localTs);
        if (riskPerEvent) {
            riskMarketData(i);
        }
        notifyLocal(i, kind, e, localTs >= config.startNanos);
        window.release();
        receivedInStep = true;
    }

    private IllegalArgumentException localBeforeExch(EventCursor e, long index) {
        String origin = config.source.origin(e.instrument(), e.exchTs());
        return new IllegalArgumentException("event " + index + " (" + e.kind() + ", instrument " + e.instrument()
                + "): localTs " + e.localTs() + " is before exchTs " + e.exchTs()
                + " by " + (e.exchTs() - e.localTs()) + " ns"
                + (origin == null ? "" : ", in " + origin)
                + "; a strategy cannot see an event before the venue sent it (a recorder clock behind the"
                + " venue's: re-import with the clock-skew option, e.g. Convert's clock_skew=remove_offset)");
    }

    /**
     * {@link #receivedNext} asked before the venue side processes the row, for a row whose processing cannot change
     * the other actions' times; {@link #NOT_RECEIVED_NEXT} also when the venue side's next row is not in the batch at
     * hand.
     */
    private long receivedNextBefore(EventWindow window, long localTs, long tOther, long end) {
        if (othersChanged || !receiveAtOnce || window.pending() != 1) {
            return NOT_RECEIVED_NEXT;
        }
        long t = Math.max(localTs, localClock.nowNanos());
        if (t >= tOther || t > end || window.exchPeekTsInBatch() <= t) {
            return NOT_RECEIVED_NEXT;
        }
        return t;
    }

    private long receivedNext(EventWindow window, long localTs, long tOther, long end) {
        if (othersChanged || !receiveAtOnce || window.pending() != 1) {
            return NOT_RECEIVED_NEXT;
        }
        long t = Math.max(localTs, localClock.nowNanos());
        if (t >= tOther || t > end || window.exchHasNext() && window.exchPeekTs() <= t) {
            return NOT_RECEIVED_NEXT;
        }
        return t;
    }

    private void localEvent(EventWindow window) {
        long ts = window.localPeekTs();
        window.localAdvance();
        // Two copies of one body, so that each call site sees one event class (the JIT inlines it).
        if (window.singleInstrument()) {
            deliver(window, window.localCursor, window.localPriceTicks(), ts);
        } else {
            deliver(window, window.localRow, window.localPriceTicks(), ts);
        }
        window.release();
    }

    private void deliver(EventWindow window, EventCursor e, long priceTicks, long ts) {
        int i = e.instrument();
        EventKind kind = e.kind();
        advanceLocal(ts);
        if (kind.isDerivativeData()) {
            notifyDerivative(i, e, ts >= config.startNanos);
            return;
        }
        DelayedBook book = localBooks[i];
        if (book != null) {
            book.delivered(e, priceTicks);
        } else {
            localMbo[i].apply(e);
        }
        if (kind == EventKind.BBO && (e.flags() & EventFlags.END_OF_MESSAGE) == 0) {
            restOfQuote(window, e, i);
        }
        if (riskPerEvent) {
            riskMarketData(i);
        }
        notifyLocal(i, kind, e, ts >= config.startNanos);
    }

    private void deliver(EventWindow window, RowView e, long priceTicks, long ts) {
        int i = e.instrument();
        EventKind kind = e.kind();
        advanceLocal(ts);
        if (kind.isDerivativeData()) {
            notifyDerivative(i, e, ts >= config.startNanos);
            return;
        }
        DelayedBook book = localBooks[i];
        if (book != null) {
            book.delivered(e, priceTicks);
        } else {
            localMbo[i].apply(e);
        }
        if (kind == EventKind.BBO && (e.flags() & EventFlags.END_OF_MESSAGE) == 0) {
            restOfQuote(window, e, i);
        }
        if (riskPerEvent) {
            riskMarketData(i);
        }
        notifyLocal(i, kind, e, ts >= config.startNanos);
    }

    /**
     * Applies the remaining rows of the quote whose first row {@code e} is (a {@code BBO} row not flagged
     * {@code END_OF_MESSAGE}) to the strategy side's book, before any callback: the rows of the same instrument that
     * follow it with the same {@code exchTs} and {@code localTs}, up to the one flagged {@code END_OF_MESSAGE}. The
     * cursor {@code e} ends on the quote's last row, so the one {@code onBook} sees the whole quote.
     */
    private void restOfQuote(EventWindow window, MarketEvent e, int i) {
        long exchTs = e.exchTs();
        long localTs = e.localTs();
        DelayedBook book = localBooks[i];
        while ((e.flags() & EventFlags.END_OF_MESSAGE) == 0 && window.localNextContinuesQuote(i, exchTs, localTs)) {
            window.localAdvance();
            advanceLocal(localTs);
            if (book != null) {
                book.delivered(e, window.localPriceTicks());
            } else {
                localMbo[i].apply(e);
            }
        }
    }

    private void advanceLocal(long ts) {
        if (ts < localClock.nowNanos()) {
            if (ts >= config.startNanos) {
                lateLocalEvents++;
            }
        } else {
            localClock.advanceTo(ts);
        }
    }

    private void notifyLocal(int i, EventKind kind, MarketEvent e, boolean live) {
        if (kind == EventKind.TRADE) {
            if (live && anyReceivesTrades) {
                for (StrategySlot s : slots) {
                    if (s.receivesTrades) {
                        beginCallback(s);
                        s.strategy.onTrade(i, e);
                    }
                }
            }
        } else if (kind == EventKind.SNAPSHOT_BEGIN) {
            localInSnapshot[i] = true;
        } else {
            boolean notify = live;
            if (kind == EventKind.SNAPSHOT_END) {
                localInSnapshot[i] = false;
            } else if (localInSnapshot[i]) {
                notify = false;
            }
            if (notify && anyReceivesBook) {
                OrderBookView view = localViews[i];
                for (StrategySlot s : slots) {
                    if (s.receivesBook) {
                        beginCallback(s);
                        s.strategy.onBook(i, view);
                    }
                }
            }
        }
    }

    private void fireTimers(long t) {
        localClock.advanceTo(Math.max(localClock.nowNanos(), t));
        for (StrategySlot s : slots) {
            long id;
            while ((id = s.timers.pollDue(t)) != Timers.NONE) {
                beginCallback(s);
                s.strategy.onTimer(id, t);
            }
        }
    }

    private void mark(long t) {
        for (StrategySlot s : slots) {
            Portfolio p = s.portfolio;
            for (int i = 0; i < instrumentCount; i++) {
                double mid = localViews[i].mid();
                if (!Double.isNaN(mid)) {
                    p.mark(instruments.get(i), mid);
                }
            }
            if (s.borrow != null) {
                s.borrow.accrue(p, t);
            }
            double eq = p.equity();
            double net = p.netPnl();
            for (int i = 0; i < instrumentCount; i++) {
                Instrument inst = instruments.get(i);
                Position pos = p.position(inst);
                double markPrice = p.markPrice(inst);
                double unrealized = Double.isNaN(markPrice) ? 0.0 : pos.unrealizedPnl(markPrice);
                equity.add(t, s.index, i, pos.qty(), markPrice, pos.realizedPnl(), unrealized, pos.fees(),
                        p.funding(inst), eq, net);
            }
            if (riskActive) {
                risk.onMark(s.id, p, t);
            }
        }
    }

    // ---- order messages -------------------------------------------------------------------------------------

    void sendNew(StrategySlot slot, OrderRecord record, int instrument, long sendTs) {
        Order order = record.order();
        // RiskGate.NONE is not asked: it accepts everything, and asking it would build the order's request object.
        RiskDecision decision = riskBypass || !riskActive ? RiskDecision.ACCEPT
                : risk.check(slot.id, order.request(), slot.portfolio, localClock.nowNanos());
        String marginRejection = margin && decision.accepted() ? marginCheck(slot, order, instrument) : null;
        if (!decision.accepted() || marginRejection != null) {
            int m = toLocal.add(localClock.nowNanos(), MessageQueue.END, slot.index, instrument, order.orderId(),
                    OrderRecord.NEVER);
            toLocal.setEnd(m, OrderStatus.REJECTED, marginRejection != null ? marginRejection : decision.reason());
            record.messageSent();
            // Never sent: not an open order (a cancel-all must not try to cancel it).
            slot.orderDone(order.orderId());
            othersChanged = true;
            return;
        }
        if (riskActive) {
            if (!riskBypass) {
                // The gate let an ordinary order of this strategy through: it is no longer stopped.
                riskStoppedBeforeId[slot.index] = NOT_STOPPED;
            }
            risk.onOrderAccepted(slot.id, order, localClock.nowNanos());
        }
        long entry = latency[instrument].entryLatencyNanos(sendTs, order.orderId(), seedSalt + SALT_NEW);
        long arrival = channel(lastExchArrival, slot.index, instrument, sendTs + entry);
        toExchange.add(arrival, MessageQueue.NEW, slot.index, instrument, order.orderId(), sendTs);
        record.messageSent();
        othersChanged = true;
    }

    void sendCancel(StrategySlot slot, OrderRecord record, long sendTs) {
        long orderId = record.order().orderId();
        int instrument = record.instrument();
        long entry = latency[instrument].entryLatencyNanos(sendTs, orderId, seedSalt + SALT_CANCEL);
        long arrival = channel(lastExchArrival, slot.index, instrument, sendTs + entry);
        toExchange.add(arrival, MessageQueue.CANCEL, slot.index, instrument, orderId, sendTs);
        record.messageSent();
        othersChanged = true;
    }

    private long channel(long[] last, int strategy, int instrument, long arrival) {
        int k = strategy * instrumentCount + instrument;
        long at = Math.max(arrival, last[k]);
        last[k] = at;
        return at;
    }

    private void requestArrives() {
        toExchange.poll();
        long t = toExchange.headTime();
        int s = toExchange.headStrategy();
        int i = toExchange.headInstrument();
        long orderId = toExchange.headOrderId();
        OrderRecord record = slots[s].record(orderId);
        if (localBooks[i] != null) {
            localBooks[i].restoreVenue();
        }
        if (toExchange.headKind() == MessageQueue.NEW) {
            long sendTs = toExchange.headExchTs();
            record.arrived(t, t - sendTs);
            Order order = record.order();
            if (expiredReason[i] != null) {
                reduceOnlyIds.remove(orderId);
                record.venueEnded(t);
                int m = respond(s, i, orderId, t, MessageQueue.END);
                toLocal.setEnd(m, OrderStatus.REJECTED, expiredReason[i]);
            } else if (!reduceOnlyIds.isEmpty() && reduceOnlyIds.remove(orderId)) {
                reduceOnlyArrives(s, i, record, t, latency[i].rejectsEntry(sendTs, orderId));
            } else {
                exchanges[i].onNewOrder(s, orderId, order.side(), order.type(), order.timeInForce(), order.price(),
                        order.qty(), t, latency[i].rejectsEntry(sendTs, orderId));
            }
        } else {
            exchanges[i].onCancel(s, orderId, t);
        }
        record.messageDelivered();
        slots[s].releaseIfFinished(record);
    }

    /**
     * A reduce-only order reaches the venue: it may close at most the position held there now (Binance
     * {@code reduceOnly}); a larger order is cut to it and its rest cancelled, an order finding nothing to reduce is
     * rejected, both with the numbers.
     */
    private void reduceOnlyArrives(int s, int i, OrderRecord record, long t, boolean venueRejects) {
        Order order = record.order();
        long orderId = order.orderId();
        double position = venuePosition[s * instrumentCount + i];
        double reducible = order.side() == Side.SELL ? Math.max(position, 0.0) : Math.max(-position, 0.0);
        double qty = Math.min(order.qty(), reducible);
        if (qty <= 1e-9 * instrumentArray[i].lotSize()) {
            record.venueEnded(t);
            int m = respond(s, i, orderId, t, MessageQueue.END);
            toLocal.setEnd(m, OrderStatus.REJECTED, REASON_REDUCE_ONLY + ": " + order.side() + " " + order.qty()
                    + " finds a position of " + position + " at the venue, nothing to reduce");
            return;
        }
        exchanges[i].onNewOrder(s, orderId, order.side(), order.type(), order.timeInForce(), order.price(), qty, t,
                venueRejects);
        if (qty < order.qty() && record.exchEndTs() == OrderRecord.NEVER) {
            record.venueEnded(t);
            int m = respond(s, i, orderId, t, MessageQueue.END);
            toLocal.setEnd(m, OrderStatus.CANCELED, REASON_REDUCE_ONLY + ": cut from " + order.qty() + " to "
                    + qty + ", the position of " + position + " at the venue");
        }
    }

    /** The reason code of a reduce-only order cut to, or rejected for, the position at the venue. */
    static final String REASON_REDUCE_ONLY = "REDUCE_ONLY";

    private int respond(int strategy, int instrument, long orderId, long exchTs, byte kind) {
        OrderRecord record = slots[strategy].record(orderId);
        record.messageSent();
        long ordinal = record.nextResponseOrdinal();
        long lat = latency[instrument].responseLatencyNanos(exchTs, orderId, seedSalt + SALT_RESPONSE + 4L * ordinal);
        long at = channel(lastLocalArrival, strategy, instrument, exchTs + lat);
        othersChanged = true;
        return toLocal.add(at, kind, strategy, instrument, orderId, exchTs);
    }

    /** Receives the venue's actions for one instrument and sends them back over the response latency. */
    private final class Sink implements ExecutionSink {
        private final int instrument;

        Sink(int instrument) {
            this.instrument = instrument;
        }

        @Override
        public void accepted(int strategy, long orderId, long exchTs, double qtyAhead, double arrivalMid) {
            slots[strategy].record(orderId).accepted(qtyAhead, arrivalMid);
            int m = respond(strategy, instrument, orderId, exchTs, MessageQueue.ACK);
            toLocal.setAck(m, qtyAhead, arrivalMid);
        }

        @Override
        public void filled(int strategy, long orderId, long exchTs, double price, double qty, double fee,
                           Liquidity liquidity) {
            OrderRecord filledRecord = slots[strategy].record(orderId);
            filledRecord.venueFilled(qty, exchTs);
            venuePosition[strategy * instrumentCount + instrument] += filledRecord.order().side().sign() * qty;
            if (margin) {
                marginFill(slots[strategy], instrument, orderId, exchTs, price, qty, fee, liquidity);
            }
            int m = respond(strategy, instrument, orderId, exchTs, MessageQueue.FILL);
            toLocal.setFill(m, price, qty, fee, liquidity);
        }

        @Override
        public void ended(int strategy, long orderId, long exchTs, OrderStatus status, String reason) {
            slots[strategy].record(orderId).venueEnded(exchTs);
            int m = respond(strategy, instrument, orderId, exchTs, MessageQueue.END);
            toLocal.setEnd(m, status, reason);
        }

        @Override
        public void cancelRejected(int strategy, long orderId, long exchTs, String reason) {
            int m = respond(strategy, instrument, orderId, exchTs, MessageQueue.CANCEL_REJECT);
            toLocal.setReason(m, reason);
        }
    }

    private void responseArrives() {
        toLocal.poll();
        long t = toLocal.headTime();
        localClock.advanceTo(Math.max(localClock.nowNanos(), t));
        StrategySlot slot = slots[toLocal.headStrategy()];
        OrderRecord record = slot.record(toLocal.headOrderId());
        record.messageDelivered();
        deliverResponse(slot, record, t);
        slot.releaseIfFinished(record);
    }

    private void deliverResponse(StrategySlot slot, OrderRecord record, long t) {
        Order order = record.order();
        long orderId = order.orderId();
        long exchTs = toLocal.headExchTs();
        long reportExchTs = exchTs == OrderRecord.NEVER ? t : exchTs;
        switch (toLocal.headKind()) {
            case MessageQueue.ACK -> {
                if (order.status().isTerminal() || order.isAcknowledged()) {
                    return;
                }
                order.acknowledge(t);
            }
            case MessageQueue.FILL -> {
                fill(slot, record, t, exchTs);
                return;
            }
            case MessageQueue.END -> {
                if (order.status().isTerminal()) {
                    return;
                }
                OrderStatus status = toLocal.headStatus();
                switch (status) {
                    case REJECTED -> order.reject(t, toLocal.headReason());
                    case EXPIRED -> order.expire(t);
                    default -> order.cancel(t, toLocal.headReason());
                }
                slot.orderDone(orderId);
                if (riskActive && exchTs != OrderRecord.NEVER) {
                    risk.onOrderDone(slot.id, order, t);
                }
            }
            case MessageQueue.CANCEL_REJECT -> {
                if (order.status() != OrderStatus.PENDING_CANCEL) {
                    return;
                }
                order.cancelRejected(t, toLocal.headReason());
            }
            default -> throw new IllegalStateException("unknown response kind " + toLocal.headKind()
                    + " for order " + orderId);
        }
        if (slot.receivesOrderUpdates) {
            ExecutionReport report = ExecutionReport.of(order, reportExchTs, t);
            beginCallback(slot);
            slot.strategy.onOrderUpdate(report);
        }
    }

    private void fill(StrategySlot slot, OrderRecord record, long t, long exchTs) {
        Order order = record.order();
        double price = toLocal.headPrice();
        double qty = toLocal.headQty();
        double fee = toLocal.headFee();
        Liquidity liquidity = toLocal.headLiquidity();
        order.fill(qty, price, fee, t);
        Instrument inst = order.instrument();
        Fill fill = new Fill(order.orderId(), inst, order.side(), price, qty, fee, liquidity, exchTs, t);
        double mid = localViews[record.instrument()].mid();
        if (!Double.isNaN(mid)) {
            slot.portfolio.mark(inst, mid);
        }
        slot.portfolio.apply(fill);
        if (liquidity == Liquidity.MAKER) {
            slot.makerFills[record.instrument()]++;
        } else {
            slot.takerFills[record.instrument()]++;
        }
        if (keepFills) {
            fills.add(new FillRecord(slot.id, order.orderId(), record.instrument(), inst.id(), order.side(), price,
                    qty, fee, liquidity, exchTs, t, record.arrivalMid(), record.qtyAheadAtEntry(),
                    record.entryLatencyNanos(), t - exchTs));
        }
        if (order.status().isTerminal()) {
            slot.orderDone(order.orderId());
        }
        if (riskActive) {
            riskAfterFill(slot, order, fill, t);
        }
        beginCallback(slot);
        if (slot.receivesOrderUpdates) {
            slot.strategy.onOrderUpdate(ExecutionReport.of(order, exchTs, t));
        }
        slot.strategy.onFill(fill);
    }

    // ---- risk gate hooks and actions ------------------------------------------------------------------------

    private void riskMarketData(int instrument) {
        risk.onMarketData(instruments.get(instrument), localViews[instrument].mid(), localClock.nowNanos());
        // Only an earlier wake-up needs the loop's times recomputed; one that moved later (a heartbeat) is woken at
        // its old time, finds nothing due, and is read again then: one extra step per timeout, not one per event.
        if (riskTimed && risk.wakeAtNanos() < riskWakeAt) {
            othersChanged = true;
        }
    }

    private void riskAfterFill(StrategySlot slot, Order order, Fill fill, long t) {
        risk.onFill(slot.id, fill, slot.portfolio, t);
        if (order.status().isTerminal()) {
            risk.onOrderDone(slot.id, order, t);
        }
        if (order.orderId() < riskStoppedBeforeId[slot.index]) {
            // A fill that raced the stop's cancels: the flattening orders were sized before it, so offset it.
            riskBypass = true;
            try {
                slot.submitMarket(slot.record(order.orderId()).instrument(), fill.side() == Side.BUY ? Side.SELL : Side.BUY, fill.qty());
            } finally {
                riskBypass = false;
            }
        }
    }


    private void riskWake(long t) {
        localClock.advanceTo(Math.max(localClock.nowNanos(), t));
        risk.onWake(t);
        if (risk.wakeAtNanos() <= t) {
            throw new IllegalStateException("risk gate " + risk + " still asks for a wake-up at "
                    + risk.wakeAtNanos() + " after being woken at " + t + "; it would never let time advance");
        }
    }

    /** Carries out what the gate asked for since the last step, then reads its next wake-up. */
    private void riskStep() {
        if (riskPending && pacer != null) {
            // Paper trading: the gate acted at wall-clock time (a disconnect handed over while the engine waited),
            // so what it asked for is carried out at that time, not at the engine's last action.
            localClock.advanceTo(Math.max(localClock.nowNanos(), pacer.nowNanos()));
        }
        while (riskPending) {
            riskPending = false;
            if (riskCancelAllPending) {
                riskCancelAllPending = false;
                for (StrategySlot s : slots) {
                    cancelOpenOrders(s);
                }
            }
            for (StrategySlot s : slots) {
                if (riskStopPending[s.index]) {
                    riskStopPending[s.index] = false;
                    cancelOpenOrders(s);
                    // Order ids of a strategy increase: every order sent from here on is newer than this one.
                    riskStoppedBeforeId[s.index] = ((long) (s.index + 1) << StrategySlot.ID_SHIFT)
                            | (s.ordersSent() + 1L);
                    flatten(s);
                }
            }
            if (!riskReducePending.isEmpty()) {
                reduce();
            }
        }
        riskWakeAt = riskTimed ? risk.wakeAtNanos() : RiskGate.NO_WAKE;
    }

    private void cancelOpenOrders(StrategySlot s) {
        long[] ids = new long[Math.max(1, s.openOrderCount())];
        for (int i = 0; i < instrumentCount; i++) {
            int n = s.openOrders(i, ids);
            for (int k = 0; k < n; k++) {
                s.cancel(ids[k]);
            }
        }
    }

    /** The gate's reductions: each strategy's open orders cancelled once, then one reduce-only market order each. */
    private void reduce() {
        boolean[] cancelled = new boolean[slots.length];
        List<PendingReduce> reductions = new ArrayList<>(riskReducePending);
        riskReducePending.clear();
        riskBypass = true;
        try {
            for (PendingReduce r : reductions) {
                StrategySlot s = slots[r.strategy()];
                if (!cancelled[r.strategy()]) {
                    cancelled[r.strategy()] = true;
                    cancelOpenOrders(s);
                }
                double qty = s.portfolio.position(instruments.get(r.instrument())).qty();
                if (qty != 0.0) {
                    long id = s.submitMarket(r.instrument(), qty > 0 ? Side.SELL : Side.BUY, r.qty());
                    reduceOnlyIds.add(id);
                }
            }
        } finally {
            riskBypass = false;
        }
    }

    /** One reduction the gate asked for (its reason is the gate's to record, as for a stop). */
    private record PendingReduce(int strategy, int instrument, double qty) {
    }

    /** Sends a market order closing each open position of {@code s}; they skip the gate (they only reduce risk). */
    private void flatten(StrategySlot s) {
        riskBypass = true;
        try {
            for (int i = 0; i < instrumentCount; i++) {
                Position pos = s.portfolio.position(instruments.get(i));
                if (!pos.isFlat()) {
                    s.submitMarket(i, pos.qty() > 0 ? Side.SELL : Side.BUY, Math.abs(pos.qty()));
                }
            }
        } finally {
            riskBypass = false;
        }
    }

    /** What the gate may ask for: recorded here, carried out at the top of the next loop step. */
    private final class Actions implements RiskActions {
        @Override
        public void cancelAllOrders(String reason, long nowNanos) {
            riskCancelAllPending = true;
            riskPending = true;
            othersChanged = true;
        }

        @Override
        public void stopStrategy(String strategyId, String reason, long nowNanos) {
            for (StrategySlot s : slots) {
                if (s.id.equals(strategyId)) {
                    riskStopPending[s.index] = true;
                    riskPending = true;
                    othersChanged = true;
                    return;
                }
            }
            throw new IllegalArgumentException("risk gate asked to stop strategy '" + strategyId
                    + "', which this backtest does not run (strategies " + config.strategyIds + ")");
        }

        @Override
        public void reducePosition(String strategyId, Instrument instrument, double qty, String reason,
                                   long nowNanos) {
            int i = instruments.indexOf(instrument);
            if (i < 0) {
                throw new IllegalArgumentException("risk gate asked to reduce " + instrument.id() + " of strategy '"
                        + strategyId + "', an instrument this backtest does not trade (" + instruments + ")");
            }
            if (!(qty > 0)) {
                throw new IllegalArgumentException("risk gate asked to reduce " + instrument.id() + " of strategy '"
                        + strategyId + "' by " + qty + "; the quantity must be > 0");
            }
            for (StrategySlot s : slots) {
                if (s.id.equals(strategyId)) {
                    riskReducePending.add(new PendingReduce(s.index, i, qty));
                    riskPending = true;
                    othersChanged = true;
                    return;
                }
            }
            throw new IllegalArgumentException("risk gate asked to reduce a position of strategy '" + strategyId
                    + "', which this backtest does not run (strategies " + config.strategyIds + ")");
        }

        @Override
        public String toString() {
            return "Engine.Actions";
        }
    }
}
