package io.leadplatform.sla.rest;

import io.leadplatform.sla.api.PolicyRequest;
import io.leadplatform.sla.api.PolicyView;
import io.leadplatform.sla.service.PolicyService;
import io.leadplatform.support.problem.ProblemException;
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
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.util.List;

@Path("/api/sla/policies")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "SecurityScheme")
public class PolicyResource {

    private final PolicyService policies;
    private final SecurityIdentity identity;

    public PolicyResource(PolicyService policies, SecurityIdentity identity) {
        this.policies = policies;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({"marketing-ops", "sales-ops", "marketing-manager", "sales-manager", "leadership",
            "platform-admin"})
    @Operation(summary = "The stored policy versions, newest first")
    public List<PolicyView> list() {
        return policies.list();
    }

    @GET
    @Path("/active")
    @RolesAllowed({"marketing-ops", "sales-ops", "marketing-manager", "sales-manager", "leadership",
            "platform-admin"})
    @Operation(summary = "The policy in force: the active version, else the built-in default (version 0)")
    public PolicyView active() {
        return policies.activeView();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"marketing-ops", "sales-ops", "platform-admin"})
    @Operation(summary = "Store a new policy version, and activate it when asked")
    public Response create(PolicyRequest request) {
        if (request == null) {
            throw ProblemException.invalid("name", "is required");
        }
        return Response.status(Response.Status.CREATED)
                .entity(policies.create(request, identity.getPrincipal().getName())).build();
    }

    @POST
    @Path("/{version}/activate")
    @RolesAllowed({"marketing-ops", "sales-ops", "platform-admin"})
    @Operation(summary = "Activate a stored version; version 0 goes back to the built-in default")
    public PolicyView activate(@PathParam("version") String version) {
        int v;
        try {
            v = Integer.parseInt(version);
        } catch (NumberFormatException e) {
            throw ProblemException.invalid("version", "must be a whole number");
        }
        if (v < 0) {
            throw ProblemException.invalid("version", "must not be negative");
        }
        return policies.activate(v);
    }
}
