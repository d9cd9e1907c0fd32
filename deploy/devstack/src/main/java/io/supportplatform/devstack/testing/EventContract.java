package io.supportplatform.devstack.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

import io.vertx.core.json.JsonObject;
import io.vertx.json.schema.Draft;
import io.vertx.json.schema.JsonSchema;
import io.vertx.json.schema.JsonSchemaOptions;
import io.vertx.json.schema.OutputUnit;
import io.vertx.json.schema.Validator;

/** The JSON Schemas in deploy/contracts, the promise every consumer relies on (needs io.vertx:vertx-json-schema on the test classpath). */
public final class EventContract {

    /** Surefire runs in the module directory; the contracts live at the repository root. */
    public static final Path CONTRACTS = Path.of("..", "deploy", "contracts");

    private final Validator validator;

    private EventContract(JsonObject schema) {
        this.validator = Validator.create(JsonSchema.of(schema), new JsonSchemaOptions()
                .setDraft(Draft.DRAFT202012)
                .setBaseUri("https://supportplatform.io/contracts/"));
    }

    public static EventContract of(String schemaFile) {
        return new EventContract(new JsonObject(read(CONTRACTS.resolve(schemaFile))));
    }

    public static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public OutputUnit validate(JsonObject event) {
        return validator.validate(event);
    }
}
