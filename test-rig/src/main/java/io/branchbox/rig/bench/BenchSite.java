package io.branchbox.rig.bench;

import io.branchbox.firmware.audio.Wav;
import io.branchbox.firmware.audio.G711;
import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.rig.sim.SimulatedSite;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Configuration for the call-handling load benchmarks, derived from {@link SimulatedSite#config}:
 * agents on seats 1..N, one queue that never overflows, the E1 spans the load needs, and the
 * recording and survey switches a benchmark asks for. Stateless.
 */
final class BenchSite {
    static final String QUEUE = "inquiry";

    private BenchSite() {}

    /**
     * @param agents    agents agent1..agentN on seats 1..N, all in {@link #QUEUE}
     * @param spans     E1 spans 0..spans-1 enabled (one carrier each on the bench)
     * @param wrapUpS   the queue's wrap-up time
     * @param survey    whether the caller hears the survey after the agent hangs up
     * @param recordIvr whether every answered call is recorded from the greeting on
     */
    static BoxConfig config(SimulatedSite site, int agents, int spans, int wrapUpS, boolean survey, boolean recordIvr) {
        return config(site.config(null, 0, 60), agents, spans, wrapUpS, survey, recordIvr);
    }

    /** As above, from a site document made elsewhere (a box in another process than its simulators). */
    static BoxConfig config(BoxConfig d, int agents, int spans, int wrapUpS, boolean survey, boolean recordIvr) {
        List<BoxConfig.Agent> list = new ArrayList<>();
        for (int seat = 1; seat <= agents; seat++) {
            list.add(new BoxConfig.Agent("agent" + seat, "Agent " + seat, seat, List.of(QUEUE)));
        }
        List<BoxConfig.Span> spanList = new ArrayList<>();
        for (int s = 0; s < spans; s++) {
            spanList.add(new BoxConfig.Span(s, true, BoxConfig.Framing.CRC4, BoxConfig.ClockSource.LINE));
        }
        // no overflow queue: a caller waits as long as the benchmark keeps them
        BoxConfig.Queue queue = new BoxConfig.Queue(QUEUE, BoxConfig.Strategy.LONGEST_IDLE, 12, wrapUpS, 600, "");
        BoxConfig.Ivr ivr = new BoxConfig.Ivr(d.ivr().greetingPrompt(), QUEUE, Map.of("95598", QUEUE),
                survey ? d.ivr().surveyPrompt() : "", "", List.of(), Map.of(), PROMPT_SET);
        BoxConfig.Recording rec = new BoxConfig.Recording(d.recording().directory(), d.recording().retentionDays(),
                recordIvr);
        return new BoxConfig(d.schema(), d.revision(), d.site(), d.board(), d.pins(), spanList, list, List.of(queue),
                ivr, rec, d.uplink(), d.web(), List.of(), d.outbound(), d.hours(), d.console(), d.appliance(), d.shifts(), d.qa(),
                d.workOrders(), d.kpi());
    }

    /** The site prompt set of the bench configuration: the default set with a short greeting. */
    static final String PROMPT_SET = "bench";

    /**
     * Installs a site greeting of {@code millis} of 16-bit PCM tone in the prompt set {@value #PROMPT_SET}, so
     * callers pass the IVR quickly and the trunk channels are spent on waiting, not on greetings.
     */
    static void shortGreeting(Path dataDir, int millis) throws IOException {
        int samples = millis * 8;
        short[] tone = new short[samples];
        for (int i = 0; i < samples; i++) {
            tone[i] = (short) (4000 * Math.sin(2 * Math.PI * 425 * i / 8000.0));
        }
        Path dir = Files.createDirectories(dataDir.resolve("prompts").resolve(PROMPT_SET));
        Files.write(dir.resolve("greeting.wav"), Wav.pcm16File(tone));
    }

    /** One 20 ms A-law frame of a 1 kHz tone at about -10 dBm0, for bench talkers. */
    static byte[] toneFrame() {
        byte[] f = new byte[160];
        for (int i = 0; i < f.length; i++) {
            f[i] = G711.linearToAlaw((int) (8000 * Math.sin(2 * Math.PI * 1000 * i / 8000.0)));
        }
        return f;
    }
}
