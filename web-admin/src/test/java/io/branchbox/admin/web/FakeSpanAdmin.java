package io.branchbox.admin.web;

import io.branchbox.admin.spans.SpanAdmin;
import java.io.IOException;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Span 0 only; remembers what was blocked and unblocked; its capture is a fixed byte string. */
final class FakeSpanAdmin implements SpanAdmin {
    static final byte[] CAPTURE = {(byte) 0xd4, (byte) 0xc3, (byte) 0xb2, (byte) 0xa1, 2, 0, 4, 0};
    final List<String> acts = Collections.synchronizedList(new ArrayList<>());

    @Override
    public boolean hasSpan(int span) {
        return span == 0;
    }

    @Override
    public void writeCapture(int span, OutputStream out) throws IOException {
        out.write(CAPTURE);
    }

    @Override
    public void block(int span, int timeslot, String reason) {
        acts.add("block " + span + "/" + timeslot + " " + reason);
    }

    @Override
    public void unblock(int span, int timeslot) {
        acts.add("unblock " + span + "/" + timeslot);
    }

    @Override
    public boolean hasLine(int port) {
        return port == 0;
    }

    @Override
    public String captureLine(int port, int seconds) {
        acts.add("capture fxo" + port + " " + seconds + "s");
        return "fxo0-20260101-000000.wav";
    }

    @Override
    public boolean writeCaptureFile(String name, OutputStream out) throws IOException {
        if (!name.equals("fxo0-20260101-000000.wav")) {
            return false;
        }
        out.write(CAPTURE);
        return true;
    }
}
