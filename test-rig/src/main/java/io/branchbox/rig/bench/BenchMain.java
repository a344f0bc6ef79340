package io.branchbox.rig.bench;

/**
 * Runs the box's JMH benchmarks: {@code ./box bench [regex]} (all when no regex is given).
 * A thin alias of JMH's own main so the README command stays short.
 */
public final class BenchMain {
    private BenchMain() {}

    public static void main(String[] args) throws Exception {
        org.openjdk.jmh.Main.main(args);
    }
}
