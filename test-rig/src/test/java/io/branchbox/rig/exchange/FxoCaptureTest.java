package io.branchbox.rig.exchange;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.audio.WavAudio;
import io.branchbox.firmware.dsp.Detection;
import io.branchbox.firmware.dsp.LineAnalyzer;
import io.branchbox.firmware.trunk.fxo.FxoConfig;
import io.branchbox.firmware.trunk.fxo.LineCapture;
import io.branchbox.rig.exchange.Script.CallerIdMethod;
import io.branchbox.rig.exchange.Script.Disconnect;
import io.branchbox.rig.exchange.Script.HangUp;
import io.branchbox.rig.exchange.Script.IncomingCall;
import io.branchbox.rig.exchange.Script.Press;
import io.branchbox.rig.exchange.Script.Talk;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A line capture of a whole call holds the audio and the line's decisions, and analyze-line agrees. */
class FxoCaptureTest {
    @TempDir
    Path dir;

    @Test
    void captureOfAnFskCallCarriesRingsCallerIdDigitsAndTheBusyTone() throws Exception {
        FxoRig rig = new FxoRig(FxoConfig.defaults(0));
        LineCapture capture = LineCapture.start(dir.resolve("fxo0.wav"), rig.scheduler);
        rig.line.setObserver(capture);
        rig.exchange.call(0, IncomingCall.of("13912345678", CallerIdMethod.FSK_BELL_202,
                new Talk(3_000), new Press("58"), new HangUp(Disconnect.BUSY_TONE)));
        rig.advance(20_000);
        capture.close();
        assertEquals(List.of(16), rig.cleared);

        List<String> json = Files.readAllLines(capture.jsonPath());
        assertTrue(json.stream().anyMatch(l -> l.contains("\"kind\":\"ring\"") && l.contains("\"ring\":2")), json::toString);
        assertTrue(json.stream().anyMatch(l -> l.contains("\"kind\":\"callerid\"") && l.contains("13912345678")));
        assertTrue(json.stream().anyMatch(l -> l.contains("\"kind\":\"dtmf\"") && l.contains("\"digit\":\"5\"")));
        assertTrue(json.stream().anyMatch(l -> l.contains("\"kind\":\"tone\"") && l.contains("busy")));

        List<Detection> offline = new LineAnalyzer().analyze(WavAudio.toAlaw(Files.readAllBytes(capture.wavPath())));
        Detection cid = offline.stream().filter(d -> d.kind().equals("callerid")).findFirst().orElseThrow();
        assertEquals("13912345678", cid.fields().get("number"));
        // FSK starts 600 ms after the first ring ends at 1 s; the message follows 250 ms of seizure
        // and 150 ms of marks, at 2000 ms: the WAV keeps line time
        assertTrue(Math.abs(cid.tMs() - 2000) < 100, "caller ID at " + cid.tMs() + " ms");
    }
}
