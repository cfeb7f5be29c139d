package io.leadplatform.scoring;

import com.fasterxml.jackson.databind.JsonNode;
import io.leadplatform.events.EventJson;
import io.leadplatform.scoring.model.CompiledModel;
import io.leadplatform.scoring.model.ModelCompiler;
import io.leadplatform.scoring.model.ModelDefinition;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;

/** Model definitions for tests: the built-in default as the V3 migration writes it, and JSON helpers. */
public final class Models {

    public static final ModelCompiler COMPILER = new ModelCompiler(ModelCompiler.Limits.DEFAULT);

    private Models() {
    }

    /** The default model's definition, read from the migration so the test checks what is deployed. */
    public static JsonNode defaultDefinitionJson() {
        try (InputStream in = Models.class.getResourceAsStream("/db/migration/V3__cel_models.sql")) {
            String sql = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            String json = sql.substring(sql.indexOf("$model$") + 7, sql.lastIndexOf("$model$"));
            return EventJson.mapper().readTree(json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A model definition from src/test/resources/models. */
    public static JsonNode resource(String name) {
        try (InputStream in = Models.class.getResourceAsStream("/models/" + name + ".json")) {
            return EventJson.mapper().readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static ModelDefinition definition(JsonNode json) {
        try {
            return EventJson.mapper().treeToValue(json, ModelDefinition.class);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static CompiledModel defaultModel() {
        return COMPILER.compile("default-1", definition(defaultDefinitionJson()));
    }
}
