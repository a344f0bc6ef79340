package io.branchbox.firmware.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.branchbox.firmware.isdn.q931.Q850Cause;
import io.branchbox.firmware.journal.CallEvents.*;
import java.time.Duration;
import java.time.Instant;
import io.branchbox.testkit.Gen;
import io.branchbox.testkit.Tries;
import java.util.Arrays;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Every record survives encode → journal line → decode unchanged, with whatever its components
 * hold (absent values, empty strings, Chinese text, odd numbers), for every record type.
 */
class CallEventRoundTripPropertiesTest {
    private static final Instant AT = Instant.parse("2026-11-02T08:00:00Z");

    @Test
    void encodeThenDecodeGivesTheSameRecord() {
        Tries.forAll(2000, Gen.oneOf(generators()), event -> {
            JournalEvent written = CallEventCodec.encode(AT, event).withSeq(7);
            assertEquals(CallEventCodec.typeName(event.getClass()), written.type());
            byte[] line = JournalCodec.encode(written);
            JournalEvent read = JournalCodec.decode(line, 0, line.length - 1);

            assertEquals(event, CallEventCodec.decode(read));
        });
    }

    @Test
    void theGeneratorCoversEveryRecordType() {
        Random r = new Random(5);
        Set<Class<?>> generated = generators().stream()
                .map(g -> g.next(r).getClass()).collect(Collectors.toSet());
        assertEquals(Set.of(CallEvents.class.getPermittedSubclasses()).size(), generated.size());
        assertEquals(Set.copyOf(Arrays.asList(CallEvents.class.getPermittedSubclasses())), generated);
    }

    static List<Gen<? extends CallEvents>> generators() {
        Gen<String> id = id();
        Gen<String> text = text();
        Gen<String> maybe = orNull(text);
        Gen<Integer> number = number();
        Gen<Integer> maybeNumber = orNull(number);
        Gen<Duration> maybeDuration = orNull(duration());
        return List.of(
                r -> new Started(id.next(r), maybe.next(r), maybe.next(r), Gen.of(Direction.class).next(r), maybe.next(r),
                        maybe.next(r), maybe.next(r)),
                r -> new Answered(id.next(r), maybe.next(r), maybe.next(r)),
                r -> new Queued(id.next(r), maybe.next(r), maybeNumber.next(r)),
                r -> new Offered(id.next(r), maybe.next(r), maybe.next(r), maybeNumber.next(r)),
                r -> new OfferMissed(id.next(r), maybe.next(r), maybe.next(r), maybeNumber.next(r)),
                r -> new Overflowed(id.next(r), maybe.next(r), maybe.next(r)),
                r -> new Connected(id.next(r), maybe.next(r), maybe.next(r), maybeNumber.next(r)),
                r -> new Ended(id.next(r), maybe.next(r), maybe.next(r), orNull(Gen.of(Disposition.class)).next(r),
                        orNull(cause(0)).next(r), maybe.next(r), maybeDuration.next(r)),
                r -> new RecordingFinished(id.next(r), maybe.next(r), text.next(r), maybe.next(r), maybeDuration.next(r),
                        orNull(Gen.anyLong()).next(r), orNull(Gen.anyLong()).next(r), maybe.next(r)),
                r -> new RecordingFailed(id.next(r), maybe.next(r), maybe.next(r)),
                r -> new Attempt(id.next(r), number.next(r), text.next(r), orNull(cause(1)).next(r), text.next(r),
                        Gen.of(AttemptOutcome.class).next(r), instant().next(r), duration().next(r), text.next(r)),
                r -> new AgentStateChanged(orNull(id).next(r), text.next(r), Gen.of(AgentStatus.class).next(r), maybe.next(r),
                        maybe.next(r), maybeNumber.next(r)),
                r -> new Ivr(id.next(r), maybe.next(r), maybe.next(r), maybe.next(r), maybe.next(r)),
                r -> new Night(id.next(r), maybe.next(r), maybe.next(r)),
                r -> new Held(id.next(r), maybe.next(r), maybe.next(r)),
                r -> new Retrieved(id.next(r), maybe.next(r), maybe.next(r)),
                r -> new Consulted(id.next(r), maybe.next(r), maybe.next(r), maybe.next(r)),
                r -> new Transferred(id.next(r), maybe.next(r), maybe.next(r), Gen.of(TransferKind.class).next(r),
                        maybe.next(r)),
                r -> new WrappedUp(id.next(r), maybe.next(r), maybe.next(r), maybe.next(r), maybe.next(r)),
                r -> new Monitored(id.next(r), maybe.next(r), maybe.next(r), Gen.of(MonitorMode.class).next(r),
                        maybe.next(r)),
                r -> new Voicemail(id.next(r), maybe.next(r), maybe.next(r), maybeDuration.next(r)),
                r -> new Surveyed(id.next(r), maybe.next(r), maybe.next(r), number.next(r)),
                r -> new Refused(cause(0).next(r), text.next(r), maybe.next(r), maybe.next(r), maybe.next(r)),
                r -> new SpanRestarted(text.next(r), text.next(r), orNull(cause(1)).next(r), Gen.ints(0, 31).list(31).next(r)),
                r -> new CallbackRequested(id.next(r), maybe.next(r), maybe.next(r), text.next(r), number.next(r),
                        instant().next(r)),
                r -> new CallbackDone(Gen.oneOf(id, Gen.just("")).next(r), maybe.next(r), Gen.of(CallbackOutcome.class).next(r),
                        number.next(r), text.next(r)));
    }

    private static Gen<String> id() {
        return Gen.strings(Gen.chars('a', 'z', "0123456789-"), 1, 12);
    }

    private static Gen<String> text() {
        return Gen.strings(Gen.chars(' ', '~', "王先生线路故障，已派工\"\\\t"), 0, 16);
    }

    private static Gen<Integer> number() {
        return Gen.anyInt();
    }

    /** Causes from {@code min}; where "0" on disk means no cause the record holds null instead of 0. */
    private static Gen<Q850Cause> cause(int min) {
        return Gen.ints(min, 127).map(Q850Cause::of);
    }

    private static Gen<Duration> duration() {
        return Gen.longs(0, 400L * 24 * 3600 * 1000).map(Duration::ofMillis);
    }

    private static Gen<Instant> instant() {
        Gen<Long> seconds = Gen.longs(0, 4_102_444_800L);
        Gen<Integer> nanos = Gen.ints(0, 999_999_999);
        return r -> Instant.ofEpochSecond(seconds.next(r), nanos.next(r));
    }

    private static <T> Gen<T> orNull(Gen<T> g) {
        return g.orNull(0.25);
    }
}
