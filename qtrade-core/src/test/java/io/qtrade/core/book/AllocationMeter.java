package io.qtrade.core.book;

import java.lang.management.ManagementFactory;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

/**
 * Bytes allocated by the calling thread while a piece of work runs, from the JVM's per-thread allocation counter
 * ({@code com.sun.management.ThreadMXBean#getThreadAllocatedBytes}). Tests are skipped, not failed, on a JVM without
 * that counter.
 */
final class AllocationMeter {

    /** Slack for the measurement itself; one object per update over a million updates would be over 16 MB. */
    static final long SLACK_BYTES = 1024;

    private AllocationMeter() {
    }

    static long bytesAllocatedBy(Runnable work) {
        assumeTrue(ManagementFactory.getThreadMXBean() instanceof com.sun.management.ThreadMXBean,
                "this JVM has no per-thread allocation counter");
        com.sun.management.ThreadMXBean threads = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
        assumeTrue(threads.isThreadAllocatedMemorySupported(), "per-thread allocation counting unsupported");
        threads.setThreadAllocatedMemoryEnabled(true);
        long thread = Thread.currentThread().getId();
        threads.getThreadAllocatedBytes(thread); // the first call may allocate; keep it out of the measurement
        long before = threads.getThreadAllocatedBytes(thread);
        work.run();
        long after = threads.getThreadAllocatedBytes(thread);
        return after - before;
    }
}
