package io.branchbox.firmware.call;

import io.branchbox.firmware.audio.Prompts;
import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.ivr.CrewSession;
import io.branchbox.firmware.ivr.Entry;
import io.branchbox.firmware.ivr.IvrPort;
import io.branchbox.firmware.ivr.IvrRouting;
import io.branchbox.firmware.ivr.IvrSession;
import io.branchbox.firmware.ivr.Outcome;
import java.time.Duration;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The automatic part of an inbound call, from the answer to the queue: night service outside
 * business hours, the greeting, the menu tree ({@link IvrSession}), and where a caller may end up
 * besides a queue: a voicemail, a booked callback, a forward to a number on a trunk, or a last
 * message. Queue overflow to voicemail or callback comes through here too. A repair crew reaches
 * the crew IVR by the configured number or the entry menu's crew code.
 *
 * <p>Signalling thread only.
 */
final class IvrFlow {
    private static final Logger log = LoggerFactory.getLogger(IvrFlow.class);
    /** A voicemail is at most this long; the box then says goodbye. */
    static final Duration VOICEMAIL_MAX = Duration.ofMinutes(2);

    private final CallContext cx;
    private final CallManager calls;
    private final Callbacks callbacks;
    private IvrRouting routing;

    IvrFlow(CallContext cx, CallManager calls, Callbacks callbacks) {
        this.cx = cx;
        this.calls = calls;
        this.callbacks = callbacks;
        this.routing = new IvrRouting(cx.config);
    }

    /** A changed IVR or business hours: calls answered from now on follow the new ones. */
    void reconfigure() {
        this.routing = new IvrRouting(cx.config);
    }

    /** The call was just answered: the crew IVR, night service, or greeting then menu or queue. */
    void start(Call call) {
        String crewNumber = cx.config.workOrders().crewNumber();
        if (cx.crewDesk != null && !crewNumber.isEmpty() && crewNumber.equals(call.trunk().calledNumber())) {
            crew(call);
            return;
        }
        Entry entry = routing.route(call.trunk().calledNumber(), call.trunk().callingNumber(), cx.now());
        call.priority = entry.priority();
        switch (entry) {
            case Entry.Night night -> night(call, night);
            case Entry.Menu menu -> play(call, cx.config.ivr().greetingPrompt(), () -> menu(call, menu.menu()));
            case Entry.Queue queue -> play(call, cx.config.ivr().greetingPrompt(), () -> {
                call.setQueue(queue.queue());
                toQueue(call);
            });
        }
    }

    private void night(Call call, Entry.Night night) {
        BoxConfig.NightService n = night.service();
        cx.events.night(call, n.action().name());
        log.info("call {} outside business hours: {}", call.id(), n.action());
        switch (n.action()) {
            case MESSAGE -> goodbye(call, n.prompt());
            case FORWARD -> play(call, n.prompt(), () -> calls.outbound().forward(call, n.forwardNumber()));
            case VOICEMAIL -> {
                call.setQueue(n.queue());
                play(call, n.prompt(), () -> voicemail(call));
            }
            case CALLBACK -> {
                call.setQueue(n.queue());
                play(call, n.prompt(), () -> bookCallback(call, n.queue(), night.opensAt()));
            }
        }
    }

    private void menu(Call call, String menu) {
        IvrSession session = new IvrSession(cx.config.ivr(), menu, cx.scheduler, new IvrPort() {
            @Override
            public void play(String prompt, Runnable whenDone) {
                IvrFlow.this.play(call, prompt, whenDone);
            }

            @Override
            public void stopPrompt() {
                cx.router.play(call.trunkChannel(), io.branchbox.firmware.audio.AudioSource.SILENCE);
            }

            @Override
            public void journal(String m, String key, BoxConfig.Step step) {
                cx.events.ivr(call, m, key, step.action().name() + ":" + step.target());
            }

            @Override
            public void finish(Outcome outcome) {
                KeyListener.stop(cx, call);
                call.priority = Math.max(call.priority, outcome.priority());
                take(call, outcome.step());
            }
        });
        call.ivr = session;
        // the entry menu's crew code (workOrders.crewMenuCode) as the first key leads to the crew IVR
        String crewCode = cx.config.workOrders().crewMenuCode();
        boolean crewKey = cx.crewDesk != null && crewCode.length() == 1 && menu.equals(cx.config.ivr().entryMenu());
        boolean[] firstKey = {true};
        KeyListener.listen(cx, call, key -> {
            if (crewKey && firstKey[0] && key == crewCode.charAt(0)) {
                session.cancel();
                call.ivr = null;
                crew(call);
                return;
            }
            firstKey[0] = false;
            session.onKey(key);
        });
        session.start();
    }

    /**
     * A repair crew reports a stage (ivr.CrewSession): the call is recorded as the stage's proof;
     * after three failures it goes to the default queue like any caller.
     */
    private void crew(Call call) {
        if (!call.on(CallEvent.CREW_LINE, cx.now())) {
            return;
        }
        cx.router.play(call.trunkChannel(), io.branchbox.firmware.audio.AudioSource.SILENCE);
        if (call.recording == null) {
            calls.startRecording(call);
        }
        cx.events.ivr(call, "crew", "", "CREW:" + cx.config.workOrders().crewNumber());
        CrewSession session = new CrewSession(cx.crewDesk, call.id(), call.farNumber(), cx.scheduler,
                new CrewSession.Port() {
                    @Override
                    public void play(String prompt, Runnable whenDone) {
                        IvrFlow.this.play(call, prompt, whenDone);
                    }

                    @Override
                    public void stopPrompt() {
                        cx.router.play(call.trunkChannel(), io.branchbox.firmware.audio.AudioSource.SILENCE);
                    }

                    @Override
                    public void finish(boolean toAgent) {
                        KeyListener.stop(cx, call);
                        if (toAgent) {
                            call.setQueue(cx.config.ivr().defaultQueue());
                            toQueue(call);
                        } else {
                            calls.hangUpAndEnd(call, "crew report recorded");
                        }
                    }
                });
        KeyListener.listen(cx, call, session::onKey);
        session.start();
    }

    private void take(Call call, BoxConfig.Step step) {
        switch (step.action()) {
            case QUEUE -> {
                call.setQueue(step.target());
                call.priority = Math.max(call.priority, step.priority());
                toQueue(call);
            }
            case VOICEMAIL -> {
                call.setQueue(step.target());
                voicemail(call);
            }
            case CALLBACK -> {
                call.setQueue(step.target());
                bookCallback(call, step.target(), cx.now());
            }
            case FORWARD -> calls.outbound().forward(call, step.target());
            case HANGUP -> goodbye(call, step.target());
            case MENU -> throw new IllegalStateException("an IVR outcome is never a menu");
        }
    }

    private void toQueue(Call call) {
        call.placeSince = cx.now();
        calls.enqueue(call, false, CallEvent.QUEUE_JOINED);
    }

    /** The caller leaves a message: the intro and a beep, then up to {@link #VOICEMAIL_MAX} recorded. */
    void voicemail(Call call) {
        if (!call.on(CallEvent.TO_VOICEMAIL, cx.now())) {
            return;
        }
        play(call, "voicemail-intro", () -> play(call, "beep", () -> {
            if (call.recording == null) {
                calls.startRecording(call);
            }
            KeyListener.listen(cx, call, key -> {
                if (key == '#') {
                    calls.hangUpAndEnd(call, "voicemail left");
                }
            });
            call.stateTimer(cx.scheduler, VOICEMAIL_MAX, () -> {
                if (call.on(CallEvent.VOICEMAIL_TIME_UP, cx.now())) {
                    calls.hangUpAndEnd(call, "goodbye");
                }
            });
        }));
    }

    /** Books a callback to the caller, tells them, and hangs up; a withheld number keeps waiting instead. */
    void bookCallback(Call call, String queue, Instant notBefore) {
        if (call.farNumber().isEmpty()) {
            // even in a full queue: its overflow may be this very callback, which would send the
            // caller round again without end
            log.info("call {}: no number to call back: the caller waits instead", call.id());
            if (call.placeSince == null) {
                call.placeSince = cx.now(); // from the IVR: the wait begins now; from a queue: the place is kept
            }
            calls.enqueueEvenIfFull(call);
            return;
        }
        if (!call.on(CallEvent.CALLBACK_BOOKED, cx.now())) {
            return;
        }
        callbacks.book(call, queue, notBefore);
        play(call, "callback-booked", () -> calls.hangUpAndEnd(call, "callback booked"));
    }

    /** Plays a last prompt ("" for none) and hangs up. */
    void goodbye(Call call, String prompt) {
        if (!call.on(CallEvent.LAST_MESSAGE, cx.now())) {
            return;
        }
        if (prompt.isEmpty()) {
            calls.hangUpAndEnd(call, "goodbye");
        } else {
            play(call, prompt, () -> calls.hangUpAndEnd(call, "goodbye"));
        }
    }

    private void play(Call call, String prompt, Runnable then) {
        Call.State at = call.state();
        cx.router.play(call.trunkChannel(), Prompts.once(cx.prompts.get(prompt), () -> cx.scheduler.execute(() -> {
            if (!call.ended() && call.state() == at) {
                then.run();
            }
        })));
    }
}
