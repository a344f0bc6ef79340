package io.branchbox.firmware.call;

import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.ivr.CrewDesk;
import io.branchbox.firmware.ivr.CrewSession;
import io.branchbox.firmware.ivr.IvrPort;
import io.branchbox.firmware.ivr.IvrSession;
import io.branchbox.firmware.ivr.Outcome;
import io.branchbox.time.Scheduler;
import java.time.Instant;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The automatic part of an inbound call, from the answer to the queue: night service outside
 * business hours, the greeting, the menu tree ({@link IvrSession}), and where a caller may end up
 * besides a queue: a voicemail, a booked callback, a forward to a number on a trunk, or a last
 * message. Queue overflow to voicemail or callback comes through here too. A repair crew reaches
 * the crew IVR by the configured number or the entry menu's crew code.
 *
 * <p>Where each step leads is {@link IvrPolicy}'s decision; this class carries the decisions out
 * step by step (the state machine's event first, then the prompt, the keys, the journal) and
 * reaches call control only through its {@link Port} (implemented once in {@link PolicyPorts}),
 * never the call manager or the call context.
 *
 * <p>Signalling thread only.
 */
final class IvrFlow {
    private static final Logger log = LoggerFactory.getLogger(IvrFlow.class);

    /** What the IVR asks of call control. */
    interface Port {
        /** The live document. */
        BoxConfig config();

        /** The crew IVR's work orders, or null while no crew line is enabled. */
        CrewDesk crewDesk();

        /** Plays {@code prompt} once to the caller; {@code heard} runs on the signalling thread at its end. */
        void play(Call call, String prompt, Runnable heard);

        /** Stops what the caller hears (a key interrupted a prompt). */
        void silence(Call call);

        /** From now on, each key the caller presses goes to {@code onKey} (on the signalling thread). */
        void listen(Call call, Consumer<Character> onKey);

        /** No more keys; the recording (if any) goes on. */
        void stopListening(Call call);

        /** Starts the call's recording unless it runs already. */
        void record(Call call);

        /** Puts the call in its queue ({@link CallEvent#QUEUE_JOINED}); {@code evenIfFull}: no overflow. */
        void enqueue(Call call, boolean evenIfFull);

        /** Forwards the caller to {@code number} on a trunk ({@link CallEvent#FORWARD}). */
        void forward(Call call, String number);

        /** Clears the caller normally and ends the call. */
        void hangUpAndEnd(Call call, String why);
    }

    private final Scheduler scheduler;
    private final CallEventLog journal;
    private final Callbacks callbacks;
    private final Port port;
    private IvrPolicy policy;

    IvrFlow(Scheduler scheduler, CallEventLog journal, Callbacks callbacks, Port port) {
        this.scheduler = scheduler;
        this.journal = journal;
        this.callbacks = callbacks;
        this.port = port;
        this.policy = new IvrPolicy(port.config());
    }

    /** A changed IVR or business hours: calls answered from now on follow the new ones. */
    void reconfigure(BoxConfig config) {
        this.policy = new IvrPolicy(config);
    }

    private Instant now() {
        return scheduler.clock().instant();
    }

    /** The call was just answered: the crew IVR, night service, or greeting then menu or queue. */
    void start(Call call) {
        route(call, policy.answered(call.trunk().calledNumber(), call.trunk().callingNumber(), now(), port.crewDesk() != null));
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
                journal.night(call, n.action().name());
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
                if (!call.allows(CallEvent.QUEUE_JOINED)) {
                    log.info("call {}: queue ignored in state {}", call.id(), call.state());
                    return; // nothing of the caller's place or priority changes
                }
                call.priority = Math.max(call.priority, q.priority());
                call.placeSince = now();
                port.enqueue(call, false);
            }
            case IvrPolicy.Decision.Voicemail v -> voicemail(call);
            case IvrPolicy.Decision.Callback c -> bookCallback(call, c.queue(), c.notBefore());
            case IvrPolicy.Decision.Forward f -> port.forward(call, f.number());
            case IvrPolicy.Decision.Goodbye g -> goodbye(call, g.prompt());
            case IvrPolicy.Decision.HangUp h -> port.hangUpAndEnd(call, h.why());
        }
    }

    private void menu(Call call, String menu) {
        IvrSession session = new IvrSession(port.config().ivr(), menu, scheduler, new IvrPort() {
            @Override
            public void play(String prompt, Runnable whenDone) {
                IvrFlow.this.play(call, prompt, whenDone);
            }

            @Override
            public void stopPrompt() {
                port.silence(call);
            }

            @Override
            public void journal(String m, String key, BoxConfig.Step step) {
                journal.ivr(call, m, key, step.action().name() + ":" + step.target());
            }

            @Override
            public void finish(Outcome outcome) {
                port.stopListening(call);
                route(call, policy.afterMenu(outcome, now()));
            }
        });
        call.ivr = session;
        boolean[] firstKey = {true};
        port.listen(call, key -> {
            if (policy.crewKey(menu, key, firstKey[0], port.crewDesk() != null)) {
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
        if (!call.on(CallEvent.CREW_LINE, now())) {
            return;
        }
        port.silence(call);
        port.record(call);
        journal.ivr(call, "crew", "", "CREW:" + port.config().workOrders().crewNumber());
        CrewSession session = new CrewSession(port.crewDesk(), call.id(), call.farNumber(), scheduler,
                new CrewSession.Port() {
                    @Override
                    public void play(String prompt, Runnable whenDone) {
                        IvrFlow.this.play(call, prompt, whenDone);
                    }

                    @Override
                    public void stopPrompt() {
                        port.silence(call);
                    }

                    @Override
                    public void finish(boolean toAgent) {
                        port.stopListening(call);
                        take(call, policy.afterCrew(toAgent));
                    }
                });
        port.listen(call, session::onKey);
        session.start();
    }

    /** The caller leaves a message: the intro and a beep, then up to {@link IvrPolicy#VOICEMAIL_MAX} recorded. */
    void voicemail(Call call) {
        if (!call.on(CallEvent.TO_VOICEMAIL, now())) {
            return;
        }
        play(call, "voicemail-intro", () -> play(call, "beep", () -> {
            port.record(call);
            port.listen(call, key -> {
                if (key == IvrPolicy.END_VOICEMAIL) {
                    port.hangUpAndEnd(call, "voicemail left");
                }
            });
            call.stateTimer(scheduler, IvrPolicy.VOICEMAIL_MAX, () -> {
                if (call.on(CallEvent.VOICEMAIL_TIME_UP, now())) {
                    port.hangUpAndEnd(call, "goodbye");
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
                    call.placeSince = now(); // from the IVR: the wait begins now; from a queue: the place is kept
                }
                port.enqueue(call, true);
            }
            case IvrPolicy.CallbackChoice.Book b -> {
                if (!call.on(CallEvent.CALLBACK_BOOKED, now())) {
                    return;
                }
                callbacks.book(call, b.queue(), b.notBefore());
                play(call, "callback-booked", () -> port.hangUpAndEnd(call, "callback booked"));
            }
        }
    }

    /** Plays a last prompt ("" for none) and hangs up. */
    void goodbye(Call call, String prompt) {
        if (!call.on(CallEvent.LAST_MESSAGE, now())) {
            return;
        }
        if (prompt.isEmpty()) {
            port.hangUpAndEnd(call, "goodbye");
        } else {
            play(call, prompt, () -> port.hangUpAndEnd(call, "goodbye"));
        }
    }

    /** Plays {@code prompt}; {@code then} only if the call is still where it was when the prompt began. */
    private void play(Call call, String prompt, Runnable then) {
        Call.State at = call.state();
        port.play(call, prompt, () -> {
            if (!call.ended() && call.state() == at) {
                then.run();
            }
        });
    }
}
