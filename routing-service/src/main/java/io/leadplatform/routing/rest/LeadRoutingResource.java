package io.leadplatform.routing.rest;

import io.leadplatform.routing.api.AssignmentView;
import io.leadplatform.routing.api.ReassignRequest;
import io.leadplatform.routing.api.RejectRequest;
import io.leadplatform.routing.api.RoutingView;
import io.leadplatform.routing.service.AssignmentService;
import io.leadplatform.routing.service.Caller;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.util.UUID;

@Path("/api/leads/{id}")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "SecurityScheme")
public class LeadRoutingResource {

    private final AssignmentService service;
    private final SecurityIdentity identity;

    public LeadRoutingResource(AssignmentService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @POST
    @Path("/touch")
    @RolesAllowed("xdr")
    @Operation(summary = "Record a touch (call, email, meeting, linkedin) by the lead's assignee",
            description = "The first touch stops the speed-to-lead clock. 403 for a teammate who is not the assignee; "
                    + "404 for an XDR of another queue, or when the lead has no active assignment.")
    @Consumes(MediaType.APPLICATION_JSON)
    public AssignmentView touch(@PathParam("id") UUID id, @Valid TouchRequest request) {
        return service.touch(id, user(), request == null ? null : request.channel());
    }

    /** The same touch sent without a body or Content-Type: a call. */
    @POST
    @Path("/touch")
    @RolesAllowed("xdr")
    @Operation(hidden = true)
    public AssignmentView touchWithoutBody(@PathParam("id") UUID id) {
        return service.touch(id, user(), null);
    }

    @POST
    @Path("/accept")
    @RolesAllowed("xdr")
    @Operation(summary = "Accept the lead as its assignee", description = "Accepting again changes nothing.")
    public AssignmentView accept(@PathParam("id") UUID id) {
        return service.accept(id, user());
    }

    @POST
    @Path("/reject")
    @RolesAllowed("xdr")
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Reject the lead as its assignee, with a reason code",
            description = "Reasons: no-budget, wrong-persona, not-ready, duplicate, bad-data, competitor, "
                    + "no-response. The assignment ends and the lead is recycled to marketing nurture.")
    public AssignmentView reject(@PathParam("id") UUID id, RejectRequest request) {
        return service.reject(id, user(), request);
    }

    @POST
    @Path("/handoff")
    @RolesAllowed("xdr")
    @Operation(summary = "Qualify the lead to SQL and hand it off to a SALES-owned AE queue under the policy")
    public AssignmentView handoff(@PathParam("id") UUID id) {
        return service.handoff(id, user());
    }

    @POST
    @Path("/reassign")
    @RolesAllowed({"marketing-manager", "sales-manager", "marketing-ops", "sales-ops", "platform-admin"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Move the lead to another member or queue",
            description = "Managers for their teams' leads and queues, ops for any. Without an assignee the next "
                    + "eligible member other than the current one takes it.")
    public AssignmentView reassign(@PathParam("id") UUID id, ReassignRequest request) {
        return service.reassign(id, Caller.of(identity), request);
    }

    @GET
    @Path("/routing")
    @RolesAllowed({"marketing-ops", "sales-ops", "marketing-manager", "sales-manager", "leadership",
            "platform-admin", "xdr"})
    @Operation(summary = "The lead's current assignment and routing ledger")
    public RoutingView routing(@PathParam("id") UUID id) {
        return service.routing(id, Caller.of(identity));
    }

    private String user() {
        return identity.getPrincipal().getName();
    }
}
