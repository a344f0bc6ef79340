package io.branchbox.firmware.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.branchbox.firmware.isdn.q931.Q850Cause;
import io.branchbox.firmware.journal.CallEvents.*;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Example;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Every record survives encode → journal line → decode unchanged, with whatever its components
 * hold (absent values, empty strings, Chinese text, odd numbers), for every record type.
 */
class CallEventRoundTripPropertiesTest {
    private static final Instant AT = Instant.parse("2026-11-02T08:00:00Z");

    @Property(tries = 2000)
    void encodeThenDecodeGivesTheSameRecord(@ForAll("events") CallEvents event) throws Exception {
        JournalEvent written = CallEventCodec.encode(AT, event).withSeq(7);
        assertEquals(CallEventCodec.typeName(event.getClass()), written.type());
        byte[] line = JournalCodec.encode(written);
        JournalEvent read = JournalCodec.decode(line, 0, line.length - 1);

        assertEquals(event, CallEventCodec.decode(read));
    }

    @Example
    void theGeneratorCoversEveryRecordType() {
        Set<Class<?>> generated = generators().stream()
                .map(a -> a.sample().getClass()).collect(Collectors.toSet());
        assertEquals(Set.of(CallEvents.class.getPermittedSubclasses()).size(), generated.size());
        assertEquals(Set.copyOf(Arrays.asList(CallEvents.class.getPermittedSubclasses())), generated);
    }

    @Provide
    Arbitrary<CallEvents> events() {
        return Arbitraries.oneOf(generators());
    }

    static List<Arbitrary<? extends CallEvents>> generators() {
        return List.of(
                Combinators.combine(id(), orNull(text()), orNull(text()), Arbitraries.of(Direction.class), orNull(text()),
                        orNull(text()), orNull(text())).as(Started::new),
                Combinators.combine(id(), orNull(text()), orNull(text())).as(Answered::new),
                Combinators.combine(id(), orNull(text()), orNull(number())).as(Queued::new),
                Combinators.combine(id(), orNull(text()), orNull(text()), orNull(number())).as(Offered::new),
                Combinators.combine(id(), orNull(text()), orNull(text()), orNull(number())).as(OfferMissed::new),
                Combinators.combine(id(), orNull(text()), orNull(text())).as(Overflowed::new),
                Combinators.combine(id(), orNull(text()), orNull(text()), orNull(number())).as(Connected::new),
                Combinators.combine(id(), orNull(text()), orNull(text()), orNull(Arbitraries.of(Disposition.class)),
                        orNull(cause(0)), orNull(text()), orNull(duration())).as(Ended::new),
                Combinators.combine(id(), orNull(text()), text(), orNull(text()), orNull(duration()),
                        orNull(Arbitraries.longs()), orNull(Arbitraries.longs()), orNull(text())).as(RecordingFinished::new),
                Combinators.combine(id(), orNull(text()), orNull(text())).as(RecordingFailed::new),
                Combinators.combine(id(), number(), text(), orNull(cause(1)), text(), Arbitraries.of(AttemptOutcome.class),
                        instant(), duration()).flatAs((id, n, trunk, cause, location, outcome, started, length) ->
                                text().map(reason -> new Attempt(id, n, trunk, cause, location, outcome, started, length,
                                        reason))),
                Combinators.combine(orNull(id()), text(), Arbitraries.of(AgentStatus.class), orNull(text()),
                        orNull(text()), orNull(number())).as(AgentStateChanged::new),
                Combinators.combine(id(), orNull(text()), orNull(text()), orNull(text()), orNull(text())).as(Ivr::new),
                Combinators.combine(id(), orNull(text()), orNull(text())).as(Night::new),
                Combinators.combine(id(), orNull(text()), orNull(text())).as(Held::new),
                Combinators.combine(id(), orNull(text()), orNull(text())).as(Retrieved::new),
                Combinators.combine(id(), orNull(text()), orNull(text()), orNull(text())).as(Consulted::new),
                Combinators.combine(id(), orNull(text()), orNull(text()), Arbitraries.of(TransferKind.class),
                        orNull(text())).as(Transferred::new),
                Combinators.combine(id(), orNull(text()), orNull(text()), orNull(text()), orNull(text()))
                        .as(WrappedUp::new),
                Combinators.combine(id(), orNull(text()), orNull(text()), Arbitraries.of(MonitorMode.class),
                        orNull(text())).as(Monitored::new),
                Combinators.combine(id(), orNull(text()), orNull(text()), orNull(duration())).as(Voicemail::new),
                Combinators.combine(id(), orNull(text()), orNull(text()), number()).as(Surveyed::new),
                Combinators.combine(cause(0), text(), orNull(text()), orNull(text()), orNull(text())).as(Refused::new),
                Combinators.combine(text(), text(), orNull(cause(1)), Arbitraries.integers().between(0, 31).list().ofMaxSize(31))
                        .as(SpanRestarted::new),
                Combinators.combine(id(), orNull(text()), orNull(text()), text(), number(), instant())
                        .as(CallbackRequested::new),
                Combinators.combine(Arbitraries.oneOf(id(), Arbitraries.just("")), orNull(text()),
                        Arbitraries.of(CallbackOutcome.class), number(), text()).as(CallbackDone::new));
    }

    private static Arbitrary<String> id() {
        return Arbitraries.strings().withCharRange('a', 'z').withCharRange('0', '9').withChars('-').ofMinLength(1)
                .ofMaxLength(12);
    }

    private static Arbitrary<String> text() {
        return Arbitraries.strings().withCharRange(' ', '~').withChars("王先生线路故障，已派工\"\\\t").ofMaxLength(16);
    }

    private static Arbitrary<Integer> number() {
        return Arbitraries.integers();
    }

    /** Causes from {@code min}; where "0" on disk means no cause the record holds null instead of 0. */
    private static Arbitrary<Q850Cause> cause(int min) {
        return Arbitraries.integers().between(min, 127).map(Q850Cause::of);
    }

    private static Arbitrary<Duration> duration() {
        return Arbitraries.longs().between(0, 400L * 24 * 3600 * 1000).map(Duration::ofMillis);
    }

    private static Arbitrary<Instant> instant() {
        return Combinators.combine(Arbitraries.longs().between(0, 4_102_444_800L), Arbitraries.integers().between(0, 999_999_999))
                .as(Instant::ofEpochSecond);
    }

    private static <T> Arbitrary<T> orNull(Arbitrary<T> a) {
        return a.injectNull(0.25);
    }
}
