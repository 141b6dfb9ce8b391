package io.qtrade.core.book;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** The primitive map behaves as a {@link HashMap}: random puts and removes, including colliding keys. */
class LongIntHashMapProperties {

    record Op(boolean put, long key, int value) {
    }

    @Property(tries = 300)
    void behavesAsAHashMap(@ForAll("ops") List<Op> ops) {
        LongIntHashMap map = new LongIntHashMap(2);
        Map<Long, Integer> reference = new HashMap<>();
        for (Op op : ops) {
            if (op.put()) {
                Integer previous = reference.put(op.key(), op.value());
                assertThat(map.put(op.key(), op.value()))
                        .isEqualTo(previous == null ? LongIntHashMap.MISSING : previous);
            } else {
                Integer previous = reference.remove(op.key());
                assertThat(map.remove(op.key())).isEqualTo(previous == null ? LongIntHashMap.MISSING : previous);
            }
            assertThat(map.size()).isEqualTo(reference.size());
        }
        for (Map.Entry<Long, Integer> entry : reference.entrySet()) {
            assertThat(map.get(entry.getKey())).isEqualTo(entry.getValue());
        }
        for (Op op : ops) {
            assertThat(map.get(op.key())).isEqualTo(reference.getOrDefault(op.key(), LongIntHashMap.MISSING));
        }
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        // Few distinct keys (many collisions and re-puts), plus the extremes and 0.
        Arbitrary<Long> keys = Arbitraries.oneOf(
                Arbitraries.longs().between(-40, 40),
                Arbitraries.longs().between(0, 40).map(k -> k << 40),
                Arbitraries.of(Long.MIN_VALUE, Long.MAX_VALUE, 0L));
        return Combinators.combine(Arbitraries.of(true, true, false), keys, Arbitraries.integers().between(0, 1000))
                .as(Op::new).list().ofMaxSize(500);
    }

    @Test
    void clearEmptiesTheMapAndItStaysUsable() {
        LongIntHashMap map = new LongIntHashMap(4);
        for (int i = 0; i < 100; i++) {
            map.put(i * 31L, i);
        }
        assertThat(map.size()).isEqualTo(100);
        assertThat(map.get(31L * 99)).isEqualTo(99);
        map.clear();
        assertThat(map.size()).isZero();
        assertThat(map.get(31L * 99)).isEqualTo(LongIntHashMap.MISSING);
        map.put(5, 6);
        assertThat(map.get(5)).isEqualTo(6);
    }
}
