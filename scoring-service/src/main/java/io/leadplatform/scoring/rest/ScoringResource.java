package io.leadplatform.scoring.rest;

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
    private final SecurityIdentity identity;

    public ScoringResource(ScoringQueries queries, SecurityIdentity identity) {
        this.queries = queries;
        this.identity = identity;
    }

    @GET
    @Path("/leads/{id}/score")
    @RolesAllowed({"marketing-ops", "sales-ops", "marketing-manager", "sales-manager", "leadership",
            "platform-admin"})
    @Operation(summary = "A lead's fit grade, engagement score and stage, each fired rule's contribution, and history")
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
    @Operation(summary = "Store a draft scoring model (not evaluated until CEL models and activation land)")
    public Response create(@NotNull @Valid ModelRequest request, UriInfo uri) {
        ModelView created = queries.createDraft(request, identity.getPrincipal().getName());
        return Response.created(uri.getAbsolutePathBuilder().path(created.id().toString()).build())
                .entity(created).build();
    }
}
