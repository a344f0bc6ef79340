package io.branchbox.admin.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import org.junit.jupiter.api.Test;

/** The work-order catalogues: both languages have the same keys, and the pages' labels are the Chinese ones. */
class WorkOrderCatalogueTest {

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = WorkOrderCatalogueTest.class.getResourceAsStream("/i18n/" + name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void chineseAndEnglishHaveTheSameKeysAndThePagesCarryTheChineseLabels() throws IOException {
        Properties zh = load("workorder_zh_CN.properties");
        Properties en = load("workorder_en.properties");
        assertEquals(zh.stringPropertyNames(), en.stringPropertyNames());
        String js;
        try (InputStream in = getClass().getResourceAsStream("/web/workorder-i18n.js")) {
            js = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        for (String key : zh.stringPropertyNames()) {
            assertTrue(key.startsWith("workorder."), key);
            assertTrue(js.contains("\"" + key + "\": \"" + zh.getProperty(key) + "\""),
                    key + " differs in workorder-i18n.js: run web-admin/tools/gen-workorder-js.py");
        }
    }
}
