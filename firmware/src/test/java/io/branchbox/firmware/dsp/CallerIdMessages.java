package io.branchbox.firmware.dsp;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/** Builds SDMF and MDMF messages with their checksum, for tests. */
final class CallerIdMessages {
    private CallerIdMessages() {}

    /** SDMF: 0x04, length, MMDDHHMM, number, checksum. */
    static byte[] sdmf(String dateTime, String number) {
        return withChecksum(0x04, (dateTime + number).getBytes(StandardCharsets.ISO_8859_1));
    }

    /** MDMF from alternating parameter types and values, e.g. {@code 0x01, "11231530", 0x02, "..."}. */
    static byte[] mdmf(Object... typeValue) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (int i = 0; i < typeValue.length; i += 2) {
            byte[] v = ((String) typeValue[i + 1]).getBytes(StandardCharsets.ISO_8859_1);
            body.write((Integer) typeValue[i]);
            body.write(v.length);
            body.writeBytes(v);
        }
        return withChecksum(0x80, body.toByteArray());
    }

    static byte[] withChecksum(int type, byte[] body) {
        byte[] msg = new byte[body.length + 3];
        msg[0] = (byte) type;
        msg[1] = (byte) body.length;
        System.arraycopy(body, 0, msg, 2, body.length);
        int sum = 0;
        for (int i = 0; i < msg.length - 1; i++) {
            sum += msg[i] & 0xFF;
        }
        msg[msg.length - 1] = (byte) -sum;
        return msg;
    }
}
