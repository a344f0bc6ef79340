/**
 * Work orders (工单): repair, complaint and inquiry follow-up orders with every stage on record,
 * their deadlines and escalation, the callback list, and shift handovers with first-contact
 * ownership (docs/WORKORDERS.md).
 *
 * <p>{@link io.branchbox.firmware.workorder.WorkOrderBook} takes commands (open, enter a stage,
 * correct) and turns each into one journal event; {@code WorkOrderProjection} folds the events
 * into orders, live and on a rebuild; {@link io.branchbox.firmware.workorder.Transitions} is the
 * state machine's table; {@code Deadlines} the configured times;
 * {@link io.branchbox.firmware.workorder.ShiftHandovers} the handovers.
 *
 * <p>Threading: the book's lock guards everything; callers are web requests, the crew IVR on
 * signalling and deadline timers on the scheduler given. Never called from the audio thread.
 *
 * <p>May import: {@code config}, {@code journal}, {@code uplink.Alarm}, {@code ivr.CrewDesk} (implemented
 * by {@code CrewLine}), {@code io.branchbox.time}.
 * Not call control: the crew IVR ({@code call}) and the web admin call in here.
 */
package io.branchbox.firmware.workorder;
