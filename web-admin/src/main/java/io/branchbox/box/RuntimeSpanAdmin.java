package io.branchbox.box;

import io.branchbox.admin.spans.SpanAdmin;
import io.branchbox.firmware.isdn.capture.DChannelCapture;
import io.branchbox.firmware.runtime.BoxRuntime;
import java.io.IOException;
import java.io.OutputStream;

/** The web admin's span routes on the running box. */
final class RuntimeSpanAdmin implements SpanAdmin {
    private final BoxRuntime box;

    RuntimeSpanAdmin(BoxRuntime box) {
        this.box = box;
    }

    @Override
    public boolean hasSpan(int span) {
        return span >= 0 && span <= 3 && box.capture(span) != null;
    }

    @Override
    public void writeCapture(int span, OutputStream out) throws IOException {
        DChannelCapture ring = box.capture(span);
        ring.writePcap(out);
    }

    @Override
    public void block(int span, int timeslot, String reason) {
        box.blockChannel(span, timeslot, reason);
    }

    @Override
    public void unblock(int span, int timeslot) {
        box.unblockChannel(span, timeslot);
    }
}
