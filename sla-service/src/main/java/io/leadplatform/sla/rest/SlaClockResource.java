package io.leadplatform.sla.rest;

import io.leadplatform.sla.service.SlaClockService;
import io.leadplatform.support.rest.LeadReaders;
import io.leadplatform.support.rest.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
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
        return service.clocksOf(parseLeadId(leadId), LeadReaders.restrictedTo(identity));
    }

    // Parsed here rather than bound as a UUID, which JAX-RS would answer with 404 instead of naming the field.
    private static UUID parseLeadId(String leadId) {
        if (leadId == null || leadId.isBlank()) {
            throw ProblemException.invalid("leadId", "is required");
        }
        try {
            return UUID.fromString(leadId.strip());
        } catch (IllegalArgumentException e) {
            throw ProblemException.invalid("leadId", "must be a UUID");
        }
    }
}
