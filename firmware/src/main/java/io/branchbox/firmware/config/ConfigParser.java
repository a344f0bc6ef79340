package io.branchbox.firmware.config;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The one reader of configuration documents, used by the web admin, {@code provision} and
 * {@code --config}: text → JSON tree (duplicated keys refused) → migration to this schema →
 * shape check against {@link BoxConfig} ({@link ConfigShape}: unknown and missing fields, wrong
 * types, unknown enum values) → {@link ConfigValidator}. Every problem found in a stage is
 * reported at once, each with the JSON path of the field and a {@link ConfigError#code()}, in this
 * project's words, never a parser library's; later stages run only when the earlier ones found
 * nothing, so a technician never sees a problem caused by another one.
 *
 * <p>Stateless and thread-safe.
 */
public final class ConfigParser {
    private static final JsonFactory FACTORY = JsonFactory.builder().build();
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private ConfigParser() {}

    /** Parses, upgrades, checks and validates {@code bytes}; throws with every problem found. */
    public static BoxConfig parse(byte[] bytes, ObjectMapper mapper) throws ConfigException {
        return parse(text(bytes), mapper);
    }

    /** As {@link #parse(byte[], ObjectMapper)} for a text already decoded. */
    public static BoxConfig parse(String json, ObjectMapper mapper) throws ConfigException {
        ConfigErrors e = new ConfigErrors();
        JsonNode tree = tree(json, e);
        if (ConfigMigrations.needsUpgrade(tree)) {
            tree = ConfigMigrations.upgrade(tree, mapper);
        }
        ConfigShape.check(tree, e);
        fail(e);
        BoxConfig c;
        try {
            c = mapper.treeToValue(tree, BoxConfig.class);
        } catch (JacksonException ex) {
            // the shape check above covers every case Jackson refuses; keep the promise anyway
            throw new ConfigException(List.of(new ConfigError("document", "config.err.shape", List.of(),
                    "the document does not have the shape of a configuration document")));
        }
        List<ConfigError> errors = new ConfigValidator().validate(c);
        if (!errors.isEmpty()) {
            throw new ConfigException(errors);
        }
        return c;
    }

    /**
     * The document as a JSON tree (not migrated, not checked). Refuses empty, binary and invalid
     * text, a top level that is not an object, and every duplicated key (all of them at once).
     */
    public static JsonNode tree(String json) throws ConfigException {
        ConfigErrors e = new ConfigErrors();
        JsonNode root = tree(json, e);
        fail(e);
        return root;
    }

    /**
     * As {@link #tree(String)}, but duplicated keys are only added to {@code e} (the first value
     * kept) so that the shape check can report its problems together with them.
     */
    private static JsonNode tree(String json, ConfigErrors e) throws ConfigException {
        if (json == null || json.isBlank()) {
            e.add("document", "empty", "the document is empty");
            fail(e);
        }
        if (json.indexOf('\0') >= 0) {
            e.add("document", "binary", "this is not a text (JSON) document");
            fail(e);
        }
        JsonNode root;
        try (JsonParser p = FACTORY.createParser(json)) {
            JsonToken first = p.nextToken();
            if (first != JsonToken.START_OBJECT) {
                e.add("document", "notObject", "the document must be one JSON object { … }");
                fail(e);
            }
            root = read(p, "", e);
            if (p.nextToken() != null) {
                e.add("document", "trailing", "there is more text after the document's closing }");
            }
        } catch (JacksonException ex) {
            if (ex instanceof JsonEOFException || String.valueOf(ex.getOriginalMessage()).contains("end-of-input")) {
                e.add("document", "truncated", "the document ends too early (line " + line(ex) + ")", line(ex));
                throw new ConfigException(e.list);
            }
            e.add("document", "syntax", "not valid JSON at line " + line(ex) + ", column " + column(ex),
                    line(ex), column(ex));
            throw new ConfigException(e.list);
        } catch (IOException ex) {
            e.add("document", "unreadable", "the document could not be read");
            throw new ConfigException(e.list);
        }
        return root;
    }

    /** Decodes UTF-8 strictly: anything else is reported as binary, not as garbled text. */
    static String text(byte[] bytes) throws ConfigException {
        ConfigErrors e = new ConfigErrors();
        if (bytes == null || bytes.length == 0) {
            e.add("document", "empty", "the document is empty");
            fail(e);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException ex) {
            e.add("document", "binary", "this is not a text (JSON) document");
            throw new ConfigException(e.list);
        }
    }

    private static JsonNode read(JsonParser p, String path, ConfigErrors e) throws IOException {
        JsonToken t = p.currentToken();
        switch (t) {
            case START_OBJECT -> {
                ObjectNode o = NODES.objectNode();
                Set<String> seen = new HashSet<>();
                while (p.nextToken() == JsonToken.FIELD_NAME) {
                    String name = p.currentName();
                    String at = path.isEmpty() ? name : path + "." + name;
                    p.nextToken();
                    JsonNode value = read(p, at, e);
                    if (!seen.add(name)) {
                        e.add(at, "duplicate", "'" + name + "' is given twice", name);
                    } else {
                        o.set(name, value);
                    }
                }
                return o;
            }
            case START_ARRAY -> {
                ArrayNode a = NODES.arrayNode();
                int i = 0;
                while (p.nextToken() != JsonToken.END_ARRAY) {
                    a.add(read(p, path + "[" + i++ + "]", e));
                }
                return a;
            }
            case VALUE_STRING -> {
                return NODES.textNode(p.getText());
            }
            case VALUE_NUMBER_INT -> {
                return NODES.numberNode(p.getBigIntegerValue());
            }
            case VALUE_NUMBER_FLOAT -> {
                return NODES.numberNode(p.getDecimalValue());
            }
            case VALUE_TRUE, VALUE_FALSE -> {
                return NODES.booleanNode(t == JsonToken.VALUE_TRUE);
            }
            case VALUE_NULL -> {
                return NODES.nullNode();
            }
            default -> throw new IllegalStateException("unexpected token " + t);
        }
    }

    private static int line(JacksonException ex) {
        return ex.getLocation() == null ? 0 : ex.getLocation().getLineNr();
    }

    private static int column(JacksonException ex) {
        return ex.getLocation() == null ? 0 : ex.getLocation().getColumnNr();
    }

    private static void fail(ConfigErrors e) throws ConfigException {
        if (!e.list.isEmpty()) {
            throw new ConfigException(e.list);
        }
    }
}
