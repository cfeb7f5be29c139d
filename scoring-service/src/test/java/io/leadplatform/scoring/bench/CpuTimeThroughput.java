package io.leadplatform.scoring.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;

/**
 * Evaluations per CPU-second of the same benchmark state, measured with the thread's CPU time. On a shared machine
 * JMH's wall-clock figure counts time the thread waited for a core; this one does not. Run like the JMH benchmark, with
 * this class as main.
 */
public final class CpuTimeThroughput {

    private CpuTimeThroughput() {
    }

    public static void main(String[] args) {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        ModelEvaluationBenchmark bench = new ModelEvaluationBenchmark();
        bench.setUp();
        long sink = 0;
        for (int round = 0; round < 12; round++) {
            long cpu = threads.getCurrentThreadCpuTime();
            long wall = System.nanoTime();
            long n = 0;
            while (threads.getCurrentThreadCpuTime() - cpu < 3_000_000_000L) {
                for (int i = 0; i < 1000; i++) {
                    sink += bench.evaluateLead().fitScore();
                }
                n += 1000;
            }
            double cpuSeconds = (threads.getCurrentThreadCpuTime() - cpu) / 1e9;
            double wallSeconds = (System.nanoTime() - wall) / 1e9;
            System.out.printf("%s %d: %.0f evaluations per CPU-second (%.0f per wall-clock second)%n",
                    round < 6 ? "warm-up" : "round", round, n / cpuSeconds, n / wallSeconds);
        }
        System.out.println("checksum " + sink);
    }
}
