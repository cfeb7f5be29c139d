package io.leadplatform.lead.rest;

import io.leadplatform.lead.service.LeadService;
import io.leadplatform.support.rest.LeadReaders;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.util.Map;
import java.util.UUID;

@Path("/api/leads")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "SecurityScheme")
public class LeadResource {

    private final LeadService service;
    private final SecurityIdentity identity;

    public LeadResource(LeadService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({"lead-intake", "marketing-ops"})
    @Operation(summary = "Capture a lead", description = "201 with the new lead's id; 200 with merged=true when the "
            + "normalised email matched an existing lead. A retry with the same Idempotency-Key returns the first result.")
    public Response capture(@NotNull @Valid CaptureLeadRequest request,
            @HeaderParam("Idempotency-Key") @Size(max = 200) String idempotencyKey, UriInfo uri) {
        LeadService.CaptureResult result = service.capture(request, idempotencyKey);
        return Response.status(result.status())
                .location(uri.getAbsolutePathBuilder().path(result.leadId().toString()).build())
                .entity(new CaptureResponse(result.leadId(), result.merged()))
                .build();
    }

    @GET
    @Path("/{id}")
    @RolesAllowed({"marketing-ops", "sales-ops", "marketing-manager", "sales-manager", "leadership",
            "platform-admin", "xdr"})
    @Operation(summary = "A lead with its stage, scores, current assignment and SLA clocks (eventually consistent)")
    public LeadView get(@PathParam("id") UUID id) {
        return service.view(id, LeadReaders.restrictedTo(identity));
    }

    @POST
    @Path("/{id}/events")
    @RolesAllowed({"lead-intake", "marketing-ops"})
    @Operation(summary = "Record an engagement event of a lead")
    public Response engage(@PathParam("id") UUID id, @NotNull @Valid EngagementRequest request) {
        UUID eventId = service.recordEngagement(id, request);
        return Response.status(Response.Status.CREATED).entity(Map.of("id", eventId)).build();
    }
}
