package io.branchbox.firmware.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.audio.G711;
import io.branchbox.firmware.audio.PromptLibrary;
import io.branchbox.firmware.config.ConfigDocuments;
import io.branchbox.firmware.console.ConsoleException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptByPhoneTest {
    @TempDir
    Path prompts;

    /** One 20 ms frame of a loud 500 Hz tone: speech as far as the recorder's silence trimming goes. */
    private static byte[] voice(int frameNo) {
        byte[] f = new byte[160];
        for (int i = 0; i < f.length; i++) {
            f[i] = G711.linearToAlaw((int) (8000 * Math.sin(2 * Math.PI * 500 * (frameNo * 160 + i) / 8000.0)));
        }
        return f;
    }

    private static byte[] quiet() {
        byte[] f = new byte[160];
        java.util.Arrays.fill(f, G711.ALAW_SILENCE);
        return f;
    }

    @Test
    void theSeatHearsTheIntroThenItsVoiceIsSavedIntoTheSiteSetWhenTheButtonIsPressed() throws Exception {
        CallFixture f = new CallFixture(ConfigDocuments.defaults(), prompts);
        PromptByPhone phone = f.calls.enablePromptRecording(Runnable::run);
        phone.start(1, "site", "greeting");
        f.scheduler.runPending();
        assertTrue(f.channelOps.contains("open 30/0"));
        for (int n = 0; n < 50 * 20; n++) { // 20 s: the intro and beep, then about 10 s of voice
            f.router.onFrame(0x30, 0, n, n < 500 ? quiet() : voice(n), 0);
            f.scheduler.advance(Duration.ofMillis(20));
        }
        f.calls.onAnswerButton(1);
        f.scheduler.runPending();
        assertFalse(phone.recording(1));
        assertTrue(f.channelOps.contains("close 30/0"));
        Path saved = prompts.resolve("site/greeting.wav");
        assertTrue(Files.isRegularFile(saved));
        long ms = new PromptLibrary(prompts, "site").list("site").get(0).durationMs();
        assertTrue(ms > 1_000 && ms < 12_000, "the voice, trimmed: " + ms + " ms");
    }

    @Test
    void aSeatThatIsReadyOrBusyOrTheBuiltInSetIsRefused() {
        CallFixture f = new CallFixture(ConfigDocuments.defaults(), prompts);
        PromptByPhone phone = f.calls.enablePromptRecording(Runnable::run);
        f.calls.onReadyButton(1);
        assertEquals("busy", assertThrows(ConsoleException.class, () -> phone.start(1, "site", "greeting")).code());
        assertEquals("bad-code", assertThrows(ConsoleException.class, () -> phone.start(2, "default", "greeting")).code());
        assertEquals("no-seat", assertThrows(ConsoleException.class, () -> phone.start(9, "site", "greeting")).code());
    }
}
