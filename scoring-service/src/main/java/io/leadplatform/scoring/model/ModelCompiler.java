package io.leadplatform.scoring.model;

import dev.cel.bundle.Cel;
import dev.cel.bundle.CelBuilder;
import dev.cel.bundle.CelFactory;
import dev.cel.common.CelAbstractSyntaxTree;
import dev.cel.common.CelIssue;
import dev.cel.common.CelOptions;
import dev.cel.common.CelSourceLocation;
import dev.cel.common.CelValidationException;
import dev.cel.common.CelValidationResult;
import dev.cel.common.ast.CelExpr;
import dev.cel.common.navigation.CelNavigableAst;
import dev.cel.common.navigation.CelNavigableExpr;
import dev.cel.common.types.CelType;
import dev.cel.common.types.ListType;
import dev.cel.common.types.MapType;
import dev.cel.common.types.SimpleType;
import dev.cel.extensions.CelExtensions;
import dev.cel.parser.CelStandardMacro;
import dev.cel.runtime.CelEvaluationException;
import dev.cel.runtime.CelRuntime;
import io.leadplatform.support.problem.Problem;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Checks a model definition and compiles its CEL rules once into programs. Every rule is parsed and type-checked
 * against the declared variables; a field of {@code lead} or {@code event} that is not declared, an expression that
 * is too long, or one whose estimated cost is too high is rejected, naming the rule and the place in it.
 */
public final class ModelCompiler {

    /** Size and cost limits of a model; the cost counts AST nodes, times 10 per enclosing comprehension. */
    public record Limits(int maxRules, int maxExpressionLength, long maxCost) {
        public static final Limits DEFAULT = new Limits(200, 2000, 20_000);
    }

    /** The fields of {@code lead}; absent values read as "", 0, [] or false, so rules need no {@code has()}. */
    public static final Set<String> LEAD_FIELDS = Set.of("industry", "employees", "annualBudgetUsd", "country",
            "region", "technologies", "interests", "jobTitle", "direction", "channel", "consentMarketing",
            "consentContact");
    /** The fields of {@code event} and of each element of {@code events}. */
    public static final Set<String> EVENT_FIELDS = Set.of("type", "value", "at", "ageDays");

    private static final CelType RECORD = MapType.create(SimpleType.STRING, SimpleType.DYN);
    private static final int COMPREHENSION_COST_FACTOR = 10;

    private static final Cel FIT_ENV = base().addVar("lead", RECORD).build();
    private static final Cel EVENT_ENV = base().addVar("event", RECORD).build();
    private static final Cel STAGE_ENV = base().addVar("lead", RECORD).addVar("fit", SimpleType.INT)
            .addVar("grade", SimpleType.STRING).addVar("engagement", SimpleType.INT)
            .addVar("events", ListType.create(RECORD)).build();

    private static final Cel FIT_LIST_ENV = base().addVar("lead", RECORD)
            .setResultType(ListType.create(SimpleType.BOOL)).build();
    private static final Cel STAGE_LIST_ENV = STAGE_ENV.toCelBuilder()
            .setResultType(ListType.create(SimpleType.BOOL)).build();

    private final Limits limits;

    public ModelCompiler(Limits limits) {
        this.limits = limits;
    }

    private static CelBuilder base() {
        return CelFactory.plannerCelBuilder()
                .setOptions(CelOptions.current().enableHeterogeneousNumericComparisons(true)
                        .comprehensionMaxIterations(100_000).build())
                .setStandardMacros(CelStandardMacro.STANDARD_MACROS)
                .addCompilerLibraries(CelExtensions.strings(), CelExtensions.bindings())
                .addRuntimeLibraries(CelExtensions.strings())
                .setResultType(SimpleType.BOOL);
    }

    /** Compiles the model, or throws {@link ModelInvalidException} listing every rule that failed. */
    public CompiledModel compile(String version, ModelDefinition definition) {
        List<Problem.FieldError> errors = new ArrayList<>();
        int ruleCount = definition.fitRules().size() + definition.engagementRules().size();
        if (ruleCount > limits.maxRules()) {
            errors.add(new Problem.FieldError("definition", "has " + ruleCount + " rules, more than the limit "
                    + limits.maxRules()));
            throw new ModelInvalidException(errors);
        }
        List<CompiledModel.Fit> fit = new ArrayList<>();
        Set<String> ids = new HashSet<>();
        for (int i = 0; i < definition.fitRules().size(); i++) {
            ModelDefinition.FitRule rule = definition.fitRules().get(i);
            String field = "fitRules[" + i + "]";
            if (rule == null) {
                errors.add(new Problem.FieldError(field, "must not be null"));
                continue;
            }
            String id = rule.id() == null || rule.id().isBlank() ? "fit-" + i : rule.id();
            if (!ids.add(id)) {
                errors.add(new Problem.FieldError(field + ".id", "duplicate rule id '" + id + "'"));
            }
            CelRuntime.Program program = compileRule(FIT_ENV, field + ".when", rule.when(), errors);
            fit.add(new CompiledModel.Fit(id, rule.points(), program));
        }
        List<CompiledModel.Engagement> engagement = new ArrayList<>();
        for (int i = 0; i < definition.engagementRules().size(); i++) {
            ModelDefinition.EngagementRule rule = definition.engagementRules().get(i);
            String field = "engagementRules[" + i + "]";
            if (rule == null) {
                errors.add(new Problem.FieldError(field, "must not be null"));
                continue;
            }
            if (rule.type() == null || rule.type().isBlank()) {
                errors.add(new Problem.FieldError(field + ".type", "must not be blank"));
            }
            if (!ids.add(rule.name())) {
                errors.add(new Problem.FieldError(field + ".id", "duplicate rule id '" + rule.name() + "'"));
            }
            if (rule.cap() != null && Math.signum(rule.cap()) * Math.signum(rule.points()) < 0) {
                errors.add(new Problem.FieldError(field + ".cap", "must have the sign of points"));
            }
            long halfLifeMillis = 0;
            if (rule.halfLife() != null) {
                try {
                    halfLifeMillis = Duration.parse(rule.halfLife()).toMillis();
                    if (halfLifeMillis <= 0) {
                        errors.add(new Problem.FieldError(field + ".halfLife", "must be positive"));
                    }
                } catch (DateTimeParseException e) {
                    errors.add(new Problem.FieldError(field + ".halfLife",
                            "is not an ISO-8601 duration such as P7D"));
                }
            }
            CelRuntime.Program condition = rule.when() == null ? null
                    : compileRule(EVENT_ENV, field + ".when", rule.when(), errors);
            engagement.add(new CompiledModel.Engagement(rule.name(), rule.type(), rule.points(), rule.cap(),
                    halfLifeMillis, condition));
        }
        ModelDefinition.Grades grades = definition.grades();
        if (!(grades.a() > grades.b() && grades.b() > grades.c())) {
            errors.add(new Problem.FieldError("grades", "thresholds must fall from A to C"));
        }
        CelRuntime.Program mql = compileRule(STAGE_ENV, "mql", definition.mql(), errors);
        CelRuntime.Program sql = compileRule(STAGE_ENV, "sql", definition.sql(), errors);
        if (!errors.isEmpty()) {
            throw new ModelInvalidException(errors);
        }
        List<String> fitExpressions = definition.fitRules().stream().map(ModelDefinition.FitRule::when).toList();
        return new CompiledModel(version, fit, engagement, grades, mql, sql,
                combined(FIT_LIST_ENV, fitExpressions, List.of("lead")),
                combined(STAGE_LIST_ENV, List.of(definition.mql(), definition.sql()), List.of("lead", "events")));
    }

    /**
     * The checked rules as one list expression: one evaluation per lead instead of one per rule, which is most of
     * the cost. Each variable is bound once to a local of the same name, because the runtime converts a variable's
     * map on every read of it. The rules are on lines of their own, so that a trailing comment cannot swallow the
     * next one.
     */
    private static CelRuntime.Program combined(Cel env, List<String> expressions, List<String> bound) {
        StringBuilder list = new StringBuilder();
        for (String variable : bound) {
            list.append("cel.bind(").append(variable).append(", ").append(variable).append(", ");
        }
        list.append('[');
        for (int i = 0; i < expressions.size(); i++) {
            list.append(i > 0 ? ",\n(" : "\n(").append(expressions.get(i)).append("\n)");
        }
        list.append("\n]").append(")".repeat(bound.size()));
        try {
            return env.createProgram(env.compile(list.toString()).getAst());
        } catch (CelValidationException | CelEvaluationException e) {
            throw new IllegalStateException("checked rules do not combine", e);
        }
    }

    private CelRuntime.Program compileRule(Cel env, String field, String expression, List<Problem.FieldError> errors) {
        if (expression == null || expression.isBlank()) {
            errors.add(new Problem.FieldError(field, "must not be blank"));
            return null;
        }
        if (expression.length() > limits.maxExpressionLength()) {
            errors.add(new Problem.FieldError(field, "is " + expression.length() + " characters long, more than the "
                    + "limit " + limits.maxExpressionLength()));
            return null;
        }
        CelValidationResult result = env.compile(expression);
        if (result.hasError()) {
            CelIssue issue = result.getErrors().getFirst();
            errors.add(new Problem.FieldError(field, at(issue.getSourceLocation()) + issue.getMessage()));
            return null;
        }
        try {
            CelAbstractSyntaxTree ast = result.getAst();
            int before = errors.size();
            checkFields(ast, field, errors);
            long cost = cost(ast);
            if (cost > limits.maxCost()) {
                errors.add(new Problem.FieldError(field, "has an estimated cost of " + cost + ", more than the limit "
                        + limits.maxCost()));
            }
            return errors.size() > before ? null : env.createProgram(ast);
        } catch (CelValidationException | CelEvaluationException e) {
            errors.add(new Problem.FieldError(field, e.getMessage()));
            return null;
        }
    }

    /** Rejects {@code lead.x} or {@code event.x} (also inside {@code has()}) when x is not a declared field. */
    private static void checkFields(CelAbstractSyntaxTree ast, String field, List<Problem.FieldError> errors) {
        CelNavigableAst.fromAst(ast).getRoot().allNodes()
                .filter(node -> node.getKind() == CelExpr.ExprKind.Kind.SELECT)
                .forEach(node -> {
                    CelExpr.CelSelect select = node.expr().select();
                    if (select.operand().getKind() != CelExpr.ExprKind.Kind.IDENT) {
                        return;
                    }
                    String variable = select.operand().ident().name();
                    Set<String> declared = switch (variable) {
                        case "lead" -> LEAD_FIELDS;
                        case "event" -> EVENT_FIELDS;
                        default -> null;
                    };
                    if (declared != null && !declared.contains(select.field())) {
                        errors.add(new Problem.FieldError(field, at(location(ast, select.operand().id())) + "unknown variable '"
                                + variable + "." + select.field() + "'"));
                    }
                });
    }

    private static long cost(CelAbstractSyntaxTree ast) {
        return CelNavigableAst.fromAst(ast).getRoot().allNodes().mapToLong(node -> {
            long weight = 1;
            Optional<CelNavigableExpr> parent = node.parent();
            while (parent.isPresent()) {
                if (parent.get().getKind() == CelExpr.ExprKind.Kind.COMPREHENSION) {
                    weight = Math.multiplyHigh(weight, COMPREHENSION_COST_FACTOR) != 0 ? Long.MAX_VALUE / 2
                            : weight * COMPREHENSION_COST_FACTOR;
                }
                parent = parent.get().parent();
            }
            return weight;
        }).reduce(0, (a, b) -> Math.min(Long.MAX_VALUE / 2, a + b));
    }

    private static CelSourceLocation location(CelAbstractSyntaxTree ast, long exprId) {
        Integer offset = ast.getSource().getPositionsMap().get(exprId);
        return offset == null ? CelSourceLocation.NONE
                : ast.getSource().getOffsetLocation(offset).orElse(CelSourceLocation.NONE);
    }

    private static String at(CelSourceLocation location) {
        return location.equals(CelSourceLocation.NONE) ? ""
                : "line " + location.getLine() + ", column " + (location.getColumn() + 1) + ": ";
    }
}
