package io.branchbox.firmware.journal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;

import io.branchbox.firmware.journal.CallEvents.*;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Predicate;
import java.util.zip.CRC32;
import io.branchbox.testkit.Gen;
import io.branchbox.testkit.Tries;
import org.junit.jupiter.api.Test;

/**
 * The hand reader of journal lines ({@link JournalLine}, the fast path of {@link JournalCodec#decode})
 * gives exactly what the generic parser ({@link JournalCodec#decodeGeneric}) gives: for every call
 * event type with any content, for any envelope, for the fixture journal of the old format, bare or
 * not; and for a line that is not the written form (mutated, hand-written) it steps aside, so the
 * generic parser's verdict (an event or an error) stands.
 */
class JournalLineEquivalenceTest {
    private static final Instant AT = Instant.parse("2026-11-02T08:00:00.125Z");
    /** The types the KPI fold reads bare (kpi.KpiLedger.ignores), and a predicate that never is. */
    private static final Predicate<String> KPI_BARE = CallEventCodec.typeIsOneOf(
            Ivr.class, WrappedUp.class, Monitored.class, RecordingFinished.class, RecordingFailed.class);
    private static final List<Predicate<String>> BARE = List.of(type -> false, KPI_BARE, type -> true);

    @Test
    void everyCallEventTakesTheFastPathAndReadsTheSame() {
        Gen<Long> seqs = Gen.longs(0, 999_999_999_999_999_999L);
        Tries.forAll(2000, r -> CallEventCodec.encode(AT, callEvents().next(r)).withSeq(seqs.next(r)),
                JournalLineEquivalenceTest::readsTheSame);
    }

    @Test
    void anyEnvelopeTakesTheFastPathAndReadsTheSame() {
        Tries.forAll(1000, envelopes(), JournalLineEquivalenceTest::readsTheSame);
    }

    /** {@code e} written takes the fast path, bare or not, and reads as the generic parser reads it: as {@code e}. */
    private static void readsTheSame(JournalEvent e) {
        byte[] line = JournalCodec.encode(e);
        for (Predicate<String> bare : BARE) {
            JournalEvent fast = fast(line, bare);
            assertNotNull(fast, () -> "the written form must take the fast path: " + text(line));
            assertEquals(generic(line, bare), fast);
        }
        assertEquals(e, fast(line, BARE.get(0)));
    }

    /** Whatever a mutated line is, the public decode's verdict is the generic parser's. */
    @Test
    void aMutatedLineGetsTheGenericVerdict() {
        Gen<byte[]> mutated = r -> {
            byte[] json = json(JournalCodec.encode(CallEventCodec.encode(AT, callEvents().next(r)).withSeq(42)));
            for (Mutation m : mutations().next(r)) {
                json = m.apply(json);
            }
            return withCrc(json);
        };
        Tries.forAll(3000, mutated, JournalLineEquivalenceTest::getsTheGenericVerdict);
    }

    private static void getsTheGenericVerdict(byte[] line) {
        for (Predicate<String> bare : BARE) {
            Object generic = outcome(() -> JournalCodec.decodeGeneric(line, 0, line.length, bare));
            Object fast = fast(line, bare);
            if (fast != null) {
                assertEquals(generic, fast, () -> "fast path differs on " + text(line));
            }
            assertEquals(generic, outcome(() -> JournalCodec.decode(line, 0, line.length, bare)), () -> text(line));
        }
    }

    @Test
    void theFixtureJournalOfTheOldFormatReadsTheSameLineByLine() throws Exception {
        Path dir = Path.of(JournalLineEquivalenceTest.class.getResource("/journal/format-2026").toURI());
        int lines = 0;
        for (Path segment : JournalSegments.list(dir)) {
            byte[] all = Files.readAllBytes(segment);
            int start = 0;
            for (int i = 0; i < all.length; i++) {
                if (all[i] == '\n') {
                    byte[] line = Arrays.copyOfRange(all, start, i);
                    for (Predicate<String> bare : BARE) {
                        JournalEvent fast = fast(line, bare);
                        assertNotNull(fast, () -> text(line));
                        assertEquals(generic(line, bare), fast);
                    }
                    lines++;
                    start = i + 1;
                }
            }
        }
        assertEquals(36, lines);
    }

    @Test
    void formsTheJournalNeverWritesGoToTheGenericParser() {
        String[] others = {
            "{ \"seq\":1,\"at\":\"2026-11-02T01:00:01Z\",\"type\":\"box.started\"}", // whitespace
            "{\"seq\":\"1\",\"at\":\"2026-11-02T01:00:01Z\",\"type\":\"box.started\"}", // seq as a string
            "{\"seq\":01,\"at\":\"2026-11-02T01:00:01Z\",\"type\":\"box.started\"}", // a leading zero
            "{\"seq\":1,\"at\":\"2026-11-02T01:00:01+08:00\",\"type\":\"box.started\"}", // another time form
            "{\"seq\":1,\"at\":\"2026-11-02T01:00:01Z\",\"type\":\"x\",\"attrs\":{\"a\":\"1\",\"a\":\"2\"}}", // duplicate
            "{\"seq\":1,\"at\":\"2026-11-02T01:00:01Z\",\"type\":\"x\",\"attrs\":{\"a\":1}}", // a number attribute
            "{\"seq\":1,\"at\":\"2026-11-02T01:00:01Z\",\"type\":\"x\",\"extra\":\"y\"}", // a field never written
            "{\"seq\":1,\"at\":\"2026-11-02T01:00:01Z\",\"type\":\"x\",\"callId\":null}", // null
            "{\"seq\":1,\"at\":\"2026-11-02T01:00:01Z\",\"type\":\"x\"} ", // trailing space
            "{\"seq\":1,\"at\":\"2026-11-02T01:00:01Z\",\"type\":\"x\",\"queue\":\"\\q\"}", // unknown escape
            "{\"seq\":1,\"at\":\"2026-11-02T01:00:01Z\",\"type\":\" \"}", // blank type
        };
        for (String json : others) {
            byte[] line = withCrc(json.getBytes(StandardCharsets.UTF_8));
            assertNull(fast(line, BARE.get(0)), json);
        }
        byte[] badUtf8 = withCrc(concat("{\"seq\":1,\"at\":\"2026-11-02T01:00:01Z\",\"type\":\"x\",\"queue\":\"",
                new byte[] {(byte) 0xC3, (byte) 0x28}, "\"}"));
        assertNull(fast(badUtf8, BARE.get(0)), "invalid UTF-8 is for the generic parser to judge");
    }

    @Test
    void escapesAndChineseTextAreDecodedOnTheFastPath() {
        JournalEvent e = new JournalEvent(9, AT, "call.wrapup", "c\"1", "坐席\\7", "q\u0001", Map.of("notes",
                "线路故障，已派工\n\t/\u00e9\ud83d\ude00", "code", "OUTAGE"));
        byte[] line = JournalCodec.encode(e);
        assertEquals(e, fast(line, BARE.get(0)));
    }

    // --- helpers

    private static JournalEvent fast(byte[] line, Predicate<String> bare) {
        int end = line.length > 0 && line[line.length - 1] == '\n' ? line.length - 1 : line.length;
        return JournalLine.read(line, 9, end - 9, bare);
    }

    private static JournalEvent generic(byte[] line, Predicate<String> bare) {
        int end = line.length > 0 && line[line.length - 1] == '\n' ? line.length - 1 : line.length;
        try {
            return JournalCodec.decodeGeneric(line, 0, end, bare);
        } catch (JournalFormatException ex) {
            throw new AssertionError("the generic parser refuses a written line: " + text(line), ex);
        }
    }

    /** An event or the error's class and message: what a reader of the line would see. */
    private static Object outcome(Decode d) {
        try {
            return d.run();
        } catch (JournalFormatException ex) {
            return "error: " + ex.getMessage();
        }
    }

    @FunctionalInterface
    private interface Decode {
        JournalEvent run() throws JournalFormatException;
    }

    private static byte[] json(byte[] line) {
        return Arrays.copyOfRange(line, 9, line.length - 1);
    }

    private static byte[] withCrc(byte[] json) {
        CRC32 crc = new CRC32();
        crc.update(json);
        return concat(String.format("%08x ", crc.getValue()), json, "");
    }

    private static byte[] concat(String a, byte[] b, String c) {
        byte[] x = a.getBytes(StandardCharsets.UTF_8);
        byte[] z = c.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[x.length + b.length + z.length];
        System.arraycopy(x, 0, out, 0, x.length);
        System.arraycopy(b, 0, out, x.length, b.length);
        System.arraycopy(z, 0, out, x.length + b.length, z.length);
        return out;
    }

    private static String text(byte[] line) {
        return new String(line, StandardCharsets.UTF_8);
    }

    /** One edit of a line's JSON at a relative position: delete, insert or replace one byte. */
    record Mutation(int kind, double where, byte value) {
        byte[] apply(byte[] json) {
            if (json.length == 0) {
                return json;
            }
            int at = Math.min(json.length - 1, (int) (where * json.length));
            return switch (kind) {
                case 0 -> {
                    byte[] out = new byte[json.length - 1];
                    System.arraycopy(json, 0, out, 0, at);
                    System.arraycopy(json, at + 1, out, at, json.length - at - 1);
                    yield out;
                }
                case 1 -> {
                    byte[] out = new byte[json.length + 1];
                    System.arraycopy(json, 0, out, 0, at);
                    out[at] = value;
                    System.arraycopy(json, at, out, at + 1, json.length - at);
                    yield out;
                }
                default -> {
                    byte[] out = json.clone();
                    out[at] = value;
                    yield out;
                }
            };
        }
    }

    private static Gen<CallEvents> callEvents() {
        return Gen.oneOf(CallEventRoundTripPropertiesTest.generators());
    }

    private static Gen<List<Mutation>> mutations() {
        Gen<Byte> bytes = Gen.oneOf(
                Gen.of((byte) ' ', (byte) '\\', (byte) '"', (byte) '{', (byte) '}', (byte) ',', (byte) ':',
                        (byte) '0', (byte) '9', (byte) '-', (byte) '.', (byte) 'n', (byte) 'u', (byte) 'Z', (byte) 'T',
                        (byte) 0x80, (byte) 0xC3, (byte) 0xE7, (byte) 0x00, (byte) 0x1F, (byte) '\t', (byte) '['),
                r -> (byte) r.nextInt(256));
        Gen<Integer> kinds = Gen.ints(0, 2);
        Gen<Mutation> one = r -> new Mutation(kinds.next(r), r.nextDouble(), bytes.next(r));
        return r -> {
            int n = 1 + r.nextInt(3);
            List<Mutation> ms = new java.util.ArrayList<>();
            for (int i = 0; i < n; i++) {
                ms.add(one.next(r));
            }
            return ms;
        };
    }

    private static Gen<JournalEvent> envelopes() {
        // no surrogates: a string of random chars could hold half a pair, which no writer produces
        Gen<String> text = Gen.strings(Gen.chars(' ', '~', "王先生，\"\\\t\n\u0001\u00e9\u007f"), 0, 12);
        Gen<String> type = Gen.oneOf(Gen.of("box.started", "qa.scored", "workorder.stage", "call.ended", "agent.state"),
                r -> {
                    String t = text.next(r);
                    return t.isBlank() ? "x" + t : t;
                });
        Gen<String> maybe = text.orNull(0.3);
        // years 0000 to 9999: the form Instant.toString writes with four digits
        Gen<Long> seconds = Gen.longs(-62_167_219_200L, 253_402_300_799L);
        Gen<Integer> nanos = Gen.ints(0, 999_999_999);
        Gen<Long> seqs = Gen.longs(0, 999_999_999_999_999_999L);
        return r -> {
            Map<String, String> attrs = new java.util.HashMap<>();
            for (int i = r.nextInt(13); i > 0; i--) {
                attrs.put(text.next(r), text.next(r));
            }
            return new JournalEvent(seqs.next(r), Instant.ofEpochSecond(seconds.next(r), nanos.next(r)), type.next(r),
                    maybe.next(r), maybe.next(r), maybe.next(r), attrs);
        };
    }
}
