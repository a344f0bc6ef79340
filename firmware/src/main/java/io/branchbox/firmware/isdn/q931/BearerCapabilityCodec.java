package io.branchbox.firmware.isdn.q931;

import io.branchbox.firmware.isdn.q931.BearerCapability.Capability;
import io.branchbox.firmware.isdn.q931.BearerCapability.Layer1;
import java.io.ByteArrayOutputStream;

/** Contents of the bearer capability element (octets 3, 4, optional 5; later octets skipped). */
final class BearerCapabilityCodec {
    private static final int CIRCUIT_MODE_64K = 0x90;
    private static final int EXTENSION = 0x80;
    private static final int LAYER_1_IDENTIFIER = 0x20;

    private BearerCapabilityCodec() {}

    static InformationElement decode(byte[] c) {
        if (c.length < 2 || (c[0] & 0x80) == 0 || (c[0] & 0x60) != 0) {
            return UnknownIe.invalid(BearerCapability.ID, c);
        }
        Capability cap = Capability.fromCode(c[0] & 0x1F);
        int i = 1;
        int mode = c[i] & 0xFF;
        // octets 4a/4b follow while the extension bit is 0; they only matter for packet mode
        while ((c[i] & 0x80) == 0 && i + 1 < c.length) {
            i++;
        }
        i++;
        if (cap == null || mode != CIRCUIT_MODE_64K) {
            return UnknownIe.invalid(BearerCapability.ID, c);
        }
        Layer1 layer1 = null;
        if (i < c.length && (c[i] & 0x60) == 0x20) {
            layer1 = Layer1.fromCode(c[i] & 0x1F);
            if (layer1 == null) {
                return UnknownIe.invalid(BearerCapability.ID, c);
            }
        }
        return new BearerCapability(cap, layer1);
    }

    static void encode(BearerCapability ie, ByteArrayOutputStream out) {
        out.write(EXTENSION | ie.capability().code());
        out.write(CIRCUIT_MODE_64K);
        if (ie.layer1() != null) {
            out.write(EXTENSION | LAYER_1_IDENTIFIER | ie.layer1().code());
        }
    }
}
