package io.branchbox.rig.bench;

import io.branchbox.firmware.isdn.q931.MessageType;
import io.branchbox.rig.bench.SignalStamp.Stage;
import io.branchbox.rig.sim.LineWatch;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToLongFunction;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Times a burst of calls offered to the box, per call and per stage, from stamps at the carrier's
 * end of the line ({@link LineWatch}, this process) joined by call reference with the box's own
 * ({@link BoxSignalStamps}, the box's process).
 *
 * <p>The headline figure, <b>SETUP → first answer at the carrier</b>, runs from the moment the
 * carrier's LAPD hands the I frame carrying the SETUP to the line ({@link Stage#CARRIER_OUT}: not
 * from when the carrier's layer 3 asked for it, since its LAPD holds messages while its window of
 * k = 7 unacknowledged frames is full) to the moment the box's first Q.931 answer to that SETUP
 * (CALL PROCEEDING, ALERTING or CONNECT, whichever comes first) arrives at the carrier's end of
 * the line ({@link Stage#CARRIER_IN}). The simulated line itself takes no time: on a real E1 the
 * D-channel's 64 kbit/s adds each frame's serialisation (about 5 ms for a SETUP, 2 ms for a CALL
 * PROCEEDING), which is the line's and the same for any box.
 *
 * <p>Threading: {@link #toBox} and {@link #fromBox} on the board simulator's core thread, under
 * this object's lock (a few hundred frames); {@link #report} after the burst.
 */
final class BurstTimings implements LineWatch {
    private static final Logger log = LoggerFactory.getLogger(BurstTimings.class);
    private static final Set<MessageType> FIRST_ANSWERS = Set.of(MessageType.CALL_PROCEEDING, MessageType.ALERTING,
            MessageType.CONNECT);

    private final List<SignalStamp> stamps = new ArrayList<>();

    @Override
    public synchronized void toBox(byte[] lapd, long handedNanos, long relayedNanos, boolean relayed) {
        SignalStamp.q931(lapd).ifPresent(m -> {
            stamps.add(new SignalStamp(Stage.CARRIER_OUT, m.type(), m.callReference().value(), handedNanos));
            if (relayed) {
                stamps.add(new SignalStamp(Stage.BOARD_TO_HOST, m.type(), m.callReference().value(), relayedNanos));
            }
        });
    }

    @Override
    public synchronized void fromBox(byte[] lapd, long nanos) {
        SignalStamp.q931(lapd).ifPresent(m -> stamps.add(new SignalStamp(Stage.CARRIER_IN, m.type(),
                m.callReference().value(), nanos)));
    }

    /** One call's stamps: the SETUP's first sighting at each stage, the first answer's and the CONNECT's. */
    record Call(int callReference, Map<Stage, Long> setup, MessageType answerType, Map<Stage, Long> answer,
            Map<Stage, Long> connect) {

        long between(Map<Stage, Long> from, Stage a, Map<Stage, Long> to, Stage b) {
            Long x = from.get(a);
            Long y = to.get(b);
            return x == null || y == null ? -1 : y - x;
        }
    }

    /** The calls whose SETUP the carrier sent, joined with {@code box}'s stamps, in SETUP order. */
    synchronized List<Call> calls(List<SignalStamp> box) {
        List<SignalStamp> all = new ArrayList<>(stamps);
        all.addAll(box);
        Map<Integer, Call> calls = new LinkedHashMap<>();
        all.stream().filter(s -> s.stage() == Stage.CARRIER_OUT && s.type() == MessageType.SETUP)
                .sorted(java.util.Comparator.comparingLong(SignalStamp::nanos))
                .forEach(s -> calls.computeIfAbsent(s.callReference(), cr -> new Call(cr, new EnumMap<>(Stage.class),
                        null, new EnumMap<>(Stage.class), new EnumMap<>(Stage.class))));
        all.sort(java.util.Comparator.comparingLong(SignalStamp::nanos));
        Map<Integer, MessageType> answerType = new LinkedHashMap<>();
        for (SignalStamp s : all) {
            Call c = calls.get(s.callReference());
            if (c == null) {
                continue;
            }
            if (s.type() == MessageType.SETUP) {
                c.setup().putIfAbsent(s.stage(), s.nanos());
            } else if (FIRST_ANSWERS.contains(s.type())) {
                // the first answer is the first one the box's signalling thread sent
                MessageType first = answerType.computeIfAbsent(s.callReference(), cr -> s.type());
                if (s.type() == first) {
                    c.answer().putIfAbsent(s.stage(), s.nanos());
                }
                if (s.type() == MessageType.CONNECT) {
                    c.connect().putIfAbsent(s.stage(), s.nanos());
                }
            }
        }
        List<Call> out = new ArrayList<>();
        calls.values().forEach(c -> out.add(new Call(c.callReference(), c.setup(), answerType.get(c.callReference()),
                c.answer(), c.connect())));
        return out;
    }

    /** Logs the per-stage table and records the figures under {@code figures.*}; returns the headline. */
    Percentiles.Summary report(List<SignalStamp> box, String figures) {
        List<Call> calls = calls(box);
        Map<String, ToLongFunction<Call>> rows = new LinkedHashMap<>();
        rows.put("SETUP → first answer at the carrier", c -> c.between(c.setup(), Stage.CARRIER_OUT, c.answer(), Stage.CARRIER_IN));
        rows.put("SETUP → CONNECT at the carrier", c -> c.between(c.setup(), Stage.CARRIER_OUT, c.connect(), Stage.CARRIER_IN));
        rows.put("the box alone: SETUP at its port → answer written", c -> c.between(c.setup(), Stage.BOX_PORT_IN, c.answer(), Stage.BOX_PORT_OUT));
        rows.put("  SETUP: carrier → board wrote it to the link", c -> c.between(c.setup(), Stage.CARRIER_OUT, c.setup(), Stage.BOARD_TO_HOST));
        rows.put("  SETUP: link → out of the box's port", c -> c.between(c.setup(), Stage.BOARD_TO_HOST, c.setup(), Stage.BOX_PORT_IN));
        rows.put("  SETUP: port → signalling thread", c -> c.between(c.setup(), Stage.BOX_PORT_IN, c.setup(), Stage.BOX_SIGNALLING_IN));
        rows.put("  signalling: SETUP in → first answer out", c -> c.between(c.setup(), Stage.BOX_SIGNALLING_IN, c.answer(), Stage.BOX_SIGNALLING_OUT));
        rows.put("  answer: signalling → written to the port", c -> c.between(c.answer(), Stage.BOX_SIGNALLING_OUT, c.answer(), Stage.BOX_PORT_OUT));
        rows.put("  answer: port → carrier", c -> c.between(c.answer(), Stage.BOX_PORT_OUT, c.answer(), Stage.CARRIER_IN));
        rows.put("  signalling: SETUP in → CONNECT out", c -> c.between(c.setup(), Stage.BOX_SIGNALLING_IN, c.connect(), Stage.BOX_SIGNALLING_OUT));
        Percentiles.Summary headline = null;
        StringBuilder table = new StringBuilder();
        for (var row : rows.entrySet()) {
            long[] v = calls.stream().mapToLong(row.getValue()).filter(x -> x >= 0).toArray();
            Percentiles.Summary s = Percentiles.summarize(v, v.length);
            table.append(String.format(java.util.Locale.ROOT, "%n  %-48s %s", row.getKey(), s));
            if (headline == null) {
                headline = s;
                BenchFigures.latency(figures + ".setupToFirstAnswer", s);
            } else if (row.getKey().startsWith("SETUP → CONNECT")) {
                BenchFigures.latency(figures + ".setupToConnect", s);
            } else if (row.getKey().startsWith("the box alone")) {
                BenchFigures.latency(figures + ".boxPortToFirstAnswer", s);
            }
        }
        StringBuilder perCall = new StringBuilder();
        for (Call c : calls) {
            perCall.append(String.format(java.util.Locale.ROOT, "%n  cr %5d:", c.callReference()));
            for (ToLongFunction<Call> f : rows.values()) {
                perCall.append(String.format(java.util.Locale.ROOT, " %8.3f", f.applyAsLong(c) / 1e6));
            }
        }
        log.info("{} per call (ms, columns as the rows above, -0.000 = not seen):{}", figures, perCall);
        long first = calls.stream().mapToLong(c -> c.setup().getOrDefault(Stage.CARRIER_OUT, Long.MAX_VALUE)).min().orElse(0);
        long last = calls.stream().mapToLong(c -> c.setup().getOrDefault(Stage.CARRIER_OUT, 0L)).max().orElse(0);
        log.info("{}: {} SETUPs handed to the line over {} ms; first answers {}; per stage (ms):{}", figures, calls.size(),
                String.format(java.util.Locale.ROOT, "%.1f", (last - first) / 1e6),
                calls.stream().map(c -> String.valueOf(c.answerType())).distinct().toList(), table);
        return headline;
    }
}
