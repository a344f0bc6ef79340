package io.branchbox.firmware.isdn.q931;

import java.io.ByteArrayOutputStream;

/** The table from identifier to element codec (decoding) and from record to codec (encoding). */
final class IeCodecs {
    private IeCodecs() {}

    /** Decodes the contents of one variable-length codeset-0 element; never throws. */
    static InformationElement decode(int identifier, byte[] c) {
        return switch (identifier) {
            case BearerCapability.ID -> BearerCapabilityCodec.decode(c);
            case Cause.ID -> SimpleIeCodecs.decodeCause(c);
            case CallState.ID -> SimpleIeCodecs.decodeCallState(c);
            case ChannelIdentification.ID -> ChannelIdentificationCodec.decode(c);
            case ProgressIndicator.ID -> SimpleIeCodecs.decodeProgress(c);
            case NotificationIndicator.ID -> SimpleIeCodecs.decodeNotification(c);
            case Display.ID -> SimpleIeCodecs.decodeDisplay(c);
            case ConnectedNumber.ID -> PartyNumberCodec.decodeConnected(c);
            case CallingPartyNumber.ID -> PartyNumberCodec.decodeCalling(c);
            case CalledPartyNumber.ID -> PartyNumberCodec.decodeCalled(c);
            case RestartIndicator.ID -> SimpleIeCodecs.decodeRestart(c);
            default -> UnknownIe.unrecognised(0, identifier, c);
        };
    }

    /** Writes the contents (without identifier and length) of a variable-length element. */
    static void encodeContents(InformationElement ie, ByteArrayOutputStream out) {
        switch (ie) {
            case BearerCapability b -> BearerCapabilityCodec.encode(b, out);
            case ChannelIdentification ci -> ChannelIdentificationCodec.encode(ci, out);
            case CallingPartyNumber n -> PartyNumberCodec.encode(n, out);
            case CalledPartyNumber n -> PartyNumberCodec.encode(n, out);
            case ConnectedNumber n -> PartyNumberCodec.encode(n, out);
            case Cause cause -> SimpleIeCodecs.encode(cause, out);
            case ProgressIndicator p -> SimpleIeCodecs.encode(p, out);
            case Display d -> SimpleIeCodecs.encode(d, out);
            case RestartIndicator r -> SimpleIeCodecs.encode(r, out);
            case CallState s -> SimpleIeCodecs.encode(s, out);
            case NotificationIndicator n -> SimpleIeCodecs.encode(n, out);
            case UnknownIe u -> out.writeBytes(u.contents());
            case SendingComplete s -> throw new IllegalArgumentException("single-octet element has no contents");
        }
    }
}
