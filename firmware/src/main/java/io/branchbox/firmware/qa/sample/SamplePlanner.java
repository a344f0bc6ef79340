package io.branchbox.firmware.qa.sample;

import io.branchbox.firmware.config.ShiftCalendar;
import io.branchbox.firmware.config.ShiftCalendar.ShiftDay;
import io.branchbox.firmware.qa.CallFacts;
import io.branchbox.firmware.qa.Sample;
import io.branchbox.firmware.qa.SampleReason;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Random;
import java.util.Set;
import java.util.function.Predicate;

/**
 * Draws the next samples of a month plan from the month's agent-answered calls so far.
 *
 * <p>Order of the draw, each step counting what earlier steps and earlier draws already hold:
 * <ol>
 *   <li>replacements for samples whose recording was deleted before scoring (same agent and
 *       shift if possible, else same agent, else anybody);
 *   <li>{@code perShift} per agent and shift occurrence worked ({@link SampleReason#SHIFT_QUOTA});
 *   <li>{@code perMonth} per agent ({@link SampleReason#MONTH_QUOTA});
 *   <li>the targeted samples asked for ({@link Target});
 *   <li>random calls until the plan holds ceil(percent × answered / 100) ({@link SampleReason#RANDOM}).
 * </ol>
 * A group with fewer recorded calls than its quota gives what it has. Only calls with a live
 * recording are drawn. Randomness: each group shuffles its calls (sorted by id) with a
 * {@link Random} seeded from the plan's seed and the group's key, so a draw is reproducible and
 * does not depend on the order calls are listed in.
 */
public final class SamplePlanner {

    /** The plan's rules (from {@code BoxConfig.Qa}). */
    public record Rules(double percent, int perShift, int perMonth, Duration longCall) {}

    /** A targeted sample: {@code count} calls of {@code kind} matching {@code value} (agent, queue, wrap-up code; "" for complaints and long calls). */
    public record Target(SampleReason kind, String value, int count) {
        public Target {
            Objects.requireNonNull(kind, "kind");
            value = value == null ? "" : value;
            if (!Set.of(SampleReason.TARGET_AGENT, SampleReason.TARGET_QUEUE, SampleReason.TARGET_WRAPUP,
                    SampleReason.COMPLAINT, SampleReason.LONG_CALL).contains(kind)) {
                throw new IllegalArgumentException(kind + " is not a targeted sample");
            }
            if (count < 0) {
                throw new IllegalArgumentException("count is not negative");
            }
        }
    }

    /** One call to journal as sampled. {@code replaces} is the lost sample's call, or null. */
    public record Draw(CallFacts call, ShiftDay shift, SampleReason reason, String replaces) {}

    private final ShiftCalendar shifts;
    private final Rules rules;

    public SamplePlanner(ShiftCalendar shifts, Rules rules) {
        this.shifts = shifts;
        this.rules = rules;
    }

    /** How many samples a month with {@code answered} agent-answered calls needs in total. */
    public static int planned(double percent, int answered) {
        return (int) Math.ceil(percent * answered / 100.0 - 1e-9);
    }

    /**
     * The next draws of the plan. {@code calls}: the month's agent-answered calls so far;
     * {@code existing}: the plan's samples so far (lost ones included); {@code targets}: the
     * targeted samples wanted this month.
     */
    public List<Draw> draw(Collection<CallFacts> calls, Collection<Sample> existing, List<Target> targets, long seed) {
        State s = new State(calls, existing);
        replaceLost(s, seed);
        Map<String, List<CallFacts>> byShift = group(s.all, c -> c.agentId() + "|" + shiftKey(c));
        for (Map.Entry<String, List<CallFacts>> g : byShift.entrySet()) {
            pick(s, g.getValue(), rules.perShift(), seed, g.getKey(), SampleReason.SHIFT_QUOTA);
        }
        for (Map.Entry<String, List<CallFacts>> g : group(s.all, CallFacts::agentId).entrySet()) {
            pick(s, g.getValue(), rules.perMonth(), seed, "month|" + g.getKey(), SampleReason.MONTH_QUOTA);
        }
        for (Target t : targets) {
            List<CallFacts> matching = s.all.stream().filter(matcher(t)).toList();
            long already = s.live.values().stream().filter(x -> x == t.kind()).count();
            pickMore(s, matching, (int) Math.max(0, t.count() - already), seed, "target|" + t, t.kind());
        }
        int missing = planned(rules.percent(), s.all.size()) - s.live.size();
        pickMore(s, s.all, missing, seed, "random", SampleReason.RANDOM);
        return s.draws;
    }

    private void replaceLost(State s, long seed) {
        for (Sample lost : s.lostUnreplaced) {
            String shift = lost.shift().key();
            List<Predicate<CallFacts>> tiers = List.of(
                    c -> c.agentId().equals(lost.agentId()) && shiftKey(c).equals(shift),
                    c -> c.agentId().equals(lost.agentId()),
                    c -> true);
            for (Predicate<CallFacts> tier : tiers) {
                List<CallFacts> pool = s.all.stream().filter(tier).toList();
                if (s.take(shuffled(pool, seed, "replace|" + lost.callId()), 1, SampleReason.REPLACEMENT,
                        lost.callId(), this) > 0) {
                    break;
                }
            }
        }
    }

    /** Picks until {@code group} holds {@code quota} live samples. */
    private void pick(State s, List<CallFacts> group, int quota, long seed, String key, SampleReason reason) {
        long have = group.stream().filter(c -> s.live.containsKey(c.callId())).count();
        pickMore(s, group, (int) (quota - have), seed, key, reason);
    }

    private void pickMore(State s, List<CallFacts> pool, int n, long seed, String key, SampleReason reason) {
        if (n > 0) {
            s.take(shuffled(pool, seed, key), n, reason, null, this);
        }
    }

    private Predicate<CallFacts> matcher(Target t) {
        return switch (t.kind()) {
            case TARGET_AGENT -> c -> c.agentId().equals(t.value());
            case TARGET_QUEUE -> c -> c.queue().equals(t.value());
            case TARGET_WRAPUP -> c -> c.wrapUpCode().equals(t.value());
            case COMPLAINT -> CallFacts::complaint;
            case LONG_CALL -> c -> c.talkMs() >= rules.longCall().toMillis();
            default -> c -> false;
        };
    }

    String shiftKey(CallFacts c) {
        return shifts.shiftOf(c.answeredAt()).map(ShiftDay::key).orElse(c.answeredAt().atZone(shifts.zone()).toLocalDate() + "/-");
    }

    ShiftDay shiftOf(CallFacts c) {
        return ShiftDay.parse(shiftKey(c));
    }

    private static Map<String, List<CallFacts>> group(List<CallFacts> calls, java.util.function.Function<CallFacts, String> key) {
        Map<String, List<CallFacts>> m = new LinkedHashMap<>();
        for (CallFacts c : calls) {
            m.computeIfAbsent(key.apply(c), k -> new ArrayList<>()).add(c);
        }
        return m;
    }

    private static List<CallFacts> shuffled(List<CallFacts> pool, long seed, String key) {
        List<CallFacts> l = new ArrayList<>(pool);
        l.sort(Comparator.comparing(CallFacts::callId));
        java.util.Collections.shuffle(l, new Random(seed * 31 + key.hashCode()));
        return l;
    }

    /** The draw in progress: what is sampled (live), what may still be drawn. */
    private static final class State {
        final List<CallFacts> all;
        final Map<String, SampleReason> live = new HashMap<>();
        final Set<String> taken = new HashSet<>();
        final List<Sample> lostUnreplaced = new ArrayList<>();
        final List<Draw> draws = new ArrayList<>();

        State(Collection<CallFacts> calls, Collection<Sample> existing) {
            all = calls.stream().sorted(Comparator.comparing(CallFacts::callId)).toList();
            Set<String> replaced = new HashSet<>();
            for (Sample x : existing) {
                taken.add(x.callId());
                if (!x.lost()) {
                    live.put(x.callId(), x.reason());
                }
                if (x.replaces() != null) {
                    replaced.add(x.replaces());
                }
            }
            for (Sample x : existing) {
                if (x.lost() && !replaced.contains(x.callId())) {
                    lostUnreplaced.add(x);
                }
            }
        }

        int take(List<CallFacts> ordered, int n, SampleReason reason, String replaces, SamplePlanner p) {
            int got = 0;
            for (CallFacts c : ordered) {
                if (got == n) {
                    break;
                }
                if (c.recorded() && taken.add(c.callId())) {
                    live.put(c.callId(), reason);
                    draws.add(new Draw(c, p.shiftOf(c), reason, replaces));
                    got++;
                }
            }
            return got;
        }
    }
}
