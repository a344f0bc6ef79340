package io.branchbox.firmware.qa;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Where QA reads the calls it samples and scores: the call records and the recording catalogue
 * in the box ({@code runtime.QaWiring}), a list in tests. Blocking (database); never called on
 * the audio path or call control.
 */
public interface CallSource {
    /** The agent-answered calls answered in [from, to), recorded or not. */
    List<CallFacts> answered(Instant from, Instant to);

    /** One call, if it is an agent-answered call. */
    Optional<CallFacts> call(String callId);
}
