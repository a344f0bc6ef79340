package io.branchbox.firmware.isdn.lapd;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.List;

/**
 * Sequence state of multiple-frame operation: V(S), V(A), V(R), the exception flags and the two
 * message queues (Q.921 section 3.5.2).
 *
 * <p>{@code outstanding} holds every message from V(A) on that was sent at least once; after REJ
 * or a poll answer V(S) moves back to N(R) and those messages are sent again from the list.
 * {@code pending} holds messages never sent; {@code firstAnswers} holds calls' first answers never
 * sent, which are numbered before anything in {@code pending} ({@link LapdLink#sendFirstAnswer}).
 * Not thread-safe: the link's thread only.
 */
final class LinkVariables {
    int vs;
    int va;
    int vr;
    boolean peerBusy;
    boolean rejectException;
    boolean ackPending;
    private final List<byte[]> outstanding = new ArrayList<>();
    private final ArrayDeque<byte[]> pending = new ArrayDeque<>();
    private final ArrayDeque<byte[]> firstAnswers = new ArrayDeque<>();

    static int mod(int n) {
        return n & 0x7F;
    }

    /** Whether N(R) lies in V(A)..V(S), the only values a peer may acknowledge. */
    boolean nrValid(int nr) {
        return mod(nr - va) <= mod(vs - va);
    }

    /** V(A) = N(R), releasing the messages it acknowledges; N(R) must be valid. */
    void acknowledge(int nr) {
        outstanding.subList(0, mod(nr - va)).clear();
        va = nr;
    }

    boolean windowOpen(int k) {
        return mod(vs - va) < k;
    }

    boolean hasFrameToSend() {
        return mod(vs - va) < outstanding.size() || !firstAnswers.isEmpty() || !pending.isEmpty();
    }

    /** Whether the frame {@link #takeNext} returns next was sent before. */
    boolean nextIsRetransmission() {
        return mod(vs - va) < outstanding.size();
    }

    /** The information field for N(S) = V(S); the caller then advances V(S). */
    byte[] takeNext() {
        int index = mod(vs - va);
        if (index < outstanding.size()) {
            return outstanding.get(index);
        }
        byte[] next = firstAnswers.isEmpty() ? pending.removeFirst() : firstAnswers.removeFirst();
        outstanding.add(next);
        return next;
    }

    void enqueue(byte[] message) {
        pending.addLast(message);
    }

    /** Queues a call's first answer behind the other first answers, ahead of {@code pending}. */
    void enqueueFirstAnswer(byte[] message) {
        firstAnswers.addLast(message);
    }

    int queued() {
        return firstAnswers.size() + pending.size();
    }

    /**
     * Starts sequence numbering again at 0 and clears the exception conditions; sent but
     * unacknowledged messages are dropped (Q.921 discards them; layer 3 resynchronises), messages
     * never sent stay queued. Returns how many were dropped.
     */
    int reset() {
        int dropped = outstanding.size();
        outstanding.clear();
        vs = 0;
        va = 0;
        vr = 0;
        peerBusy = false;
        rejectException = false;
        ackPending = false;
        return dropped;
    }
}
