package io.branchbox.firmware.call;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.call.IvrPolicy.Decision;
import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.config.ConfigDocuments;
import io.branchbox.firmware.ivr.Outcome;
import io.branchbox.time.ManualScheduler;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * {@link IvrPolicy} alone, in virtual time (the scheduler's clock starts on a Thursday, 08:00 in
 * Shanghai): where an answered call, a menu outcome, the crew IVR's end and a callback lead.
 */
class IvrPolicyTest {
    private final ManualScheduler scheduler = new ManualScheduler();
    private final BoxConfig defaults = ConfigDocuments.defaults();

    private Instant now() {
        return scheduler.clock().instant();
    }

    /** The defaults with the crew line on the number 95598800 and the entry menu's key 9. */
    private BoxConfig withCrew() {
        return defaults.withWorkOrders(new BoxConfig.WorkOrders(defaults.workOrders().deadlines(), defaults.workOrders().crews(),
                defaults.workOrders().leads(), "crew-pins.properties", "95598800", "9"));
    }

    /** Open only 08:30–08:31 every day, so the virtual 08:00 is night, with this night service. */
    private BoxConfig night(BoxConfig.NightService service) {
        return defaults.withHours(new BoxConfig.Hours(
                List.of(new BoxConfig.OpenPeriod(List.of(DayOfWeek.values()), "08:30", "08:31")), List.of(), List.of(), service));
    }

    @Test
    void aCallerHearsTheGreetingThenTheEntryMenuAndAPriorityCallerKeepsTheirPriority() {
        BoxConfig c = defaults.withIvr(new BoxConfig.Ivr("greeting", "inquiry", Map.of(), "survey", "main",
                defaults.ivr().menus(), Map.of("13900000009", 5), "default"));
        IvrPolicy policy = new IvrPolicy(c);
        Decision menu = new Decision.Play("greeting", new Decision.Menu("main"));
        assertEquals(new IvrPolicy.Routed(0, menu), policy.answered("95598", "13800000001", now(), false));
        assertEquals(new IvrPolicy.Routed(5, menu), policy.answered("95598", "13900000009", now(), false));
    }

    @Test
    void withoutAMenuTheDialledNumbersQueueIsJoinedAfterTheGreetingElseTheDefaultQueue() {
        IvrPolicy policy = new IvrPolicy(defaults.withIvr(new BoxConfig.Ivr("greeting", "inquiry", Map.of("95598", "repair"), "survey")));
        assertEquals(new Decision.Play("greeting", new Decision.MoveTo("repair", new Decision.Queue(0))),
                policy.answered("95598", "13800000001", now(), false).decision());
        assertEquals(new Decision.Play("greeting", new Decision.MoveTo("inquiry", new Decision.Queue(0))),
                policy.answered("12345", "13800000001", now(), false).decision());
    }

    @Test
    void theCrewNumberLeadsToTheCrewIvrOnlyWhileTheCrewLineIsOn() {
        IvrPolicy policy = new IvrPolicy(withCrew());
        assertEquals(new IvrPolicy.Routed(0, new Decision.Crew()), policy.answered("95598800", "13800000001", now(), true));
        assertEquals(new Decision.Play("greeting", new Decision.Menu("main")),
                policy.answered("95598800", "13800000001", now(), false).decision(), "no crew line: an ordinary caller");
    }

    @Test
    void atNightEachServiceLeadsWhereTheDocumentSays() {
        BoxConfig.NightAction message = BoxConfig.NightAction.MESSAGE;
        assertEquals(new Decision.Night(message, new Decision.Goodbye("closed")),
                new IvrPolicy(night(new BoxConfig.NightService(message, "closed", "", "repair")))
                        .answered("95598", "13800000001", now(), false).decision());
        BoxConfig.NightAction forward = BoxConfig.NightAction.FORWARD;
        assertEquals(new Decision.Night(forward, new Decision.Play("closed", new Decision.Forward("13911112222"))),
                new IvrPolicy(night(new BoxConfig.NightService(forward, "closed", "13911112222", "repair")))
                        .answered("95598", "13800000001", now(), false).decision());
        BoxConfig.NightAction voicemail = BoxConfig.NightAction.VOICEMAIL;
        assertEquals(new Decision.Night(voicemail, new Decision.MoveTo("repair", new Decision.Play("closed", new Decision.Voicemail()))),
                new IvrPolicy(night(new BoxConfig.NightService(voicemail, "closed", "", "repair")))
                        .answered("95598", "13800000001", now(), false).decision(), "the night queue before the prompt");
    }

    @Test
    void aNightCallbackIsBookedForTheOpening() {
        BoxConfig.NightAction callback = BoxConfig.NightAction.CALLBACK;
        Instant opening = now().plus(Duration.ofMinutes(30)); // 08:30 in Shanghai
        assertEquals(new Decision.Night(callback, new Decision.MoveTo("repair",
                        new Decision.Play("closed", new Decision.Callback("repair", opening)))),
                new IvrPolicy(night(new BoxConfig.NightService(callback, "closed", "", "repair")))
                        .answered("95598", "13800000001", now(), false).decision());
        scheduler.advance(Duration.ofMinutes(30));
        assertEquals(new Decision.Play("greeting", new Decision.Menu("main")),
                new IvrPolicy(night(new BoxConfig.NightService(callback, "closed", "", "repair")))
                        .answered("95598", "13800000001", now(), false).decision(), "open at 08:30");
    }

    private static Outcome outcome(BoxConfig.StepAction action, String target, int stepPriority, int priority) {
        return new Outcome(new BoxConfig.Step(action, target, stepPriority), priority);
    }

    @Test
    void eachMenuOutcomeLeadsToItsStepWithTheMenusPriority() {
        IvrPolicy policy = new IvrPolicy(defaults);
        assertEquals(new IvrPolicy.Routed(2, new Decision.MoveTo("repair", new Decision.Queue(7))),
                policy.afterMenu(outcome(BoxConfig.StepAction.QUEUE, "repair", 7, 2), now()));
        assertEquals(new IvrPolicy.Routed(0, new Decision.MoveTo("complaint", new Decision.Voicemail())),
                policy.afterMenu(outcome(BoxConfig.StepAction.VOICEMAIL, "complaint", 0, 0), now()));
        assertEquals(new IvrPolicy.Routed(3, new Decision.MoveTo("repair", new Decision.Callback("repair", now()))),
                policy.afterMenu(outcome(BoxConfig.StepAction.CALLBACK, "repair", 0, 3), now()), "dialled as soon as it is its turn");
        assertEquals(new Decision.Forward("13911112222"),
                policy.afterMenu(outcome(BoxConfig.StepAction.FORWARD, "13911112222", 0, 0), now()).decision());
        assertEquals(new Decision.Goodbye("bye"), policy.afterMenu(outcome(BoxConfig.StepAction.HANGUP, "bye", 0, 0), now()).decision());
    }

    @Test
    void theCrewCodeCountsOnlyAsTheFirstKeyOfTheEntryMenuWithTheCrewLineOn() {
        IvrPolicy policy = new IvrPolicy(withCrew());
        assertTrue(policy.crewKey("main", '9', true, true));
        assertFalse(policy.crewKey("main", '9', false, true), "not after another key");
        assertFalse(policy.crewKey("main", '1', true, true));
        assertFalse(policy.crewKey("repair-menu", '9', true, true), "not in a sub-menu");
        assertFalse(policy.crewKey("main", '9', true, false), "not without the crew line");
        assertFalse(new IvrPolicy(defaults).crewKey("main", '9', true, true), "no crew code configured");
    }

    @Test
    void aCrewWhoFailedGoesToTheDefaultQueueAndAReportDoneHangsUp() {
        IvrPolicy policy = new IvrPolicy(withCrew());
        assertEquals(new Decision.MoveTo("inquiry", new Decision.Queue(0)), policy.afterCrew(true));
        assertEquals(new Decision.HangUp("crew report recorded"), policy.afterCrew(false));
    }

    @Test
    void aCallbackNeedsTheCallersNumberElseTheCallerWaits() {
        assertEquals(new IvrPolicy.CallbackChoice.Book("repair", now()), IvrPolicy.callback("13800000001", "repair", now()));
        assertEquals(new IvrPolicy.CallbackChoice.WaitInstead(), IvrPolicy.callback("", "repair", now()));
    }
}
