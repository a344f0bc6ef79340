package io.branchbox.firmware.runtime;

import io.branchbox.firmware.isdn.q931.Q850Cause;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.branchbox.firmware.trunk.outbound.Attempt;
import io.branchbox.firmware.trunk.outbound.OutboundResult;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DialFailureTextTest {
    private static final Instant T = Instant.parse("2026-11-23T08:00:00Z");

    @Test
    void theAgentSeesTheDecisiveCauseAndEveryAttemptWithItsOwn() {
        OutboundResult.Failed f = new OutboundResult.Failed("c1", OutboundResult.Reason.ATTEMPTS_EXHAUSTED, Q850Cause.TEMPORARY_FAILURE, "public_local",
                List.of(new Attempt(0, 30, T, T, Optional.of(Q850Cause.NO_CIRCUIT_AVAILABLE), "public_local", Attempt.Outcome.FAILED_RETRYABLE),
                        new Attempt(1, 30, T, T, Optional.of(Q850Cause.TEMPORARY_FAILURE), "public_local", Attempt.Outcome.FAILED_RETRYABLE)));
        String text = TrunkDialer.failure(f);
        assertEquals(true, text.startsWith("attempts exhausted, cause 41 ("), text);
        assertEquals(true, text.contains("span0/ts30 cause 34 (") && text.contains("span1/ts30 cause 41 ("), text);
    }
}
