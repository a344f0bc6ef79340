package io.branchbox.firmware.trunk.fxo;

import java.util.Map;

/** Receives everything heard on the line, e.g. a {@link LineCapture}. */
public interface LineObserver {
    /** Audio thread: one frame of line audio as received; copy what you keep, never block. */
    void onLineAudio(byte[] alaw, int off);

    /** Signalling thread: one detection, {@code kind} as in LineAnalyzer's JSON lines. */
    void onDetection(String kind, Map<String, Object> fields);
}
