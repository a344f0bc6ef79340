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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Tag;

/**
 * Issue 13, bad input everywhere: every parser of outside input (LAPD and Q.931 from the trunk,
 * FSK and DTMF caller ID from analog lines, WAV files uploaded on the web, configuration
 * documents) takes arbitrary and half-valid input with its own checked exception or a result:
 * never another exception, never a hang (each try is bounded), never output out of proportion to
 * the input (memory). Tries: {@code jqwik.tries.default}, 150 in {@code ./box test} (a few
 * seconds each), 5,000 under {@code -Pfaults} (see the parent pom); failures shrink to a minimal input.
 */
@Tag("faults")
class ParserPropertiesTest {
    private static final Duration TRY_LIMIT = Duration.ofSeconds(10);

    @Property
    void lapdFrames(@ForAll @Size(max = 300) byte[] frame) {
        bounded(() -> {
            try {
                LapdCodec.decode(frame);
            } catch (LapdException expected) {
                // refused with a reason: what the link counts and drops
            }
        });
    }

    @Property
    void q931Messages(@ForAll("q931") byte[] message) {
        bounded(() -> {
            try {
                Q931Codec.decode(message);
            } catch (Q931Exception expected) {
                // refused with a reason
            }
        });
    }

    /** Half of them start like a real message (protocol discriminator, call reference, type) so the IE parsers are reached. */
    @Provide
    Arbitrary<byte[]> q931() {
        Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        Arbitrary<byte[]> shaped = Arbitraries.bytes().array(byte[].class).ofMaxSize(300).map(tail -> {
            byte[] m = new byte[tail.length + 5];
            m[0] = 0x08;
            m[1] = 0x02;
            System.arraycopy(tail, 0, m, 5, tail.length);
            m[4] = tail.length > 0 ? tail[0] : 0x05;
            return m;
        });
        return Arbitraries.oneOf(raw, shaped);
    }

    @Property
    void fskCallerIdMessages(@ForAll("callerIdMessage") byte[] message) {
        bounded(() -> {
            try {
                CallerIdParser.parse(message);
            } catch (CallerIdException expected) {
                // a damaged message is dropped and counted
            }
        });
    }

    @Provide
    Arbitrary<byte[]> callerIdMessage() {
        Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofMaxSize(300);
        Arbitrary<byte[]> shaped = Arbitraries.bytes().array(byte[].class).ofMaxSize(260).flatMap(body ->
                Arbitraries.of((byte) 0x80, (byte) 0x04).map(type -> {
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
        return Arbitraries.oneOf(raw, shaped);
    }

    @Property
    void callerIdReceiversOnArbitraryLineAudio(@ForAll @Size(max = 16_000) byte[] alaw,
            @ForAll("lineType") CallerIdReceiver.LineType type) {
        bounded(() -> {
            CallerIdReceiver r = new CallerIdReceiver(type, (id, at) -> assertTrue(id != null));
            for (int off = 0; off < alaw.length; off += 160) {
                r.process(alaw, off, Math.min(160, alaw.length - off));
            }
        });
    }

    @Provide
    Arbitrary<CallerIdReceiver.LineType> lineType() {
        return Arbitraries.of(CallerIdReceiver.LineType.class);
    }

    @Property
    void dtmfCallerIdDigitStreams(@ForAll("dtmfDigits") String digits, @ForAll @IntRange(min = 1, max = 4000) int gap) {
        bounded(() -> {
            DtmfCallerIdParser p = new DtmfCallerIdParser((id, at) -> assertTrue(id != null));
            long at = 0;
            for (char c : digits.toCharArray()) {
                p.onDigit(c, at);
                at += gap;
            }
            p.idle(at + 100_000);
        });
    }

    @Provide
    Arbitrary<String> dtmfDigits() {
        return Arbitraries.strings().withChars("0123456789ABCD*#").ofMaxLength(200);
    }

    @Property
    void wavImports(@ForAll("wav") byte[] wav) {
        bounded(() -> {
            try {
                WavImport.Imported out = WavImport.convert(wav);
                // never more audio than the file can hold: 8 kHz A-law from at least 1 byte a sample at 8 kHz or more
                assertTrue(out.alaw().length <= Math.max(16_000, (long) wav.length * 8),
                        out.alaw().length + " bytes of audio from a file of " + wav.length);
            } catch (WavImportException expected) {
                // a clear refusal for the person who uploaded it
            }
        });
    }

    /** Random bytes, and RIFF/WAVE files whose fmt and data fields are random. */
    @Provide
    Arbitrary<byte[]> wav() {
        Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofMaxSize(2000);
        Arbitrary<byte[]> shaped = Arbitraries.bytes().array(byte[].class).ofMinSize(16).ofMaxSize(4000)
                .flatMap(body -> Arbitraries.of((short) 1, (short) 3, (short) 6, (short) 7, (short) 0xFFFE)
                        .flatMap(codec -> Arbitraries.integers().between(0, 200_000).map(rate -> {
                            ByteBuffer b = ByteBuffer.allocate(44 + body.length).order(ByteOrder.LITTLE_ENDIAN);
                            b.put("RIFF".getBytes(StandardCharsets.US_ASCII)).putInt(36 + body.length)
                                    .put("WAVE".getBytes(StandardCharsets.US_ASCII)).put("fmt ".getBytes(StandardCharsets.US_ASCII))
                                    .putInt(16).putShort(codec).putShort((short) (1 + (body[0] & 1)))
                                    .putInt(rate).putInt(rate * 2).putShort((short) 2).putShort((short) (8 * (1 + (body[1] & 1))))
                                    .put("data".getBytes(StandardCharsets.US_ASCII)).putInt(body[2] < 0 ? -1 : body.length)
                                    .put(body);
                            return b.array();
                        })));
        return Arbitraries.oneOf(raw, shaped);
    }

    @Property
    void configurationDocuments(@ForAll("document") byte[] document) {
        bounded(() -> {
            try {
                ConfigDocuments.parse(document);
            } catch (ConfigException expected) {
                assertTrue(!expected.errors().isEmpty(), "a refusal names its problems");
            }
        });
    }

    /** Random bytes, and the factory document with a random cut, insertion or replacement. */
    @Provide
    Arbitrary<byte[]> document() {
        String factory = ConfigDocuments.toJson(ConfigDocuments.defaults());
        Arbitrary<byte[]> raw = Arbitraries.bytes().array(byte[].class).ofMaxSize(2000);
        Arbitrary<byte[]> mutated = Arbitraries.integers().between(0, factory.length() - 1).flatMap(at ->
                Arbitraries.integers().between(0, 40).flatMap(len ->
                        Arbitraries.strings().withChars("{}[]\":,0123456789-.etruflasn \\u").ofMaxLength(12).map(ins -> {
                            int end = Math.min(factory.length(), at + len);
                            return (factory.substring(0, at) + ins + factory.substring(end)).getBytes(StandardCharsets.UTF_8);
                        })));
        return Arbitraries.oneOf(raw, mutated, mutated);
    }

    private static void bounded(org.junit.jupiter.api.function.Executable body) {
        assertTimeoutPreemptively(TRY_LIMIT, body, "one input took longer than " + TRY_LIMIT.toSeconds() + " s (a hang)");
    }
}
