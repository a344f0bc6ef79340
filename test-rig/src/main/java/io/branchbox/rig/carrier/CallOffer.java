package io.branchbox.rig.carrier;

/** A call the carrier offers to the box: who calls, the number dialled, the exclusive timeslot. */
public record CallOffer(String calling, String called, int timeslot) {}
