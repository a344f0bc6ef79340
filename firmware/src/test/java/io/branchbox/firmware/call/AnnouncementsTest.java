package io.branchbox.firmware.call;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.branchbox.time.ManualScheduler;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** {@link Announcements} alone, in virtual time: a fake line and a speaker that writes down what the caller hears. */
class AnnouncementsTest {
    private final ManualScheduler scheduler = new ManualScheduler();
    private final Map<String, Integer> every = new HashMap<>(Map.of("inquiry", 30, "quiet", 0));
    private final Map<String, Integer> positions = new HashMap<>();
    private final List<String> heard = new ArrayList<>();
    /** The announcement being played; run it to let it end. */
    private Runnable playing;

    private final Announcements announcements = new Announcements(scheduler, new Announcements.Line() {
        @Override
        public int everyS(String queue) {
            return every.get(queue);
        }

        @Override
        public int position(String callId) {
            return positions.getOrDefault(callId, 0);
        }

        @Override
        public Duration expectedWait(String callId) {
            return Duration.ofSeconds(90);
        }
    }, new Announcements.Speaker() {
        @Override
        public void announce(Call call, int position, Duration wait, Runnable done) {
            heard.add("position " + position + " wait " + wait.toSeconds() + "s");
            playing = () -> scheduler.execute(done);
        }

        @Override
        public void music(Call call) {
            heard.add("music");
        }
    });

    private Call queued(String id, String queue) {
        Call call = new Call(id, Call.Direction.IN, null, queue, scheduler.clock().instant());
        call.on(CallEvent.TRUNK_ANSWERED, scheduler.clock().instant());
        call.on(CallEvent.QUEUE_JOINED, scheduler.clock().instant());
        positions.put(id, 2);
        return call;
    }

    @Test
    void aWaitingCallerHearsTheirPlaceEveryPeriodThenTheMusic() {
        Call call = queued("C1", "inquiry");
        announcements.arm(call);

        scheduler.advance(Duration.ofSeconds(29));
        assertEquals(List.of(), heard, "nothing before the period");
        scheduler.advance(Duration.ofSeconds(1));
        assertEquals(List.of("position 2 wait 90s"), heard);
        playing.run();
        scheduler.runPending();
        assertEquals(List.of("position 2 wait 90s", "music"), heard);

        positions.put("C1", 1);
        scheduler.advance(Duration.ofSeconds(30));
        assertEquals("position 1 wait 90s", heard.getLast(), "the next one says the new place");
    }

    @Test
    void aQueueWithoutAnnouncementsStaysWithTheMusic() {
        Call call = queued("C2", "quiet");
        announcements.arm(call);
        scheduler.advance(Duration.ofMinutes(10));
        assertEquals(List.of(), heard);
        assertEquals(0, scheduler.pendingCount());
    }

    @Test
    void armingAgainRestartsTheCountInsteadOfAddingATimer() {
        Call call = queued("C3", "inquiry");
        announcements.arm(call);
        scheduler.advance(Duration.ofSeconds(20));
        announcements.arm(call); // requeued (missed offer): a new wait, a new count
        scheduler.advance(Duration.ofSeconds(20));
        assertEquals(List.of(), heard);
        scheduler.advance(Duration.ofSeconds(10));
        assertEquals(1, heard.size());
    }

    @Test
    void aCallNoLongerInLineHearsNothingAndIsNotArmedAgain() {
        Call call = queued("C4", "inquiry");
        announcements.arm(call);
        call.on(CallEvent.AGENT_MATCHED, scheduler.clock().instant());
        scheduler.advance(Duration.ofSeconds(30));
        assertEquals(List.of(), heard);
        assertEquals(0, scheduler.pendingCount());
    }

    @Test
    void aCallerNotFoundInLineIsNotToldAPlaceButKeepsItsTimer() {
        Call call = queued("C5", "inquiry");
        positions.put("C5", 0);
        announcements.arm(call);
        scheduler.advance(Duration.ofSeconds(30));
        assertEquals(List.of(), heard);
        assertEquals(1, scheduler.pendingCount(), "armed for the next period");
    }

    @Test
    void anAnnouncementEndingWhileASeatRingsGoesBackToTheMusicNotToSilence() {
        Call call = queued("C6", "inquiry");
        announcements.arm(call);
        scheduler.advance(Duration.ofSeconds(30));
        call.on(CallEvent.AGENT_MATCHED, scheduler.clock().instant()); // a seat rings mid-announcement
        playing.run();
        scheduler.runPending();
        assertEquals(List.of("position 2 wait 90s", "music"), heard);
    }

    @Test
    void anAnnouncementEndingAfterTheAgentAnsweredLeavesTheBridgeAlone() {
        Call call = queued("C7", "inquiry");
        announcements.arm(call);
        scheduler.advance(Duration.ofSeconds(30));
        call.on(CallEvent.AGENT_MATCHED, scheduler.clock().instant());
        call.on(CallEvent.SEAT_OPENED, scheduler.clock().instant());
        playing.run();
        scheduler.runPending();
        assertEquals(List.of("position 2 wait 90s"), heard);
    }
}
