/**
 * Q.931 (ETSI EN 300 403) on the user side of a PRI: messages and information elements as
 * immutable records with one decoder each, the call states ({@code UserStates}) and timers, RESTART
 * at link-up, refusals with their cause, and how numbers from the network are shown in China
 * ({@link io.branchbox.firmware.isdn.q931.ChinaNumbers}). A protocol error is a
 * {@code Q931Exception} carrying its cause, turned into STATUS or RELEASE COMPLETE at one place.
 *
 * <p>Thread: {@code signalling} only.
 *
 * <p>May import: {@code isdn}, {@code io.branchbox.time}, and the D-channel timeslot of the board's
 * datasheet ({@code drivers.cb1.msg.SpanConfig.D_CHANNEL_TIMESLOT}, the one owner of that constant). Its user (the trunk) implements
 * {@code TrunkCallHandler}; it never imports {@code trunk} or {@code call}.
 */
package io.branchbox.firmware.isdn.q931;
