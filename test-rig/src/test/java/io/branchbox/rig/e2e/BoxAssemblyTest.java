package io.branchbox.rig.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.runtime.BoxRuntime;
import io.branchbox.firmware.runtime.BoxService;
import io.branchbox.rig.sim.SimulatedSite;
import io.branchbox.time.ThreadNames;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The box's assembly (docs/ARCHITECTURE.md, "Assembly"): building does nothing, services start
 * after the engine in the order added and stop in reverse while the engine still runs; a service
 * that fails to start stops the whole box, which leaves its data directory free for the next start.
 */
class BoxAssemblyTest {
    @TempDir
    Path data;

    private final List<String> steps = new CopyOnWriteArrayList<>();

    /** Records its calls; in each, checks that the engine answers on signalling. */
    private final class Probe implements BoxService {
        private final String name;
        private final boolean failStart;
        private BoxRuntime box;

        Probe(String name, boolean failStart) {
            this.name = name;
            this.failStart = failStart;
        }

        @Override
        public String name() {
            return name;
        }

        @Override
        public void prepare() {
            steps.add("prepare " + name + " on " + Thread.currentThread().getName());
        }

        @Override
        public void start(BoxRuntime runtime) throws Exception {
            box = runtime;
            steps.add("start " + name + " engine " + engineAnswers());
            if (failStart) {
                throw new IllegalStateException("no port for " + name);
            }
        }

        @Override
        public void close() {
            steps.add("close " + name + (box == null ? "" : " engine " + engineAnswers()));
        }

        private String engineAnswers() {
            try {
                CompletableFuture.runAsync(() -> { }, box.signalling()::execute).get(10, TimeUnit.SECONDS);
                return "up";
            } catch (Exception e) {
                return "down: " + e;
            }
        }
    }

    @Test
    void servicesStartAfterTheEngineInOrderAndStopInReverseBeforeIt() throws Exception {
        try (SimulatedSite site = SimulatedSite.start(data)) {
            BoxConfig config = site.config(null, 0, 5);
            BoxRuntime box = BoxRuntime.create(config, data, site.hardware(config))
                    .addService(new Probe("a", false)).addService(new Probe("b", false));
            assertThrows(IllegalStateException.class, box::journal, "built, not started: nothing is open");
            assertEquals(List.of(), steps);
            box.start();
            assertThrows(IllegalStateException.class, () -> box.addService(new Probe("late", false)));
            box.close();
            String prepare = " on " + ThreadNames.BOX_START;
            assertEquals(List.of("prepare a" + prepare, "prepare b" + prepare, "start a engine up", "start b engine up",
                    "close b engine up", "close a engine up"), steps);
        }
    }

    @Test
    void aServiceThatCannotStartStopsTheBoxAndFreesItsData() throws Exception {
        Path boxData = data.resolve("box");
        try (SimulatedSite site = SimulatedSite.start(data.resolve("site0"))) {
            BoxConfig config = site.config(null, 0, 5);
            BoxRuntime box = BoxRuntime.create(config, boxData, site.hardware(config))
                    .addService(new Probe("a", false)).addService(new Probe("b", true)).addService(new Probe("c", false));
            IllegalStateException e = assertThrows(IllegalStateException.class, box::start);
            assertTrue(e.getMessage().contains("no port for b"), e.getMessage());
            assertEquals(List.of("start a engine up", "start b engine up", "close b engine up", "close a engine up"),
                    steps.stream().filter(s -> !s.startsWith("prepare")).toList(),
                    "c never started; b and a closed in reverse while the engine still ran");
        }
        // the database and the journal were closed: the same data directory starts again (on a
        // fresh simulated site: a box keeps its Pi4J lines for the life of the process)
        try (SimulatedSite site = SimulatedSite.start(data.resolve("site1"))) {
            BoxConfig config = site.config(null, 0, 5);
            try (BoxRuntime again = BoxRuntime.start(config, boxData, site.hardware(config))) {
                assertTrue(again.journal() != null);
            }
        }
    }
}
