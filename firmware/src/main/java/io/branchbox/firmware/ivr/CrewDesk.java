package io.branchbox.firmware.ivr;

/**
 * What the crew IVR ({@link CrewSession}) needs from the work orders: check a crew's PIN, know an
 * order, record a stage with the call as proof, and hear about a call that failed three times.
 * Implemented over the work-order book by the runtime; the ivr package knows nothing else of it.
 *
 * <p>Threading: called on the signalling thread; implementations do in-memory work only.
 */
public interface CrewDesk {
    /** The two stages a crew reports by phone. */
    enum Report { ARRIVED, COMPLETED }

    /** What became of a report. */
    enum Result { RECORDED, UNKNOWN_ORDER, REFUSED }

    /** Whether {@code pin} is crew {@code crew}'s PIN. */
    boolean verify(String crew, String pin);

    /** Whether order {@code order} exists. */
    boolean exists(String order);

    /** Records {@code report} by {@code crew} on {@code order}, with {@code callId} as proof. */
    Result report(String crew, String order, Report report, String callId);

    /** A crew call failed {@link CrewSession#MAX_FAILURES} times and goes to an agent. */
    void failed(String callId, String callingNumber, String crew);
}
