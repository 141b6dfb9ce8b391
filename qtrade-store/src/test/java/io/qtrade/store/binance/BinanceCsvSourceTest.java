package io.qtrade.store.binance;

import io.qtrade.store.ingest.ImportException;
import io.qtrade.store.ingest.ImportOptions;
import io.qtrade.core.Instrument;
import io.qtrade.core.Side;
import io.qtrade.core.market.EventBatch;
import io.qtrade.core.market.EventFlags;
import io.qtrade.core.market.EventKind;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Path;

import static io.qtrade.store.ingest.ImportTestSupport.readAll;
import static io.qtrade.store.ingest.ImportTestSupport.resource;
import static io.qtrade.store.ingest.ImportTestSupport.write;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class BinanceCsvSourceTest {

    private static final Instrument SPOT = Instrument.spot("BTCUSDT", "BINANCE", 0.01, 0.00001);
    private static final Instrument PERP = Instrument.spot("BTCUSDT", "BINANCE_UM", 0.1, 0.001);
    private static final long MS = 1_000_000L;

    @TempDir
    Path dir;

    @Test
    void spotTradesWithoutHeaderInMillisecondsMapIsBuyerMakerToASellAggressor() {
        EventBatch rows = readAll(BinanceCsvSource.trades(resource("binance/BTCUSDT-trades-2024-01-01.csv"), SPOT,
                ImportOptions.STRICT.withAssumedFeedLatencyNanos(2 * MS)), 2);
        assertThat(rows.size()).isEqualTo(3);
        // Row 1: 3000000001,42000.10,0.012,...,1704067200000,True -> buyer was maker -> the seller aggressed.
        assertThat(rows.kind(0)).isEqualTo(EventKind.TRADE);
        assertThat(rows.exchTs(0)).isEqualTo(1_704_067_200_000L * MS);
        assertThat(rows.localTs(0)).isEqualTo(1_704_067_200_000L * MS + 2 * MS);
        assertThat(rows.sideCode(0)).isEqualTo(Side.SELL.code());
        assertThat(rows.price(0)).isEqualTo(42000.10);
        assertThat(rows.qty(0)).isEqualTo(0.012);
        assertThat(rows.flags(0)).isEqualTo(EventFlags.END_OF_MESSAGE);
        assertThat(rows.sideCode(1)).isEqualTo(Side.BUY.code());
        assertThat(rows.price(1)).isEqualTo(42000.00);
        assertThat(rows.qty(1)).isEqualTo(0.5);
        assertThat(rows.exchTs(2)).isEqualTo(1_704_067_200_005L * MS);
        assertThat(rows.sideCode(2)).isEqualTo(Side.SELL.code());
    }

    /**
     * The published variants beyond the shipped fixtures, written from Binance's documentation (binance-public-data
     * README; columns "in order with the API endpoints", binance/binance-public-data issue #62): spot aggTrades from
     * 2025 in microseconds without a header (a, p, q, f, l, T, m, M); USD-M trades and aggTrades written before
     * 2022-08-11 without a header (issue #278), six and seven columns.
     */
    @Test
    void everyPublishedTradeVariantReads() {
        EventBatch agg = readAll(BinanceCsvSource.aggTrades(write(dir, "BTCUSDT-aggTrades-2025-01-01.csv",
                "3300000001,94000.01,0.00100000,4500000001,4500000002,1735689600000123,True,True",
                "3300000002,94000.02,0.50000000,4500000003,4500000003,1735689600000456,False,True"), SPOT,
                ImportOptions.STRICT), 4);
        assertThat(agg.size()).isEqualTo(2);
        assertThat(agg.exchTs(0)).isEqualTo(1_735_689_600_000_123_000L);
        assertThat(agg.sideCode(0)).isEqualTo(Side.SELL.code());
        assertThat(agg.sideCode(1)).isEqualTo(Side.BUY.code());
        EventBatch um = readAll(BinanceCsvSource.trades(write(dir, "BTCUSDT-trades-2022-08-10.csv",
                "2500000001,23900.1,0.010,239.001,1660089600001,true",
                "2500000002,23900.2,0.200,4780.04,1660089600002,false"), PERP, ImportOptions.STRICT), 4);
        assertThat(um.size()).isEqualTo(2);
        assertThat(um.exchTs(1)).isEqualTo(1_660_089_600_002L * MS);
        assertThat(um.price(1)).isEqualTo(23900.2);
        EventBatch umAgg = readAll(BinanceCsvSource.aggTrades(write(dir, "BTCUSDT-aggTrades-2022-08-10.csv",
                "900000001,23900.1,0.010,2500000001,2500000001,1660089600001,true"), PERP, ImportOptions.STRICT), 4);
        assertThat(umAgg.size()).isEqualTo(1);
        assertThat(umAgg.qty(0)).isEqualTo(0.010);
        assertThat(umAgg.sideCode(0)).isEqualTo(Side.SELL.code());
    }

    @Test
    void spotTradesFrom2025InMicrosecondsKeepTheMicroseconds() {
        EventBatch rows = readAll(BinanceCsvSource.trades(resource("binance/BTCUSDT-trades-2025-01-01.csv"), SPOT,
                ImportOptions.STRICT), 1);
        assertThat(rows.size()).isEqualTo(2);
        assertThat(rows.exchTs(0)).isEqualTo(1_735_689_600_000_123_000L);
        assertThat(rows.localTs(0)).isEqualTo(rows.exchTs(0)); // assumed latency 0
        assertThat(rows.exchTs(1)).isEqualTo(1_735_689_600_000_456_000L);
        assertThat(rows.sideCode(0)).isEqualTo(Side.BUY.code());
        assertThat(rows.price(0)).isEqualTo(94000.01);
    }

    @Test
    void usdmTradesWithHeaderSkipTheHeaderAndReadLowercaseBooleans() {
        BinanceCsvSource source = BinanceCsvSource.trades(resource("binance/BTCUSDT-um-trades-2024-01-01.csv"), PERP,
                ImportOptions.STRICT);
        EventBatch rows = readAll(source, 8);
        assertThat(rows.size()).isEqualTo(2);
        assertThat(source.rows()).isEqualTo(2);
        assertThat(rows.price(0)).isEqualTo(42010.5);
        assertThat(rows.qty(0)).isEqualTo(0.003);
        assertThat(rows.sideCode(0)).isEqualTo(Side.SELL.code());
        assertThat(rows.sideCode(1)).isEqualTo(Side.BUY.code());
        assertThat(rows.exchTs(1)).isEqualTo(1_704_067_200_011L * MS);
    }

    @Test
    void aggTradesOfBothMarketsGiveOneTradeOfTheAggregatedQuantity() {
        EventBatch um = readAll(BinanceCsvSource.aggTrades(resource("binance/BTCUSDT-um-aggTrades-2024-01-01.csv"),
                PERP, ImportOptions.STRICT), 8);
        assertThat(um.size()).isEqualTo(2);
        assertThat(um.qty(0)).isEqualTo(0.503);
        assertThat(um.sideCode(0)).isEqualTo(Side.SELL.code());
        assertThat(um.exchTs(1)).isEqualTo(1_704_067_200_050L * MS);
        EventBatch spot = readAll(BinanceCsvSource.aggTrades(resource("binance/BTCUSDT-aggTrades-2024-01-01.csv"),
                SPOT, ImportOptions.STRICT), 8);
        assertThat(spot.size()).isEqualTo(2);
        assertThat(spot.qty(1)).isEqualTo(0.501);
        assertThat(spot.sideCode(1)).isEqualTo(Side.BUY.code());
    }

    @Test
    void bookTickerGivesABidThenAnAskRowAtTheTransactionTime() {
        EventBatch rows = readAll(BinanceCsvSource.bookTicker(
                resource("binance/BTCUSDT-um-bookTicker-2024-01-01.csv"), PERP, ImportOptions.STRICT), 3);
        assertThat(rows.size()).isEqualTo(4);
        assertThat(rows.kind(0)).isEqualTo(EventKind.BBO);
        assertThat(rows.sideCode(0)).isEqualTo(Side.BUY.code());
        assertThat(rows.price(0)).isEqualTo(42010.4);
        assertThat(rows.qty(0)).isEqualTo(5.123);
        assertThat(rows.flags(0)).isEqualTo(EventFlags.NONE);
        assertThat(rows.sideCode(1)).isEqualTo(Side.SELL.code());
        assertThat(rows.price(1)).isEqualTo(42010.5);
        assertThat(rows.qty(1)).isEqualTo(0.2);
        assertThat(rows.flags(1)).isEqualTo(EventFlags.END_OF_MESSAGE);
        assertThat(rows.exchTs(1)).isEqualTo(1_704_067_200_001L * MS);
        assertThat(rows.qty(3)).isEqualTo(0.35);
    }

    @Test
    void bookTickerWithoutHeaderInMicrosecondsReadsTheSame() {
        Path file = write(dir, "bt.csv", "3600000001,42010.4,5.123,42010.5,0.200,1735689600001000,1735689600003000");
        EventBatch rows = readAll(BinanceCsvSource.bookTicker(file, PERP, ImportOptions.STRICT), 2);
        assertThat(rows.size()).isEqualTo(2);
        assertThat(rows.exchTs(0)).isEqualTo(1_735_689_600_001_000_000L);
        assertThat(rows.price(1)).isEqualTo(42010.5);
    }

    @Test
    void eachKindOfBadInputNamesFileLineAndField() {
        String good = "1,42000.10,0.012,504.0012,1704067200000,True,True";
        expectBad(new String[]{good, "2,42000.10,0.012,1704067200000,True,True,x,y"}, 2, null, "malformed line");
        expectBad(new String[]{good, "2,4200x,0.012,504,1704067200001,True,True"}, 2, "price",
                "not a finite decimal number: '4200x'");
        expectBad(new String[]{good, "2,42000.10,-0.5,504,1704067200001,True,True"}, 2, "qty",
                "negative quantity -0.5");
        expectBad(new String[]{good, "2,42000.10,NaN,504,1704067200001,True,True"}, 2, "qty",
                "not a finite decimal number: 'NaN'");
        expectBad(new String[]{good, "2,42000.105,0.1,504,1704067200001,True,True"}, 2, "price",
                "off the tick grid");
        expectBad(new String[]{good, "2,42000.10,0.1,504,1704067199999,True,True"}, 2, "time",
                "time goes backwards: 1704067199999000000 ns is 1000000 ns before the latest");
        expectBad(new String[]{good, "2,42000.10,0.1,504,1704067200001,maybe,True"}, 2, "is_buyer_maker",
                "not a boolean");
        expectBad(new String[]{"id,price,qty,time", good}, 1, null, "does not name the TRADES columns");
    }

    private void expectBad(String[] lines, long line, String field, String problem) {
        Path file = write(dir, "bad.csv", lines);
        assertThatThrownBy(() -> readAll(BinanceCsvSource.trades(file, SPOT, ImportOptions.STRICT), 4))
                .isInstanceOfSatisfying(ImportException.class, e -> {
                    assertThat(e.file()).isEqualTo(file.toString());
                    assertThat(e.line()).isEqualTo(line);
                    assertThat(e.field()).isEqualTo(field);
                    assertThat(e.problem()).contains(problem);
                });
    }

    @Test
    void aHeaderAfterAByteOrderMarkAndWindowsLineEndsIsStillAHeader() {
        Path file = write(dir, "bom.csv", "\uFEFFid,price,qty,quote_qty,time,is_buyer_maker\r",
                "5000000001,42010.5,0.003,126.0315,1704067200010,true\r");
        EventBatch rows = readAll(BinanceCsvSource.trades(file, PERP, ImportOptions.STRICT), 4);
        assertThat(rows.size()).isEqualTo(1);
        assertThat(rows.sideCode(0)).isEqualTo(Side.SELL.code());
    }

    @Test
    void timeBackwardsWithinTheToleranceIsKeptAsItIs() {
        Path file = write(dir, "t.csv", "1,42000.10,0.012,504,1704067200005,True,True",
                "2,42000.10,0.012,504,1704067200001,True,True");
        EventBatch rows = readAll(BinanceCsvSource.trades(file, SPOT,
                ImportOptions.STRICT.withBackwardsToleranceNanos(4 * MS)), 4);
        assertThat(rows.size()).isEqualTo(2);
        assertThat(rows.exchTs(1)).isEqualTo(1_704_067_200_001L * MS); // kept, not clamped
    }

    @Test
    void lenientModeSkipsAndCountsEachBadLineAndKeepsTheRest() {
        Path file = write(dir, "l.csv", "1,42000.10,0.012,504,1704067200000,True,True",
                "2,42000.10,NaN,504,1704067200001,True,True",
                "3,oops",
                "4,42000.20,0.5,504,1704067200002,False,True");
        BinanceCsvSource source = BinanceCsvSource.trades(file, SPOT, ImportOptions.LENIENT);
        EventBatch rows = readAll(source, 4);
        assertThat(source.skipped()).isEqualTo(2);
        assertThat(rows.size()).isEqualTo(2);
        assertThat(rows.price(1)).isEqualTo(42000.20);
    }
}
