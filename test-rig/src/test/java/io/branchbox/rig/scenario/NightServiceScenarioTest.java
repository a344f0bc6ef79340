package io.branchbox.rig.scenario;

import static io.branchbox.rig.scenario.ScenarioSite.AGENT_MARK;
import static io.branchbox.rig.scenario.ScenarioSite.CALLER_MARK;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.journal.JournalEvent;
import io.branchbox.firmware.store.CallDisposition;
import io.branchbox.firmware.journal.CallEventTypes;
import io.branchbox.firmware.store.CallRecord;
import io.branchbox.rig.carrier.OfferedCall;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Night service: the box is closed (today is a holiday, and the days around it, so the test
 * does not depend on the hour) and gives the caller the configured service.
 */
class NightServiceScenarioTest {
    private static final String CALLER = "13800000001";
    private static final String ON_DUTY = "13911112222";

    @TempDir
    Path data;

    @Test
    void closedHoursPlayTheMessageAndBookACallbackForTheOpening() throws Exception {
        try (ScenarioSite s = ScenarioSite.start(data, c -> c.withHours(closed(c, BoxConfig.NightAction.CALLBACK)))) {
            OfferedCall caller = s.call(CALLER, "95598", 1);
            String call = s.callIdOf(CALLER);
            assertEquals("CALLBACK", s.await(CallEventTypes.CALL_NIGHT, call).attr(CallEventTypes.ACTION));
            JournalEvent booked = s.await(CallEventTypes.CALLBACK_REQUESTED, call);
            assertEquals(CALLER, booked.attr(CallEventTypes.NUMBER));
            assertEquals("inquiry", booked.queue());
            caller.cleared().get(15, TimeUnit.SECONDS); // "callback booked", then the box hangs up
            assertEquals(0, s.events(CallEventTypes.CALL_QUEUED, call).size(), "nobody queues at night");
            assertEquals(CallDisposition.CALLBACK, s.record(call, false).disposition());
            assertEquals(List.of(), s.callsFromBox(), "the callback waits for the opening: nothing dialled now");
        }
    }

    @Test
    void closedHoursForwardTheCallerToTheOnDutyNumber() throws Exception {
        try (ScenarioSite s = ScenarioSite.start(data, c -> c.withHours(closed(c, BoxConfig.NightAction.FORWARD)))) {
            OfferedCall caller = s.call(CALLER, "95598", 1);
            String call = s.callIdOf(CALLER);
            assertEquals("FORWARD", s.await(CallEventTypes.CALL_NIGHT, call).attr(CallEventTypes.ACTION));
            OfferedCall onDuty = s.awaitCallFromBox(ON_DUTY);
            onDuty.answered().get(10, TimeUnit.SECONDS);
            // the caller and the on-duty phone hear each other through the box
            ScenarioSite.waitFor("the caller at the on-duty phone", ScenarioSite.WAIT,
                    () -> s.line(onDuty.timeslot()).heardOwnMark() > 50);
            ScenarioSite.waitFor("the on-duty phone at the caller", ScenarioSite.WAIT, () -> s.line(1).heardOwnMark() > 50);

            s.site.carrier().hangup(caller);
            onDuty.cleared().get(10, TimeUnit.SECONDS);
            CallRecord r = s.record(call, true);
            assertEquals(CallDisposition.ANSWERED, r.disposition());
            ScenarioSite.Recorded wav = s.recording(r);
            assertTrue(wav.left(CALLER_MARK) > wav.frames() * 8 / 10, "the caller on the left: " + wav.left(CALLER_MARK));
            assertEquals(0, wav.right(AGENT_MARK), "no agent in a forwarded call");
        }
    }

    private static BoxConfig.Hours closed(BoxConfig c, BoxConfig.NightAction action) {
        LocalDate today = ZonedDateTime.now(ZoneId.of(c.site().timezone())).toLocalDate();
        List<BoxConfig.Holiday> holidays = List.of(new BoxConfig.Holiday(today.minusDays(1).toString(), "test"),
                new BoxConfig.Holiday(today.toString(), "test"), new BoxConfig.Holiday(today.plusDays(1).toString(), "test"));
        return new BoxConfig.Hours(List.of(), holidays, List.of(),
                new BoxConfig.NightService(action, "beep", action == BoxConfig.NightAction.FORWARD ? ON_DUTY : "", "inquiry"));
    }
}
