package io.leadplatform.lead.rest;

import io.leadplatform.lead.api.ImportJobView;
import io.leadplatform.lead.domain.ImportKind;
import io.leadplatform.lead.service.imports.ImportService;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
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

import java.util.UUID;

@Path("/api/imports")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({"lead-intake", "marketing-ops"})
public class ImportResource {

    private final ImportService imports;
    private final SecurityIdentity identity;

    public ImportResource(ImportService imports, SecurityIdentity identity) {
        this.imports = imports;
        this.identity = identity;
    }

    @POST
    @Path("/leads")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Operation(summary = "Import leads from CSV in the leads.csv format", description = "202 with the job; rows "
            + "are captured like POST /api/leads (normalised, deduplicated by email). Poll the Location.")
    public Response importLeads(String csv, UriInfo uri) {
        return accepted(imports.submit(ImportKind.LEADS, csv, identity.getPrincipal().getName()), uri);
    }

    @POST
    @Path("/events")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Operation(summary = "Import engagement events from CSV in the events.csv format", description = "202 with the "
            + "job. Events name their lead by external_id; one already imported is skipped.")
    public Response importEvents(String csv, UriInfo uri) {
        return accepted(imports.submit(ImportKind.EVENTS, csv, identity.getPrincipal().getName()), uri);
    }

    @POST
    @Path("/outcomes")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Operation(summary = "Import lead outcomes from CSV in the outcomes.csv format", description = "202 with the job. "
            + "Columns external_id, outcome (converted|rejected), reason (required for rejected: no-budget, "
            + "wrong-persona, not-ready, duplicate, bad-data, competitor, no-response), decided_at. converted moves "
            + "the lead to OPPORTUNITY, rejected to REJECTED with the reason, each a timeline entry with its cause "
            + "and a lead.stage-changed event. An outcome already imported, or one the lead is already at, counts "
            + "as merged; one older than the lead's last stage change is a row error and changes nothing.")
    public Response importOutcomes(String csv, UriInfo uri) {
        return accepted(imports.submit(ImportKind.OUTCOMES, csv, identity.getPrincipal().getName()), uri);
    }

    @GET
    @Path("/{jobId}")
    @Operation(summary = "An import job's status, progress, counts and first row errors", description = "status is "
            + "QUEUED, RUNNING, DONE or FAILED (with failure). A job whose process stopped is resumed by another "
            + "instance, or after a restart, from its last committed row once its lease runs out.")
    public ImportJobView job(@PathParam("jobId") UUID jobId) {
        return imports.find(jobId);
    }

    private static Response accepted(ImportJobView job, UriInfo uri) {
        return Response.accepted(job)
                .location(uri.getBaseUriBuilder().path("api/imports").path(job.jobId().toString()).build())
                .build();
    }
}
