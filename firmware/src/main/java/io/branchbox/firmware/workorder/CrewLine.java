package io.branchbox.firmware.workorder;

import io.branchbox.firmware.ivr.CrewDesk;

/**
 * The crew IVR's view of the work orders: PINs from {@link CrewPins}, reports as stages entered by
 * the crew by phone with the call id as proof. A refusal of the book (a stage not allowed now, a
 * crew other than the one dispatched, arrival and completion in one call) is
 * {@link CrewDesk.Result#REFUSED}: nothing is recorded and the crew hears so.
 */
public final class CrewLine implements CrewDesk {
    private final WorkOrderBook book;
    private final CrewPins pins;

    public CrewLine(WorkOrderBook book, CrewPins pins) {
        this.book = book;
        this.pins = pins;
    }

    @Override
    public boolean verify(String crew, String pin) {
        return pins.verify(crew, pin).isPresent();
    }

    @Override
    public boolean exists(String order) {
        return book.exists(order);
    }

    @Override
    public Result report(String crew, String order, Report report, String callId) {
        Stage stage = report == Report.ARRIVED ? Stage.ARRIVE : Stage.COMPLETE;
        try {
            book.enter(order, StageInput.of(stage), new Actor(crew, ActorRole.CREW, Via.PHONE, callId), callId + "/" + stage);
            return Result.RECORDED;
        } catch (Refusal r) {
            return r.reason() == Refusal.Reason.UNKNOWN_ORDER ? Result.UNKNOWN_ORDER : Result.REFUSED;
        }
    }

    @Override
    public void failed(String callId, String callingNumber, String crew) {
        book.crewCallFailed(callId, callingNumber, crew);
    }
}
