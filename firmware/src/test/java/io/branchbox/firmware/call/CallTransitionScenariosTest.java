package io.branchbox.firmware.call;

import static io.branchbox.firmware.call.Call.State.*;
import static io.branchbox.firmware.call.CallEvent.*;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.branchbox.firmware.call.Call.State;
import io.branchbox.firmware.call.CallTransitions.Row;
import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.config.ConfigDocuments;
import io.branchbox.firmware.console.TransferTarget;
import io.branchbox.firmware.ivr.CrewDesk;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

/**
 * Every row of the production transition table ({@link CallTransitions#rows()}), driven through
 * call control's real entry points (a trunk's call, the seat buttons, the console, the caller's
 * keys, the dialer, the timers) on the fakes of {@link CallFixture}, in virtual time. A row added
 * to the table without a scenario here fails ("no scenario"), so each transition keeps its unit
 * test. The transitions a call made are read from {@link Call#on}'s debug line.
 *
 * <p>{@link CallTransitionsTest} checks the table itself; this class checks that the code fires
 * each of its rows where the behaviour says it does.
 */
class CallTransitionScenariosTest {
    private final ListAppender<ILoggingEvent> log = new ListAppender<>();
    private final Logger callLog = (Logger) LoggerFactory.getLogger(Call.class);
    private Level levelBefore;

    @BeforeEach
    void listen() {
        levelBefore = callLog.getLevel();
        callLog.setLevel(Level.DEBUG);
        log.start();
        callLog.addAppender(log);
    }

    @AfterEach
    void stopListening() {
        callLog.detachAppender(log);
        callLog.setLevel(levelBefore);
    }

    static Stream<Row> rows() {
        return CallTransitions.rows().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void eachTransitionIsFiredByTheBehaviourThatOwnsIt(Row row) {
        Consumer<Site> scenario = row.event() == END ? end(row.from()) : SCENARIOS.get(row.from() + "/" + row.event());
        assertNotNull(scenario, "no scenario for " + row + ": add one to SCENARIOS");
        scenario.accept(new Site());
        List<Row> made = transitions();
        assertTrue(made.contains(row), row + " did not happen; the calls made " + made);
    }

    /** The transitions the calls made so far, from {@link Call#on}'s debug line. */
    private List<Row> transitions() {
        List<Row> rows = new ArrayList<>();
        for (ILoggingEvent e : log.list) {
            Object[] a = e.getArgumentArray();
            if (e.getLevel() == Level.DEBUG && a != null && a.length == 4 && a[1] instanceof State
                    && a[2] instanceof CallEvent) {
                rows.add(new Row((State) a[1], (CallEvent) a[2], (State) a[3]));
            }
        }
        return rows;
    }

    // ---- the scenarios -------------------------------------------------------------------------

    private static final Map<String, Consumer<Site>> SCENARIOS = new HashMap<>();

    private static void scenario(State from, CallEvent event, Consumer<Site> s) {
        SCENARIOS.put(from + "/" + event, s);
    }

    static {
        scenario(ANSWERING, TRUNK_ANSWERED, s -> s.reach(IVR));
        scenario(ANSWERING, DIAL, s -> s.reach(DIALLING));
        scenario(IVR, CREW_LINE, s -> {
            s.crewLine();
            s.f().calls.onIncoming(s.f().new Trunk(1, "13800000001", "96000"));
            s.f().scheduler.runPending();
        });
        scenario(IVR, QUEUE_JOINED, s -> s.reach(QUEUED));
        scenario(QUEUED, QUEUE_JOINED, s -> {
            // a withheld caller overflowing to a callback after the longest wait waits on instead
            s.queue(30, BoxConfig.Overflow.CALLBACK, "", 0);
            s.f().calls.onIncoming(s.f().new Trunk(1, "", "95598"));
            s.f().talk(Duration.ofSeconds(6), 1);
            s.f().press(1, "1");
            s.f().talk(Duration.ofSeconds(31), 1);
        });
        scenario(IVR, OVERFLOW_TO_QUEUE, s -> {
            s.queue(600, BoxConfig.Overflow.QUEUE, "repair", 1);
            s.reach(QUEUED);
            s.f().calls.onIncoming(s.f().new Trunk(2, "13800000002", "95598"));
            s.f().talk(Duration.ofSeconds(6), 2);
            s.f().press(2, "1");
        });
        scenario(QUEUED, OVERFLOW_TO_QUEUE, waitedTooLong(BoxConfig.Overflow.QUEUE, "repair"));
        scenario(IVR, TO_VOICEMAIL, s -> s.reach(VOICEMAIL));
        scenario(QUEUED, TO_VOICEMAIL, waitedTooLong(BoxConfig.Overflow.VOICEMAIL, ""));
        scenario(VOICEMAIL, VOICEMAIL_TIME_UP, s -> {
            s.reach(VOICEMAIL);
            s.f().talk(Duration.ofSeconds(15), 1); // the intro and the beep
            s.f().scheduler.advance(IvrPolicy.VOICEMAIL_MAX);
        });
        scenario(IVR, CALLBACK_BOOKED, s -> s.reach(CALLBACK));
        scenario(QUEUED, CALLBACK_BOOKED, waitedTooLong(BoxConfig.Overflow.CALLBACK, ""));
        scenario(IVR, FORWARD, s -> s.reach(FORWARDED));
        scenario(FORWARDED, FORWARD_FAILED, s -> {
            s.reach(FORWARDED);
            s.f().dialResult.completeExceptionally(new IOException("no channel free"));
            s.f().scheduler.runPending();
        });
        scenario(IVR, LAST_MESSAGE, s -> s.reach(GOODBYE));
        scenario(QUEUED, AGENT_MATCHED, s -> s.reach(OFFERED));
        scenario(DIALLING, COLLEAGUE_RUNG, s -> {
            s.f().calls.outbound().dial(s.f().agent(1), "802");
            s.f().scheduler.runPending();
        });
        scenario(CONNECTED, BLIND_TRANSFER_TO_AGENT, s -> {
            s.reach(CONNECTED);
            s.f().calls.control().transfer(s.f().agent(1), TransferTarget.agent("agent2"), false);
        });
        scenario(HELD, BLIND_TRANSFER_TO_AGENT, s -> {
            s.reach(HELD);
            s.f().calls.control().transfer(s.f().agent(1), TransferTarget.agent("agent2"), false);
        });
        scenario(OFFERED, OFFER_TIMEOUT, s -> {
            s.reach(OFFERED);
            s.f().talk(Duration.ofSeconds(13), 1);
        });
        scenario(OFFERED, SEAT_FAULT, s -> {
            s.reach(OFFERED);
            s.f().failingUnits.add(CallFixture.headset(1));
            s.f().calls.onAnswerButton(1);
            s.f().scheduler.runPending();
        });
        scenario(OFFERED, SEAT_OPENED, s -> s.reach(CONNECTED));
        scenario(DIALLING, FAR_END_ANSWERED, s -> {
            s.reach(DIALLING);
            s.f().dialResult.complete(s.f().new Trunk(7, "", "13800000009"));
            s.f().scheduler.runPending();
        });
        scenario(CONNECTED, HOLD, s -> s.reach(HELD));
        scenario(HELD, RETRIEVE, s -> {
            s.reach(HELD);
            s.f().calls.control().retrieve(s.f().agent(1));
        });
        scenario(CONNECTED, CONSULT, s -> s.reach(CONSULTING));
        scenario(HELD, CONSULT, s -> {
            s.reach(HELD);
            s.f().calls.control().transfer(s.f().agent(1), TransferTarget.agent("agent2"), true);
        });
        scenario(CONSULTING, CONSULT_ENDED, s -> {
            s.reach(CONSULTING);
            s.f().talk(Duration.ofSeconds(13), 1); // the colleague does not answer
        });
        scenario(CONSULTING, TRANSFER_COMPLETED, s -> {
            s.reach(CONSULTING);
            s.f().calls.onAnswerButton(2);
            s.f().scheduler.runPending();
            s.f().calls.control().completeTransfer(s.f().agent(1));
        });
        scenario(CONNECTED, BLIND_TRANSFER_TO_QUEUE, s -> {
            s.reach(CONNECTED);
            s.f().calls.control().transfer(s.f().agent(1), TransferTarget.queue("repair"), false);
        });
        scenario(HELD, BLIND_TRANSFER_TO_QUEUE, s -> {
            s.reach(HELD);
            s.f().calls.control().transfer(s.f().agent(1), TransferTarget.queue("repair"), false);
        });
        scenario(CONNECTED, SURVEY_STARTED, s -> s.reach(SURVEY));
        scenario(HELD, SURVEY_STARTED, s -> {
            s.reach(HELD);
            s.f().calls.onAnswerButton(1);
        });
    }

    /** A caller in a queue whose longest wait is 30 s, overflowing to {@code overflow}, waits 31 s. */
    private static Consumer<Site> waitedTooLong(BoxConfig.Overflow overflow, String overflowQueue) {
        return s -> {
            s.queue(30, overflow, overflowQueue, 0);
            s.reach(QUEUED);
            s.f().talk(Duration.ofSeconds(31), 1);
        };
    }

    /** {@code from} reached, then the box stops: every call ends, whatever its state. */
    private static Consumer<Site> end(State from) {
        return s -> {
            s.reach(from);
            s.f().calls.onShutdown();
        };
    }

    /**
     * One box: the menu of {@link #menu()}, queues as configured, agents 1..3 at seats 1..3 (not
     * ready). The fixture is built on first use ({@link #f()}), after the scenario chose its configuration.
     */
    static final class Site {
        private BoxConfig config = menu();
        private CrewDesk crew;
        private CallFixture built;

        /** The entry menu: 1 queue, 6 voicemail, 7 callback, 8 forward, 9 goodbye with a last message. */
        private static BoxConfig menu() {
            BoxConfig d = ConfigDocuments.defaults();
            BoxConfig.Step toInquiry = new BoxConfig.Step(BoxConfig.StepAction.QUEUE, "inquiry", 0);
            BoxConfig.Menu main = new BoxConfig.Menu("main", "main-menu", 5, 1, "invalid-choice", Map.of(
                    "1", toInquiry,
                    "6", new BoxConfig.Step(BoxConfig.StepAction.VOICEMAIL, "inquiry", 0),
                    "7", new BoxConfig.Step(BoxConfig.StepAction.CALLBACK, "inquiry", 0),
                    "8", new BoxConfig.Step(BoxConfig.StepAction.FORWARD, "13900000000", 0),
                    "9", new BoxConfig.Step(BoxConfig.StepAction.HANGUP, "closed", 0)), toInquiry);
            return d.withIvr(new BoxConfig.Ivr("greeting", "inquiry", Map.of(), "survey", "main", List.of(main),
                    Map.of(), "default"));
        }

        /** The inquiry queue with this longest wait, overflow and length (0: no limit). */
        void queue(int maxWaitS, BoxConfig.Overflow overflow, String overflowQueue, int maxLength) {
            List<BoxConfig.Queue> qs = new ArrayList<>(config.queues());
            qs.set(0, new BoxConfig.Queue("inquiry", BoxConfig.Strategy.LONGEST_IDLE, 12, 10, maxWaitS, overflowQueue,
                    overflow, maxLength, "", 0, 0));
            config = config.withQueues(qs);
        }

        /** The crew line on 96000, with a work-order desk that knows no crew. */
        void crewLine() {
            BoxConfig.WorkOrders w = config.workOrders();
            config = config.withWorkOrders(new BoxConfig.WorkOrders(w.deadlines(), w.crews(), w.leads(), w.crewPinFile(),
                    "96000", w.crewMenuCode()));
            crew = new CrewDesk() {
                @Override public boolean verify(String c, String pin) { return false; }
                @Override public boolean exists(String order) { return false; }
                @Override public Result report(String c, String order, Report r, String callId) { return Result.REFUSED; }
                @Override public void failed(String callId, String number, String c) { }
            };
            f();
        }

        /** The box, built on first use with the configuration chosen so far. */
        CallFixture f() {
            if (built == null) {
                built = new CallFixture(config);
                if (crew != null) {
                    built.calls.enableCrewLine(crew);
                }
            }
            return built;
        }

        /** A call on timeslot 1 (or placed by agent 1) brought to {@code state} the way a real one gets there. */
        void reach(State state) {
            CallFixture x = f();
            switch (state) {
                case ANSWERING -> x.calls.onIncoming(x.new Trunk(1, "13800000001", "95598"));
                case IVR -> {
                    reach(ANSWERING);
                    x.scheduler.runPending();
                }
                case QUEUED -> menuKey("1");
                case VOICEMAIL -> menuKey("6");
                case CALLBACK -> menuKey("7");
                case FORWARDED -> menuKey("8");
                case GOODBYE -> menuKey("9");
                case OFFERED -> {
                    reach(QUEUED);
                    x.calls.onReadyButton(1);
                }
                case CONNECTED -> {
                    reach(OFFERED);
                    x.calls.onAnswerButton(1);
                    x.scheduler.runPending();
                }
                case HELD -> {
                    reach(CONNECTED);
                    x.calls.control().hold(x.agent(1));
                }
                case CONSULTING -> {
                    reach(CONNECTED);
                    x.calls.control().transfer(x.agent(1), TransferTarget.agent("agent2"), true);
                }
                case SURVEY -> {
                    reach(CONNECTED);
                    x.calls.onAnswerButton(1);
                }
                case DIALLING -> {
                    x.calls.outbound().dial(x.agent(1), "13800000009");
                    x.scheduler.runPending();
                }
                case ENDED -> throw new IllegalArgumentException("ENDED is reached by END only");
            }
        }

        private void menuKey(String key) {
            reach(IVR);
            f().talk(Duration.ofSeconds(6), 1); // the greeting
            f().press(1, key);
        }
    }
}
