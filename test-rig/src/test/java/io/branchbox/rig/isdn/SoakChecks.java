package io.branchbox.rig.isdn;

import static org.junit.jupiter.api.Assertions.assertAll;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import io.branchbox.firmware.isdn.q931.BChannels.ChannelState;
import io.branchbox.rig.isdn.CallLedger.Book;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Runs a soak with the box's per-call logging turned down, and checks what it left behind. */
final class SoakChecks {
    private static final Logger log = LoggerFactory.getLogger(SoakChecks.class);

    private SoakChecks() {}

    /**
     * Runs the soak; the box and simulator log only errors meanwhile (thousands of calls would
     * otherwise bury a failure). The summary goes to the log and to target/soak/&lt;name&gt;.txt.
     */
    static SoakResult run(String name, SoakSettings settings) throws IOException {
        return run(name, () -> new PriSoak(settings));
    }

    /** As {@link #run(String, SoakSettings)}, for a soak built by the caller. */
    static SoakResult run(String name, java.util.function.Supplier<PriSoak> soak) throws IOException {
        ch.qos.logback.classic.Logger box = (ch.qos.logback.classic.Logger) LoggerFactory.getLogger("io.branchbox");
        ch.qos.logback.classic.Logger own = (ch.qos.logback.classic.Logger) log;
        Level before = box.getLevel();
        box.setLevel(Level.ERROR);
        own.setLevel(Level.INFO);
        SoakResult r;
        try {
            r = soak.get().run();
        } finally {
            box.setLevel(before);
            own.setLevel(null);
        }
        Path dir = Files.createDirectories(Path.of("target", "soak"));
        Files.writeString(dir.resolve(name + ".txt"), r.summary() + System.lineSeparator()
                + String.join(System.lineSeparator(), r.ledger().anomalies()) + System.lineSeparator()
                + String.join(System.lineSeparator(), r.violations()) + System.lineSeparator());
        log.info("{}", r.summary());
        return r;
    }

    /** No call leaked on either side, no channel held without a call, every call ended exactly once. */
    static void assertClean(SoakResult r) {
        String s = r.summary();
        assertAll(
                () -> assertEquals(r.settings().calls(), r.started(), s),
                () -> assertEquals(0, r.boxCallsLeft(), "box calls left\n" + s),
                () -> assertEquals(0, r.carrierCallsLeft(), "carrier calls left\n" + s),
                () -> assertEquals(0, r.channelsIn(ChannelState.BUSY), "BUSY channels with every call gone\n" + s),
                () -> assertTrue(r.violations().isEmpty(), "channel BUSY without a call: " + r.violations() + "\n" + s),
                () -> assertTrue(r.ledger().anomalies().isEmpty(), "ledger: " + r.ledger().anomalies() + "\n" + s),
                () -> assertEquals(java.util.List.of(), r.ledger().stillOpen(Book.BOX_IN), "box incoming not ended\n" + s),
                () -> assertEquals(java.util.List.of(), r.ledger().stillOpen(Book.BOX_OUT), "box outgoing not ended\n" + s),
                () -> assertEquals(java.util.List.of(), r.ledger().stillOpen(Book.CARRIER), "carrier calls not ended\n" + s),
                () -> assertEquals(r.placedByBox(), r.ledger().opened(Book.BOX_OUT), s),
                () -> assertTrue(r.ledger().opened(Book.BOX_IN) <= r.ledger().opened(Book.CARRIER),
                        "the box heard of no call the carrier did not offer\n" + s),
                () -> assertEquals(0, r.boxProtocolErrors(), "box found malformed messages\n" + s),
                () -> assertEquals(0, r.carrierFaults(), "carrier found malformed messages\n" + s),
                () -> assertTrue(r.lostToNetwork() > 0 && r.lostToBox() > 0, "frames were really lost\n" + s));
    }
}
