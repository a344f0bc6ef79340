package io.branchbox.firmware.trunk.outbound;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.isdn.q931.Q850Cause;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which causes send the dialer to another channel or trunk. */
class RetryableCausesTest {

    @ParameterizedTest
    @ValueSource(ints = {34, 41, 42, 44})
    void congestionAndChannelTroubleAreRetriedEvenAfterCallProceeding(int cause) {
        assertTrue(RetryableCauses.isRetryable(Q850Cause.of(cause), false, false));
        assertTrue(RetryableCauses.isRetryable(Q850Cause.of(cause), true, false));
    }

    @ParameterizedTest
    @ValueSource(ints = {1, 16, 17, 18, 19, 21, 31, 88})
    void theFarEndSayingNoIsFinal(int cause) {
        assertFalse(RetryableCauses.isRetryable(Q850Cause.of(cause), false, false));
    }

    @Test
    void timerExpiryIsRetriedOnlyWhenTheNetworkNeverAnsweredTheSetup() {
        assertTrue(RetryableCauses.isRetryable(Q850Cause.RECOVERY_ON_TIMER_EXPIRY, false, false), "T303");
        assertFalse(RetryableCauses.isRetryable(Q850Cause.RECOVERY_ON_TIMER_EXPIRY, true, false), "T310");
    }

    @Test
    void nothingIsRetriedOnceTheFarEndRang() {
        assertFalse(RetryableCauses.isRetryable(Q850Cause.TEMPORARY_FAILURE, true, true));
        assertFalse(RetryableCauses.isRetryable(Q850Cause.NO_CIRCUIT_AVAILABLE, true, true));
    }
}
