package io.qtrade.backtest.exchange;

import io.qtrade.backtest.fee.FeeModel;
import io.qtrade.backtest.latency.LatencyModel;
import io.qtrade.backtest.queue.QueueModel;
import io.qtrade.core.Instrument;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * How the simulated venue treats one instrument: order latency, queue position and fee models, and the tick and lot
 * size it enforces on orders (by default the instrument's own). Built with {@link #builder(Instrument)}, whose
 * {@link Builder#build()} names every missing or conflicting setting at once.
 *
 * @param instrument    the instrument
 * @param latency       order entry and response latency
 * @param queue         queue position model
 * @param fees          fee model
 * @param orderTickSize price grid orders must lie on, a whole multiple of the instrument's tick size
 * @param orderLotSize  quantity grid orders must lie on, a whole multiple of the instrument's lot size
 */
public record ExchangeSettings(Instrument instrument, LatencyModel latency, QueueModel queue, FeeModel fees,
                               double orderTickSize, double orderLotSize) {

    public ExchangeSettings {
        Objects.requireNonNull(instrument, "exchange settings: instrument must not be null");
        Objects.requireNonNull(latency, () -> "exchange settings of " + instrument.id() + ": latency must not be null");
        Objects.requireNonNull(queue, () -> "exchange settings of " + instrument.id() + ": queue must not be null");
        Objects.requireNonNull(fees, () -> "exchange settings of " + instrument.id() + ": fees must not be null");
        checkGrid(instrument, "orderTickSize", orderTickSize, instrument.tickSize());
        checkGrid(instrument, "orderLotSize", orderLotSize, instrument.lotSize());
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
            return new ExchangeSettings(instrument, latency, queue, fees, orderTickSize, orderLotSize);
        }
    }
}
