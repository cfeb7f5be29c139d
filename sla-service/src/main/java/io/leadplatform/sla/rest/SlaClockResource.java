package io.leadplatform.sla.rest;

import io.leadplatform.events.Roles;
import io.leadplatform.sla.api.SlaClockView;
import io.leadplatform.sla.service.SlaClockService;
import io.leadplatform.support.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.util.List;
import java.util.UUID;

@Path("/api/sla/clocks")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "SecurityScheme")
public class SlaClockResource {

    private final SlaClockService service;
    private final SecurityIdentity identity;

    public SlaClockResource(SlaClockService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({"marketing-ops", "sales-ops", "marketing-manager", "sales-manager", "leadership",
            "platform-admin", "xdr"})
    @Operation(summary = "The SLA clocks of a lead, oldest first")
    public List<SlaClockView> list(@Parameter(description = "the lead's id", required = true)
            @QueryParam("leadId") String leadId) {
        return service.clocksOf(parseLeadId(leadId), restrictedTo());
    }

    @POST
    @Path("/{id}/pause")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"marketing-manager", "sales-manager", "platform-admin", "xdr"})
    @Operation(summary = "Pause a running clock (e.g. waiting on the prospect); an XDR pauses only their own")
    public SlaClockView pause(@PathParam("id") String id, PauseRequest request) {
        String reason = request == null ? null : request.reason();
        if (reason != null && reason.length() > 200) {
            throw ProblemException.invalid("reason", "must be at most 200 characters");
        }
        return service.pause(parseId(id, "id"), reason, restrictedTo());
    }

    @POST
    @Path("/{id}/resume")
    @RolesAllowed({"marketing-manager", "sales-manager", "platform-admin", "xdr"})
    @Operation(summary = "Resume a paused clock: its due time moves by the business time it spent paused",
            description = "The prospect's next engagement (lead.engaged, except unsubscribe) also resumes the "
                    + "lead's paused clocks. A reassignment or rejection (recycle) cancels the assignment's open "
                    + "clocks and an erasure deletes them; nothing is published for either.")
    public SlaClockView resume(@PathParam("id") String id) {
        return service.resume(parseId(id, "id"), restrictedTo());
    }

    /** Why a clock is paused. */
    public record PauseRequest(String reason) {
    }

    // Parsed here rather than bound as a UUID, which JAX-RS would answer with 404 instead of naming the field.
    private static UUID parseLeadId(String leadId) {
        return parseId(leadId, "leadId");
    }

    private static UUID parseId(String value, String field) {
        if (value == null || value.isBlank()) {
            throw ProblemException.invalid(field, "is required");
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid(field, "must be a UUID");
        }
    }

    /** Null when the caller reads every lead; otherwise the username that reads are limited to. */
    private String restrictedTo() {
        return Roles.seesEveryLead(identity::hasRole) ? null : identity.getPrincipal().getName();
    }
}
