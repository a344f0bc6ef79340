package io.branchbox.firmware.workorder;

import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.journal.CallEventCodec;
import io.branchbox.firmware.journal.CallEvents;
import io.branchbox.firmware.journal.EventJournal;
import io.branchbox.time.Scheduler;
import java.io.IOException;
import java.nio.file.Path;

/**
 * Work orders wired to one box: the book rebuilt from the journal (work-order events and the
 * calls' ends, for case lag), then following the journal's {@code call.ended} live; the
 * handovers; the crews' PINs; the voicemail inbox. Deadline timers run on {@code scheduler} (the signalling thread);
 * they hold the book's lock only for in-memory work.
 */
public record WorkOrderService(WorkOrderBook book, ShiftHandovers handovers, CrewPins crewPins, ConfigShiftRota rota,
        VoicemailInbox voicemails) {

    /** The crew IVR's desk over these work orders. */
    public CrewLine crewLine() {
        return new CrewLine(book, crewPins);
    }

    /**
     * Sets or resets crew {@code crew}'s PIN for {@code by} (a technician or lead: the caller checks
     * the permission): stored hashed, then journaled without the PIN. Web threads only (writes a file).
     */
    public void setCrewPin(String crew, String pin, Actor by) throws java.io.IOException {
        crewPins.set(crew, pin);
        book.crewPinSet(crew, by);
    }

    /** The work-order part of the {@code figures} message for [{@code from}, {@code to}); any thread. */
    public WorkOrderFigures figures(java.time.Instant from, java.time.Instant to) {
        return book.figures(from, to, voicemails.list());
    }

    /** Builds the service for {@code config}, replaying {@code journal}; call once at start-up. */
    public static WorkOrderService open(BoxConfig config, Path dataDir, EventJournal journal, Scheduler scheduler)
            throws IOException {
        ConfigShiftRota rota = new ConfigShiftRota(config);
        WorkOrderBook book = new WorkOrderBook(scheduler, journal::append, config.workOrders(), rota);
        VoicemailInbox voicemails = new VoicemailInbox(scheduler, journal::append,
                config.workOrders().deadlines().voicemailMin());
        journal.replay(e -> {
            book.replay(e);
            voicemails.replay(e);
        });
        journal.addListener(e -> {
            switch (CallEventCodec.decode(e)) {
                case CallEvents.Ended end -> book.onCallEnded(end.callId(), e.at());
                case CallEvents.Started s -> voicemails.onJournal(e);
                case CallEvents.Voicemail v -> voicemails.onJournal(e);
                default -> { }
            }
        });
        book.start();
        voicemails.start();
        return new WorkOrderService(book, new ShiftHandovers(book, rota), CrewPins.load(config.workOrders(), dataDir), rota,
                voicemails);
    }
}
