package io.branchbox.box;

import io.branchbox.admin.spans.SpanAdmin;
import io.branchbox.firmware.isdn.capture.DChannelCapture;
import io.branchbox.firmware.runtime.BoxRuntime;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

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

    @Override
    public boolean hasLine(int port) {
        return box.config().fxo().stream().anyMatch(f -> f.port() == port && f.enabled());
    }

    @Override
    public String captureLine(int port, int seconds) throws IOException {
        return box.captureLine(port, Duration.ofSeconds(seconds)).getFileName().toString();
    }

    @Override
    public boolean writeCaptureFile(String name, OutputStream out) throws IOException {
        Path dir = box.dataDir().resolve("captures").toAbsolutePath().normalize();
        Path file = dir.resolve(name).normalize();
        if (!file.startsWith(dir) || !Files.isRegularFile(file)) {
            return false;
        }
        Files.copy(file, out);
        return true;
    }
}
