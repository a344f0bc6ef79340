package io.branchbox.firmware.dsp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.audio.G711;
import io.branchbox.firmware.audio.WavAudio;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

/** FSK caller ID: our own modulator at several levels and noise, and fixtures made by minimodem. */
class FskCallerIdTest {
    private static final byte[] MDMF = CallerIdMessages.mdmf(
            0x01, "11231530", 0x02, "13800138000", 0x07, "ZHANG SAN");

    static byte[] fixture(String name) throws Exception {
        try (InputStream in = FskCallerIdTest.class.getResourceAsStream("/dsp/" + name)) {
            return WavAudio.toAlaw(in.readAllBytes());
        }
    }

    private static List<CallerId> receive(CallerIdReceiver.LineType type, byte[] alaw) {
        List<CallerId> out = new ArrayList<>();
        CallerIdReceiver r = new CallerIdReceiver(type, (id, at) -> out.add(id));
        TestAudio.feed(alaw, r::process);
        return out;
    }

    private static CallerIdReceiver.LineType lineOf(FskStandard s) {
        return s == FskStandard.BELL_202 ? CallerIdReceiver.LineType.BELL_202 : CallerIdReceiver.LineType.V23;
    }

    private static byte[] padded(byte[] signal) {
        byte[] out = new byte[signal.length + 3200];
        java.util.Arrays.fill(out, G711.ALAW_SILENCE);
        System.arraycopy(signal, 0, out, 1600, signal.length);
        return out;
    }

    @ParameterizedTest
    @EnumSource(FskStandard.class)
    void demodulatesEveryOctetValueWithCleanFraming(FskStandard standard) {
        byte[] all = new byte[256];
        for (int i = 0; i < 256; i++) {
            all[i] = (byte) i;
        }
        List<Integer> got = new ArrayList<>();
        FskDemodulator d = new FskDemodulator(standard, (value, mark, at) -> got.add(value));
        TestAudio.feed(padded(new FskModulator(standard, -13).modulate(0, 30, all)), d::process);
        assertEquals(256, got.size());
        for (int i = 0; i < 256; i++) {
            assertEquals(i, got.get(i));
        }
        assertEquals(0, d.framingErrors());
    }

    @Test
    void reportsChannelSeizureAndTheMarkPreambleLength() {
        long[] seizure = {-1};
        List<Integer> markBits = new ArrayList<>();
        List<Integer> values = new ArrayList<>();
        FskDemodulator d = new FskDemodulator(FskStandard.BELL_202, new FskDemodulator.Listener() {
            @Override
            public void onByte(int value, int markBitsBefore, long sampleIndex) {
                values.add(value);
                markBits.add(markBitsBefore);
            }

            @Override
            public void onChannelSeizure(long sampleIndex) {
                seizure[0] = sampleIndex;
            }
        });
        TestAudio.feed(padded(new FskModulator(FskStandard.BELL_202, -13).modulate(300, 180, MDMF)), d::process);
        assertTrue(seizure[0] >= 1600 && seizure[0] < 1600 + 8 * 10 * 7, "seizure at " + seizure[0]);
        int first = values.indexOf(0x80);
        assertEquals(30, first, "30 seizure octets 0x55 before the message");
        assertTrue(markBits.get(first) >= 178 && markBits.get(first) <= 181, "mark bits " + markBits.get(first));
    }

    @ParameterizedTest
    @EnumSource(FskStandard.class)
    void receivesGeneratedMdmf(FskStandard standard) {
        List<CallerId> ids = receive(lineOf(standard),
                padded(new FskModulator(standard, -13).modulate(300, 180, MDMF)));
        assertEquals(1, ids.size());
        CallerId id = ids.get(0);
        assertEquals("13800138000", id.number());
        assertEquals("ZHANG SAN", id.name());
        assertEquals("11231530", id.dateTime());
        assertTrue(id.checksumOk());
    }

    @ParameterizedTest
    @ValueSource(doubles = {-3, -13, -25, -35})
    void receivesAcrossTheLevelRange(double dbm0) {
        List<CallerId> ids = receive(CallerIdReceiver.LineType.BELL_202,
                padded(new FskModulator(FskStandard.BELL_202, dbm0).modulate(300, 180, MDMF)));
        assertEquals(1, ids.size(), dbm0 + " dBm0");
        assertTrue(ids.get(0).checksumOk());
    }

    @ParameterizedTest
    @EnumSource(FskStandard.class)
    void receivesWithWhiteNoiseTwentyDbBelow(FskStandard standard) {
        int ok = 0;
        for (long seed = 1; seed <= 10; seed++) {
            byte[] clean = padded(new FskModulator(standard, -13).modulate(300, 180, MDMF));
            float[] pcm = new float[clean.length];
            for (int i = 0; i < pcm.length; i++) {
                pcm[i] = G711.alawToLinear(clean[i]);
            }
            TestAudio.addNoise(pcm, -33, new Random(seed));
            List<CallerId> ids = receive(lineOf(standard), Signals.toAlaw(pcm));
            if (ids.size() == 1 && ids.get(0).checksumOk() && "13800138000".equals(ids.get(0).number())) {
                ok++;
            }
        }
        assertEquals(10, ok, "messages received intact out of 10");
    }

    @Test
    void needsTheMarkPreambleToStartAMessage() {
        assertEquals(List.of(), receive(CallerIdReceiver.LineType.BELL_202,
                padded(new FskModulator(FskStandard.BELL_202, -13).modulate(300, 10, MDMF))));
    }

    @Test
    void deliversACorruptMessageFlaggedAndCountsIt() {
        byte[] bad = MDMF.clone();
        bad[5] ^= 0x01;
        List<CallerId> out = new ArrayList<>();
        CallerIdReceiver r = new CallerIdReceiver(CallerIdReceiver.LineType.BELL_202, (id, at) -> out.add(id));
        TestAudio.feed(padded(new FskModulator(FskStandard.BELL_202, -13).modulate(300, 180, bad)), r::process);
        assertEquals(1, out.size());
        assertEquals(false, out.get(0).checksumOk());
        assertEquals(1, r.checksumErrors());
        assertTrue(r.seizureSeen());
    }

    @Test
    void countsAMessageCutShortByCarrierLoss() {
        byte[] signal = new FskModulator(FskStandard.BELL_202, -13).modulate(300, 180, MDMF);
        byte[] cut = padded(java.util.Arrays.copyOf(signal, signal.length - 20 * 7 * 10));
        CallerIdReceiver r = new CallerIdReceiver(CallerIdReceiver.LineType.BELL_202, (id, at) -> { });
        TestAudio.feed(cut, r::process);
        assertEquals(0, r.messages());
        assertEquals(1, r.truncated());
    }

    @Test
    void minimodemBell202Sdmf() throws Exception {
        List<CallerId> ids = receive(CallerIdReceiver.LineType.BELL_202, fixture("bell202-sdmf.wav"));
        assertEquals(1, ids.size());
        assertEquals(CallerId.Format.SDMF, ids.get(0).format());
        assertEquals("13800138000", ids.get(0).number());
        assertEquals("11231530", ids.get(0).dateTime());
        assertTrue(ids.get(0).checksumOk());
    }

    @Test
    void minimodemBell202Mdmf() throws Exception {
        List<CallerId> ids = receive(CallerIdReceiver.LineType.BELL_202, fixture("bell202-mdmf.wav"));
        assertEquals(List.of(new CallerId(CallerId.Format.MDMF, "13800138000", "ZHANG SAN", "11231530",
                null, null, java.util.HexFormat.of().formatHex(MDMF), true)), ids);
    }

    @Test
    void minimodemBell202Private() throws Exception {
        List<CallerId> ids = receive(CallerIdReceiver.LineType.BELL_202, fixture("bell202-private.wav"));
        assertEquals(1, ids.size());
        assertEquals('P', ids.get(0).numberAbsence());
        assertEquals('P', ids.get(0).nameAbsence());
        assertEquals("01020304", ids.get(0).dateTime());
        assertTrue(ids.get(0).checksumOk());
    }

    @Test
    void minimodemV23Mdmf() throws Exception {
        List<CallerId> ids = receive(CallerIdReceiver.LineType.V23, fixture("v23-mdmf.wav"));
        assertEquals(1, ids.size());
        assertEquals("01012345678", ids.get(0).number());
        assertEquals("LI SI", ids.get(0).name());
        assertEquals("12251200", ids.get(0).dateTime());
        assertTrue(ids.get(0).checksumOk());
    }
}
