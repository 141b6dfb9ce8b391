package io.qtrade.bars;

import io.qtrade.backtest.ResultRecorder;
import io.qtrade.bars.corporate.CorporateAction;
import io.qtrade.bars.cost.BuyingPower;
import io.qtrade.bars.order.BarOrder;
import io.qtrade.bars.order.BarOrderType;
import io.qtrade.bars.order.BarTimeInForce;
import io.qtrade.bars.order.Bracket;
import io.qtrade.bars.order.IntrabarRules;
import io.qtrade.bars.order.Rebalance;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.bar.Bar;
import io.qtrade.core.bar.BarSlice;
import io.qtrade.core.book.OrderBookView;
import io.qtrade.core.order.ExecutionReport;
import io.qtrade.core.order.Fill;
import io.qtrade.core.order.Liquidity;
import io.qtrade.core.order.Order;
import io.qtrade.core.order.OrderRequest;
import io.qtrade.core.order.OrderStatus;
import io.qtrade.core.order.OrderType;
import io.qtrade.core.order.OrderView;
import io.qtrade.core.order.TimeInForce;
import io.qtrade.core.portfolio.MarkValuation;
import io.qtrade.core.portfolio.Portfolio;
import io.qtrade.core.portfolio.Position;
import io.qtrade.core.strategy.Strategy;
import io.qtrade.core.time.Clock;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** One strategy in a bar run: its portfolio, working orders and the {@link BarContext} it sees. Package-private. */
final class StrategyRun implements BarContext {

    private static final double QTY_TOLERANCE = 1e-9;
    /**
     * Quiet runs at least this long record their equity rows as marks ({@code ResultRecorder.equityMarks}: 16 bytes
     * a row, plus the run's valuation, about 160 bytes); shorter ones as rows with their values (40 bytes a row).
     */
    static final int MIN_MARK_RUN = 8;

    final BarEngine engine;
    final int index;
    final String id;
    final Strategy strategy;
    /** The strategy as a {@link SeriesStrategy} (called bar by bar in the one-series loop), or null. */
    private final SeriesStrategy seriesStrategy;
    /** The base-currency portfolio (initial cash), shown in the result tables and by {@link #portfolio()}. */
    final Portfolio portfolio;
    /** One portfolio per currency, index 0 the base; an instrument trades in {@code books[engine.currencyOf[i]]}. */
    final Portfolio[] books;
    private final ResultRecorder recorder;
    private final List<Instrument> instruments;
    private final ArrayList<WorkingOrder>[] working;
    /**
     * Orders by id. Ids are dense (1, 2, 3, ... per strategy), so with every order kept ({@code OrderHistory.ALL})
     * they index an array (no boxing, hashing or rehashing per order); under {@code OPEN_ONLY} a map holds only the
     * orders not yet forgotten, so memory stays bounded by the open orders.
     */
    private final Map<Long, WorkingOrder> byId = new HashMap<>();
    private WorkingOrder[] byIdArray = new WorkingOrder[64];
    private final ArrayList<WorkingOrder> closeQueue = new ArrayList<>();
    private final ArrayList<WorkingOrder> pendingChildren = new ArrayList<>();
    private final boolean[] traded;
    /** Per traded instrument, its slot in its ledger ({@link Portfolio#slotOf}): marks without a map lookup. */
    private final int[] markSlot;
    /** Per traded instrument, its position (the ledger's object for the run's life, {@link Portfolio#position}). */
    private final Position[] positionOf;
    private int[] tradedList;
    private int tradedCount;
    private final long[] lastFillSlice;
    private final double[] positionAtBar;
    /** Per instrument, whether {@link #delist} closed a position in it. */
    private final boolean[] closedByDelisting;
    private long nextOrderId = 1;
    private long lastAccrualTs = Long.MIN_VALUE;
    private boolean inCallback;
    private final List<Timer> timers = new ArrayList<>();
    private final Map<Instrument, Integer> indexOf = new HashMap<>();
    private final boolean accrues;
    /** Under {@code OrderHistory.OPEN_ONLY}: finished orders are dropped from the id map. */
    private final boolean forgetFinished;
    private long nextTimerId = 1;
    // Statistics and cash-flow rows.
    double dividends;
    double interest;
    double borrowFees;
    int rejections;
    final List<BarResult.CashFlow> cashFlows = new ArrayList<>();
    final List<BarResult.Rejection> rejected = new ArrayList<>();

    private static final class Timer {
        final long id;
        long at;
        final long every;
        boolean cancelled;

        Timer(long id, long at, long every) {
            this.id = id;
            this.at = at;
            this.every = every;
        }
    }

    @SuppressWarnings("unchecked")
    StrategyRun(BarEngine engine, int index, String id, Strategy strategy) {
        this.engine = engine;
        this.index = index;
        this.id = id;
        this.strategy = strategy;
        this.seriesStrategy = strategy instanceof SeriesStrategy ss ? ss : null;
        this.books = new Portfolio[engine.currencyCount];
        this.books[0] = new Portfolio(engine.config.initialCash);
        for (int c = 1; c < books.length; c++) {
            books[c] = new Portfolio(0.0);
        }
        this.portfolio = books[0];
        this.recorder = engine.recorder;
        this.instruments = engine.instruments;
        this.working = new ArrayList[engine.n];
        for (int i = 0; i < engine.n; i++) {
            working[i] = new ArrayList<>(2);
        }
        this.traded = new boolean[engine.n];
        this.markSlot = new int[engine.n];
        this.positionOf = new Position[engine.n];
        this.tradedList = new int[16];
        this.lastFillSlice = new long[engine.n];
        this.positionAtBar = new double[engine.n];
        this.closedByDelisting = new boolean[engine.n];
        for (int i = 0; i < engine.n; i++) {
            indexOf.putIfAbsent(engine.instruments.get(i), i);
        }
        this.forgetFinished = engine.config.orderHistory == io.qtrade.backtest.OrderHistory.OPEN_ONLY;
        this.accrues = engine.config.shortBorrow.annualRateBps() > 0
                || engine.config.cashInterest.creditRateAnnual() != 0.0
                || engine.config.cashInterest.debitRateAnnual() != 0.0; // (a zero rate accrues nothing)
        Arrays.fill(lastFillSlice, -1);
    }

    void start() {
        strategy.onStart(this);
    }

    void stop() {
        strategy.onStop();
    }

    // ----------------------------------------------------------------------------------------------------------------
    // Engine side

    /** Interest on cash and the borrow fee of shorts since the previous bar time. */
    void accrue(long t) {
        if (accrues && lastAccrualTs != Long.MIN_VALUE && t > lastAccrualTs) {
            double days = (double) (t - lastAccrualTs) / BarEngine.NANOS_PER_DAY;
            for (int c = 0; c < books.length; c++) {
                double i = engine.config.cashInterest.interest(books[c].cash(), days);
                if (i != 0.0) {
                    books[c].applyCashFlow(i);
                    interest += i * engine.rate[c];
                    cashFlows.add(new BarResult.CashFlow(t, id, c == 0 ? BarResult.ALL
                            : BarResult.ALL + engine.currencyNames.get(c), BarResult.CashFlowKind.INTEREST, i));
                }
            }
            if (engine.config.shortBorrow.annualRateBps() > 0) {
                for (int k = 0; k < tradedCount; k++) {
                    int inst = tradedList[k];
                    Position p = ledger(inst).position(instruments.get(inst));
                    if (p.qty() < 0) {
                        double mv = p.qty() * engine.lastClose[inst] * instruments.get(inst).contractMultiplier();
                        double fee = engine.config.shortBorrow.fee(mv, days);
                        if (fee != 0.0) {
                            ledger(inst).applyCashFlow(-fee);
                            borrowFees += fee * engine.rate[engine.currencyOf[inst]];
                            cashFlows.add(new BarResult.CashFlow(t, id, instruments.get(inst).id(),
                                    BarResult.CashFlowKind.BORROW, -fee));
                        }
                    }
                }
            }
        }
        lastAccrualTs = t;
    }

    /**
     * Instrument {@code i} has been delisted: cancel its orders (reason {@code "delisted"}), close its position at
     * the last close with a {@code DELISTING} order filled at {@code t}.
     *
     * @return whether a position was closed (a fill at {@code t})
     */
    boolean delist(int i, long t) {
        ArrayList<WorkingOrder> list = working[i];
        for (WorkingOrder w : list) {
            if (!w.done) {
                cancelOrder(w, t, "delisted");
            }
        }
        list.clear();
        pendingChildren.removeIf(w -> w.instrument == i);
        Instrument inst = instruments.get(i);
        double qty = ledger(i).position(inst).qty();
        double price = engine.lastClose[i];
        if (qty != 0.0 && !Double.isNaN(price)) {
            Side side = qty > 0 ? Side.SELL : Side.BUY;
            long orderId = nextOrderId++;
            WorkingOrder w = new WorkingOrder(orderId, i, side, BarOrderType.MARKET_ON_CLOSE, BarTimeInForce.DAY,
                    Math.abs(qty), Double.NaN, Double.NaN, Double.NaN, Double.NaN, t, false);
            w.record = newRecord(w, t);
            recorder.order(index, i, w.record, "DELISTING", t);
            putOrder(orderId, w);
            w.arrived = true;
            w.record.acknowledge(t);
            execute(w, Math.abs(qty), price, t, false, null);
            closedByDelisting[i] = true;
            return true;
        }
        return false;
    }

    /**
     * The equity rows of the end-of-data delistings ({@code BarEngine.endOfData}) at the last bar time {@code t}:
     * one row for each instrument of {@code order[from, to)} whose position {@link #delist} closed, each with the
     * strategy's equity and net PnL after all of them. They follow that bar time's own rows, so the last row at
     * {@code t} (the one an equity curve keeps) agrees with the final cash, positions and totals.
     */
    void recordDelistingRows(long t, int[] order, int from, int to) {
        if (!engine.config.recordEquity) {
            return;
        }
        double equity = equity();
        double net = books.length == 1 ? portfolio.netPnl() : equity - engine.config.initialCash;
        for (int k = from; k < to; k++) {
            int i = order[k];
            if (closedByDelisting[i]) {
                equityRow(t, i, equity, net);
            }
        }
    }

    /** A corporate action of instrument {@code i} at the start of its ex-date. */
    void applyAction(int i, CorporateAction a, long t) {
        Instrument inst = instruments.get(i);
        if (a.kind() == CorporateAction.Kind.SPLIT) {
            double r = a.value();
            ledger(i).split(inst, r);
            for (WorkingOrder w : working[i]) {
                if (w.done) {
                    continue;
                }
                w.leaves *= r;
                w.qty = w.cumQty * r + w.leaves;
                w.cumQty *= r;
                w.limitPrice /= r;
                w.stopPrice /= r;
                w.trailAmount /= r;
                w.trailExtreme /= r;
                w.trailStop /= r;
                if (w.record.status().isLive()) {
                    // The record is re-issued in post-split units under the same id.
                    w.record.cancel(t, "split: re-issued in post-split units");
                    w.record = newRecord(w, t);
                    recorder.order(index, i, w.record, w.type.name(), t);
                    if (w.arrived) {
                        w.record.acknowledge(t);
                    }
                }
            }
            for (WorkingOrder w : pendingChildren) {
                if (w.instrument == i) {
                    w.stopChildPrice /= r;
                    w.targetChildPrice /= r;
                }
            }
        } else {
            double qty = ledger(i).position(inst).qty();
            if (qty != 0.0) {
                double amount = qty * a.value() * inst.contractMultiplier();
                ledger(i).applyCashFlow(amount);
                dividends += amount * engine.rate[engine.currencyOf[i]];
                cashFlows.add(new BarResult.CashFlow(t, id, inst.id(), BarResult.CashFlowKind.DIVIDEND, amount));
            }
        }
    }

    private void putOrder(long orderId, WorkingOrder w) {
        if (forgetFinished) {
            byId.put(orderId, w);
            return;
        }
        if (orderId >= byIdArray.length) {
            byIdArray = Arrays.copyOf(byIdArray, (int) Math.max(orderId + 1, 2L * byIdArray.length));
        }
        byIdArray[(int) orderId] = w;
    }

    /** The order {@code orderId}, null if there is none (or it was forgotten under {@code OPEN_ONLY}). */
    private WorkingOrder getOrder(long orderId) {
        if (forgetFinished) {
            return byId.get(orderId);
        }
        return orderId > 0 && orderId < byIdArray.length ? byIdArray[(int) orderId] : null;
    }

    /** Whether instrument {@code i} has working orders ({@link #fillOn} does nothing when it has none). */
    boolean hasWorkingOrders(int i) {
        return !working[i].isEmpty();
    }

    /**
     * Matches the working orders of instrument {@code i} against its bar: with {@code reducing}, only the orders
     * that reduce the position (the first pass over a slice); otherwise the others, then arrival and day expiry.
     */
    void fillOn(int i, Bar bar, long t, boolean reducing) {
        ArrayList<WorkingOrder> list = working[i];
        if (list.isEmpty()) {
            return;
        }
        int size = list.size();
        if (reducing) {
            // classified once per bar, before any fill of the bar: both passes see the same split
            positionAtBar[i] = ledger(i).position(instruments.get(i)).qty();
        }
        double pos = positionAtBar[i];
        for (int j = 0; j < size; j++) {
            WorkingOrder w = list.get(j);
            if (w.done || w.eligibleAfterTs >= t) {
                continue;
            }
            boolean reduces = pos != 0.0 && (pos > 0) != (w.side == Side.BUY);
            if (reduces != reducing) {
                continue;
            }
            WorkingOrder other = w.oco;
            if (other != null && !other.done && other.eligibleAfterTs < t) {
                WorkingOrder first = pickSameBarExit(w, other, bar);
                if (first != null) {
                    tryFill(first, bar, t);
                    if (!first.done && !other.done) {
                        tryFill(first == w ? other : w, bar, t);
                    }
                    continue;
                }
            }
            tryFill(w, bar, t);
        }
        if (reducing) {
            return;
        }
        for (int j = 0; j < size; j++) {
            WorkingOrder w = list.get(j);
            if (!w.done && w.eligibleAfterTs < t) {
                if (!w.arrived) {
                    w.arrived = true;
                    w.record.acknowledge(t);
                    report(w, t, ExecutionReport.NO_REASON);
                }
                if (w.timeInForce == BarTimeInForce.DAY) {
                    expireOrder(w, t);
                }
            }
        }
        for (int j = 0; j < list.size(); j++) {
            if (list.get(j).done) {
                if (forgetFinished) {
                    for (WorkingOrder w : list) {
                        if (w.done && !w.hasChildren()) {
                            byId.remove(w.id); // OPEN_ONLY only
                        }
                    }
                }
                list.removeIf(w -> w.done);
                break;
            }
        }
    }

    /**
     * When both exits of an OCO pair would fill on this bar, the one that fills first: a gap at the open decides,
     * else the fill rules; {@code null} when at most one of them reaches its price.
     */
    private WorkingOrder pickSameBarExit(WorkingOrder a, WorkingOrder b, Bar bar) {
        double pa = prospectivePrice(a, bar);
        double pb = prospectivePrice(b, bar);
        if (Double.isNaN(pa) || Double.isNaN(pb)) {
            return null;
        }
        boolean aAtOpen = pa == bar.open();
        boolean bAtOpen = pb == bar.open();
        if (aAtOpen != bAtOpen) {
            return aAtOpen ? a : b;
        }
        boolean adverseFirst = engine.config.fillRules.sameBarExit()
                == io.qtrade.bars.order.FillRules.SameBarExit.ADVERSE_FIRST;
        boolean aIsStop = a.type.isStopType();
        return adverseFirst == aIsStop ? a : b;
    }

    /** The price this order would fill at on the bar before slippage, NaN if it would not. */
    private double prospectivePrice(WorkingOrder w, Bar bar) {
        FillRulesView rules = new FillRulesView(engine.config.fillRules.limitFill());
        return switch (w.type) {
            case MARKET_ON_OPEN -> bar.open();
            case MARKET_ON_CLOSE -> bar.close();
            case LIMIT, TAKE_PROFIT -> IntrabarRules.limit(w.side, w.limitPrice, bar.open(), bar.high(), bar.low(),
                    rules.limitFill);
            case STOP -> w.triggered ? bar.open() : IntrabarRules.stop(w.side, w.stopPrice, bar.open(), bar.high(),
                    bar.low());
            case STOP_LIMIT -> w.triggered
                    ? IntrabarRules.limit(w.side, w.limitPrice, bar.open(), bar.high(), bar.low(), rules.limitFill)
                    : IntrabarRules.stopLimitOnTriggerBar(w.side, w.stopPrice, w.limitPrice, bar.open(), bar.high(),
                    bar.low(), rules.limitFill);
            case TRAILING_STOP -> w.triggered ? bar.open() : IntrabarRules.stop(w.side, w.trailStop, bar.open(),
                    bar.high(), bar.low());
        };
    }

    private record FillRulesView(io.qtrade.bars.order.FillRules.LimitFill limitFill) {
    }

    private void tryFill(WorkingOrder w, Bar bar, long t) {
        double price;
        boolean market;
        io.qtrade.bars.order.FillRules.LimitFill limitFill = engine.config.fillRules.limitFill();
        switch (w.type) {
            case MARKET_ON_OPEN -> {
                price = bar.open();
                market = true;
            }
            case MARKET_ON_CLOSE -> {
                price = bar.close();
                market = true;
            }
            case LIMIT, TAKE_PROFIT -> {
                price = IntrabarRules.limit(w.side, w.limitPrice, bar.open(), bar.high(), bar.low(), limitFill);
                market = false;
            }
            case STOP -> {
                if (w.triggered) {
                    price = bar.open();
                } else {
                    price = IntrabarRules.stop(w.side, w.stopPrice, bar.open(), bar.high(), bar.low());
                    w.triggered = !Double.isNaN(price);
                }
                market = true;
            }
            case STOP_LIMIT -> {
                if (w.triggered) {
                    price = IntrabarRules.limit(w.side, w.limitPrice, bar.open(), bar.high(), bar.low(), limitFill);
                } else {
                    price = IntrabarRules.stopLimitOnTriggerBar(w.side, w.stopPrice, w.limitPrice, bar.open(),
                            bar.high(), bar.low(), limitFill);
                    w.triggered = IntrabarRules.stopReached(w.side, w.stopPrice, bar.open(), bar.high(), bar.low());
                }
                market = false;
            }
            case TRAILING_STOP -> {
                if (w.triggered) {
                    price = bar.open();
                } else {
                    price = IntrabarRules.stop(w.side, w.trailStop, bar.open(), bar.high(), bar.low());
                    if (Double.isNaN(price)) {
                        // This bar's extreme moves the level for the next bar only.
                        w.trailExtreme = w.side == Side.SELL ? Math.max(w.trailExtreme, bar.high())
                                : Math.min(w.trailExtreme, bar.low());
                        w.updateTrailStop();
                    } else {
                        w.triggered = true;
                    }
                }
                market = true;
            }
            default -> throw new IllegalStateException("unknown order type " + w.type);
        }
        if (Double.isNaN(price)) {
            return;
        }
        double lot = instruments.get(w.instrument).lotSize();
        double qty = engine.config.slippage.fillableQty(w.leaves, bar);
        if (qty < w.leaves) {
            qty = Math.floor(qty / lot + 1e-9) * lot;
        }
        if (qty <= QTY_TOLERANCE * lot) {
            return; // nothing fillable on this bar: carried to the next
        }
        double fillPrice = market ? engine.config.slippage.price(w.side, price, qty, bar) : price;
        execute(w, qty, fillPrice, t, true, bar);
    }

    /**
     * Executes {@code qty} of {@code w} at {@code price}: the buying-power check, the commission increment, the
     * portfolio, the records and the strategy's callbacks; then OCO and bracket follow-ups.
     */
    private void execute(WorkingOrder w, double qty, double price, long t, boolean checkBuyingPower, Bar bar) {
        Instrument inst = instruments.get(w.instrument);
        double m = inst.contractMultiplier();
        double newCumQty = w.cumQty + qty;
        double newCumNotional = w.cumNotional + price * qty * m;
        double total = engine.config.commission.commission(inst, w.side, newCumQty, newCumNotional);
        double fee = total - w.commissionCharged;
        if (checkBuyingPower) {
            String reason = buyingPowerProblem(w, qty, price, fee);
            if (reason != null) {
                refuse(w, t, reason);
                return;
            }
        }
        w.cumQty = newCumQty;
        w.cumNotional = newCumNotional;
        w.commissionCharged = total;
        Fill fill = new Fill(w.id, inst, w.side, price, qty, fee, Liquidity.TAKER, t, t);
        ledger(w.instrument).apply(fill);
        markTraded(w.instrument);
        lastFillSlice[w.instrument] = engine.sliceNo;
        if (!w.arrived) {
            w.arrived = true;
        }
        w.leaves -= qty;
        if (w.leaves <= QTY_TOLERANCE * inst.lotSize() + 1e-12) {
            w.leaves = 0.0;
            w.done = true;
        }
        double recordQty = Math.min(qty, w.record.leavesQty());
        if (recordQty > 0) {
            w.record.fill(recordQty, price, fee, t);
        }
        if (w.done && w.record.status().isLive()) {
            w.record.cancel(t); // an OCO exit shrunk below its first quantity
        }
        recorder.fill(index, w.instrument, w.id, w.side, price, qty, fee, Liquidity.TAKER, t);
        strategy.onFill(fill);
        report(w, t, ExecutionReport.NO_REASON);
        WorkingOrder other = w.oco;
        if (other != null && !other.done) {
            if (w.done) {
                cancelOrder(other, t, "OCO: order " + w.id + " filled");
            } else {
                other.leaves = Math.min(other.leaves, w.leaves);
            }
        }
        if (w.done && w.hasChildren()) {
            sendChildren(w, t);
        }
    }

    /**
     * Why a fill of {@code qty} at {@code price} would break the buying-power limit, or null. Values in the base
     * currency: gross exposure at the latest closes (the fill price for the filled instrument), equity less the fee.
     */
    private String buyingPowerProblem(WorkingOrder w, double qty, double price, double fee) {
        BuyingPower bp = engine.config.buyingPower;
        if (bp.allowShort() && Double.isInfinite(bp.maxGrossLeverage())) {
            return null; // no limit to check (the default, BuyingPower.UNLIMITED)
        }
        Instrument inst = instruments.get(w.instrument);
        double before = traded[w.instrument] ? positionOf[w.instrument].qty()
                : ledger(w.instrument).position(inst).qty();
        double after = before + w.side.sign() * qty;
        double lot = inst.lotSize();
        if (!bp.allowShort() && after < -QTY_TOLERANCE * lot) {
            return "buying power: short selling is not allowed; the fill of " + qty + " would leave a position of "
                    + after + " in " + inst.id();
        }
        if (Double.isInfinite(bp.maxGrossLeverage()) || Math.abs(after) <= Math.abs(before)) {
            return null;
        }
        double rate = engine.rate[engine.currencyOf[w.instrument]];
        double m = inst.contractMultiplier();
        double grossOthers = 0.0;
        for (int k = 0; k < tradedCount; k++) {
            int o = tradedList[k];
            if (o == w.instrument) {
                continue;
            }
            Instrument oi = instruments.get(o);
            double q = ledger(o).position(oi).qty();
            if (q != 0.0) {
                grossOthers += Math.abs(q * engine.lastClose[o] * oi.contractMultiplier()
                        * engine.rate[engine.currencyOf[o]]);
            }
        }
        // equity with every other position at its latest close, this one at the fill price, less the fee
        double equityAfter = equity() - fee * rate
                + before * (price - markOf(w.instrument)) * m * rate;
        double grossAfter = grossOthers + Math.abs(after) * price * m * rate;
        if (grossAfter > bp.maxGrossLeverage() * equityAfter + 1e-9 * Math.abs(equityAfter)) {
            return String.format(java.util.Locale.ROOT, "buying power: gross exposure %.2f after the fill of %s %s"
                            + " at %s would exceed %s x equity %.2f", grossAfter, qty, inst.id(), price,
                    bp.maxGrossLeverage(), equityAfter);
        }
        return null;
    }

    /** The price {@code instrument} is valued at in its book now. */
    private double markOf(int instrument) {
        Instrument inst = instruments.get(instrument);
        Portfolio b = ledger(instrument);
        double mark = b.markPrice(inst);
        return Double.isNaN(mark) ? b.position(inst).avgEntryPrice() : mark;
    }

    /** The portfolio of the currency {@code instrument} is quoted in. */
    Portfolio ledger(int instrument) {
        return books[engine.currencyOf[instrument]];
    }

    private void sendChildren(WorkingOrder parent, long t) {
        double qty = parent.cumQty;
        Side exit = parent.side.opposite();
        WorkingOrder stop = null;
        WorkingOrder target = null;
        if (parent.stopChildId != 0) {
            stop = new WorkingOrder(parent.stopChildId, parent.instrument, exit, BarOrderType.STOP,
                    BarTimeInForce.GTC, qty, Double.NaN, parent.stopChildPrice, Double.NaN, Double.NaN, t, false);
        }
        if (parent.targetChildId != 0) {
            target = new WorkingOrder(parent.targetChildId, parent.instrument, exit, BarOrderType.TAKE_PROFIT,
                    BarTimeInForce.GTC, qty, parent.targetChildPrice, Double.NaN, Double.NaN, Double.NaN, t, false);
        }
        if (stop != null && target != null) {
            stop.oco = target;
            target.oco = stop;
        }
        for (WorkingOrder c : new WorkingOrder[] {stop, target}) {
            if (c != null) {
                c.record = newRecord(c, t);
                recorder.order(index, c.instrument, c.record, c.type.name(), t);
                putOrder(c.id, c);
                working[c.instrument].add(c);
            }
        }
    }

    /** After the fills of a bar time: marks, timers, the strategy's callback, market-on-close orders, equity. */
    void onSlice(long t) {
        BarSlice slice = engine.slice;
        int size = slice.size();
        for (int k = 0; k < size; k++) {
            int i = slice.instrument(k);
            if (traded[i]) {
                ledger(i).mark(markSlot[i], slice.close(k));
            }
        }
        fireTimers(t);
        inCallback = true;
        try {
            strategy.onBars(slice);
        } finally {
            inCallback = false;
        }
        if (!closeQueue.isEmpty()) {
            fillCloseQueue(t, slice);
        }
        if (engine.config.recordEquity) {
            recordEquity(t);
        }
    }

    /**
     * {@link #onSlice} for the one-series loop: the slice holds row {@code row} of {@code bars} (instrument 0's bar
     * at {@code t}, close {@code close}), and is filled only when read. A {@link SeriesStrategy} is called with the
     * row itself.
     */
    void onOneBar(long t, io.qtrade.core.bar.BarBatch bars, int row, double close) {
        if (traded[0]) {
            ledger(0).mark(markSlot[0], close);
        }
        if (!timers.isEmpty()) {
            engine.currentSlice();
            fireTimers(t);
        }
        inCallback = true;
        try {
            if (seriesStrategy != null) {
                seriesStrategy.onBar(0, bars, row);
            } else {
                strategy.onBars(engine.currentSlice());
            }
        } finally {
            inCallback = false;
        }
        if (!closeQueue.isEmpty()) {
            fillCloseQueue(t, engine.currentSlice());
        }
        if (engine.config.recordEquity) {
            recordEquity(t);
        }
    }

    /** Whether the strategy can skip quiet bars ({@link SeriesStrategy#scans()}). */
    boolean scans() {
        return seriesStrategy != null && seriesStrategy.scans();
    }

    /**
     * Whether the next bar is quiet for the engine: no working order to match, no timer, nothing accruing (the
     * one-series loop also requires one currency, no benchmark and no delisting). On a quiet bar at which the strategy
     * does nothing, the bar's steps reduce to {@link #quietBar}.
     */
    boolean isQuiet() {
        return working[0].isEmpty() && closeQueue.isEmpty() && timers.isEmpty() && !accrues;
    }

    /** {@link SeriesStrategy#scan} of instrument 0's rows {@code [from, to)}. */
    int scan(io.qtrade.core.bar.BarBatch bars, int from, int to) {
        inCallback = true;
        try {
            return seriesStrategy.scan(0, bars, from, to);
        } finally {
            inCallback = false;
        }
    }

    /**
     * {@link #accrue} and {@link #onOneBar} for a quiet bar at {@code t} at which the strategy does nothing, without
     * equity rows: the accrual time and the mark.
     */
    void quietBar(long t, double close) {
        lastAccrualTs = t;
        if (traded[0]) {
            ledger(0).mark(markSlot[0], close);
        }
    }

    /**
     * {@link #accrue} and {@link #onOneBar} for quiet bars (rows {@code [from, to)} of {@code bars}, instrument 0,
     * the run's only instrument and currency) at which the strategy does nothing, with equity rows: per bar the mark
     * and the equity row {@link #recordEquity} records there, computed the same way (no fill at a quiet bar, so the
     * row is instrument 0's, with the position, realized PnL and fees it had before the run of bars). A traded
     * instrument's rows are recorded as marks with the portfolio's {@code MarkValuation}
     * ({@code ResultRecorder.equityMarks}): the same rows, valued when the table is built.
     */
    void quietBarsWithEquity(io.qtrade.core.bar.BarBatch bars, int from, int to) {
        Portfolio b = books[0];
        if (!traded[0]) {
            // an instrument never traded is not marked by the engine: its row shows the close unless something
            // marked it, and nothing moves (flat, no mark)
            Position p = b.position(instruments.get(0));
            double fixedMark = b.markPrice(instruments.get(0));
            double equity = b.equity();
            double net = b.netPnl();
            for (int row = from; row < to; row++) {
                double mark = Double.isNaN(fixedMark) ? bars.close(row) : fixedMark;
                recorder.equity(bars.endTs(row), index, 0, p.qty(), mark, p.realizedPnl(),
                        p.qty() == 0.0 || Double.isNaN(mark) ? 0.0 : p.unrealizedPnl(mark), p.fees(), equity, net);
            }
            lastAccrualTs = bars.endTs(to - 1);
            return;
        }
        // each bar marks the position at its close, which is the row's mark; the rest of the row is the
        // portfolio's valuation at that mark
        int slot = markSlot[0];
        Position p = positionOf[0];
        MarkValuation valuation = b.valuation(slot);
        if (to - from >= MIN_MARK_RUN) {
            // kept as marks, valued when the table is built
            recorder.equityMarks(index, 0, p.qty(), p.realizedPnl(), p.fees(), valuation, bars, from, to);
        } else {
            // a short run: rows with their values (a run of marks keeps its valuation, which pays from a few rows)
            for (int row = from; row < to; row++) {
                double close = bars.close(row);
                recorder.equity(bars.endTs(row), index, 0, p.qty(), close, p.realizedPnl(),
                        valuation.positionUnrealizedPnl(close), p.fees(), valuation.equity(close),
                        valuation.netPnl(close));
            }
        }
        b.mark(slot, bars.close(to - 1));
        lastAccrualTs = bars.endTs(to - 1);
    }

    /** Fills the market-on-close orders sent during the callback at this slice's closes, then re-marks. */
    private void fillCloseQueue(long t, BarSlice slice) {
        int size = slice.size();
        for (int q = 0; q < closeQueue.size(); q++) {
            WorkingOrder w = closeQueue.get(q);
            if (w.done) {
                continue;
            }
            int k = slice.rowOf(w.instrument);
            if (k == BarSlice.NO_ROW) {
                refuse(w, t, "market on close: " + instruments.get(w.instrument).id() + " has no bar at " + t);
                continue;
            }
            engine.barView.at(k);
            tryFill(w, engine.barView, t);
            if (!w.done) {
                // What the volume cap left works on later bars, at their closes.
                w.arrived = true;
                if (w.record.status() == OrderStatus.PENDING_NEW) {
                    w.record.acknowledge(t);
                }
                working[w.instrument].add(w);
            }
        }
        if (forgetFinished) {
            for (WorkingOrder w : closeQueue) {
                if (w.done && !w.hasChildren()) {
                    byId.remove(w.id); // OPEN_ONLY only
                }
            }
        }
        closeQueue.clear();
        for (int k = 0; k < size; k++) {
            int i = slice.instrument(k);
            if (traded[i]) {
                ledger(i).mark(markSlot[i], slice.close(k));
            }
        }
    }

    /**
     * One equity row per bar time: a row for each instrument filled at this bar time, else one row for the first
     * instrument held (or the slice's first instrument); every row carries the strategy's equity and net PnL. Rows
     * per held instrument at every bar would grow as instruments x bars; these grow as bars + fills.
     */
    private void recordEquity(long t) {
        double equity = equity();
        double net = books.length == 1 ? portfolio.netPnl() : equity - engine.config.initialCash;
        boolean any = false;
        int firstHeld = -1;
        for (int k = 0; k < tradedCount; k++) {
            int i = tradedList[k];
            Position p = positionOf[i];
            if (firstHeld < 0 && p.qty() != 0.0) {
                firstHeld = i;
            }
            if (lastFillSlice[i] == engine.sliceNo) {
                equityRow(t, i, equity, net);
                any = true;
            }
        }
        if (!any) {
            equityRow(t, firstHeld >= 0 ? firstHeld : engine.slice.size() > 0 ? engine.slice.instrument(0) : 0,
                    equity, net);
        }
    }

    private void equityRow(long t, int i, double equity, double net) {
        Portfolio b = ledger(i);
        Position p;
        double mark;
        if (traded[i]) {
            p = positionOf[i];
            mark = b.markPrice(markSlot[i]);
        } else {
            Instrument inst = instruments.get(i);
            p = b.position(inst);
            mark = b.markPrice(inst);
        }
        if (Double.isNaN(mark)) {
            mark = engine.lastClose[i];
        }
        recorder.equity(t, index, i, p.qty(), mark, p.realizedPnl(),
                p.qty() == 0.0 || Double.isNaN(mark) ? 0.0 : p.unrealizedPnl(mark), p.fees(), equity, net);
    }

    private void fireTimers(long t) {
        if (timers.isEmpty()) {
            return;
        }
        for (int k = 0; k < timers.size(); k++) {
            Timer timer = timers.get(k);
            if (!timer.cancelled && timer.at <= t) {
                long at = timer.at;
                if (timer.every > 0) {
                    while (timer.at <= t) {
                        timer.at += timer.every;
                    }
                } else {
                    timer.cancelled = true;
                }
                strategy.onTimer(timer.id, Math.max(at, t));
            }
        }
        timers.removeIf(x -> x.cancelled);
    }

    private void markTraded(int i) {
        if (!traded[i]) {
            traded[i] = true;
            markSlot[i] = ledger(i).slotOf(instruments.get(i));
            positionOf[i] = ledger(i).position(instruments.get(i));
            if (tradedCount == tradedList.length) {
                tradedList = Arrays.copyOf(tradedList, tradedCount * 2);
            }
            tradedList[tradedCount++] = i;
        }
    }

    // ----------------------------------------------------------------------------------------------------------------
    // Order lifecycle helpers

    private Order newRecord(WorkingOrder w, long t) {
        boolean limitLike = w.type == BarOrderType.LIMIT || w.type == BarOrderType.TAKE_PROFIT
                || w.type == BarOrderType.STOP_LIMIT;
        double recordQty = Math.max(w.leaves, 1e-12);
        return limitLike
                ? new Order(w.id, instruments.get(w.instrument), w.side, OrderType.LIMIT, TimeInForce.GTC, w.limitPrice,
                recordQty, t)
                : new Order(w.id, instruments.get(w.instrument), w.side, OrderType.MARKET, TimeInForce.IOC,
                OrderRequest.MARKET_PRICE, recordQty, t);
    }

    private void report(WorkingOrder w, long t, String reason) {
        Order o = w.record;
        if (reason.isEmpty()) {
            strategy.onOrderUpdate(ExecutionReport.of(o, t, t));
        } else {
            strategy.onOrderUpdate(new ExecutionReport(o.orderId(), o.instrument(), o.status(), o.filledQty(),
                    o.leavesQty(), ExecutionReport.NO_FILL_PRICE, ExecutionReport.NO_FILL_QTY, reason, t, t));
        }
    }

    /** Refuses an order (buying power, no bar at the close): rejected if it never filled, else its rest cancelled. */
    private void refuse(WorkingOrder w, long t, String reason) {
        w.done = true;
        rejections++;
        rejected.add(new BarResult.Rejection(t, id, w.id, instruments.get(w.instrument).id(), reason));
        if (w.record.status() == OrderStatus.PENDING_NEW) {
            w.record.reject(t, reason);
        } else if (w.record.status().isLive()) {
            w.record.cancel(t, reason);
        }
        report(w, t, reason);
        if (w.oco != null && !w.oco.done) {
            cancelOrder(w.oco, t, "OCO: order " + w.id + " refused");
        }
        if (w.hasChildren() && w.cumQty > 0) {
            sendChildren(w, t);
        }
    }

    private void cancelOrder(WorkingOrder w, long t, String reason) {
        w.done = true;
        if (w.record.status().isLive()) {
            // the orders table's reason column shows why the engine cancelled it (empty for the strategy's own cancel)
            w.record.cancel(t, reason);
        }
        report(w, t, reason);
        if (w.hasChildren() && w.cumQty > 0) {
            sendChildren(w, t);
        }
    }

    private void expireOrder(WorkingOrder w, long t) {
        w.done = true;
        if (w.record.status().isLive()) {
            w.record.expire(t);
        }
        report(w, t, ExecutionReport.NO_REASON);
        if (w.oco != null && !w.oco.done) {
            cancelOrder(w.oco, t, "OCO: order " + w.id + " expired");
        }
        if (w.hasChildren() && w.cumQty > 0) {
            sendChildren(w, t);
        }
    }

    // ----------------------------------------------------------------------------------------------------------------
    // BarContext

    @Override
    public long submit(BarOrder order) {
        return send(order, false, 0L);
    }

    private long send(BarOrder order, boolean fromRebalance, long reservedId) {
        int i = order.instrument();
        if (i >= instruments.size()) {
            throw new IllegalArgumentException("strategy '" + id + "': bar order on instrument " + i + ", but there"
                    + " are " + instruments.size() + " instruments");
        }
        long t = engine.clock.nowNanos();
        long orderId = reservedId != 0 ? reservedId : nextOrderId++;
        WorkingOrder w = new WorkingOrder(orderId, i, order.side(), order.type(), order.timeInForce(), order.qty(),
                order.limitPrice(), order.stopPrice(), order.trailAmount(), order.trailFraction(), t, fromRebalance);
        w.record = newRecord(w, t);
        recorder.order(index, i, w.record, order.type().name(), t);
        putOrder(orderId, w);
        if (!isListed(i) && engine.slices > 0) {
            refuse(w, t, instruments.get(i).id() + " is not listed at " + t);
            return orderId;
        }
        if (order.type() == BarOrderType.TRAILING_STOP) {
            double ref = engine.lastClose[i];
            if (Double.isNaN(ref)) {
                refuse(w, t, "trailing stop: " + instruments.get(i).id() + " has no price yet");
                return orderId;
            }
            w.trailExtreme = ref;
            w.updateTrailStop();
        }
        if (order.type() == BarOrderType.MARKET_ON_CLOSE) {
            if (!inCallback) {
                refuse(w, t, "market on close: sent outside onBars, there is no current bar");
                return orderId;
            }
            closeQueue.add(w);
        } else {
            working[i].add(w);
        }
        return orderId;
    }

    @Override
    public BracketIds submitBracket(Bracket bracket) {
        long entryId = nextOrderId++;
        long stopId = Double.isNaN(bracket.stopLossPrice()) ? BracketIds.NONE : nextOrderId++;
        long targetId = Double.isNaN(bracket.takeProfitPrice()) ? BracketIds.NONE : nextOrderId++;
        send(bracket.entry(), false, entryId);
        WorkingOrder entry = getOrder(entryId);
        entry.stopChildId = stopId;
        entry.targetChildId = targetId;
        entry.stopChildPrice = bracket.stopLossPrice();
        entry.targetChildPrice = bracket.takeProfitPrice();
        if (entry.done && entry.cumQty > 0 && getOrder(stopId == 0 ? targetId : stopId) == null) {
            sendChildren(entry, engine.clock.nowNanos());
        }
        return new BracketIds(entryId, stopId, targetId);
    }

    @Override
    public int rebalanceToWeights(double[] weights, Rebalance how) {
        checkLength("weights", weights);
        double equity = equity();
        double[] target = new double[weights.length];
        for (int i = 0; i < weights.length; i++) {
            double w = weights[i];
            if (Double.isNaN(w) || w == 0.0) {
                continue;
            }
            if (Double.isInfinite(w)) {
                throw new IllegalArgumentException("strategy '" + id + "': weight of " + instruments.get(i).id()
                        + " must be finite, was " + w);
            }
            double price = engine.lastClose[i];
            if (Double.isNaN(price) || !isListed(i)) {
                throw new IllegalArgumentException("strategy '" + id + "': weight " + w + " for "
                        + instruments.get(i).id() + ", which " + (Double.isNaN(price) ? "has no price yet"
                        : "is not listed now") + "; give it weight 0");
            }
            target[i] = w * equity / (price * instruments.get(i).contractMultiplier());
        }
        return rebalance(target, how);
    }

    @Override
    public int rebalanceToQuantities(double[] quantities, Rebalance how) {
        checkLength("quantities", quantities);
        double[] target = new double[quantities.length];
        for (int i = 0; i < quantities.length; i++) {
            double q = quantities[i];
            if (Double.isNaN(q) || q == 0.0) {
                continue;
            }
            if (Double.isInfinite(q)) {
                throw new IllegalArgumentException("strategy '" + id + "': target quantity of "
                        + instruments.get(i).id() + " must be finite, was " + q);
            }
            if (Double.isNaN(engine.lastClose[i]) || !isListed(i)) {
                throw new IllegalArgumentException("strategy '" + id + "': target quantity " + q + " for "
                        + instruments.get(i).id() + ", which " + (Double.isNaN(engine.lastClose[i])
                        ? "has no price yet" : "is not listed now") + "; give it 0");
            }
            target[i] = q;
        }
        return rebalance(target, how);
    }

    private int rebalance(double[] target, Rebalance how) {
        long t = engine.clock.nowNanos();
        for (ArrayList<WorkingOrder> list : working) {
            for (WorkingOrder w : list) {
                if (w.fromRebalance && !w.done) {
                    cancelOrder(w, t, "replaced by a new rebalance");
                }
            }
            list.removeIf(w -> w.done);
        }
        closeQueue.removeIf(w -> {
            if (w.fromRebalance && !w.done) {
                cancelOrder(w, t, "replaced by a new rebalance");
                return true;
            }
            return false;
        });
        int sent = 0;
        for (int pass = 0; pass < 2; pass++) {
            for (int i = 0; i < target.length; i++) {
                Instrument inst = instruments.get(i);
                double lot = inst.lotSize();
                double rounded = Math.signum(target[i]) * Math.floor(Math.abs(target[i]) / lot + 1e-9) * lot;
                double pos = ledger(i).position(inst).qty();
                double delta = rounded - pos;
                if (Math.abs(delta) <= QTY_TOLERANCE * lot) {
                    continue;
                }
                boolean sell = delta < 0;
                if (sell != (pass == 0)) {
                    continue;
                }
                double price = engine.lastClose[i];
                if (Math.abs(delta) * price * inst.contractMultiplier() < how.minTradeNotional()) {
                    continue;
                }
                if (!isListed(i)) {
                    continue; // a delisted position is closed by the engine
                }
                BarOrder order = how.execution() == BarOrderType.MARKET_ON_CLOSE
                        ? BarOrder.marketOnClose(i, sell ? Side.SELL : Side.BUY, Math.abs(delta))
                        : BarOrder.marketOnOpen(i, sell ? Side.SELL : Side.BUY, Math.abs(delta));
                send(order, true, 0L);
                sent++;
            }
        }
        return sent;
    }

    private void checkLength(String what, double[] values) {
        if (values.length != instruments.size()) {
            throw new IllegalArgumentException("strategy '" + id + "': " + what + " has " + values.length
                    + " entries, expected one per instrument (" + instruments.size() + ")");
        }
    }

    @Override
    public double lastClose(int instrument) {
        return engine.lastClose[instrument];
    }

    @Override
    public BarSlice currentBars() {
        return engine.currentSlice();
    }

    @Override
    public boolean isListed(int instrument) {
        return engine.isListed(instrument);
    }

    @Override
    public double adjustmentFactor(int instrument) {
        return engine.adjustment[instrument];
    }

    @Override
    public double equity() {
        if (books.length == 1) {
            return portfolio.equity();
        }
        double sum = 0.0;
        for (int c = 0; c < books.length; c++) {
            sum += books[c].equity() * engine.rate[c];
        }
        return sum;
    }

    @Override
    public Portfolio portfolio(String currency) {
        int c = engine.currencyNames.indexOf(currency);
        if (c < 0) {
            throw new IllegalArgumentException("strategy '" + id + "': no currency " + currency + "; currencies "
                    + engine.currencyNames);
        }
        return books[c];
    }

    @Override
    public int instrumentIndex(Instrument instrument) {
        Integer i = indexOf.get(instrument);
        if (i == null) {
            throw new IllegalArgumentException(instrument.id() + " is not one of this strategy's instruments "
                    + instruments);
        }
        return i;
    }

    @Override
    public String strategyId() {
        return id;
    }

    @Override
    public List<Instrument> instruments() {
        return instruments;
    }

    @Override
    public Clock clock() {
        return engine.clock;
    }

    @Override
    public OrderBookView book(int instrument) {
        throw new UnsupportedOperationException("strategy '" + id + "': the bar engine has no order book; use"
                + " BarContext.lastClose or the bars passed to onBars");
    }

    @Override
    public Portfolio portfolio() {
        return portfolio;
    }

    @Override
    public long submitLimit(int instrument, Side side, double price, double qty, TimeInForce timeInForce) {
        BarOrder order = BarOrder.limit(instrument, side, qty, price);
        if (timeInForce == TimeInForce.IOC || timeInForce == TimeInForce.FOK) {
            order = order.withTimeInForce(BarTimeInForce.DAY);
        }
        return submit(order);
    }

    @Override
    public long submitMarket(int instrument, Side side, double qty) {
        return submit(BarOrder.marketOnOpen(instrument, side, qty));
    }

    @Override
    public long submit(OrderRequest request) {
        int i = instrumentIndex(request.instrument());
        if (request.type() == OrderType.MARKET) {
            return submitMarket(i, request.side(), request.qty());
        }
        return submitLimit(i, request.side(), request.price(), request.qty(), request.timeInForce());
    }

    @Override
    public boolean cancel(long orderId) {
        WorkingOrder w = getOrder(orderId);
        if (w == null || w.done) {
            return false;
        }
        cancelOrder(w, engine.clock.nowNanos(), ExecutionReport.NO_REASON);
        working[w.instrument].remove(w);
        closeQueue.remove(w);
        return true;
    }

    @Override
    public OrderView order(long orderId) {
        WorkingOrder w = getOrder(orderId);
        if (w == null) {
            throw new IllegalArgumentException("strategy '" + id + "': no order " + orderId
                    + " (a bracket's exits exist once its entry has filled)");
        }
        return w.record;
    }

    @Override
    public int openOrders(int instrument, long[] orderIds) {
        int c = 0;
        for (WorkingOrder w : working[instrument]) {
            if (!w.done && c < orderIds.length) {
                orderIds[c++] = w.id;
            }
        }
        for (WorkingOrder w : closeQueue) {
            if (!w.done && w.instrument == instrument && c < orderIds.length) {
                orderIds[c++] = w.id;
            }
        }
        return c;
    }

    @Override
    public long scheduleAt(long timeNanos) {
        if (timeNanos < engine.clock.nowNanos()) {
            throw new IllegalArgumentException("strategy '" + id + "': timer at " + timeNanos + " is before now "
                    + engine.clock.nowNanos());
        }
        Timer timer = new Timer(nextTimerId++, timeNanos, 0);
        timers.add(timer);
        return timer.id;
    }

    @Override
    public long scheduleEvery(long intervalNanos) {
        if (intervalNanos <= 0) {
            throw new IllegalArgumentException("strategy '" + id + "': timer interval must be > 0, was "
                    + intervalNanos);
        }
        Timer timer = new Timer(nextTimerId++, engine.clock.nowNanos() + intervalNanos, intervalNanos);
        timers.add(timer);
        return timer.id;
    }

    @Override
    public boolean cancelTimer(long timerId) {
        for (Timer timer : timers) {
            if (timer.id == timerId && !timer.cancelled) {
                timer.cancelled = true;
                return true;
            }
        }
        return false;
    }

    @Override
    public String toString() {
        return "BarContext[" + id + ", " + portfolio + "]";
    }
}
