package io.leadplatform.scoring.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.leadplatform.events.EventJson;
import io.leadplatform.scoring.config.ScoringConfig;
import io.leadplatform.scoring.domain.ScoringModel;
import io.leadplatform.scoring.domain.ScoringModelRepository;
import io.leadplatform.scoring.model.CompiledModel;
import io.leadplatform.scoring.model.ModelCompiler;
import io.leadplatform.scoring.model.ModelDefinition;
import io.leadplatform.scoring.model.ModelInvalidException;
import io.leadplatform.support.problem.Problem;
import io.leadplatform.support.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/** Compiles model versions once and caches the programs; a version's definition never changes once saved. */
@ApplicationScoped
public class ModelRegistry {

    private static final ObjectMapper STRICT = EventJson.mapper().copy()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

    private final ModelCompiler compiler;
    private final ScoringModelRepository models;
    private final Map<String, CompiledModel> compiled = new ConcurrentHashMap<>();

    public ModelRegistry(ScoringConfig config, ScoringModelRepository models) {
        this.compiler = new ModelCompiler(new ModelCompiler.Limits(config.rules().maxRules(),
                config.rules().maxExpressionLength(), config.rules().maxCost()));
        this.models = models;
    }

    /** Checks a definition as submitted; throws {@link ModelInvalidException} naming each failing rule. */
    public CompiledModel compile(String version, JsonNode definition) {
        return compiler.compile(version, parse(definition));
    }

    public CompiledModel of(ScoringModel model) {
        return compiled.computeIfAbsent(model.version, v -> compile(v, model.definition));
    }

    /** The active model; call inside a transaction. Scoring an event reads only its version once it is compiled. */
    public CompiledModel active() {
        CompiledModel cached = compiled.get(models.activeVersion());
        return cached != null ? cached : of(models.active());
    }

    /** Runs {@code compile}, answering an invalid model with a 400 that names each failing rule. */
    static <T> T checked(Supplier<T> compile) {
        try {
            return compile.get();
        } catch (ModelInvalidException e) {
            throw new ProblemException(Problem.validation(e.getMessage(), e.errors()));
        }
    }

    static ModelDefinition parse(JsonNode definition) {
        if (definition == null || !definition.isObject()) {
            throw new ModelInvalidException(List.of(new Problem.FieldError("definition", "must be an object")));
        }
        try {
            return STRICT.treeToValue(definition, ModelDefinition.class);
        } catch (UnrecognizedPropertyException e) {
            throw new ModelInvalidException(List.of(new Problem.FieldError(field(e), "is not a model field")));
        } catch (JsonMappingException e) {
            throw new ModelInvalidException(List.of(new Problem.FieldError(field(e), "has the wrong type")));
        } catch (JsonProcessingException e) {
            throw new ModelInvalidException(List.of(new Problem.FieldError("definition", "is not a model")));
        }
    }

    private static String field(JsonMappingException e) {
        StringBuilder field = new StringBuilder("definition");
        for (JsonMappingException.Reference ref : e.getPath()) {
            if (ref.getFieldName() != null) {
                field.append('.').append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                field.append('[').append(ref.getIndex()).append(']');
            }
        }
        return field.toString();
    }
}
