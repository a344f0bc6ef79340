package io.branchbox.firmware.ivr;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.config.BoxConfig.StepAction;
import io.branchbox.time.ManualScheduler;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class IvrSessionTest {
    /** main: 1 repair menu (priority 2), 2 inquiry, 8 hang up; 5 s, 2 retries. */
    static final BoxConfig.Menu MAIN = new BoxConfig.Menu("main", "main-menu", 5, 2, "invalid-choice",
            Map.of("1", step(StepAction.MENU, "repair", 2),
                    "2", step(StepAction.QUEUE, "inquiry", 0),
                    "8", step(StepAction.HANGUP, "goodbye", 0)),
            step(StepAction.QUEUE, "inquiry", 0));
    /** repair: 1 repair queue (priority 5), 2 callback, 9 back to main; 8 s, 1 retry. */
    static final BoxConfig.Menu REPAIR = new BoxConfig.Menu("repair", "repair-menu", 8, 1, "invalid-repair",
            Map.of("1", step(StepAction.QUEUE, "repair", 5),
                    "2", step(StepAction.CALLBACK, "repair", 0),
                    "9", step(StepAction.MENU, "main", 0)),
            step(StepAction.QUEUE, "repair", 0));
    static final BoxConfig.Ivr IVR = new BoxConfig.Ivr("greeting", "inquiry", Map.of(), "", "main",
            List.of(MAIN, REPAIR), Map.of(), "default");

    private final ManualScheduler scheduler = new ManualScheduler();
    private final RecordingPort port = new RecordingPort();
    private final IvrSession session = new IvrSession(IVR, "main", scheduler, port);

    static BoxConfig.Step step(StepAction action, String target, int priority) {
        return new BoxConfig.Step(action, target, priority);
    }

    private void waitSeconds(double s) {
        scheduler.advance(Duration.ofMillis((long) (s * 1000)));
    }

    @Test
    void aChoiceAfterThePromptFinishesWithItsStep() {
        session.start();
        assertEquals(List.of("play main-menu"), port.take());
        port.promptEnds();
        waitSeconds(4);
        session.onKey('2');
        assertEquals(List.of("journal main '2' QUEUE inquiry", "finish QUEUE inquiry priority 0"), port.take());
        assertTrue(session.isEnded());
        assertEquals(0, scheduler.pendingCount(), "the menu timeout is cancelled");
    }

    @Test
    void aMenuStepEntersTheNestedMenu() {
        session.start();
        port.promptEnds();
        session.onKey('1');
        assertEquals(List.of("play main-menu", "journal main '1' MENU repair", "play repair-menu"), port.take());
        assertEquals("repair", session.currentMenu());
        port.promptEnds();
        session.onKey('1');
        assertEquals(List.of("journal repair '1' QUEUE repair", "finish QUEUE repair priority 5"), port.take());
    }

    @Test
    void aKeyDuringThePromptStopsItAndCounts() {
        session.start();
        Runnable mainPromptDone = port.whenDones.getLast();
        session.onKey('1');
        assertEquals(List.of("play main-menu", "stop", "journal main '1' MENU repair", "play repair-menu"), port.take());
        mainPromptDone.run();
        waitSeconds(60);
        assertEquals(List.of(), port.take(), "the stopped prompt's end starts no timeout");
        assertFalse(session.isEnded());
    }

    @Test
    void anInvalidKeyPlaysTheInvalidPromptThenTheMenuAgain() {
        session.start();
        port.promptEnds();
        session.onKey('7');
        assertEquals(List.of("play main-menu", "journal main '7' MENU main", "play invalid-choice"), port.take());
        port.promptEnds();
        assertEquals(List.of("play main-menu"), port.take());
        port.promptEnds();
        session.onKey('2');
        assertEquals(List.of("journal main '2' QUEUE inquiry", "finish QUEUE inquiry priority 0"), port.take());
    }

    @Test
    void aKeyDuringTheInvalidPromptIsTakenAtOnce() {
        session.start();
        port.promptEnds();
        session.onKey('#');
        port.take();
        session.onKey('2');
        assertEquals(List.of("stop", "journal main '2' QUEUE inquiry", "finish QUEUE inquiry priority 0"), port.take());
    }

    @Test
    void timeoutsReplayTheMenuThenTheFallbackIsTaken() {
        session.start();
        waitSeconds(30);
        assertEquals(List.of("play main-menu"), port.take(), "the timeout runs only after the prompt");
        port.promptEnds();
        waitSeconds(4.999);
        assertEquals(List.of(), port.take());
        waitSeconds(0.001);
        assertEquals(List.of("journal main '' MENU main", "play main-menu"), port.take());
        port.promptEnds();
        waitSeconds(5);
        assertEquals(List.of("journal main '' MENU main", "play main-menu"), port.take());
        port.promptEnds();
        waitSeconds(5);
        assertEquals(List.of("journal main '' QUEUE inquiry", "finish QUEUE inquiry priority 0"), port.take());
        assertTrue(session.isEnded());
    }

    @Test
    void invalidKeysAndTimeoutsShareTheTriesAndTheLastGoesStraightToTheFallback() {
        session.start();
        port.promptEnds();
        session.onKey('1');
        port.promptEnds();
        port.take();
        waitSeconds(8);
        assertEquals(List.of("journal repair '' MENU repair", "play repair-menu"), port.take());
        session.onKey('7');
        assertEquals(List.of("stop", "journal repair '7' QUEUE repair", "finish QUEUE repair priority 2"), port.take(),
                "no invalid prompt before the fallback; the repair menu's priority 2 is kept");
    }

    @Test
    void enteringAMenuGivesFreshTries() {
        session.start();
        port.promptEnds();
        waitSeconds(5);
        port.promptEnds();
        waitSeconds(5);
        session.onKey('1');
        port.promptEnds();
        port.take();
        waitSeconds(8);
        assertEquals(List.of("journal repair '' MENU repair", "play repair-menu"), port.take(),
                "two timeouts in main do not count in repair");
    }

    @Test
    void theOutcomeHasTheHighestPriorityOfThePath() {
        session.start();
        session.onKey('1');
        session.onKey('9');
        session.onKey('2');
        assertEquals(new Outcome(step(StepAction.QUEUE, "inquiry", 0), 2), port.outcome,
                "the way through repair (2) counts though the caller went back to main");
    }

    @Test
    void aCallbackChoiceKeepsThePathsPriority() {
        session.start();
        session.onKey('1');
        session.onKey('2');
        assertEquals(new Outcome(step(StepAction.CALLBACK, "repair", 0), 2), port.outcome);
    }

    @Test
    void hangupChoiceEndsWithItsPrompt() {
        session.start();
        session.onKey('8');
        assertEquals(new Outcome(step(StepAction.HANGUP, "goodbye", 0), 0), port.outcome);
    }
}
