package io.branchbox.firmware.uplink;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SchemaValidatorsConfig;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Set;

/** Validates uplink payloads against the shipped JSON Schemas (draft 2020-12, formats asserted). */
final class Schemas {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final JsonSchemaFactory FACTORY = JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V202012);

    private Schemas() {}

    /** Asserts that {@code payload} is valid against {@code schemas/mqtt/<name>.schema.json}. */
    static JsonNode assertValid(String name, String payload) {
        JsonNode node = parse(payload);
        Set<ValidationMessage> errors = schema(name).validate(node);
        assertEquals(Set.of(), errors, name + " payload " + payload);
        return node;
    }

    /** The validation errors, for tests that expect a payload to be rejected. */
    static Set<ValidationMessage> errors(String name, String payload) {
        return schema(name).validate(parse(payload));
    }

    static JsonNode parse(String payload) {
        try {
            return JSON.readTree(payload);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static JsonSchema schema(String name) {
        String resource = "/schemas/mqtt/" + name + ".schema.json";
        try (InputStream in = Schemas.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("missing " + resource);
            }
            SchemaValidatorsConfig config = SchemaValidatorsConfig.builder().formatAssertionsEnabled(true).build();
            return FACTORY.getSchema(in, config);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
