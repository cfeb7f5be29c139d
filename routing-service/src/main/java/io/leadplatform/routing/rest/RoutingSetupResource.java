package io.leadplatform.routing.rest;

import io.leadplatform.routing.service.RoutingSetupService;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.util.List;

@Path("/api/routing")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "SecurityScheme")
@RolesAllowed({"marketing-ops", "sales-ops", "marketing-manager", "sales-manager", "leadership", "platform-admin"})
public class RoutingSetupResource {

    private final RoutingSetupService service;

    public RoutingSetupResource(RoutingSetupService service) {
        this.service = service;
    }

    @GET
    @Path("/queues")
    @Operation(summary = "The XDR queues with their owning org, purpose and members")
    public List<QueueView> queues() {
        return service.queues();
    }

    @GET
    @Path("/policies")
    @Operation(summary = "The ownership policies with their version, active flag and ordered rules")
    public List<PolicyView> policies() {
        return service.policies();
    }
}
