package io.branchbox.firmware.isdn.q931;

import io.branchbox.firmware.isdn.q931.NumberFields.NumberingPlan;
import io.branchbox.firmware.isdn.q931.NumberFields.Presentation;
import io.branchbox.firmware.isdn.q931.NumberFields.Screening;
import io.branchbox.firmware.isdn.q931.NumberFields.TypeOfNumber;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Contents of the calling, connected and called party number elements (Q.931 4.5.8-4.5.10). */
final class PartyNumberCodec {
    private PartyNumberCodec() {}

    static InformationElement decodeCalling(byte[] c) {
        Fields f = fields(CallingPartyNumber.ID, c);
        return f == null ? UnknownIe.invalid(CallingPartyNumber.ID, c)
                : new CallingPartyNumber(f.type, f.plan, f.presentation, f.screening, f.digits);
    }

    static InformationElement decodeConnected(byte[] c) {
        Fields f = fields(ConnectedNumber.ID, c);
        return f == null ? UnknownIe.invalid(ConnectedNumber.ID, c)
                : new ConnectedNumber(f.type, f.plan, f.presentation, f.screening, f.digits);
    }

    static InformationElement decodeCalled(byte[] c) {
        if (c.length < 1 || (c[0] & 0x80) == 0) {
            return UnknownIe.invalid(CalledPartyNumber.ID, c);
        }
        Fields f = fields(CalledPartyNumber.ID, c);
        return f == null ? UnknownIe.invalid(CalledPartyNumber.ID, c) : new CalledPartyNumber(f.type, f.plan, f.digits);
    }

    private record Fields(TypeOfNumber type, NumberingPlan plan, Presentation presentation, Screening screening, String digits) {}

    private static Fields fields(int id, byte[] c) {
        if (c.length < 1) {
            return null;
        }
        TypeOfNumber type = TypeOfNumber.fromCode((c[0] >> 4) & 0x07);
        NumberingPlan plan = NumberingPlan.fromCode(c[0] & 0x0F);
        Presentation presentation = null;
        Screening screening = null;
        int start = 1;
        if ((c[0] & 0x80) == 0) {
            if (c.length < 2 || (c[1] & 0x80) == 0) {
                return null;
            }
            presentation = Presentation.fromCode((c[1] >> 5) & 0x03);
            screening = Screening.fromCode(c[1]);
            start = 2;
            if (presentation == null) {
                return null;
            }
        }
        if (type == null || plan == null) {
            return null;
        }
        for (int i = start; i < c.length; i++) {
            if ((c[i] & 0x80) != 0) {
                return null; // IA5 is 7-bit
            }
        }
        return new Fields(type, plan, presentation, screening, new String(c, start, c.length - start, StandardCharsets.US_ASCII));
    }

    static void encode(CallingPartyNumber n, ByteArrayOutputStream out) {
        encode(n.type(), n.plan(), n.presentation(), n.screening(), n.digits(), out);
    }

    static void encode(ConnectedNumber n, ByteArrayOutputStream out) {
        encode(n.type(), n.plan(), n.presentation(), n.screening(), n.digits(), out);
    }

    static void encode(CalledPartyNumber n, ByteArrayOutputStream out) {
        encode(n.type(), n.plan(), null, null, n.digits(), out);
    }

    private static void encode(TypeOfNumber type, NumberingPlan plan, Presentation p, Screening s,
            String digits, ByteArrayOutputStream out) {
        boolean octet3a = p != null;
        out.write((octet3a ? 0x00 : 0x80) | type.code() << 4 | plan.code());
        if (octet3a) {
            out.write(0x80 | p.code() << 5 | (s == null ? 0 : s.code()));
        }
        out.writeBytes(digits.getBytes(StandardCharsets.US_ASCII));
    }
}
