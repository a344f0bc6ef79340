package io.branchbox.firmware.isdn.q931;

import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Framing of Q.931 messages: protocol discriminator, call reference, message type, then the
 * information elements, each handed to its codec ({@link IeCodecs}).
 *
 * <p>Decoding throws {@link Q931Exception} only for faults that make the whole message unusable
 * (too short, wrong protocol discriminator, bad call reference, unknown message type, truncated
 * element); an element whose contents are wrong becomes an invalid {@link UnknownIe} so the
 * receiver can apply the per-element rules of Q.931 5.8.6/5.8.7 ({@link MandatoryIes}).
 * Stateless and thread-safe.
 */
public final class Q931Codec {
    /** Protocol discriminator for Q.931 user-network call control messages. */
    public static final int PROTOCOL_DISCRIMINATOR = 0x08;
    /** The longest layer-3 message LAPD carries (N201 = 260 octets). */
    public static final int MAX_LENGTH = 260;

    private static final int SHIFT = 0x90;
    private static final int NON_LOCKING = 0x08;

    private Q931Codec() {}

    public static Q931Message decode(byte[] b) throws Q931Exception {
        if (b.length < 3 || b.length > MAX_LENGTH) {
            throw new Q931Exception(Q850Cause.INVALID_MESSAGE, "message length " + b.length);
        }
        if ((b[0] & 0xFF) != PROTOCOL_DISCRIMINATOR) {
            throw new Q931Exception(Q850Cause.INVALID_MESSAGE, "protocol discriminator 0x" + Integer.toHexString(b[0] & 0xFF));
        }
        int crLen = b[1] & 0xFF;
        if (crLen > 2 || b.length < 3 + crLen) {
            throw new Q931Exception(Q850Cause.INVALID_CALL_REFERENCE, "call reference length " + crLen);
        }
        boolean flag = crLen > 0 && (b[2] & 0x80) != 0;
        int value = 0;
        for (int i = 0; i < crLen; i++) {
            value = (value << 8) | (b[2 + i] & (i == 0 ? 0x7F : 0xFF));
        }
        CallReference ref = new CallReference(value, flag, crLen);
        int typeOctet = b[2 + crLen] & 0xFF;
        MessageType type = (typeOctet & 0x80) == 0 ? MessageType.fromCode(typeOctet) : null;
        if (type == null) {
            throw new Q931Exception(Q850Cause.MESSAGE_TYPE_NON_EXISTENT, "message type 0x" + Integer.toHexString(typeOctet)).in(ref, null);
        }
        return new Q931Message(ref, type, elements(b, 3 + crLen, ref, type));
    }

    private static List<InformationElement> elements(byte[] b, int start, CallReference ref, MessageType type) throws Q931Exception {
        List<InformationElement> out = new ArrayList<>();
        int lockedCodeset = 0;
        int nextCodeset = -1;
        int i = start;
        while (i < b.length) {
            int id = b[i] & 0xFF;
            int codeset = nextCodeset >= 0 ? nextCodeset : lockedCodeset;
            nextCodeset = -1;
            if ((id & 0xF0) == SHIFT) {
                if ((id & NON_LOCKING) != 0) {
                    nextCodeset = id & 0x07;
                } else {
                    lockedCodeset = id & 0x07;
                }
                i++;
                continue;
            }
            if ((id & 0x80) != 0) {
                out.add(codeset == 0 && id == SendingComplete.ID ? new SendingComplete() : UnknownIe.unrecognised(codeset, id, new byte[0]));
                i++;
                continue;
            }
            if (i + 1 >= b.length || i + 2 + (b[i + 1] & 0xFF) > b.length) {
                throw new Q931Exception(Q850Cause.INVALID_IE_CONTENTS, "element 0x" + Integer.toHexString(id) + " truncated").aboutIe(id).in(ref, type);
            }
            byte[] contents = Arrays.copyOfRange(b, i + 2, i + 2 + (b[i + 1] & 0xFF));
            out.add(codeset == 0 ? IeCodecs.decode(id, contents) : UnknownIe.unrecognised(codeset, id, contents));
            i += 2 + contents.length;
        }
        return out;
    }

    public static byte[] encode(Q931Message m) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(64);
        out.write(PROTOCOL_DISCRIMINATOR);
        CallReference ref = m.callReference();
        out.write(ref.length());
        for (int i = ref.length() - 1; i >= 0; i--) {
            int octet = (ref.value() >> (8 * i)) & 0xFF;
            out.write(i == ref.length() - 1 && ref.toOriginator() ? octet | 0x80 : octet);
        }
        out.write(m.type().code());
        for (InformationElement ie : m.elements()) {
            writeElement(ie, out);
        }
        return out.toByteArray();
    }

    private static void writeElement(InformationElement ie, ByteArrayOutputStream out) {
        if (ie instanceof UnknownIe u && u.codeset() != 0) {
            out.write(SHIFT | NON_LOCKING | u.codeset());
        }
        if (ie instanceof SendingComplete || ie instanceof UnknownIe u && u.singleOctet()) {
            out.write(ie.identifier());
            return;
        }
        ByteArrayOutputStream contents = new ByteArrayOutputStream(16);
        IeCodecs.encodeContents(ie, contents);
        out.write(ie.identifier());
        out.write(contents.size());
        out.writeBytes(contents.toByteArray());
    }
}
