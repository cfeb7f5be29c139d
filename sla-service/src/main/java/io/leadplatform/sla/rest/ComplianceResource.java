package io.leadplatform.sla.rest;

import io.leadplatform.sla.api.ComplianceReport;
import io.leadplatform.sla.service.ComplianceService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/api/sla/compliance")
@SecurityRequirement(name = "SecurityScheme")
public class ComplianceResource {

    static final MediaType CSV = MediaType.valueOf("text/csv");

    private final ComplianceService compliance;

    public ComplianceResource(ComplianceService compliance) {
        this.compliance = compliance;
    }

    @GET
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @RolesAllowed({"leadership", "marketing-manager", "sales-manager", "marketing-ops", "sales-ops",
            "platform-admin"})
    @Operation(summary = "SLA compliance per org, queue, rep or channel, MARKETING and SALES side by side; "
            + "Accept: text/csv gives the groups as CSV",
            description = "A window holding a whole UTC day is served from the rollup (source=rollup): counts "
                    + "exact, medians and p90 within 0.8 % of the exact figure. A shorter window is computed from "
                    + "the clocks (source=clocks), exactly. Cancelled clocks (reassigned, recycled) count in "
                    + "started and cancelled only; erased leads' clocks are gone.")
    public Response report(@QueryParam("groupBy") String groupBy, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("clockType") String clockType, @Context HttpHeaders headers) {
        ComplianceReport report = compliance.report(groupBy, from, to, clockType);
        // JSON unless the client prefers CSV; a wildcard Accept gets JSON.
        boolean csv = headers.getAcceptableMediaTypes().stream()
                .filter(m -> m.isCompatible(MediaType.APPLICATION_JSON_TYPE) || m.isCompatible(CSV))
                .findFirst().map(m -> !m.isWildcardType() && m.isCompatible(CSV)).orElse(false);
        return csv ? Response.ok(ComplianceService.csv(report), CSV).build()
                : Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
