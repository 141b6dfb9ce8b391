package io.qtrade.core.book;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * {@link PagedLevels}, the far levels of a book side, on its own: equal to a {@link TreeMap} after every operation
 * (negative keys and page boundaries included), pages reused instead of reallocated, and memory that follows the
 * number of occupied pages, not the key range.
 */
class PagedLevelsTest {

    record Op(int kind, long key, int qty) {
    }

    @Property(tries = 200)
    void matchesATreeMapAfterEveryOperation(@ForAll("ops") List<Op> ops) {
        PagedLevels levels = new PagedLevels();
        TreeMap<Long, Double> reference = new TreeMap<>();
        for (int i = 0; i < ops.size(); i++) {
            Op op = ops.get(i);
            switch (op.kind()) {
                case 0, 1 -> {
                    Double previous = reference.put(op.key(), (double) op.qty());
                    assertThat(levels.put(op.key(), op.qty())).isEqualTo(previous == null ? 0.0 : previous);
                }
                case 2 -> {
                    Double previous = reference.remove(op.key());
                    assertThat(levels.remove(op.key())).isEqualTo(previous == null ? 0.0 : previous);
                }
                case 3 -> {
                    if (!reference.isEmpty()) {
                        assertThat(levels.maxQty()).isEqualTo(reference.lastEntry().getValue());
                        reference.pollLastEntry();
                        levels.removeMax();
                    }
                }
                default -> {
                    reference.clear();
                    levels.clear();
                }
            }
            assertSame(levels, reference, "after op " + i + " " + op);
        }
    }

    @Provide
    Arbitrary<List<Op>> ops() {
        // Keys clustered around a few page boundaries (so pages fill, empty and split) and spread over +-10^9.
        Arbitrary<Long> near = Arbitraries.longs().between(-200, 200);
        Arbitrary<Long> wide = Arbitraries.longs().between(-1_000_000_000L, 1_000_000_000L);
        Arbitrary<Long> key = Arbitraries.frequencyOf(
                net.jqwik.api.Tuple.of(3, near), net.jqwik.api.Tuple.of(1, wide));
        Arbitrary<Integer> kind = Arbitraries.frequency(
                net.jqwik.api.Tuple.of(40, 0), net.jqwik.api.Tuple.of(20, 1), net.jqwik.api.Tuple.of(30, 2),
                net.jqwik.api.Tuple.of(8, 3), net.jqwik.api.Tuple.of(1, 4));
        return Combinators.combine(kind, key, Arbitraries.integers().between(1, 100)).as(Op::new)
                .list().ofMinSize(1).ofMaxSize(300);
    }

    @Test
    void levelsComeOutInDescendingOrderAcrossPagesAndSigns() {
        PagedLevels levels = new PagedLevels();
        long[] keys = {-1_000_000_000_000L, -129, -128, -65, -64, -63, -1, 0, 1, 63, 64, 65, 127, 128, 4_000_000_000L};
        for (int i = 0; i < keys.length; i++) {
            levels.put(keys[keys.length - 1 - i], i + 1); // insert in descending order: every page opens below
        }
        long[] out = new long[keys.length + 2];
        double[] qtys = new double[keys.length + 2];
        assertThat(levels.levelsDescending(out, qtys, 1, out.length)).isEqualTo(keys.length + 1);
        for (int i = 0; i < keys.length; i++) {
            assertThat(out[1 + i]).isEqualTo(keys[keys.length - 1 - i]);
            assertThat(qtys[1 + i]).isEqualTo(i + 1.0);
        }
        assertThat(levels.levelsDescending(out, qtys, 0, 3)).isEqualTo(3);
        assertThat(out).startsWith(4_000_000_000L, 128, 127);
        assertThat(levels.maxKey()).isEqualTo(4_000_000_000L);
        assertThat(levels.pageCount()).isEqualTo(8); // pages -15625000000, -3, -2, -1, 0, 1, 2 and 62500000
    }

    @Test
    void emptiedPagesAreReusedWithoutAllocating() {
        PagedLevels levels = new PagedLevels();
        SplittableRandom random = new SplittableRandom(3);
        long[] keys = new long[5_000];
        for (int i = 0; i < keys.length; i++) {
            keys[i] = random.nextLong(-1_000_000_000L, 1_000_000_000L);
        }
        fillThenEmpty(levels, keys); // warm-up: slabs, page arrays and hash map at their size
        int slots = levels.slotCapacity();

        long allocated = AllocationMeter.bytesAllocatedBy(() -> {
            for (int round = 0; round < 20; round++) {
                fillThenEmpty(levels, keys);
            }
        });

        assertThat(allocated).as("bytes allocated re-filling emptied pages").isLessThan(AllocationMeter.SLACK_BYTES);
        assertThat(levels.slotCapacity()).isEqualTo(slots);
        assertThat(levels.size()).isZero();
        assertThat(levels.pageCount()).isZero();
        assertThat(levels.maxKey()).isEqualTo(PagedLevels.EMPTY);
    }

    private static void fillThenEmpty(PagedLevels levels, long[] keys) {
        for (int i = 0; i < keys.length; i++) {
            levels.put(keys[i], 1 + (i & 7));
        }
        for (int i = 0; i < keys.length; i += 2) { // every other one by remove, the rest by clear
            levels.remove(keys[i]);
        }
        levels.clear();
        for (int i = 0; i < keys.length; i++) {
            levels.put(keys[i], 1 + (i & 7));
        }
        for (long key : keys) {
            levels.remove(key);
        }
    }

    @Test
    void memoryFollowsOccupiedPagesNotTheKeyRange() {
        PagedLevels levels = new PagedLevels();
        for (int i = 0; i < 1_000; i++) {
            levels.put(i * 1_000_000L, 1.0); // 1,000 levels over 10^9 keys
        }
        assertThat(levels.pageCount()).isEqualTo(1_000);
        assertThat(levels.slotCapacity()).isEqualTo(1_024);
        for (int i = 0; i < 1_000; i++) {
            levels.put(i * 1_000_000L + 1, 2.0); // a second level in each page takes no new page
        }
        assertThat(levels.pageCount()).isEqualTo(1_000);
        assertThat(levels.slotCapacity()).isEqualTo(1_024);
        assertThat(levels.size()).isEqualTo(2_000);
    }

    private static void assertSame(PagedLevels levels, TreeMap<Long, Double> reference, String where) {
        assertThat(levels.size()).as("size %s", where).isEqualTo(reference.size());
        assertThat(levels.maxKey()).as("max key %s", where)
                .isEqualTo(reference.isEmpty() ? PagedLevels.EMPTY : reference.lastKey());
        long[] keys = new long[reference.size() + 1];
        double[] qtys = new double[reference.size() + 1];
        assertThat(levels.levelsDescending(keys, qtys, 0, keys.length)).as("levels %s", where)
                .isEqualTo(reference.size());
        int i = 0;
        for (Map.Entry<Long, Double> e : reference.descendingMap().entrySet()) {
            assertThat(keys[i]).as("key %d %s", i, where).isEqualTo(e.getKey());
            assertThat(qtys[i]).as("qty %d %s", i, where).isEqualTo(e.getValue());
            assertThat(levels.get(e.getKey())).as("get %d %s", e.getKey(), where).isEqualTo(e.getValue());
            assertThat(levels.get(e.getKey() + 1)).as("get %d %s", e.getKey() + 1, where)
                    .isEqualTo(reference.getOrDefault(e.getKey() + 1, 0.0));
            i++;
        }
    }
}
