package io.branchbox.firmware.isdn.q931;

import io.branchbox.firmware.isdn.DataLink;
import java.util.ArrayList;
import java.util.List;

/** An in-memory layer 2 that records what layer 3 sends, decoded. */
final class FakeDataLink implements DataLink {
    final List<Q931Message> sent = new ArrayList<>();
    /** The messages that went through {@link #sendFirstAnswer}, also in {@link #sent}. */
    final List<Q931Message> firstAnswers = new ArrayList<>();
    boolean up = true;
    int establishRequests;

    @Override
    public void establish() {
        establishRequests++;
    }

    @Override
    public void send(byte[] layer3Message) {
        try {
            sent.add(Q931Codec.decode(layer3Message));
        } catch (Q931Exception e) {
            throw new AssertionError("layer 3 sent an undecodable message", e);
        }
    }

    @Override
    public void sendFirstAnswer(byte[] layer3Message) {
        send(layer3Message);
        firstAnswers.add(sent.get(sent.size() - 1));
    }

    @Override
    public boolean isUp() {
        return up;
    }

    /** The messages sent since the last call, then forgets them. */
    List<Q931Message> take() {
        List<Q931Message> out = List.copyOf(sent);
        sent.clear();
        return out;
    }

    Q931Message takeOnly() {
        List<Q931Message> out = take();
        if (out.size() != 1) {
            throw new AssertionError("expected one message, got " + out);
        }
        return out.get(0);
    }
}
