package io.branchbox.firmware.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkOrderConfigTest {

    @Test
    void anOlderDocumentGetsTheFactoryDeadlinesLeadsAndNoCrews() throws Exception {
        String schema1;
        try (InputStream in = getClass().getResourceAsStream("/config/schema1-factory.json")) {
            schema1 = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        BoxConfig c = ConfigDocuments.parse(schema1);

        BoxConfig.WorkOrderDeadlines d = c.workOrders().deadlines();
        assertEquals(10, d.dispatchMin());
        assertEquals(45, d.arrivalTownMin());
        assertEquals(90, d.arrivalRuralMin());
        assertEquals(24, d.repairCallbackH());
        assertEquals(24, d.complaintFeedbackH());
        assertEquals(5, d.caseRegistrationMin());
        assertEquals(List.of(), c.workOrders().crews());
        assertEquals("crew-pins.properties", c.workOrders().crewPinFile(), "PINs are secrets: outside the document");
        assertEquals("agent1", c.workOrders().leads().get(0).agent());
        assertTrue(new ConfigValidator().validate(c).isEmpty(), () -> new ConfigValidator().validate(c).toString());
    }

    @Test
    void badCrewsLeadsAndDeadlinesAreNamedAtTheirFields() {
        BoxConfig d = ConfigDocuments.defaults();
        BoxConfig bad = d.withWorkOrders(new BoxConfig.WorkOrders(
                new BoxConfig.WorkOrderDeadlines(0, 45, 90, 24, 30, 24, 30, 24, 5, 60),
                List.of(new BoxConfig.Crew("31", "一班"), new BoxConfig.Crew("31", "二班"), new BoxConfig.Crew("3a", "三班")),
                List.of(new BoxConfig.ShiftLead("siesta", "agent1")), "../pins", "95598x", "12"));
        List<String> paths = new ConfigValidator().validate(bad).stream().map(ConfigError::path).toList();
        assertEquals(List.of("workOrders.deadlines.dispatchMin", "workOrders.crews[1].id", "workOrders.crews[2].id",
                "workOrders.leads[0].shift", "workOrders.crewPinFile", "workOrders.crewNumber",
                "workOrders.crewMenuCode"), paths);
    }
}
