package io.branchbox.firmware.workorder;

import static org.junit.jupiter.api.Assertions.*;

import io.branchbox.firmware.journal.JournalEvent;
import io.branchbox.firmware.uplink.Alarm;
import io.branchbox.time.ManualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The voicemail inbox in virtual time: a message is late after the configured minutes until handled. */
class VoicemailInboxTest {
    private final ManualScheduler time = new ManualScheduler();
    private final List<JournalEvent> journal = new ArrayList<>();
    private final List<Alarm> alarms = new ArrayList<>();
    private final VoicemailInbox inbox = new VoicemailInbox(time, e -> {
        journal.add(e);
        return journal.size();
    }, 60);

    private void left(String callId, String caller) {
        inbox.onJournal(JournalEvent.of(time.clock().instant(), "call.started", callId, null, null, Map.of("calling", caller)));
        inbox.onJournal(JournalEvent.of(time.clock().instant(), "call.voicemail", callId, null, "repair",
                Map.of("file", "x.wav", "durationMs", "14000")));
    }

    @Test
    void aMessageNotHandledWithinAnHourIsLateAndHandlingItClearsTheAlarm() {
        inbox.setAlarmSink(alarms::add);
        left("c1", "13800000001");
        VoicemailInbox.Message m = inbox.list().get(0);
        assertEquals("13800000001", m.caller());
        assertEquals("repair", m.queue());
        assertEquals(14000, m.durationMs());

        time.advance(Duration.ofMinutes(59));
        assertTrue(alarms.isEmpty());
        time.advance(Duration.ofMinutes(1));
        assertTrue(inbox.list().get(0).late());
        assertEquals(VoicemailInbox.LATE, journal.get(0).type());
        assertEquals("WORKORDER_VOICEMAIL_C1", alarms.get(0).code());

        VoicemailInbox.Message done = inbox.handle("c1", VoicemailInbox.Outcome.ORDER, "1001", Actor.web("agent2", ActorRole.AGENT));
        assertFalse(done.open());
        assertEquals("1001", done.order());
        assertEquals("false", journal.get(1).attr(WorkOrderEvents.ON_TIME));
        assertEquals(Alarm.Severity.CLEARED, alarms.get(1).severity());
        assertEquals(done, inbox.handle("c1", VoicemailInbox.Outcome.DONE, "", Actor.web("agent3", ActorRole.AGENT)),
                "handled once");
        assertEquals(2, journal.size());
    }

    @Test
    void theInboxIsRebuiltFromTheJournalAndATurnedIntoOrderNamesTheOrder() {
        left("c2", "13800000002");
        assertEquals(Refusal.Reason.BAD_INPUT, assertThrows(Refusal.class,
                () -> inbox.handle("c2", VoicemailInbox.Outcome.ORDER, "", Actor.web("agent2", ActorRole.AGENT))).reason());
        inbox.handle("c2", VoicemailInbox.Outcome.CALLBACK, "", Actor.web("agent2", ActorRole.AGENT));
        VoicemailInbox again = new VoicemailInbox(time, e -> 0, 60);
        again.replay(JournalEvent.of(time.clock().instant(), "call.started", "c2", null, null, Map.of("calling", "13800000002")));
        again.replay(JournalEvent.of(time.clock().instant(), "call.voicemail", "c2", null, "repair", Map.of("durationMs", "1")));
        journal.forEach(again::replay);
        again.start();
        time.advance(Duration.ofHours(2));
        assertEquals(VoicemailInbox.Outcome.CALLBACK, again.list().get(0).outcome());
        assertFalse(again.list().get(0).late(), "handled in time: never late after a restart");
    }
}
