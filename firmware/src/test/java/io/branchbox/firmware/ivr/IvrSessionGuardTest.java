package io.branchbox.firmware.ivr;

import static io.branchbox.firmware.ivr.IvrSessionTest.IVR;
import static io.branchbox.firmware.ivr.IvrSessionTest.MAIN;
import static io.branchbox.firmware.ivr.IvrSessionTest.REPAIR;
import static io.branchbox.firmware.ivr.IvrSessionTest.step;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.config.BoxConfig.StepAction;
import io.branchbox.firmware.config.ConfigDocuments;
import io.branchbox.time.ManualScheduler;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hang-ups, loops, misconfiguration, re-entrant ports and the factory menu. */
class IvrSessionGuardTest {
    private final ManualScheduler scheduler = new ManualScheduler();
    private final RecordingPort port = new RecordingPort();
    private final IvrSession session = new IvrSession(IVR, "main", scheduler, port);

    @Test
    void cancelWhileWaitingStopsTheTimeoutAndEveryPortCall() {
        session.start();
        port.promptEnds();
        port.take();
        session.cancel();
        assertEquals(0, scheduler.pendingCount());
        scheduler.advance(Duration.ofMinutes(1));
        session.onKey('2');
        session.cancel();
        assertEquals(List.of(), port.take());
        assertTrue(session.isEnded());
    }

    @Test
    void cancelDuringAPromptIgnoresItsEnd() {
        session.start();
        port.take();
        session.cancel();
        port.promptEnds();
        scheduler.advance(Duration.ofMinutes(1));
        assertEquals(List.of(), port.take());
        assertEquals(0, scheduler.pendingCount());
    }

    @Test
    void keysBeforeStartAreIgnoredAndStartIsOnce() {
        session.onKey('2');
        assertEquals(List.of(), port.take());
        session.start();
        assertThrows(IllegalStateException.class, session::start);
    }

    @Test
    void aCallerCirclingBetweenMenusIsQueuedAfterTwentyEntries() {
        session.start();
        for (int press = 1; press < IvrSession.MAX_MENU_ENTRIES; press++) {
            session.onKey(press % 2 == 1 ? '1' : '9');
        }
        assertFalse(session.isEnded(), "20 entries are allowed");
        assertEquals("repair", session.currentMenu());
        port.take();
        session.onKey('9');
        assertEquals(List.of("stop", "journal repair '9' MENU main", "journal main '' QUEUE inquiry",
                "finish QUEUE inquiry priority 2"), port.take());
    }

    @Test
    void aStartMenuOrMenuStepThatDoesNotExistIsRefused() {
        assertThrows(IllegalArgumentException.class, () -> new IvrSession(IVR, "nope", scheduler, port));
        BoxConfig.Menu broken = new BoxConfig.Menu("broken", "main-menu", 5, 0, "invalid-choice",
                Map.of("1", step(StepAction.MENU, "missing", 0)), step(StepAction.QUEUE, "inquiry", 0));
        BoxConfig.Ivr ivr = new BoxConfig.Ivr("greeting", "inquiry", Map.of(), "", "main", List.of(MAIN, REPAIR, broken),
                Map.of(), "default");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> new IvrSession(ivr, "main", scheduler, port));
        assertTrue(e.getMessage().contains("missing"), e.getMessage());
    }

    @Test
    void aPromptThatEndsAtOnceStillGivesTheCallerTheTimeout() {
        RecordingPort instant = new RecordingPort() {
            @Override
            public void play(String prompt, Runnable whenDone) {
                super.play(prompt, whenDone);
                whenDone.run();
            }
        };
        IvrSession s = new IvrSession(IVR, "main", scheduler, instant);
        s.start();
        s.onKey('5');
        assertEquals(List.of("play main-menu", "journal main '5' MENU main", "play invalid-choice", "play main-menu"),
                instant.take());
        scheduler.advance(Duration.ofSeconds(5));
        assertEquals(List.of("journal main '' MENU main", "play main-menu"), instant.take());
    }

    @Test
    void aPortThatHangsUpOnFinishIsSafe() {
        IvrSession[] session = new IvrSession[1];
        RecordingPort hangsUp = new RecordingPort() {
            @Override
            public void finish(Outcome o) {
                super.finish(o);
                session[0].cancel();
            }
        };
        session[0] = new IvrSession(IVR, "main", scheduler, hangsUp);
        session[0].start();
        session[0].onKey('2');
        assertEquals(List.of("play main-menu", "stop", "journal main '2' QUEUE inquiry", "finish QUEUE inquiry priority 0"),
                hangsUp.take());
        assertTrue(session[0].isEnded());
        assertEquals(0, scheduler.pendingCount());
    }

    @ParameterizedTest
    @CsvSource({"1, repair", "2, inquiry", "3, complaint", "0, inquiry"})
    void theFactoryMenuQueuesByKey(char key, String queue) {
        IvrSession factory = new IvrSession(ConfigDocuments.defaults().ivr(), "main", scheduler, port);
        factory.start();
        port.promptEnds();
        factory.onKey(key);
        assertEquals(new Outcome(step(StepAction.QUEUE, queue, 0), 0), port.outcome);
    }

    @Test
    void theFactoryMenuQueuesASilentCallerForInquiryAfterThreeHearings() {
        IvrSession factory = new IvrSession(ConfigDocuments.defaults().ivr(), "main", scheduler, port);
        factory.start();
        for (int i = 0; i < 3; i++) {
            port.promptEnds();
            scheduler.advance(Duration.ofSeconds(5));
        }
        assertEquals(3, port.events.stream().filter("play main-menu"::equals).count());
        assertEquals(new Outcome(step(StepAction.QUEUE, "inquiry", 0), 0), port.outcome);
    }
}
