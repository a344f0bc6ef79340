package io.branchbox.drivers.gpio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalOutput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import io.branchbox.time.ManualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class BoardControlLinesTest {
    private final ManualScheduler scheduler = new ManualScheduler();
    private final Context context = GpioPlatform.mockContext();
    private final BoardControlLines lines = new BoardControlLines(context, PinMap.defaults(), scheduler);
    private final DigitalOutput reset = context.io("board-reset", DigitalOutput.class);
    private final MockDigitalInput present = context.io("board-present", MockDigitalInput.class);

    @AfterEach
    void shutdown() {
        context.shutdown();
    }

    @Test
    void resetIsIdleHighOnGpio17() {
        assertEquals(17, reset.address().intValue());
        assertTrue(reset.isHigh());
        assertFalse(lines.resetAsserted());
    }

    @Test
    void resetPulseIsActiveLowForTheRequestedTime() {
        List<Long> edges = recordEdges();

        lines.pulseReset(Duration.ofMillis(50));

        assertTrue(reset.isLow());
        scheduler.advance(Duration.ofMillis(49));
        assertTrue(reset.isLow());
        scheduler.advance(Duration.ofMillis(1));
        assertTrue(reset.isHigh());
        assertEquals(List.of(0L, 50L), edges);
    }

    @Test
    void aTooShortPulseIsLengthenedTo10Ms() {
        List<Long> edges = recordEdges();

        lines.pulseReset(Duration.ofMillis(2));
        scheduler.advance(Duration.ofMillis(9));

        assertTrue(reset.isLow());
        scheduler.advance(Duration.ofMillis(1));
        assertTrue(reset.isHigh());
        assertEquals(List.of(0L, 10L), edges);
    }

    @Test
    void aSecondPulseDuringTheFirstExtendsIt() {
        lines.pulseReset(Duration.ofMillis(20));
        scheduler.advance(Duration.ofMillis(15));
        lines.pulseReset(Duration.ofMillis(20));

        scheduler.advance(Duration.ofMillis(10));
        assertTrue(reset.isLow());
        scheduler.advance(Duration.ofMillis(10));
        assertTrue(reset.isHigh());
    }

    @Test
    void usableAsAResetLineMethodReference() {
        java.util.function.Consumer<Duration> resetLine = lines::pulseReset;
        resetLine.accept(Duration.ofMillis(10));
        assertTrue(lines.resetAsserted());
    }

    @Test
    void presenceIsActiveLowAndChangesAreReportedOnce() {
        List<Boolean> seen = new ArrayList<>();
        lines.addPresenceListener(seen::add);
        assertFalse(lines.boardPresent());

        present.mockState(DigitalState.LOW);
        scheduler.runPending();
        assertTrue(lines.boardPresent());

        present.mockState(DigitalState.HIGH);
        scheduler.runPending();
        assertFalse(lines.boardPresent());

        assertEquals(List.of(true, false), seen);
    }

    private List<Long> recordEdges() {
        List<Long> edges = new ArrayList<>();
        reset.addListener(e -> edges.add(scheduler.elapsed().toMillis()));
        return edges;
    }
}
