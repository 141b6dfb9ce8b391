package io.qtrade.connectors.zerodha.live;

import io.qtrade.connectors.live.MalformedFrameException;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KiteTickParserProperties {

    @Provide
    Arbitrary<List<byte[]>> packetLists() {
        return packets().list().ofMaxSize(6);
    }

    Arbitrary<byte[]> packets() {
        Arbitrary<Integer> token = Arbitraries.integers().between(1, Integer.MAX_VALUE);
        Arbitrary<Integer> price = Arbitraries.integers().between(0, Integer.MAX_VALUE);
        return Combinators.combine(token, price, Arbitraries.integers().between(0, 3)).as((t, p, kind) -> switch (kind) {
            case 0 -> KitePackets.ltp(t, p);
            case 1 -> KitePackets.quote(t, p, 1, p, 100, 1, 1, p, p, p, p);
            case 2 -> KitePackets.full(t, p, 1, p, 100, 1, 2, KitePackets.ladder());
            default -> KitePackets.indexQuote(t, p, p, p, p, p, 0);
        });
    }

    @Property(tries = 300)
    void everyPacketOfAWellFormedMessageIsDecodedWithItsTokenAndPrice(
            @ForAll("packetLists") List<byte[]> packets) {
        byte[] message = KitePackets.message(packets.toArray(new byte[0][]));
        List<Long> tokens = new ArrayList<>();
        int n = new KiteTickParser().parse(ByteBuffer.wrap(message), t -> tokens.add(t.instrumentToken()));
        assertThat(n).isEqualTo(packets.size());
        for (int i = 0; i < packets.size(); i++) {
            assertThat(tokens.get(i)).isEqualTo(ByteBuffer.wrap(packets.get(i)).getInt(0) & 0xFFFFFFFFL);
        }
    }

    @Property(tries = 300)
    void anyTruncationIsRefusedWholeWithNoPacketHandedOut(@ForAll("packetLists") List<byte[]> packets,
                                                          @ForAll @IntRange(min = 1, max = 400) int cut) {
        byte[] message = KitePackets.message(packets.toArray(new byte[0][]));
        int keep = message.length - Math.min(cut, message.length);
        if (keep == 1) {
            return; // a 1-byte message is a heartbeat by the protocol
        }
        byte[] truncated = Arrays.copyOf(message, keep);
        List<Long> handed = new ArrayList<>();
        if (packets.isEmpty() && keep == 2) {
            return; // "0 packets" is complete
        }
        assertThatThrownBy(() -> new KiteTickParser().parse(ByteBuffer.wrap(truncated),
                t -> handed.add(t.instrumentToken()))).isInstanceOf(MalformedFrameException.class);
        assertThat(handed).isEmpty();
    }
}
