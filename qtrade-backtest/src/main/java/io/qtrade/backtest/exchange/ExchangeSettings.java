package io.qtrade.backtest.exchange;

import io.qtrade.backtest.fee.FeeModel;
import io.qtrade.backtest.fill.TradeThroughFill;
import io.qtrade.backtest.latency.LatencyModel;
import io.qtrade.backtest.queue.QueueModel;
import io.qtrade.core.Instrument;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How the simulated venue treats one instrument: order latency, queue position and fee models, the tick and lot
 * size it enforces on orders (by default the instrument's own), and the fill model: partial fills or hftbacktest's
 * no-partial-fill exchange, and the rule for prints through an order's price. Every instrument of a backtest has its
 * own settings, so each can use its own models; the defaults ({@link ExchangeModel#PARTIAL_FILL},
 * {@link TradeThroughFill#ANY_PRINT}) are qtrade's fill rules. Built with {@link #builder(Instrument)}, whose
 * {@link Builder#build()} names every missing or conflicting setting at once.
 *
 * @param instrument    the instrument
 * @param latency       order entry and response latency
 * @param queue         queue position model
 * @param fees          fee model
 * @param orderTickSize price grid orders must lie on, a whole multiple of the instrument's tick size
 * @param orderLotSize  quantity grid orders must lie on, a whole multiple of the instrument's lot size
 * @param exchangeModel partial fills (the default) or hftbacktest's no-partial-fill exchange
 * @param tradeThrough  whether a print through a resting order's price fills it
 */
public record ExchangeSettings(Instrument instrument, LatencyModel latency, QueueModel queue, FeeModel fees,
                               double orderTickSize, double orderLotSize, ExchangeModel exchangeModel,
                               TradeThroughFill tradeThrough) {

    public ExchangeSettings {
        Objects.requireNonNull(instrument, "exchange settings: instrument must not be null");
        Objects.requireNonNull(latency, () -> "exchange settings of " + instrument.id() + ": latency must not be null");
        Objects.requireNonNull(queue, () -> "exchange settings of " + instrument.id() + ": queue must not be null");
        Objects.requireNonNull(fees, () -> "exchange settings of " + instrument.id() + ": fees must not be null");
        checkGrid(instrument, "orderTickSize", orderTickSize, instrument.tickSize());
        checkGrid(instrument, "orderLotSize", orderLotSize, instrument.lotSize());
        Objects.requireNonNull(exchangeModel, () -> "exchange settings of " + instrument.id()
                + ": exchangeModel must not be null");
        Objects.requireNonNull(tradeThrough, () -> "exchange settings of " + instrument.id()
                + ": tradeThrough must not be null");
    }

    /** Settings with qtrade's default fill model ({@link ExchangeModel#PARTIAL_FILL}, {@link TradeThroughFill#ANY_PRINT}). */
    public ExchangeSettings(Instrument instrument, LatencyModel latency, QueueModel queue, FeeModel fees,
                            double orderTickSize, double orderLotSize) {
        this(instrument, latency, queue, fees, orderTickSize, orderLotSize, ExchangeModel.PARTIAL_FILL,
                TradeThroughFill.ANY_PRINT);
    }

    /** A builder for {@code instrument}'s settings. */
    public static Builder builder(Instrument instrument) {
        return new Builder(instrument);
    }

    private static String gridProblem(Instrument instrument, String name, double value, double base) {
        if (!(value > 0) || Double.isInfinite(value)) {
            return name + " must be finite and > 0, was " + value;
        }
        double multiple = value / base;
        if (multiple < 1 - Instrument.GRID_TOLERANCE || Math.abs(multiple - Math.rint(multiple)) > Instrument.GRID_TOLERANCE) {
            return name + " " + value + " must be a whole multiple of " + instrument.id() + "'s " + base;
        }
        return null;
    }

    private static void checkGrid(Instrument instrument, String name, double value, double base) {
        String problem = gridProblem(instrument, name, value, base);
        if (problem != null) {
            throw new IllegalArgumentException("exchange settings of " + instrument.id() + ": " + problem);
        }
    }

    /** Collects the settings; {@link #build()} checks them together. */
    public static final class Builder {
        private final Instrument instrument;
        private LatencyModel latency;
        private QueueModel queue;
        private FeeModel fees = FeeModel.NONE;
        private double orderTickSize;
        private double orderLotSize;
        private ExchangeModel exchangeModel = ExchangeModel.PARTIAL_FILL;
        private TradeThroughFill tradeThrough = TradeThroughFill.ANY_PRINT;

        private Builder(Instrument instrument) {
            this.instrument = Objects.requireNonNull(instrument, "exchange settings: instrument must not be null");
            this.orderTickSize = instrument.tickSize();
            this.orderLotSize = instrument.lotSize();
        }

        /** Order entry and response latency (required). */
        public Builder latency(LatencyModel latency) {
            this.latency = latency;
            return this;
        }

        /** Queue position model (required). */
        public Builder queue(QueueModel queue) {
            this.queue = queue;
            return this;
        }

        /** Fee model; {@link FeeModel#NONE} unless set. */
        public Builder fees(FeeModel fees) {
            this.fees = fees;
            return this;
        }

        /** The price grid the venue enforces on orders; the instrument's tick size unless set. */
        public Builder orderTickSize(double orderTickSize) {
            this.orderTickSize = orderTickSize;
            return this;
        }

        /** The quantity grid the venue enforces on orders; the instrument's lot size unless set. */
        public Builder orderLotSize(double orderLotSize) {
            this.orderLotSize = orderLotSize;
            return this;
        }

        /** Partial fills ({@link ExchangeModel#PARTIAL_FILL}, the default) or hftbacktest's no-partial-fill exchange. */
        public Builder exchangeModel(ExchangeModel exchangeModel) {
            this.exchangeModel = exchangeModel;
            return this;
        }

        /**
         * Whether a print through a resting order's price fills it; {@link TradeThroughFill#ANY_PRINT} unless set,
         * e.g. {@code new PenetrationFill(2, 0.5, seed)}.
         */
        public Builder tradeThrough(TradeThroughFill tradeThrough) {
            this.tradeThrough = tradeThrough;
            return this;
        }

        /**
         * The settings.
         *
         * @throws IllegalArgumentException naming every missing or invalid setting
         */
        public ExchangeSettings build() {
            List<String> problems = new ArrayList<>();
            if (latency == null) {
                problems.add("latency is missing (e.g. new ConstantLatency(entryNanos, responseNanos))");
            }
            if (queue == null) {
                problems.add("queue is missing (RiskAverseQueue.INSTANCE, ProbabilisticQueue or FifoQueue.INSTANCE)");
            }
            if (fees == null) {
                problems.add("fees is null (use FeeModel.NONE for no fees)");
            }
            if (exchangeModel == null) {
                problems.add("exchangeModel is null (ExchangeModel.PARTIAL_FILL is the default)");
            }
            if (tradeThrough == null) {
                problems.add("tradeThrough is null (TradeThroughFill.ANY_PRINT is the default)");
            }
            String tick = gridProblem(instrument, "orderTickSize", orderTickSize, instrument.tickSize());
            if (tick != null) {
                problems.add(tick);
            }
            String lot = gridProblem(instrument, "orderLotSize", orderLotSize, instrument.lotSize());
            if (lot != null) {
                problems.add(lot);
            }
            if (!problems.isEmpty()) {
                throw new IllegalArgumentException("exchange settings of " + instrument.id() + ": "
                        + String.join("; ", problems));
            }
            return new ExchangeSettings(instrument, latency, queue, fees, orderTickSize, orderLotSize, exchangeModel,
                    tradeThrough);
        }
    }
}
