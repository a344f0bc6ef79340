package io.branchbox.rig.e2e;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.box.BoxLauncher;
import io.branchbox.drivers.cb1.msg.Units;
import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.store.CallDisposition;
import io.branchbox.firmware.journal.CallEventTypes;
import io.branchbox.firmware.store.CallRecord;
import io.branchbox.firmware.store.CallRecordRepository;
import io.branchbox.rig.carrier.OfferedCall;
import io.branchbox.rig.mqtt.EmbeddedBroker;
import io.branchbox.rig.mqtt.TestSubscriber;
import io.branchbox.rig.panel.SeatButton;
import io.branchbox.rig.sim.SimulatedSite;
import io.branchbox.rig.sim.TaggedAudio;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.BooleanSupplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * One inbound call through the whole box, every part on its real path: the carrier's SETUP crosses
 * the simulated E1, the CB-1 simulator and a pseudo-terminal into the box (jSerialComm), the box
 * answers, greets and queues, the seat panel's button (Pi4J mock, MCP23017 simulation) answers,
 * audio is bridged both ways, recorded to a WAV file, the call record lands in the H2 file
 * database, and health reaches a subscriber on a real MQTT broker.
 */
class OneCallEndToEndTest {
    private static final int SPAN0 = Units.span(0);
    private static final int SEAT = 1;
    private static final int CALLER_MARK = 0x7A;
    private static final int AGENT_MARK = 0x3C;

    @TempDir
    Path data;

    @Test
    void inboundCallIsAnsweredQueuedOfferedBridgedRecordedAndReported() throws Exception {
        try (EmbeddedBroker broker = EmbeddedBroker.start();
                TestSubscriber office = TestSubscriber.subscribe(broker.uri(), "branchbox/#");
                SimulatedSite site = SimulatedSite.start(data)) {
            BoxConfig site0 = site.config(broker.uri(), 0, 5);
            // this test checks the talk's recording frame by frame: recording from the agent's answer
            // (recordIvr false); recording from the box's answer is AbandonedInQueueRecordingScenarioTest's
            BoxConfig config = site0.withRecording(new BoxConfig.Recording(site0.recording().directory(),
                    site0.recording().retentionDays(), false));
            TaggedAudio caller = new TaggedAudio(CALLER_MARK, AGENT_MARK, 440);
            TaggedAudio agent = new TaggedAudio(AGENT_MARK, CALLER_MARK, 660);
            site.board().setAudioEndpoint(SPAN0, 1, caller);
            site.board().setAudioEndpoint(Units.headset(SEAT - 1), 0, agent);

            try (BoxLauncher.Running box = BoxLauncher.start(config, data, site.hardware(config))) {
                site.wireBoardLines();
                waitFor("layer 2 up between box and carrier", Duration.ofSeconds(20), site.carrier()::layer2Up);
                // the box's own time of the agent's answer: the recording's reference, not the test
                // thread's clock, which a loaded machine may schedule late by a second
                AtomicReference<Instant> connected = new AtomicReference<>();
                box.runtime().journal().addListener(e -> {
                    if (CallEventTypes.CALL_CONNECTED.equals(e.type())) {
                        connected.compareAndSet(null, e.at());
                    }
                });

                site.press(SEAT, SeatButton.READY);
                waitFor("seat 1 READY lamp", Duration.ofSeconds(5), () -> site.readyLamp(SEAT));

                // 1. the call is answered on the trunk (CONNECT received by the carrier)
                OfferedCall call = site.carrier().offerCall("13800138000", "95598", 1).get(15, TimeUnit.SECONDS);
                assertEquals(1, call.timeslot());

                // 2. after the greeting the agent is offered the call: the seat's CALL lamp lights
                waitFor("CALL lamp of the offered seat", Duration.ofSeconds(20), () -> site.callLamp(SEAT));
                assertFalse(site.readyLamp(SEAT), "an offered agent is no longer READY");
                String callId = box.runtime().snapshot().calls().get(0).callId();

                // 3. the agent answers at the panel; audio flows both ways, unaltered
                site.press(SEAT, SeatButton.ANSWER);
                waitFor("caller audio at the headset", Duration.ofSeconds(10), () -> agent.heardTagged() > 25);
                long heardBefore = caller.heardTagged();
                waitFor("2 s of conversation", Duration.ofSeconds(10), () -> agent.heardTagged() > 125);
                assertTrue(caller.heardTagged() - heardBefore > 75, "agent audio reached the caller: " + caller.heardTagged());
                assertTrue(agent.heardIntact() >= agent.heardTagged() - 2, "caller frames arrive unaltered");
                assertTrue(caller.heardIntact() >= caller.heardTagged() - 2, "agent frames arrive unaltered");
                assertTrue(site.callLamp(SEAT), "CALL lamp steady while talking");

                // 4. the caller hangs up; the box clears the call on the trunk
                site.carrier().hangup(call);
                call.cleared().get(10, TimeUnit.SECONDS);

                // 5. the call record, with its recording, in the H2 file database
                CallRecordRepository records = new CallRecordRepository(box.runtime().dataSource());
                CallRecord r = waitForRecord(records, callId);
                assertEquals(CallDisposition.ANSWERED, r.disposition());
                assertEquals("13800138000", r.callingNumber());
                assertEquals("95598", r.calledNumber());
                assertEquals("agent1", r.agentId());
                assertEquals("span0/ts1", r.trunk());
                assertNotNull(r.answeredAt());
                assertNotNull(r.endedAt());

                // 6. the recording: stereo A-law, caller left and agent right, about as long as the talk
                Path wav = data.resolve("recordings").resolve(r.recordingFile());
                assertTrue(Files.isRegularFile(wav), "recording at " + wav);
                byte[] bytes = Files.readAllBytes(wav);
                ByteBuffer h = ByteBuffer.wrap(bytes).order(ByteOrder.LITTLE_ENDIAN);
                assertEquals(6, h.getShort(20), "A-law");
                assertEquals(2, h.getShort(22), "stereo");
                long dataBytes = Integer.toUnsignedLong(h.getInt(54));
                assertEquals(bytes.length - 58, dataBytes, "data size in the header matches the file");
                long durationMs = dataBytes / 16;
                assertEquals(durationMs, r.recordingDurationMs());
                long talkMs = Duration.between(connected.get(), r.endedAt()).toMillis();
                assertTrue(Math.abs(durationMs - talkMs) < 700, "recorded " + durationMs + " ms of " + talkMs
                        + " ms talk (the box's connect to end)");
                int[] marks = channelMarks(bytes);
                assertTrue(marks[0] > durationMs / 20 * 9 / 10, "caller frames on the left: " + marks[0]);
                assertTrue(marks[1] > durationMs / 20 * 8 / 10, "agent frames on the right: " + marks[1]);
                assertEquals(64, r.recordingSha256().length());
            }

            // 7. the central office got health (and the box said online)
            List<TestSubscriber.Received> health = office.awaitLeaf("health", 1, Duration.ofSeconds(15));
            assertFalse(health.isEmpty(), "health on MQTT: " + office.all());
            assertTrue(health.get(0).topic().startsWith("branchbox/demo-site/demo-box/"), health.get(0).topic());
            assertTrue(health.get(0).payload().contains("\"schema\":\"branchbox.health/1\""), health.get(0).payload());
            assertTrue(office.all().stream().anyMatch(m -> m.topic().endsWith("/status") && m.payload().contains("online")));
        }
    }

    /**
     * Counts the 20 ms stereo frames whose first left sample carries the caller's mark and whose
     * first right sample carries the agent's: the recorder writes one frame per trunk tick, caller
     * left and the bridged agent frame right, interleaved sample by sample.
     */
    private static int[] channelMarks(byte[] wav) {
        int left = 0;
        int right = 0;
        for (int f = 58; f + 320 <= wav.length; f += 320) {
            left += wav[f] == (byte) CALLER_MARK ? 1 : 0;
            right += wav[f + 1] == (byte) AGENT_MARK ? 1 : 0;
        }
        return new int[] {left, right};
    }

    private static CallRecord waitForRecord(CallRecordRepository records, String callId) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            Optional<CallRecord> r = records.find(callId);
            if (r.isPresent() && r.get().recordingFile() != null && r.get().disposition() != CallDisposition.IN_PROGRESS) {
                return r.get();
            }
            Thread.sleep(50);
        }
        throw new AssertionError("no finished call record with its recording for " + callId + ": " + records.find(callId));
    }

    private static void waitFor(String what, Duration timeout, BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > deadline) {
                throw new AssertionError("timed out after " + timeout.toSeconds() + " s waiting for " + what);
            }
            Thread.sleep(20);
        }
    }
}
