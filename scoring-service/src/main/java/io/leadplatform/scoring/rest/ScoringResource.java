package io.leadplatform.scoring.rest;

import io.leadplatform.scoring.api.BacktestReport;
import io.leadplatform.scoring.api.ModelRequest;
import io.leadplatform.scoring.api.ModelView;
import io.leadplatform.scoring.api.ScoreView;
import io.leadplatform.scoring.service.Backtests;
import io.leadplatform.scoring.service.ModelService;
import io.leadplatform.scoring.service.Rescorer;
import io.leadplatform.scoring.service.ScoringQueries;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.util.List;
import java.util.UUID;

@Path("/api")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "SecurityScheme")
public class ScoringResource {

    private final ScoringQueries queries;
    private final ModelService modelService;
    private final Backtests backtests;
    private final Rescorer rescorer;
    private final SecurityIdentity identity;

    public ScoringResource(ScoringQueries queries, ModelService modelService, Backtests backtests, Rescorer rescorer,
            SecurityIdentity identity) {
        this.queries = queries;
        this.modelService = modelService;
        this.backtests = backtests;
        this.rescorer = rescorer;
        this.identity = identity;
    }

    @GET
    @Path("/leads/{id}/score")
    @RolesAllowed({"marketing-ops", "sales-ops", "marketing-manager", "sales-manager", "leadership",
            "platform-admin"})
    @Operation(operationId = "explainScore",
            summary = "A lead's fit grade, engagement score, stage and criteria met, each fired rule's contribution,"
                    + " and history")
    public ScoreView score(@PathParam("id") UUID id) {
        return queries.score(id);
    }

    @GET
    @Path("/scoring/models")
    @RolesAllowed({"marketing-ops", "sales-ops", "marketing-manager", "leadership", "platform-admin"})
    public List<ModelView> models() {
        return queries.models();
    }

    @GET
    @Path("/scoring/models/{id}")
    @RolesAllowed({"marketing-ops", "sales-ops", "marketing-manager", "leadership", "platform-admin"})
    public ModelView model(@PathParam("id") UUID id) {
        return queries.model(id);
    }

    @POST
    @Path("/scoring/models")
    @RolesAllowed({"marketing-ops", "platform-admin"})
    @Operation(summary = "Store a model version as a draft; every CEL rule is checked, a failing one is a 400 naming it")
    public Response create(@NotNull @Valid ModelRequest request, UriInfo uri) {
        ModelView created = modelService.createDraft(request, identity.getPrincipal().getName());
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(created).build();
    }

    @POST
    @Path("/scoring/models/{id}/activate")
    @Consumes(MediaType.WILDCARD)
    @RolesAllowed({"marketing-ops", "platform-admin"})
    @Operation(summary = "Make this version the active one and re-score every lead in the background; "
            + "GET the model to follow the progress")
    public Response activate(@PathParam("id") UUID id) {
        ModelService.Activation activation = modelService.activate(id);
        if (activation.rescore()) {
            rescorer.start(id);
            return Response.accepted(activation.model()).build();
        }
        return Response.ok(activation.model()).build();
    }

    @POST
    @Path("/scoring/models/{id}/backtest")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @RolesAllowed({"marketing-ops", "sales-ops", "marketing-manager", "leadership", "platform-admin"})
    @Operation(summary = "Replay this version over the stored leads against outcomes (CSV body in the format of "
            + "outcomes.csv): MQL and SQL counts, conversion rates and lift over the active model")
    public BacktestReport backtest(@PathParam("id") UUID id, String outcomesCsv) {
        return backtests.run(id, outcomesCsv);
    }
}
