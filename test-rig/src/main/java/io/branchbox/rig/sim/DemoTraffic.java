package io.branchbox.rig.sim;

import io.branchbox.drivers.cb1.msg.SpanConfig;
import io.branchbox.drivers.cb1.msg.Units;
import io.branchbox.rig.exchange.Script;
import io.branchbox.rig.panel.SeatButton;
import java.time.Duration;
import java.util.Random;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Live traffic for the demo: callers who ring the hotline at random (Poisson arrivals), talk and
 * hang up, and agents at seats 1..N who go ready, answer at the panel when their CALL lamp lights
 * and hang up when they are done. Everything goes through the simulated carrier and seat panels,
 * so the box sees exactly what it would see in a branch.
 *
 * <p>Threading: runs on the site's rig scheduler.
 */
public final class DemoTraffic {
    private static final Logger log = LoggerFactory.getLogger(DemoTraffic.class);
    private static final Duration AGENT_TICK = Duration.ofMillis(200);

    private final SimulatedSite site;
    private final int agents;
    private final double callsPerMinute;
    private final Random random;
    private final boolean[] timeslotBusy = new boolean[32];
    private final long[] firstLit;
    private final long[] lastLit;
    private final long[] talkUntil;
    private final AtomicInteger offered = new AtomicInteger();
    private final java.util.Map<Integer, Long> analogBusyUntil = new java.util.HashMap<>();

    public DemoTraffic(SimulatedSite site, int agents, double callsPerMinute, long seed) {
        this.site = site;
        this.agents = agents;
        this.callsPerMinute = callsPerMinute;
        this.random = new Random(seed);
        this.firstLit = new long[agents + 1];
        this.lastLit = new long[agents + 1];
        this.talkUntil = new long[agents + 1];
    }

    public void start() {
        for (int seat = 1; seat <= agents; seat++) {
            site.board().setAudioEndpoint(Units.headset(seat - 1), 0, new TaggedAudio(0x3C, 0x7A, 500 + 40 * seat));
            int s = seat;
            site.rig().schedule(Duration.ofMillis(500L * seat), () -> site.press(s, SeatButton.READY));
        }
        site.rig().scheduleAtFixedRate(AGENT_TICK, AGENT_TICK, this::agentsTick);
        scheduleNextCall();
        log.info("demo traffic: {} agent(s), about {} call(s) a minute", agents, callsPerMinute);
    }

    /** Calls offered so far. */
    public int offered() {
        return offered.get();
    }

    private void scheduleNextCall() {
        double minutes = -Math.log(1 - random.nextDouble()) / callsPerMinute;
        site.rig().schedule(Duration.ofMillis((long) (minutes * 60_000)), () -> {
            placeCall();
            scheduleNextCall();
        });
    }

    private void placeCall() {
        if (random.nextInt(4) == 0 && placeAnalogCall()) {
            return;
        }
        int ts = freeTimeslot();
        if (ts < 0) {
            return;
        }
        timeslotBusy[ts] = true;
        String caller = "13" + (100_000_000 + random.nextInt(900_000_000));
        site.board().setAudioEndpoint(Units.span(0), ts, new TaggedAudio(0x7A, 0x3C, 300 + random.nextInt(400)));
        long patienceMs = 60_000 + random.nextInt(120_000);
        offered.incrementAndGet();
        site.carrier().offerCall(caller, "95598", ts).whenComplete((call, err) -> site.rig().execute(() -> {
            if (err != null) {
                log.info("demo call on ts{} not answered by the box: {}", ts, err.getMessage());
                timeslotBusy[ts] = false;
                return;
            }
            call.cleared().whenComplete((cause, e) -> site.rig().execute(() -> timeslotBusy[ts] = false));
            site.rig().schedule(Duration.ofMillis(patienceMs), () -> site.carrier().hangup(call));
        }));
    }

    /** About one call in four comes on an analog line, with FSK caller ID, and ends with busy tone. */
    private boolean placeAnalogCall() {
        for (int port = 0; port < 2; port++) {
            if (!analogBusyUntil.containsKey(port) || analogBusyUntil.get(port) < System.currentTimeMillis()) {
                int talkMs = 40_000 + random.nextInt(60_000);
                analogBusyUntil.put(port, System.currentTimeMillis() + talkMs + 30_000);
                site.exchange().call(port, Script.IncomingCall.of("0731" + (8_000_000 + random.nextInt(1_000_000)),
                        Script.CallerIdMethod.FSK_BELL_202, new Script.Talk(talkMs),
                        new Script.HangUp(Script.Disconnect.BUSY_TONE)));
                offered.incrementAndGet();
                return true;
            }
        }
        return false;
    }

    private int freeTimeslot() {
        for (int ts = 1; ts < 32; ts++) {
            if (ts != SpanConfig.D_CHANNEL_TIMESLOT && !timeslotBusy[ts]) {
                return ts;
            }
        }
        return -1;
    }

    /**
     * Each seat's agent: answers 1.5 s after the CALL lamp starts blinking (offered), talks for a
     * while and hangs up with the same button; a lamp dark for 2 s means the caller left first.
     */
    private void agentsTick() {
        long now = System.currentTimeMillis();
        for (int seat = 1; seat <= agents; seat++) {
            if (site.callLamp(seat)) {
                lastLit[seat] = now;
                if (firstLit[seat] == 0) {
                    firstLit[seat] = now;
                }
            } else if (now - lastLit[seat] > 2_000) {
                firstLit[seat] = 0;
                talkUntil[seat] = 0;
            }
            if (talkUntil[seat] > 0 && now > talkUntil[seat]) {
                site.press(seat, SeatButton.ANSWER); // hang up
                talkUntil[seat] = 0;
                firstLit[seat] = 0;
            } else if (talkUntil[seat] == 0 && firstLit[seat] > 0 && now - firstLit[seat] > 1_500) {
                site.press(seat, SeatButton.ANSWER);
                talkUntil[seat] = now + 15_000 + random.nextInt(45_000);
            }
        }
    }
}
