package io.branchbox.firmware.qa;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/** Calls held in a list, for tests. */
final class ListCallSource implements CallSource {
    final List<CallFacts> calls = new CopyOnWriteArrayList<>();

    @Override
    public List<CallFacts> answered(Instant from, Instant to) {
        List<CallFacts> out = new ArrayList<>();
        for (CallFacts c : calls) {
            if (!c.answeredAt().isBefore(from) && c.answeredAt().isBefore(to)) {
                out.add(c);
            }
        }
        return out;
    }

    @Override
    public Optional<CallFacts> call(String callId) {
        return calls.stream().filter(c -> c.callId().equals(callId)).findFirst();
    }

    void replace(CallFacts c) {
        calls.replaceAll(x -> x.callId().equals(c.callId()) ? c : x);
    }
}
