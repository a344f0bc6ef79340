package io.branchbox.firmware.call;

import io.branchbox.firmware.audio.Prompts;
import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.ivr.CrewSession;
import io.branchbox.firmware.ivr.IvrPort;
import io.branchbox.firmware.ivr.IvrSession;
import io.branchbox.firmware.ivr.Outcome;
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
 * <p>Where each step leads is {@link IvrPolicy}'s decision; this class is call control carrying the
 * decisions out: the prompts and keys on the far side's channel, the state machine, the journal.
 *
 * <p>Signalling thread only.
 */
final class IvrFlow {
    private static final Logger log = LoggerFactory.getLogger(IvrFlow.class);

    private final CallContext cx;
    private final CallManager calls;
    private final Callbacks callbacks;
    private IvrPolicy policy;

    IvrFlow(CallContext cx, CallManager calls, Callbacks callbacks) {
        this.cx = cx;
        this.calls = calls;
        this.callbacks = callbacks;
        this.policy = new IvrPolicy(cx.config);
    }

    /** A changed IVR or business hours: calls answered from now on follow the new ones. */
    void reconfigure() {
        this.policy = new IvrPolicy(cx.config);
    }

    /** The call was just answered: the crew IVR, night service, or greeting then menu or queue. */
    void start(Call call) {
        route(call, policy.answered(call.trunk().calledNumber(), call.trunk().callingNumber(), cx.now(), cx.crewDesk != null));
    }

    private void route(Call call, IvrPolicy.Routed routed) {
        call.priority = Math.max(call.priority, routed.priority());
        take(call, routed.decision());
    }

    /** Carries out one of the policy's decisions. */
    private void take(Call call, IvrPolicy.Decision decision) {
        switch (decision) {
            case IvrPolicy.Decision.Play p -> play(call, p.prompt(), () -> take(call, p.then()));
            case IvrPolicy.Decision.Night n -> {
                cx.events.night(call, n.action().name());
                log.info("call {} outside business hours: {}", call.id(), n.action());
                take(call, n.then());
            }
            case IvrPolicy.Decision.MoveTo m -> {
                call.setQueue(m.queue());
                take(call, m.then());
            }
            case IvrPolicy.Decision.Menu m -> menu(call, m.menu());
            case IvrPolicy.Decision.Crew c -> crew(call);
            case IvrPolicy.Decision.Queue q -> {
                call.priority = Math.max(call.priority, q.priority());
                call.placeSince = cx.now();
                calls.enqueue(call, false, CallEvent.QUEUE_JOINED);
            }
            case IvrPolicy.Decision.Voicemail v -> voicemail(call);
            case IvrPolicy.Decision.Callback c -> bookCallback(call, c.queue(), c.notBefore());
            case IvrPolicy.Decision.Forward f -> calls.outbound().forward(call, f.number());
            case IvrPolicy.Decision.Goodbye g -> goodbye(call, g.prompt());
            case IvrPolicy.Decision.HangUp h -> calls.hangUpAndEnd(call, h.why());
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
                silence(call);
            }

            @Override
            public void journal(String m, String key, BoxConfig.Step step) {
                cx.events.ivr(call, m, key, step.action().name() + ":" + step.target());
            }

            @Override
            public void finish(Outcome outcome) {
                KeyListener.stop(cx, call);
                route(call, policy.afterMenu(outcome, cx.now()));
            }
        });
        call.ivr = session;
        boolean[] firstKey = {true};
        KeyListener.listen(cx, call, key -> {
            if (policy.crewKey(menu, key, firstKey[0], cx.crewDesk != null)) {
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
        silence(call);
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
                        silence(call);
                    }

                    @Override
                    public void finish(boolean toAgent) {
                        KeyListener.stop(cx, call);
                        take(call, policy.afterCrew(toAgent));
                    }
                });
        KeyListener.listen(cx, call, session::onKey);
        session.start();
    }

    /** The caller leaves a message: the intro and a beep, then up to {@link IvrPolicy#VOICEMAIL_MAX} recorded. */
    void voicemail(Call call) {
        if (!call.on(CallEvent.TO_VOICEMAIL, cx.now())) {
            return;
        }
        play(call, "voicemail-intro", () -> play(call, "beep", () -> {
            if (call.recording == null) {
                calls.startRecording(call);
            }
            KeyListener.listen(cx, call, key -> {
                if (key == IvrPolicy.END_VOICEMAIL) {
                    calls.hangUpAndEnd(call, "voicemail left");
                }
            });
            call.stateTimer(cx.scheduler, IvrPolicy.VOICEMAIL_MAX, () -> {
                if (call.on(CallEvent.VOICEMAIL_TIME_UP, cx.now())) {
                    calls.hangUpAndEnd(call, "goodbye");
                }
            });
        }));
    }

    /** Books a callback to the caller, tells them, and hangs up; a withheld number keeps waiting instead. */
    void bookCallback(Call call, String queue, Instant notBefore) {
        switch (IvrPolicy.callback(call.farNumber(), queue, notBefore)) {
            case IvrPolicy.CallbackChoice.WaitInstead w -> {
                log.info("call {}: no number to call back: the caller waits instead", call.id());
                if (call.placeSince == null) {
                    call.placeSince = cx.now(); // from the IVR: the wait begins now; from a queue: the place is kept
                }
                calls.enqueueEvenIfFull(call);
            }
            case IvrPolicy.CallbackChoice.Book b -> {
                if (!call.on(CallEvent.CALLBACK_BOOKED, cx.now())) {
                    return;
                }
                callbacks.book(call, b.queue(), b.notBefore());
                play(call, "callback-booked", () -> calls.hangUpAndEnd(call, "callback booked"));
            }
        }
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

    private void silence(Call call) {
        cx.router.play(call.trunkChannel(), io.branchbox.firmware.audio.AudioSource.SILENCE);
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
