package io.qtrade.backtest;

import io.qtrade.backtest.exchange.ExchangeSettings;
import io.qtrade.backtest.fee.BpsFees;
import io.qtrade.backtest.latency.LognormalLatency;
import io.qtrade.backtest.queue.LogProbability;
import io.qtrade.backtest.queue.ProbabilisticQueue;
import io.qtrade.core.Instrument;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.InMemoryEventSource;
import org.junit.jupiter.api.Test;

import java.util.List;

import static io.qtrade.backtest.Scenarios.AAA;
import static io.qtrade.backtest.Scenarios.BBB;
import static org.assertj.core.api.Assertions.assertThat;

class DeterminismTest {

    private static ExchangeSettings settings(Instrument i) {
        return ExchangeSettings.builder(i).latency(new LognormalLatency(20_000, 20_000, 0.6, 3))
                .queue(new ProbabilisticQueue(LogProbability.INSTANCE)).fees(new BpsFees(-0.2, 1.0)).build();
    }

    private static BacktestResult single(long seed) {
        return Backtest.builder().source(RandomTape.source(AAA, 11, 30_000, 50_000)).exchange(settings(AAA))
                .strategy("mm", new QuotingStrategy(0, 1, 5, 97)).seed(seed).build().run();
    }

    @Test
    void theSameInputsAndSeedGiveBitIdenticalResults() {
        BacktestResult a = single(5);
        BacktestResult b = single(5);
        assertThat(a.fillRecords()).isNotEmpty();
        assertThat(a.fillRecords()).isEqualTo(b.fillRecords());
        assertThat(a.fills().printAll()).isEqualTo(b.fills().printAll());
        assertThat(Double.doubleToLongBits(a.portfolio("mm").netPnl()))
                .isEqualTo(Double.doubleToLongBits(b.portfolio("mm").netPnl()));
        assertThat(a.equity().rowCount()).isEqualTo(b.equity().rowCount());
    }

    @Test
    void aDifferentSeedChangesTheRandomLatenciesAndSoTheFills() {
        assertThat(single(5).fillRecords()).isNotEqualTo(single(6).fillRecords());
    }

    @Test
    void addingAnInstrumentAndAStrategyNeverChangesTheFirstOnesFills() {
        BacktestResult alone = single(5);
        EventBatch b = RandomTape.generate(BBB, 0, 12, 30_000, 50_000);
        BacktestResult together = Backtest.builder()
                .source(RandomTape.source(AAA, 11, 30_000, 50_000))
                .source(new InMemoryEventSource(List.of(BBB), b))
                .exchange(settings(AAA)).exchange(settings(BBB))
                .strategy("mm", new QuotingStrategy(0, 1, 5, 97))
                .strategy("other", new QuotingStrategy(1, 2, 4, 31))
                .strategy("same-instrument", new QuotingStrategy(0, 3, 6, 13))
                .seed(5).build().run();
        List<FillRecord> mm = together.fillRecords().stream().filter(f -> f.strategyId().equals("mm")).toList();
        assertThat(together.fillRecords().size()).isGreaterThan(mm.size());
        assertThat(mm).isEqualTo(alone.fillRecords());
        assertThat(together.portfolio("mm").realizedPnl()).isEqualTo(alone.portfolio("mm").realizedPnl());
    }

    private static BacktestResult quoted(long maxFeedLatencyNanos, int batchCapacity, boolean withIdleInstrument) {
        Backtest.Builder b = Backtest.builder().source(RandomTape.source(AAA, 17, 20_000, maxFeedLatencyNanos))
                .exchange(settings(AAA)).strategy("mm", new QuotingStrategy(0, 1, 5, 97)).seed(5)
                .batchCapacity(batchCapacity);
        if (withIdleInstrument) {
            // A second instrument without events: the window takes its several-instrument path (FIFOs and merge).
            b.source(new InMemoryEventSource(List.of(BBB), new EventBatch(1))).exchange(settings(BBB));
        }
        return b.build().run();
    }

    @Test
    void theBatchSizeAndTheWindowPathNeverChangeTheResults() {
        // Feed latency 0: the strategy side catches up with the venue side after every event, so with batches of
        // 1-3 rows it does so at batch ends all the time; 1.5 us: it lags by a few events, across batch ends.
        for (long feedLatency : new long[] {0, 1_500}) {
            BacktestResult reference = quoted(feedLatency, 4096, false);
            assertThat(reference.fillRecords()).hasSizeGreaterThan(50);
            for (int capacity : new int[] {1, 2, 3, 64}) {
                for (boolean idle : new boolean[] {false, true}) {
                    BacktestResult r = quoted(feedLatency, capacity, idle);
                    assertThat(r.fillRecords()).as("feed latency %d, batch %d, idle instrument %s", feedLatency,
                            capacity, idle).isEqualTo(reference.fillRecords());
                    assertThat(r.orderRecords()).hasSameSizeAs(reference.orderRecords());
                    assertThat(r.portfolio("mm").netPnl()).isEqualTo(reference.portfolio("mm").netPnl());
                }
            }
        }
    }
}
