package io.branchbox.firmware.trunk.outbound;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.branchbox.firmware.isdn.q931.Causes;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Which causes send the dialer to another channel or trunk. */
class RetryableCausesTest {

    @ParameterizedTest
    @ValueSource(ints = {Causes.NO_CIRCUIT_AVAILABLE, Causes.TEMPORARY_FAILURE, Causes.SWITCHING_EQUIPMENT_CONGESTION,
            Causes.REQUESTED_CHANNEL_NOT_AVAILABLE})
    void congestionAndChannelTroubleAreRetriedEvenAfterCallProceeding(int cause) {
        assertTrue(RetryableCauses.isRetryable(cause, false, false));
        assertTrue(RetryableCauses.isRetryable(cause, true, false));
    }

    @ParameterizedTest
    @ValueSource(ints = {Causes.UNALLOCATED_NUMBER, Causes.NORMAL_CLEARING, Causes.USER_BUSY, Causes.NO_USER_RESPONDING,
            Causes.NO_ANSWER, Causes.CALL_REJECTED, Causes.NORMAL_UNSPECIFIED, Causes.INCOMPATIBLE_DESTINATION})
    void theFarEndSayingNoIsFinal(int cause) {
        assertFalse(RetryableCauses.isRetryable(cause, false, false));
    }

    @Test
    void timerExpiryIsRetriedOnlyWhenTheNetworkNeverAnsweredTheSetup() {
        assertTrue(RetryableCauses.isRetryable(Causes.RECOVERY_ON_TIMER_EXPIRY, false, false), "T303");
        assertFalse(RetryableCauses.isRetryable(Causes.RECOVERY_ON_TIMER_EXPIRY, true, false), "T310");
    }

    @Test
    void nothingIsRetriedOnceTheFarEndRang() {
        assertFalse(RetryableCauses.isRetryable(Causes.TEMPORARY_FAILURE, true, true));
        assertFalse(RetryableCauses.isRetryable(Causes.NO_CIRCUIT_AVAILABLE, true, true));
    }
}
