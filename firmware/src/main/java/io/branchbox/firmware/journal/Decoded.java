package io.branchbox.firmware.journal;

/**
 * What {@link CallEventCodec#decode} made of one journal event: a call event, an event of another
 * kind (work orders, QA, the box's own; read by their own owners), or a call event too damaged to
 * use. Replay never stops for a damaged event: readers skip it, the codec counts and logs it.
 */
public sealed interface Decoded permits CallEvents, Decoded.NotACallEvent, Decoded.Damaged {

    /**
     * An event whose type is not one of the call events (a work order, a QA score,
     * {@code box.started}): the caller still holds the {@link JournalEvent} with its type. One
     * instance, {@link #NOT_A_CALL_EVENT}, so a replay allocates nothing for it.
     */
    record NotACallEvent() implements Decoded {}

    /** The one {@link NotACallEvent}. */
    NotACallEvent NOT_A_CALL_EVENT = new NotACallEvent();

    /** A call event that cannot be read: {@code why} names the attribute and what was wrong with it. */
    record Damaged(String type, long seq, String why) implements Decoded {}
}
