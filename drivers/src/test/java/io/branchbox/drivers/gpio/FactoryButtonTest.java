package io.branchbox.drivers.gpio;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.pi4j.context.Context;
import com.pi4j.io.gpio.digital.DigitalInput;
import com.pi4j.io.gpio.digital.DigitalState;
import com.pi4j.plugin.mock.provider.gpio.digital.MockDigitalInput;
import io.branchbox.time.ManualScheduler;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class FactoryButtonTest {
    private final ManualScheduler scheduler = new ManualScheduler();
    private final Context context = GpioPlatform.mockContext();
    private final AtomicInteger resets = new AtomicInteger();

    @AfterEach
    void shutdown() {
        context.shutdown();
    }

    @Test
    void held10SecondsAsksForFactoryResetOnce() {
        MockDigitalInput button = createButton();

        press(button);
        scheduler.advance(Duration.ofMillis(9_999));
        assertEquals(0, resets.get());
        scheduler.advance(Duration.ofMillis(1));
        assertEquals(1, resets.get());

        scheduler.advance(Duration.ofSeconds(30));
        assertEquals(1, resets.get());
    }

    @Test
    void releasedAt9point9SecondsDoesNothing() {
        MockDigitalInput button = createButton();

        press(button);
        scheduler.advance(Duration.ofMillis(9_900));
        release(button);
        scheduler.advance(Duration.ofSeconds(20));

        assertEquals(0, resets.get());
    }

    @Test
    void aReleaseRestartsTheCount() {
        MockDigitalInput button = createButton();

        press(button);
        scheduler.advance(Duration.ofSeconds(6));
        release(button);
        press(button);
        scheduler.advance(Duration.ofSeconds(6));
        assertEquals(0, resets.get());
        scheduler.advance(Duration.ofSeconds(4));
        assertEquals(1, resets.get());
    }

    @Test
    void aSecondHoldAfterReleaseFiresAgain() {
        MockDigitalInput button = createButton();

        press(button);
        scheduler.advance(Duration.ofSeconds(10));
        release(button);
        press(button);
        scheduler.advance(Duration.ofSeconds(10));

        assertEquals(2, resets.get());
    }

    @Test
    void aButtonHeldAtStartUpIsIgnoredUntilReleased() {
        MockDigitalInput stuck = (MockDigitalInput) context.create(DigitalInput.newConfigBuilder(context).id("stuck").address(26).build());
        stuck.mockState(DigitalState.LOW);
        new FactoryButton(stuck, scheduler, resets::incrementAndGet);

        scheduler.advance(Duration.ofSeconds(15));
        assertEquals(0, resets.get());

        release(stuck);
        press(stuck);
        scheduler.advance(Duration.ofSeconds(10));
        assertEquals(1, resets.get());
    }

    private MockDigitalInput createButton() {
        new FactoryButton(context, PinMap.defaults(), scheduler, resets::incrementAndGet);
        return context.io("factory-button", MockDigitalInput.class);
    }

    private void press(MockDigitalInput button) {
        button.mockState(DigitalState.LOW);
        scheduler.runPending();
    }

    private void release(MockDigitalInput button) {
        button.mockState(DigitalState.HIGH);
        scheduler.runPending();
    }
}
