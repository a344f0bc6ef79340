package io.branchbox.admin.qa;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

class QaCatalogTest {
    @Test
    void bothLanguagesHaveTheSameKeysAllInTheQaArea() {
        assertEquals(QaCatalog.zh().keySet(), QaCatalog.en().keySet());
        assertTrue(QaCatalog.zh().keySet().stream().allMatch(k -> k.startsWith("qa.")));
        assertEquals("质检", QaCatalog.messages(null).get("qa.title"));
        assertEquals("Quality monitoring", QaCatalog.messages("en").get("qa.title"));
    }

    @Test
    void everyKeyThePageNamesIsInTheCatalogue() throws IOException {
        for (String file : new String[] {"web/qa.html", "web/qa.js", "web/qa-player.js"}) {
            String text;
            try (var in = getClass().getClassLoader().getResourceAsStream(file)) {
                text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Matcher m = Pattern.compile("[\"(]((?:qa)\\.[a-zA-Z]+(?:\\.[a-zA-Z]+)*)[\")]").matcher(text);
            while (m.find()) {
                String key = m.group(1);
                if (!key.endsWith(".") && !key.equals("qa.js") && !key.equals("qa.css") && !key.startsWith("qa.step")
                        && !key.startsWith("qa.state") && !key.startsWith("qa.reason") && !key.startsWith("qa.status")) {
                    assertTrue(QaCatalog.zh().containsKey(key), file + " names " + key);
                }
            }
        }
    }
}
