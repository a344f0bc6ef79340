package io.branchbox.firmware.workorder;

import java.util.Objects;

/**
 * What the agent types to open an order. {@code callId} is the call the order came from (its
 * recording has the same name) — the current call, the call just ended, the callback call or the
 * voicemail's call; it may be empty only for {@link Source#CALLBACK} without a call.
 */
public record NewOrder(OrderKind kind, Source source, String callId, String callerNumber, String callerName,
        String address, Area area, String summary) {
    public NewOrder {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(source, "source");
        area = area == null ? Area.TOWN : area;
        callId = clean(callId);
        callerNumber = clean(callerNumber);
        callerName = clean(callerName);
        address = clean(address);
        summary = clean(summary);
    }

    private static String clean(String s) {
        return s == null ? "" : s.strip();
    }
}
