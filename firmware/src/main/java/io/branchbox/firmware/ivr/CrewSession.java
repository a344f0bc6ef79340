package io.branchbox.firmware.ivr;

import io.branchbox.time.Scheduler;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The crew IVR: a repair crew member calls the box, keys the crew number and PIN
 * ({@code 31*2468#}), the order number ({@code 1001#}) and the stage (1 arrived on site,
 * 2 completed), and hears it confirmed; the stage is recorded with this call as proof.
 *
 * <p>A wrong crew or PIN, an unknown order, a stage the order does not allow now, an invalid key
 * and a silence of {@link #INPUT_TIMEOUT} each count as one failure; the step is asked again
 * until {@link #MAX_FAILURES}, then the call goes to an agent and {@link CrewDesk#failed} is told
 * (the work orders raise an alarm).
 *
 * <p>States as an enum with one transition per key; signalling thread only, like
 * {@link IvrSession}. Prompts: {@code crew-welcome}, {@code crew-order}, {@code crew-stage},
 * {@code crew-wrong-pin}, {@code crew-unknown-order}, {@code crew-refused}, {@code crew-arrived},
 * {@code crew-completed} (the default prompt set; every other set needs them too).
 */
public final class CrewSession {
    private static final Logger log = LoggerFactory.getLogger(CrewSession.class);
    /** Failures before the call goes to an agent. */
    public static final int MAX_FAILURES = 3;
    /** How long the box waits for the next key. */
    public static final Duration INPUT_TIMEOUT = Duration.ofSeconds(10);
    private static final int MAX_DIGITS = 24;

    /** What the crew is asked for. */
    enum Step { PIN, ORDER, STAGE, DONE }

    /** The call's side of the dialogue. */
    public interface Port {
        /** Plays {@code prompt}, then runs {@code whenDone} on the signalling thread. */
        void play(String prompt, Runnable whenDone);

        /** Stops the prompt playing, because the crew keyed through it (its {@code whenDone} is then ignored). */
        void stopPrompt();

        /** The dialogue is over: {@code toAgent} sends the call to an agent, else the box hangs up. */
        void finish(boolean toAgent);
    }

    private final CrewDesk desk;
    private final String callId;
    private final String callingNumber;
    private final Scheduler scheduler;
    private final Port port;
    private final StringBuilder digits = new StringBuilder();
    private Step step = Step.PIN;
    private String crew = "";
    private String order = "";
    private int failures;
    private boolean listening;
    private Scheduler.Timer timeout = Scheduler.Timer.NONE;
    /** Counts prompts asked; a prompt's end only opens input if no later prompt or key overtook it. */
    private int asked;

    public CrewSession(CrewDesk desk, String callId, String callingNumber, Scheduler scheduler, Port port) {
        this.desk = desk;
        this.callId = callId;
        this.callingNumber = callingNumber;
        this.scheduler = scheduler;
        this.port = port;
    }

    /** Greets the crew and asks for crew number and PIN. */
    public void start() {
        ask("crew-welcome");
    }

    /**
     * A key the caller pressed. A key during a question or an error prompt stops it (barge-in: a
     * crew who knows the sequence keys straight through); keys during the final confirmation are
     * ignored, so the crew hears it whole.
     */
    public void onKey(char key) {
        if (step == Step.DONE) {
            return;
        }
        if (!listening) {
            asked++;
            port.stopPrompt();
            listen();
        }
        if (step == Step.STAGE) {
            listening = false;
            timeout.cancel();
            stage(key);
            return;
        }
        if (key != '#') {
            if (digits.length() < MAX_DIGITS) {
                digits.append(key);
            }
            return;
        }
        listening = false;
        timeout.cancel();
        String entered = digits.toString();
        digits.setLength(0);
        if (step == Step.PIN) {
            int star = entered.indexOf('*');
            String id = star < 0 ? "" : entered.substring(0, star);
            if (star > 0 && desk.verify(id, entered.substring(star + 1))) {
                crew = id;
                step = Step.ORDER;
                ask("crew-order");
            } else {
                fail("crew-wrong-pin", "crew-welcome");
            }
        } else if (desk.exists(entered)) {
            order = entered;
            step = Step.STAGE;
            ask("crew-stage");
        } else {
            fail("crew-unknown-order", "crew-order");
        }
    }

    private void stage(char key) {
        CrewDesk.Report report = key == '1' ? CrewDesk.Report.ARRIVED : key == '2' ? CrewDesk.Report.COMPLETED : null;
        if (report == null) {
            fail("invalid-choice", "crew-stage");
            return;
        }
        CrewDesk.Result r = desk.report(crew, order, report, callId);
        switch (r) {
            case RECORDED -> {
                step = Step.DONE;
                log.info("call {}: crew {} reported {} on order {}", callId, crew, report, order);
                port.play(report == CrewDesk.Report.ARRIVED ? "crew-arrived" : "crew-completed", () -> port.finish(false));
            }
            case UNKNOWN_ORDER -> {
                step = Step.ORDER;
                fail("crew-unknown-order", "crew-order");
            }
            case REFUSED -> {
                step = Step.ORDER;
                fail("crew-refused", "crew-order");
            }
        }
    }

    private void ask(String prompt) {
        int token = ++asked;
        port.play(prompt, () -> {
            if (token == asked && !listening && step != Step.DONE) {
                listen();
            }
        });
    }

    private void listen() {
        listening = true;
        timeout.cancel();
        timeout = scheduler.schedule(INPUT_TIMEOUT, this::silence);
    }

    private void silence() {
        if (!listening || step == Step.DONE) {
            return;
        }
        listening = false;
        digits.setLength(0);
        fail(null, step == Step.PIN ? "crew-welcome" : step == Step.ORDER ? "crew-order" : "crew-stage");
    }

    private void fail(String why, String askAgain) {
        failures++;
        if (failures >= MAX_FAILURES) {
            step = Step.DONE;
            log.warn("call {}: crew IVR failed {} times, to an agent", callId, failures);
            desk.failed(callId, callingNumber, crew);
            port.play("transfer-hold", () -> port.finish(true));
        } else if (why == null) {
            ask(askAgain);
        } else {
            int token = ++asked;
            port.play(why, () -> {
                if (token == asked) {
                    ask(askAgain);
                }
            });
        }
    }
}
