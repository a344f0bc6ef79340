package io.branchbox.firmware.runtime;

import io.branchbox.firmware.isdn.q931.Q850Cause;
import io.branchbox.firmware.call.CallControlPorts;
import io.branchbox.firmware.call.TrunkCall;
import io.branchbox.firmware.trunk.outbound.OutboundDialer;
import io.branchbox.firmware.trunk.outbound.OutboundListener;
import io.branchbox.firmware.trunk.outbound.OutboundRequest;
import io.branchbox.firmware.trunk.outbound.OutboundResult;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;

/**
 * Call control's dialer on the PRI: the {@link OutboundDialer}'s channel and span selection and
 * retries, its result turned into the far side's {@link TrunkCall} or a failure that names every
 * attempt's cause for the agent. Futures complete on the signalling thread.
 */
final class TrunkDialer implements CallControlPorts.Dialer {
    /** The dialer, built after call control; null when no span is configured. */
    private final Supplier<OutboundDialer> dialer;

    TrunkDialer(Supplier<OutboundDialer> dialer) {
        this.dialer = dialer;
    }

    @Override
    public CompletableFuture<TrunkCall> dial(String callId, String number, Consumer<Q850Cause> onCleared) {
        OutboundDialer dialer = this.dialer.get();
        if (dialer == null) {
            return CompletableFuture.failedFuture(new IllegalStateException("no PRI span is configured"));
        }
        OutboundListener listener = new OutboundListener() {
            @Override
            public void onClearedAfterAnswer(Q850Cause cause, String location) {
                onCleared.accept(cause);
            }
        };
        return dialer.dial(new OutboundRequest(callId, number, null, null, listener)).thenCompose(r -> switch (r) {
            case OutboundResult.Answered a -> CompletableFuture.completedFuture(a.trunkCall());
            case OutboundResult.Failed f -> CompletableFuture.failedFuture(new IllegalStateException(failure(f)));
        });
    }

    /** A failed dial in words for the agent: the decisive cause, then every attempt with its own. */
    static String failure(OutboundResult.Failed f) {
        StringBuilder b = new StringBuilder(f.reason().name().toLowerCase(java.util.Locale.ROOT).replace('_', ' '))
                .append(", cause ").append(f.cause()).append(" (").append(f.cause().text()).append(')');
        if (!f.attempts().isEmpty()) {
            b.append("; attempts:");
            for (var a : f.attempts()) {
                b.append(' ').append(a.trunk()).append(" cause ").append(a.cause().map(Q850Cause::toString).orElse("0"))
                        .append(" (").append(a.causeText()).append(')').append(a == f.attempts().getLast() ? "" : ",");
            }
        }
        return b.toString();
    }
}
