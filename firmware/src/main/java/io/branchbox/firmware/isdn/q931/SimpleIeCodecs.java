package io.branchbox.firmware.isdn.q931;

import io.branchbox.firmware.isdn.q931.Cause.Location;
import io.branchbox.firmware.isdn.q931.RestartIndicator.RestartClass;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;

/**
 * Contents of the short elements: cause, progress indicator, display, restart indicator, call
 * state, notification indicator. Each pair of methods is one element's decoder and encoder.
 */
final class SimpleIeCodecs {
    private SimpleIeCodecs() {}

    static InformationElement decodeCause(byte[] c) {
        if (c.length < 2) {
            return UnknownIe.invalid(Cause.ID, c);
        }
        Location loc = Location.fromCode(c[0] & 0x0F);
        int i = (c[0] & 0x80) == 0 ? 2 : 1; // octet 3a (recommendation) present when ext is 0
        if (loc == null || i >= c.length || (c[i] & 0x80) == 0) {
            return UnknownIe.invalid(Cause.ID, c);
        }
        return new Cause((c[0] >> 5) & 0x03, loc, c[i] & 0x7F, Arrays.copyOfRange(c, i + 1, c.length));
    }

    static void encode(Cause ie, ByteArrayOutputStream out) {
        out.write(0x80 | ie.codingStandard() << 5 | ie.location().code());
        out.write(0x80 | ie.value());
        out.writeBytes(ie.diagnostics());
    }

    static InformationElement decodeProgress(byte[] c) {
        Location loc = c.length == 2 ? Location.fromCode(c[0] & 0x0F) : null;
        if (loc == null || (c[0] & 0x80) == 0 || (c[1] & 0x80) == 0) {
            return UnknownIe.invalid(ProgressIndicator.ID, c);
        }
        return new ProgressIndicator((c[0] >> 5) & 0x03, loc, c[1] & 0x7F);
    }

    static void encode(ProgressIndicator ie, ByteArrayOutputStream out) {
        out.write(0x80 | ie.codingStandard() << 5 | ie.location().code());
        out.write(0x80 | ie.description());
    }

    static InformationElement decodeDisplay(byte[] c) {
        int start = c.length > 0 && (c[0] & 0x80) != 0 ? 1 : 0; // optional charset octet (ETS 300 102)
        if (c.length - start > Display.MAX_LENGTH) {
            return UnknownIe.invalid(Display.ID, c);
        }
        return new Display(new String(c, start, c.length - start, StandardCharsets.US_ASCII));
    }

    static void encode(Display ie, ByteArrayOutputStream out) {
        out.writeBytes(ie.text().getBytes(StandardCharsets.US_ASCII));
    }

    static InformationElement decodeRestart(byte[] c) {
        RestartClass rc = c.length == 1 && (c[0] & 0x80) != 0 ? RestartClass.fromCode(c[0] & 0x07) : null;
        return rc == null ? UnknownIe.invalid(RestartIndicator.ID, c) : new RestartIndicator(rc);
    }

    static void encode(RestartIndicator ie, ByteArrayOutputStream out) {
        out.write(0x80 | ie.restartClass().code());
    }

    static InformationElement decodeCallState(byte[] c) {
        return c.length == 1 ? new CallState((c[0] >> 6) & 0x03, c[0] & 0x3F) : UnknownIe.invalid(CallState.ID, c);
    }

    static void encode(CallState ie, ByteArrayOutputStream out) {
        out.write(ie.codingStandard() << 6 | ie.value());
    }

    static InformationElement decodeNotification(byte[] c) {
        return c.length == 1 && (c[0] & 0x80) != 0 ? new NotificationIndicator(c[0] & 0x7F)
                : UnknownIe.invalid(NotificationIndicator.ID, c);
    }

    static void encode(NotificationIndicator ie, ByteArrayOutputStream out) {
        out.write(0x80 | ie.description());
    }
}
