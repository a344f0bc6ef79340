package io.branchbox.firmware.fuzz;

import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.audio.WavImport;
import io.branchbox.firmware.audio.WavImportException;
import io.branchbox.firmware.config.ConfigDocuments;
import io.branchbox.firmware.config.ConfigException;
import io.branchbox.firmware.dsp.CallerIdException;
import io.branchbox.firmware.dsp.CallerIdParser;
import io.branchbox.firmware.dsp.CallerIdReceiver;
import io.branchbox.firmware.dsp.DtmfCallerIdParser;
import io.branchbox.firmware.isdn.lapd.LapdCodec;
import io.branchbox.firmware.isdn.lapd.LapdException;
import io.branchbox.firmware.isdn.q931.Q931Codec;
import io.branchbox.firmware.isdn.q931.Q931Exception;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import io.branchbox.testkit.Gen;
import io.branchbox.testkit.Tries;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Issue 13, bad input everywhere: every parser of outside input (LAPD and Q.931 from the trunk,
 * FSK and DTMF caller ID from analog lines, WAV files uploaded on the web, configuration
 * documents) takes arbitrary and half-valid input with its own checked exception or a result:
 * never another exception, never a hang (each try is bounded), never output out of proportion to
 * the input (memory). Tries: {@code fuzz.tries}, 150 in {@code ./box test} (a few seconds
 * each), 5,000 under {@code -Pfaults} (see the parent pom); a failure names its input and the
 * seed that replays it ({@link Tries}).
 */
@Tag("faults")
class ParserPropertiesTest {
    private static final Duration TRY_LIMIT = Duration.ofSeconds(10);

    @Test
    void lapdFrames() {
        Tries.forAll(Gen.bytes(0, 300), frame -> bounded(() -> {
            try {
                LapdCodec.decode(frame);
            } catch (LapdException expected) {
                // refused with a reason: what the link counts and drops
            }
        }));
    }

    @Test
    void q931Messages() {
        Tries.forAll(q931(), message -> bounded(() -> {
            try {
                Q931Codec.decode(message);
            } catch (Q931Exception expected) {
                // refused with a reason
            }
        }));
    }

    /** Half of them start like a real message (protocol discriminator, call reference, type) so the IE parsers are reached. */
    private static Gen<byte[]> q931() {
        Gen<byte[]> raw = Gen.bytes(0, 300);
        Gen<byte[]> shaped = Gen.bytes(0, 300).map(tail -> {
            byte[] m = new byte[tail.length + 5];
            m[0] = 0x08;
            m[1] = 0x02;
            System.arraycopy(tail, 0, m, 5, tail.length);
            m[4] = tail.length > 0 ? tail[0] : 0x05;
            return m;
        });
        return Gen.oneOf(raw, shaped);
    }

    @Test
    void fskCallerIdMessages() {
        Tries.forAll(callerIdMessage(), message -> bounded(() -> {
            try {
                CallerIdParser.parse(message);
            } catch (CallerIdException expected) {
                // a damaged message is dropped and counted
            }
        }));
    }

    private static Gen<byte[]> callerIdMessage() {
        Gen<byte[]> raw = Gen.bytes(0, 300);
        Gen<byte[]> shaped = Gen.bytes(0, 260).flatMap(body -> Gen.of((byte) 0x80, (byte) 0x04).map(type -> {
            byte[] m = new byte[body.length + 3];
            m[0] = type;
            m[1] = (byte) body.length;
            System.arraycopy(body, 0, m, 2, body.length);
            int sum = 0;
            for (int i = 0; i < m.length - 1; i++) {
                sum += m[i];
            }
            m[m.length - 1] = (byte) -sum; // a valid checksum: the parser's body checks are reached
            return m;
        }));
        return Gen.oneOf(raw, shaped);
    }

    private record LineAudio(byte[] alaw, CallerIdReceiver.LineType type) {
        @Override
        public String toString() {
            return type + ", " + alaw.length + " bytes of A-law";
        }
    }

    @Test
    void callerIdReceiversOnArbitraryLineAudio() {
        Gen<byte[]> audio = Gen.bytes(0, 16_000);
        Gen<CallerIdReceiver.LineType> types = Gen.of(CallerIdReceiver.LineType.class);
        Tries.forAll(r -> new LineAudio(audio.next(r), types.next(r)), line -> bounded(() -> {
            CallerIdReceiver rx = new CallerIdReceiver(line.type(), (id, at) -> assertTrue(id != null));
            byte[] alaw = line.alaw();
            for (int off = 0; off < alaw.length; off += 160) {
                rx.process(alaw, off, Math.min(160, alaw.length - off));
            }
        }));
    }

    private record DigitStream(String digits, int gap) {
    }

    @Test
    void dtmfCallerIdDigitStreams() {
        Gen<String> digits = Gen.strings("0123456789ABCD*#", 0, 200);
        Gen<Integer> gaps = Gen.ints(1, 4000);
        Tries.forAll(r -> new DigitStream(digits.next(r), gaps.next(r)), stream -> bounded(() -> {
            DtmfCallerIdParser p = new DtmfCallerIdParser((id, at) -> assertTrue(id != null));
            long at = 0;
            for (char c : stream.digits().toCharArray()) {
                p.onDigit(c, at);
                at += stream.gap();
            }
            p.idle(at + 100_000);
        }));
    }

    @Test
    void wavImports() {
        Tries.forAll(wav(), wav -> bounded(() -> {
            try {
                WavImport.Imported out = WavImport.convert(wav);
                // never more audio than the file can hold: 8 kHz A-law from at least 1 byte a sample at 8 kHz or more
                assertTrue(out.alaw().length <= Math.max(16_000, (long) wav.length * 8),
                        out.alaw().length + " bytes of audio from a file of " + wav.length);
            } catch (WavImportException expected) {
                // a clear refusal for the person who uploaded it
            }
        }));
    }

    /** Random bytes, and RIFF/WAVE files whose fmt and data fields are random. */
    private static Gen<byte[]> wav() {
        Gen<byte[]> raw = Gen.bytes(0, 2000);
        Gen<Short> codecs = Gen.of((short) 1, (short) 3, (short) 6, (short) 7, (short) 0xFFFE);
        Gen<Integer> rates = Gen.ints(0, 200_000);
        Gen<byte[]> bodies = Gen.bytes(16, 4000);
        Gen<byte[]> shaped = r -> {
            byte[] body = bodies.next(r);
            short codec = codecs.next(r);
            int rate = rates.next(r);
            ByteBuffer b = ByteBuffer.allocate(44 + body.length).order(ByteOrder.LITTLE_ENDIAN);
            b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + body.length)
                    .put("WAVE".getBytes(StandardCharsets.US_ASCII)).put("fmt ".getBytes(StandardCharsets.US_ASCII))
                    .putInt(16).putShort(codec).putShort((short) (1 + (body[0] & 1)))
                    .putInt(rate).putInt(rate * 2).putShort((short) 2).putShort((short) (8 * (1 + (body[1] & 1))))
                    .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(body[2] < 0 ? -1 : body.length)
                    .put(body);
            return b.array();
        };
        return Gen.oneOf(raw, shaped);
    }

    @Test
    void configurationDocuments() {
        Tries.forAll(document(), document -> bounded(() -> {
            try {
                ConfigDocuments.parse(document);
            } catch (ConfigException expected) {
                assertTrue(!expected.errors().isEmpty(), "a refusal names its problems");
            }
        }));
    }

    /** Random bytes, and the factory document with a random cut, insertion or replacement. */
    private static Gen<byte[]> document() {
        String factory = ConfigDocuments.toJson(ConfigDocuments.defaults());
        Gen<byte[]> raw = Gen.bytes(0, 2000);
        Gen<byte[]> mutated = Gen.mutations(factory, 40, "{}[]\":,0123456789-.etruflasn \\u", 12);
        return Gen.oneOf(raw, mutated, mutated);
    }

    private static void bounded(org.junit.jupiter.api.function.Executable body) {
        assertTimeoutPreemptively(TRY_LIMIT, body, "one input took longer than " + TRY_LIMIT.toSeconds() + " s (a hang)");
    }
}
