package io.branchbox.admin.spans;

import java.io.IOException;
import java.io.OutputStream;

/**
 * What the web admin lets a technician do with the E1 spans: download the D-channel capture and
 * take B-channels out of service and back.
 *
 * <p>Implemented over the box runtime; called from web request threads.
 */
public interface SpanAdmin {

    /** Whether {@code span} is configured (has a capture and channels). */
    boolean hasSpan(int span);

    /** Writes the span's D-channel capture ring as a pcap file (LINKTYPE_LINUX_LAPD). */
    void writeCapture(int span, OutputStream out) throws IOException;

    /** Takes a B-channel out of service: never chosen for calls, refused to the network. */
    void block(int span, int timeslot, String reason);

    /** Returns a B-channel to service. */
    void unblock(int span, int timeslot);

    /** Whether FXO port {@code port} carries a configured analog line. */
    boolean hasLine(int port);

    /**
     * Records what the line hears for {@code seconds} to a WAV file with its detections beside
     * it (JSON lines); returns the WAV's file name under the captures directory.
     */
    String captureLine(int port, int seconds) throws IOException;

    /** Writes a file of the captures directory (a pcap, a line WAV or its detections); false if there is none. */
    boolean writeCaptureFile(String name, OutputStream out) throws IOException;
}
