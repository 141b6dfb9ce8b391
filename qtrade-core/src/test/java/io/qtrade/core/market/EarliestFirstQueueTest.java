package io.qtrade.core.market;

import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

import java.util.SplittableRandom;
import java.util.TreeSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EarliestFirstQueueTest {

    @Test
    void ordersByTimeThenById() {
        EarliestFirstQueue queue = new EarliestFirstQueue(4);
        queue.add(2, 50);
        queue.add(0, 70);
        queue.add(3, 50);
        queue.add(1, 10);
        assertThat(queue.peekId()).isEqualTo(1);
        queue.updateHeadTime(60); // 1 now due at 60: 2 and 3 (tie at 50, lower id first) come before it
        assertThat(queue.removeHead()).isEqualTo(2);
        assertThat(queue.removeHead()).isEqualTo(3);
        assertThat(queue.peekTime()).isEqualTo(60);
        assertThat(queue.removeHead()).isEqualTo(1);
        assertThat(queue.removeHead()).isEqualTo(0);
        assertThat(queue.isEmpty()).isTrue();
    }

    @Test
    void refusesBadIdsAndAnEmptyHead() {
        EarliestFirstQueue queue = new EarliestFirstQueue(2);
        queue.add(1, 5);
        assertThatThrownBy(() -> queue.add(1, 6)).hasMessage("id 1 is already queued");
        assertThatThrownBy(() -> queue.add(2, 6)).hasMessage("id 2 outside 0..1");
        queue.removeHead();
        assertThatThrownBy(queue::peekId).hasMessage("the queue is empty");
    }

    /** Against a sorted set of (time, id) over random adds, head updates (earlier or later) and removals. */
    @Property(tries = 200)
    void agreesWithASortedSet(@ForAll @IntRange(min = 1, max = 20) int capacity, @ForAll long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        EarliestFirstQueue queue = new EarliestFirstQueue(capacity);
        TreeSet<long[]> reference = new TreeSet<>((a, b) -> a[0] != b[0] ? Long.compare(a[0], b[0])
                : Long.compare(a[1], b[1]));
        boolean[] queued = new boolean[capacity];
        for (int step = 0; step < 500; step++) {
            int op = random.nextInt(3);
            if (op == 0) {
                int id = random.nextInt(capacity);
                if (!queued[id]) {
                    long time = random.nextInt(20);
                    queue.add(id, time);
                    reference.add(new long[] {time, id});
                    queued[id] = true;
                }
            } else if (!reference.isEmpty()) {
                long[] head = reference.first();
                assertThat(queue.peekId()).isEqualTo((int) head[1]);
                assertThat(queue.peekTime()).isEqualTo(head[0]);
                reference.pollFirst();
                if (op == 1) {
                    long time = random.nextInt(20);
                    queue.updateHeadTime(time);
                    reference.add(new long[] {time, head[1]});
                } else {
                    assertThat(queue.removeHead()).isEqualTo((int) head[1]);
                    queued[(int) head[1]] = false;
                }
            }
            assertThat(queue.size()).isEqualTo(reference.size());
        }
    }
}
