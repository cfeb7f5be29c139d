package io.leadplatform.routing.rest;

import io.leadplatform.routing.api.AssignmentView;
import io.leadplatform.routing.service.AssignmentService;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.util.List;

@Path("/api/me/leads")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "SecurityScheme")
public class MyLeadsResource {

    private final AssignmentService service;
    private final SecurityIdentity identity;

    public MyLeadsResource(AssignmentService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @RolesAllowed("xdr")
    @Operation(summary = "The caller's open leads, SLA due soonest first, then highest score")
    public List<AssignmentView> myLeads() {
        return service.activeFor(identity.getPrincipal().getName());
    }
}
