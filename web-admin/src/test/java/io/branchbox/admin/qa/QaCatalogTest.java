package io.branchbox.admin.qa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The qa area of the catalogue: both languages complete, every key the page names present. */
class QaCatalogTest {
    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = QaCatalogTest.class.getClassLoader().getResourceAsStream(name)) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    @Test
    void bothLanguagesHaveTheSameKeysAllInTheQaAreaAndThePageNamesNoneMissing() throws IOException {
        Properties zh = load("i18n/qa_zh_CN.properties");
        Properties en = load("i18n/qa_en.properties");
        assertEquals(zh.keySet(), en.keySet());
        assertTrue(zh.keySet().stream().allMatch(k -> k.toString().startsWith("qa.")));
        assertEquals("质检", zh.getProperty("qa.title"));
        for (String file : new String[] {"web/qa.html", "web/qa.js", "web/qa-player.js", "web/qa-form-editor.js"}) {
            String text;
            try (InputStream in = getClass().getClassLoader().getResourceAsStream(file)) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Matcher m = Pattern.compile("[\"(](qa\\.[a-zA-Z]+(?:\\.[a-zA-Z]+)*)[\")]").matcher(text);
            int found = 0;
            while (m.find()) {
                String key = m.group(1);
                if (!key.equals("qa.js") && !key.equals("qa.css") && !key.matches("qa\\.(step|state|reason|status)")) {
                    assertTrue(zh.containsKey(key), file + " names " + key);
                    found++;
                }
            }
            assertTrue(found > 3, file);
        }
        for (io.branchbox.firmware.qa.form.FormRule r : io.branchbox.firmware.qa.form.FormRule.values()) {
            assertTrue(zh.containsKey(r.key()) && en.containsKey(r.key()), "the editor's sentence for " + r);
        }
    }
}
