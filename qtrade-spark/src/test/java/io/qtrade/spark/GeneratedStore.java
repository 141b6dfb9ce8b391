package io.qtrade.spark;

import io.qtrade.backtest.Backtest;
import io.qtrade.backtest.OrderHistory;
import io.qtrade.backtest.exchange.ExchangeSettings;
import io.qtrade.backtest.fee.BpsFees;
import io.qtrade.backtest.latency.ConstantLatency;
import io.qtrade.backtest.queue.PowerProbability;
import io.qtrade.backtest.queue.ProbabilisticQueue;
import io.qtrade.store.TickFormat;
import io.qtrade.store.TickStore;
import io.qtrade.store.synthetic.SyntheticMarket;
import io.qtrade.core.Instrument;
import io.qtrade.core.market.EventSource;
import io.qtrade.core.time.Timestamps;
import io.qtrade.research.sweep.ParameterGrid;
import io.qtrade.research.sweep.ParameterSet;
import io.qtrade.research.sweep.Partition;
import io.qtrade.research.sweep.Partitions;
import io.qtrade.research.sweep.TouchQuoter;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * Generated days of one instrument written to a tick store, and backtests of {@link TouchQuoter} on them (the
 * research module's test set-up, reading from the store instead of the generator).
 */
final class GeneratedStore {

    static final Instrument AAA = Instrument.spot("AAA", "SIM", 0.01, 1);
    static final LocalDate FIRST_DAY = LocalDate.of(2026, 11, 2);

    private GeneratedStore() {
    }

    /**
     * Writes a store for a hand run of {@link SparkSweepMain} with {@link MakerSweepDefinition}:
     * {@code args = root [days] [eventsPerDay]} (defaults 3 and 20000).
     */
    public static void main(String[] args) {
        long[] rows = write(Path.of(args[0]), args.length > 1 ? Integer.parseInt(args[1]) : 3,
                args.length > 2 ? Long.parseLong(args[2]) : 20_000);
        System.out.println("wrote " + java.util.Arrays.toString(rows) + " rows per day under " + args[0]);
    }

    /**
     * Writes {@code days} days from {@link #FIRST_DAY} of {@code eventsPerDay} generated events each (seed 1000 + day)
     * as Parquet into the store at {@code root}.
     *
     * @return the rows written per day
     */
    static long[] write(Path root, int days, long eventsPerDay) {
        long[] rows = new long[days];
        for (int d = 0; d < days; d++) {
            SyntheticMarket market = SyntheticMarket.builder().instrument(AAA, 100.0).events(eventsPerDay)
                    .seed(1_000 + d).startNanos(Timestamps.startOfDay(FIRST_DAY.plusDays(d))).build();
            rows[d] = TickStore.at(root).write(market, TickFormat.PARQUET).rows();
        }
        return rows;
    }

    /** The store's partitions of SIM/AAA, by date. */
    static List<Partition> partitions(Path root) {
        return Partitions.inStore(TickStore.at(root), "SIM", List.of("AAA"), null, null);
    }

    /** offset {0, 1, 2} x max {2, 6}: six sets. */
    static ParameterGrid grid() {
        return ParameterGrid.builder().values("offset", 0, 1, 2).values("max", 2, 6).build();
    }

    /** {@link TouchQuoter} with the set's offset and max on {@code source}. */
    static Backtest backtest(EventSource source, ParameterSet p) {
        return Backtest.builder().source(source)
                .exchange(ExchangeSettings.builder(AAA).latency(new ConstantLatency(50_000, 50_000))
                        .queue(new ProbabilisticQueue(new PowerProbability(2))).fees(new BpsFees(-0.2, 2.0)).build())
                .strategy("mm", new TouchQuoter(p.getInt("offset"), p.get("max")))
                .markIntervalNanos(1_000_000_000L).orderHistory(OrderHistory.OPEN_ONLY).build();
    }

    /** The backtest of {@code p} on {@code partition} read from the store at {@code root} (a String: it ships). */
    static Backtest fromStore(String root, ParameterSet p, Partition partition) {
        return backtest(TickStore.at(Path.of(root)).read(partition.query()), p);
    }
}
