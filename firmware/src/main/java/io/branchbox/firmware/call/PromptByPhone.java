package io.branchbox.firmware.call;

import io.branchbox.firmware.acd.Agent;
import io.branchbox.firmware.acd.AgentState;
import io.branchbox.firmware.audio.AudioChannel;
import io.branchbox.firmware.audio.AudioSource;
import io.branchbox.firmware.audio.PromptLibrary;
import io.branchbox.firmware.audio.PromptRecorder;
import io.branchbox.firmware.console.ConsoleException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Recording a prompt by phone: a technician or supervisor starts it for a seat from the web admin;
 * the person at that seat hears the intro and a beep, speaks, and presses the ANSWER/HANG-UP
 * button (or the web admin's stop) when done. The recording is trimmed of silence and saved into
 * a site prompt set, where the next call hears it.
 *
 * <p>The seat's agent must be logged in and not ready, with no call, so no caller is ever offered
 * to a seat that is recording. Signalling thread, except that saving runs on {@code io}.
 */
public final class PromptByPhone {
    private static final Logger log = LoggerFactory.getLogger(PromptByPhone.class);

    private record Session(Agent agent, String set, String name, PromptRecorder recorder,
            CompletableFuture<AudioChannel> headset) {}

    private final CallContext cx;
    private final Executor disk;
    private final Map<Integer, Session> active = new HashMap<>();

    PromptByPhone(CallContext cx, Executor io) {
        this.cx = cx;
        this.disk = io;
    }

    /** Starts recording {@code set}/{@code name} from {@code seat}. Throws {@link ConsoleException} when the seat cannot record now. */
    public void start(int seat, String set, String name) {
        if (!PromptLibrary.NAME.matcher(set).matches() || !PromptLibrary.NAME.matcher(name).matches()
                || PromptLibrary.isBuiltIn(set)) {
            throw new ConsoleException("bad-code", "record into a site prompt set, with names of a-z, 0-9 and -");
        }
        Agent a = cx.acd.agentAtSeat(seat).orElseThrow(() -> new ConsoleException("no-seat", "nobody is logged in at seat " + seat));
        if (a.state() != AgentState.NOT_READY || a.callId() != null || active.containsKey(seat)) {
            throw new ConsoleException("busy", "the agent at seat " + seat + " must be not ready and free");
        }
        PromptRecorder recorder = new PromptRecorder();
        CompletableFuture<AudioChannel> headset = cx.openSeat(a);
        Session s = new Session(a, set, name, recorder, headset);
        active.put(seat, s);
        cx.acd.setNotReady(a, "recording-prompt");
        cx.events.agentState(a, "recording prompt " + set + "/" + name, "recording-prompt");
        headset.whenComplete((channel, err) -> {
            if (err != null) {
                log.warn("seat {}: headset did not open to record a prompt: {}", seat, err.getMessage());
                active.remove(seat);
                return;
            }
            if (active.get(seat) != s) {
                cx.close(channel);
                return;
            }
            cx.router.play(channel, cx.prompts.sequence(java.util.List.of("record-prompt-intro", "beep"),
                    () -> cx.scheduler.execute(() -> {
                        if (active.get(seat) == s) {
                            cx.router.tap(channel, recorder);
                        }
                    })));
        });
        log.info("seat {} ({}) records prompt {}/{}", seat, a.id(), set, name);
    }

    /** Whether {@code seat} is recording a prompt (its ANSWER/HANG-UP button then means "done"). */
    public boolean recording(int seat) {
        return active.containsKey(seat);
    }

    /** Stops, trims and saves; completes with the saved length in ms, or fails (nothing heard, disk). */
    public CompletableFuture<Long> stop(int seat) {
        Session s = active.remove(seat);
        if (s == null) {
            return CompletableFuture.failedFuture(new ConsoleException("no-call", "seat " + seat + " is not recording"));
        }
        AudioChannel channel = s.headset().getNow(null);
        if (channel != null) {
            cx.router.tap(channel, null);
            cx.router.play(channel, AudioSource.SILENCE);
            cx.close(channel);
        }
        byte[] alaw = s.recorder().finish();
        cx.events.agentState(s.agent(), "prompt recorded", "recording-prompt");
        if (alaw.length == 0) {
            return CompletableFuture.failedFuture(new ConsoleException("empty", "nothing was heard: the prompt is unchanged"));
        }
        PromptLibrary library = cx.prompts.library();
        return CompletableFuture.supplyAsync(() -> {
            try {
                library.save(s.set(), s.name(), alaw);
            } catch (IOException e) {
                throw new UncheckedIOException("prompt " + s.set() + "/" + s.name() + " could not be saved", e);
            }
            log.info("prompt {}/{} recorded by phone: {} ms", s.set(), s.name(), alaw.length / 8);
            return alaw.length / 8L;
        }, disk);
    }
}
