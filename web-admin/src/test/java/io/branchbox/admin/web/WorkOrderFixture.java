package io.branchbox.admin.web;

import io.branchbox.admin.users.Role;
import io.branchbox.firmware.config.BoxConfig;
import io.branchbox.firmware.config.ConfigDocuments;
import io.branchbox.firmware.journal.EventJournal;
import io.branchbox.firmware.workorder.WorkOrderService;
import io.branchbox.time.ManualScheduler;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;

/**
 * Real work orders (a real journal on disk, virtual time starting Monday 09:00 in Shanghai, the
 * morning shift) attached to a {@link TestBox}, with crew 31 (PIN 2468) and the factory leads
 * agent1 (morning) and agent3 (evening) as shift-lead users.
 */
final class WorkOrderFixture implements AutoCloseable {
    static final Instant MONDAY_0900 = Instant.parse("2026-12-07T01:00:00Z");

    final ManualScheduler time = new ManualScheduler(MONDAY_0900, ZoneId.of("Asia/Shanghai"));
    final EventJournal journal;
    final WorkOrderService service;

    WorkOrderFixture(TestBox box) {
        try {
            BoxConfig d = ConfigDocuments.defaults();
            BoxConfig config = d.withWorkOrders(new BoxConfig.WorkOrders(d.workOrders().deadlines(),
                    List.of(new BoxConfig.Crew("31", "城区抢修一班")), d.workOrders().leads(), "crew-pins.properties",
                    "", ""));
            Path data = box.dataDir.resolve("wo");
            Files.createDirectories(data);
            Files.writeString(data.resolve("crew-pins.properties"), "31=2468\n");
            journal = EventJournal.open(data.resolve("journal"), time.clock());
            service = WorkOrderService.open(config, data, journal, time);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        box.users.create("agent1", TestBox.PASSWORD, Role.SHIFT_LEAD, false);
        box.users.create("agent3", TestBox.PASSWORD, Role.SHIFT_LEAD, false);
        box.server.attachWorkOrders(service, time.clock());
    }

    @Override
    public void close() throws IOException {
        journal.close();
    }
}
