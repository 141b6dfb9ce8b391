package io.qtrade.connectors.zerodha.live;

import io.qtrade.connectors.live.MalformedFrameException;
import org.junit.jupiter.api.Test;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KiteTickParserTest {

    /** INFY on NSE: token 408065 = 0x63A01, low byte 1 (NSE), prices in paise. */
    private static final int INFY = 408065;
    /** NIFTY 50: token 256265 = 0x3E909, low byte 9 (indices). */
    private static final int NIFTY = 256265;
    /** A currency future on CDS: token 0x64C03, low byte 3, prices in 10^-7 rupees. */
    private static final int USDINR = 0x64C03;

    private final KiteTickParser parser = new KiteTickParser();
    private final List<String> seen = new ArrayList<>();

    private int parse(byte[] message) {
        return parser.parse(ByteBuffer.wrap(message), t -> seen.add(t.mode() + " " + t.instrumentToken() + " "
                + t.lastPrice()));
    }

    @Test
    void ltpPacketGivesTokenAndPriceInRupees() {
        assertThat(parse(KitePackets.message(KitePackets.ltp(INFY, 150025)))).isEqualTo(1);
        assertThat(seen).containsExactly("LTP 408065 1500.25"); // 150025 paise / 100
    }

    @Test
    void quotePacketFieldsAreReadAtTheDocumentedOffsets() {
        KiteTick[] copy = new KiteTick[1];
        parser.parse(ByteBuffer.wrap(KitePackets.message(KitePackets.quote(INFY, 150025, 7, 149980, 123456, 1000,
                2000, 150000, 151000, 149000, 149500))), t -> {
            assertThat(t.mode()).isEqualTo(KiteTick.Mode.QUOTE);
            assertThat(t.tradable()).isTrue();
            assertThat(t.segment()).isEqualTo(1);
            assertThat(t.lastPrice()).isEqualTo(1500.25);
            assertThat(t.lastTradedQty()).isEqualTo(7);
            assertThat(t.averagePrice()).isEqualTo(1499.80);
            assertThat(t.volume()).isEqualTo(123456);
            assertThat(t.totalBuyQty()).isEqualTo(1000);
            assertThat(t.totalSellQty()).isEqualTo(2000);
            assertThat(t.open()).isEqualTo(1500.00);
            assertThat(t.high()).isEqualTo(1510.00);
            assertThat(t.low()).isEqualTo(1490.00);
            assertThat(t.close()).isEqualTo(1495.00);
            assertThat(t.exchangeTimeSeconds()).isZero();
            copy[0] = t;
        });
        assertThat(copy[0]).isNotNull();
    }

    @Test
    void fullPacketReadsTimesAndFivePlusFiveDepth() {
        byte[] msg = KitePackets.message(KitePackets.full(INFY, 150025, 7, 149980, 123456, 1_700_000_000,
                1_700_000_001, KitePackets.ladder()));
        assertThat(msg).hasSize(2 + 2 + 184);
        parser.parse(ByteBuffer.wrap(msg), t -> {
            assertThat(t.mode()).isEqualTo(KiteTick.Mode.FULL);
            assertThat(t.lastTradeTimeSeconds()).isEqualTo(1_700_000_000L);
            assertThat(t.exchangeTimeSeconds()).isEqualTo(1_700_000_001L);
            assertThat(t.bidPrice(0)).isEqualTo(1500.00);
            assertThat(t.bidQty(0)).isEqualTo(10);
            assertThat(t.bidOrders(0)).isEqualTo(1);
            assertThat(t.bidPrice(4)).isEqualTo(1499.80); // 150000 - 20 paise
            assertThat(t.bidQty(4)).isEqualTo(50);
            assertThat(t.askPrice(0)).isEqualTo(1500.05);
            assertThat(t.askQty(0)).isEqualTo(11);
            assertThat(t.askOrders(0)).isEqualTo(2);
            assertThat(t.askPrice(4)).isEqualTo(1500.25);
            assertThat(t.askQty(4)).isEqualTo(55);
        });
    }

    @Test
    void indexPacketsAreNotTradableAndReadHighLowOpenCloseInThatOrder() {
        parser.parse(ByteBuffer.wrap(KitePackets.message(
                KitePackets.indexQuote(NIFTY, 2150010, 2160000, 2140000, 2145000, 2148000, 12),
                KitePackets.indexFull(NIFTY, 2150020, 2160000, 2140000, 2145000, 2148000, 12, 1_700_000_002))), t -> {
            assertThat(t.tradable()).isFalse();
            assertThat(t.high()).isEqualTo(21600.00);
            assertThat(t.low()).isEqualTo(21400.00);
            assertThat(t.open()).isEqualTo(21450.00);
            assertThat(t.close()).isEqualTo(21480.00);
            seen.add(t.mode() + " " + t.lastPrice() + " " + t.exchangeTimeSeconds());
        });
        assertThat(seen).containsExactly("INDEX_QUOTE 21500.1 0", "INDEX_FULL 21500.2 1700000002");
    }

    @Test
    void currencySegmentDividesByTenToTheSeven() {
        parse(KitePackets.message(KitePackets.ltp(USDINR, 831_234_500)));
        assertThat(seen).containsExactly("LTP " + USDINR + " 83.12345"); // 831234500 / 10^7
    }

    @Test
    void severalPacketsOfDifferentModesInOneMessage() {
        assertThat(parse(KitePackets.message(KitePackets.ltp(INFY, 150025),
                KitePackets.indexQuote(NIFTY, 2150010, 0, 0, 0, 0, 0), KitePackets.ltp(INFY, 150030)))).isEqualTo(3);
        assertThat(seen).containsExactly("LTP 408065 1500.25", "INDEX_QUOTE 256265 21500.1", "LTP 408065 1500.3");
    }

    @Test
    void aMessageIsReadFromTheBuffersPositionWhateverItsByteOrder() {
        byte[] msg = KitePackets.message(KitePackets.ltp(INFY, 150025));
        ByteBuffer padded = ByteBuffer.allocate(msg.length + 7);
        padded.position(5);
        padded.put(msg).flip().position(5);
        padded.limit(5 + msg.length);
        parser.parse(padded.order(java.nio.ByteOrder.LITTLE_ENDIAN), t -> seen.add(t.mode() + " " + t.lastPrice()));
        parser.parse(padded.order(java.nio.ByteOrder.BIG_ENDIAN), t -> seen.add(t.mode() + " " + t.lastPrice()));
        assertThat(seen).containsExactly("LTP 1500.25", "LTP 1500.25");
        assertThat(padded.position()).isEqualTo(5); // the caller's buffer is not moved
    }

    @Test
    void aOneByteMessageIsAHeartbeat() {
        assertThat(parse(new byte[] {0})).isZero();
        assertThat(seen).isEmpty();
    }

    @Test
    void truncatedMessageIsRefusedWholeAndNothingIsHandedOut() {
        byte[] good = KitePackets.message(KitePackets.ltp(INFY, 150025), KitePackets.quote(INFY, 1, 1, 1, 1, 1, 1, 1,
                1, 1, 1));
        byte[] cut = Arrays.copyOf(good, good.length - 3);
        assertThatThrownBy(() -> parse(cut)).isInstanceOf(MalformedFrameException.class)
                .hasMessageContaining("packet 1 byte 14").hasMessageContaining("truncated: packet of 44 bytes");
        assertThat(seen).isEmpty(); // the first, complete packet was not applied either
    }

    @Test
    void unknownPacketLengthAndTrailingBytesAreRefused() {
        byte[] odd = KitePackets.message(new byte[12]);
        assertThatThrownBy(() -> parse(odd)).hasMessageContaining("packet 0 byte 2")
                .hasMessageContaining("packet length 12 is none of 8");
        byte[] good = KitePackets.message(KitePackets.ltp(INFY, 1));
        byte[] extra = Arrays.copyOf(good, good.length + 2);
        assertThatThrownBy(() -> parse(extra)).hasMessageContaining("2 bytes after the 1 announced packets");
        assertThatThrownBy(() -> parse(new byte[] {0, 2, 0, 8})).hasMessageContaining("truncated");
        assertThat(seen).isEmpty();
    }
}
