package io.branchbox.firmware.config;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The {@code kpi} section: filled by the schema 2 → 3 step, checked by the validator. */
class KpiSettingsConfigTest {

    @Test
    void aSchemaTwoDocumentGetsTheFactoryServiceLevel() throws Exception {
        ObjectMapper m = new ObjectMapper();
        ObjectNode doc = (ObjectNode) m.readTree(ConfigDocuments.toJson(ConfigDocuments.defaults()));
        doc.remove("kpi");
        doc.put("schema", 2);
        BoxConfig c = ConfigDocuments.parse(m.writeValueAsString(doc));
        assertEquals(20, c.kpi().serviceLevelS());
        assertEquals(80, c.kpi().serviceLevelTargetPercent());
        assertEquals(List.of("morning", "evening", "night", "weekend", "lunch"), c.shifts().stream().map(BoxConfig.Shift::id).toList());
        assertEquals(ConfigDocuments.defaults().kpi(), c.kpi());
    }

    @Test
    void badServiceLevelsAreReportedWithTheirPaths() {
        BoxConfig bad = ConfigDocuments.defaults().withKpi(new BoxConfig.Kpi(0, 101));
        List<String> paths = new ConfigValidator().validate(bad).stream().map(ConfigError::path).toList();
        assertTrue(paths.containsAll(List.of("kpi.serviceLevelS", "kpi.serviceLevelTargetPercent")), paths.toString());
    }
}
