package io.branchbox.firmware.isdn.q931;

/**
 * One decoded Q.931 information element. Immutable.
 *
 * <p>Each permitted record has a small codec in this package; elements we do not implement, or
 * whose contents were invalid, arrive as {@link UnknownIe} so the message can still be acted upon
 * as the standard requires (5.8.7).
 */
public sealed interface InformationElement
        permits BearerCapability, ChannelIdentification, CallingPartyNumber, CalledPartyNumber,
                ConnectedNumber, Cause, ProgressIndicator, Display, SendingComplete, RestartIndicator,
                CallState, NotificationIndicator, UnknownIe {

    /** The information element identifier (codeset 0 unless an {@link UnknownIe} says otherwise). */
    int identifier();
}
