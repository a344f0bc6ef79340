package io.branchbox.firmware.runtime;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.branchbox.firmware.config.ConfigDocuments;
import io.branchbox.firmware.isdn.capture.DChannelCapture;
import io.branchbox.firmware.uplink.CommandHandler;
import io.branchbox.firmware.uplink.UplinkException;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;

/**
 * What the box does for the central office's authorised commands (see docs/MQTT.md).
 *
 * <p>The D-channel capture ring runs all the time, so START and STOP both write what the ring
 * holds (the last 20,000 frames) to {@code <data>/captures/span<N>-<time>.pcap} and report the
 * file; the configuration snapshot is the document itself, which holds file names, never secrets.
 *
 * <p>Threading: called on the uplink's thread; reads the capture ring under its own short lock.
 */
final class BoxCommands implements CommandHandler {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final BoxRuntime box;

    BoxCommands(BoxRuntime box) {
        this.box = box;
    }

    @Override
    public CaptureResult capture(CaptureRequest request) throws UplinkException {
        DChannelCapture ring = box.capture(request.span());
        if (ring == null) {
            throw new UplinkException(UplinkException.Reason.COMMAND, "span " + request.span() + " is not configured");
        }
        try {
            Path file = writeCapture(box.dataDir(), request.span(), ring);
            return new CaptureResult(request.span(), true, file.toString(), Files.size(file));
        } catch (IOException e) {
            throw new UplinkException(UplinkException.Reason.COMMAND, "capture could not be written: " + e.getMessage(), e);
        }
    }

    /** Writes the span's capture ring to a new pcap file under {@code <data>/captures}. */
    static Path writeCapture(Path dataDir, int span, DChannelCapture ring) throws IOException {
        Path dir = Files.createDirectories(dataDir.resolve("captures"));
        String stamp = LocalDateTime.now().format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
        Path file = dir.resolve("span" + span + "-" + stamp + ".pcap");
        try (OutputStream out = Files.newOutputStream(file)) {
            ring.writePcap(out);
        }
        return file;
    }

    @Override
    public Map<String, ?> update(java.net.URI url) throws UplinkException {
        java.util.function.Function<java.net.URI, Map<String, ?>> starter = box.updateCommand();
        if (starter == null) {
            throw new UplinkException(UplinkException.Reason.COMMAND, "updates are not available on this box");
        }
        return starter.apply(url);
    }

    @Override
    public Map<String, ?> configuration() throws UplinkException {
        try {
            return JSON.readValue(ConfigDocuments.toJson(box.config()), new TypeReference<Map<String, Object>>() { });
        } catch (JacksonException e) {
            throw new UplinkException(UplinkException.Reason.COMMAND, "configuration could not be serialised", e);
        }
    }
}
