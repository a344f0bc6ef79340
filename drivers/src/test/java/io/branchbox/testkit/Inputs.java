package io.branchbox.testkit;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;

/** How a failing input is shown: bytes in hex, text quoted, both cut at a readable length. */
final class Inputs {
    private static final int SHOWN = 200;

    private Inputs() {
    }

    static String show(Object input) {
        if (input instanceof byte[] b) {
            String hex = HexFormat.of().formatHex(b, 0, Math.min(b.length, SHOWN));
            return b.length + " bytes [" + hex + (b.length > SHOWN ? "…" : "") + "]";
        }
        String s = String.valueOf(input);
        if (input instanceof String) {
            s = "\"" + s + "\"";
        }
        if (s.length() > SHOWN) {
            return s.substring(0, SHOWN) + "…(" + s.getBytes(StandardCharsets.UTF_8).length + " bytes)";
        }
        return s;
    }
}
