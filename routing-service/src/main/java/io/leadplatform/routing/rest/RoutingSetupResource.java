package io.leadplatform.routing.rest;

import io.leadplatform.routing.api.ActivateRequest;
import io.leadplatform.routing.api.AssignmentView;
import io.leadplatform.routing.api.MembersRequest;
import io.leadplatform.routing.api.MembersView;
import io.leadplatform.routing.api.PolicyRequest;
import io.leadplatform.routing.api.PolicyView;
import io.leadplatform.routing.api.QueueRequest;
import io.leadplatform.routing.api.QueueView;
import io.leadplatform.routing.api.SimulateRequest;
import io.leadplatform.routing.api.SimulationView;
import io.leadplatform.routing.api.WaitingView;
import io.leadplatform.routing.service.AssignmentService;
import io.leadplatform.routing.service.Caller;
import io.leadplatform.routing.service.PolicyService;
import io.leadplatform.routing.service.RoutingSetupService;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.net.URI;
import java.util.List;
import java.util.UUID;

@Path("/api/routing")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "SecurityScheme")
public class RoutingSetupResource {

    private final RoutingSetupService setup;
    private final PolicyService policies;
    private final AssignmentService assignments;
    private final SecurityIdentity identity;

    public RoutingSetupResource(RoutingSetupService setup, PolicyService policies, AssignmentService assignments,
            SecurityIdentity identity) {
        this.setup = setup;
        this.policies = policies;
        this.assignments = assignments;
        this.identity = identity;
    }

    @GET
    @Path("/queues")
    @RolesAllowed({"marketing-ops", "sales-ops", "marketing-manager", "sales-manager", "leadership", "platform-admin"})
    @Operation(summary = "The queues with their owning org, purpose, strategy, manager and members")
    public List<QueueView> queues() {
        return setup.queues();
    }

    @POST
    @Path("/queues")
    @RolesAllowed({"marketing-ops", "sales-ops", "platform-admin"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a queue owned by MARKETING or SALES")
    public Response createQueue(QueueRequest request) {
        QueueView created = setup.create(request);
        return Response.created(URI.create("/api/routing/queues/" + created.id())).entity(created).build();
    }

    @GET
    @Path("/queues/{id}/members")
    @RolesAllowed({"marketing-ops", "sales-ops", "marketing-manager", "sales-manager", "leadership", "platform-admin"})
    @Operation(summary = "The queue's roster with team-structure warnings")
    public MembersView members(@PathParam("id") UUID id) {
        return setup.members(id);
    }

    @PUT
    @Path("/queues/{id}/members")
    @RolesAllowed({"marketing-ops", "sales-ops", "platform-admin", "marketing-manager", "sales-manager"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Replace the queue's roster (role, weight, capacity, hours, out of office, manager)",
            description = "Managers may change only the queues they manage. Warnings advise, never block.")
    public MembersView replaceMembers(@PathParam("id") UUID id, MembersRequest request) {
        return setup.replaceMembers(id, request, Caller.of(identity));
    }

    @DELETE
    @Path("/queues/{id}/members/{username}/unavailable")
    @RolesAllowed({"marketing-ops", "sales-ops", "platform-admin", "marketing-manager", "sales-manager"})
    @Operation(summary = "Make a member whom repeated SLA breaches made unavailable take leads again",
            description = "Clears unavailableUntil for this queue; managers only in the queues they manage. Returns "
                    + "the roster.")
    public MembersView clearUnavailable(@PathParam("id") UUID id, @PathParam("username") String username) {
        return setup.clearUnavailable(id, username, Caller.of(identity));
    }

    @GET
    @Path("/queues/{id}/leads")
    @RolesAllowed({"marketing-ops", "sales-ops", "marketing-manager", "sales-manager", "leadership", "platform-admin",
            "xdr"})
    @Operation(summary = "The queue's open leads, SLA due soonest first, then highest score",
            description = "An XDR sees only the queues they belong to, a manager the queues they manage; others 404.")
    public List<AssignmentView> queueLeads(@PathParam("id") UUID id) {
        return assignments.activeInQueue(id, Caller.of(identity));
    }

    @GET
    @Path("/queues/{id}/waiting")
    @RolesAllowed({"marketing-ops", "sales-ops", "marketing-manager", "sales-manager", "leadership", "platform-admin",
            "xdr"})
    @Operation(summary = "Leads waiting for capacity in the queue, oldest first",
            description = "They are assigned as soon as a member, the overflow queue or the manager can take them.")
    public List<WaitingView> waiting(@PathParam("id") UUID id) {
        return assignments.waitingInQueue(id, Caller.of(identity));
    }

    @GET
    @Path("/policies")
    @RolesAllowed({"marketing-ops", "sales-ops", "marketing-manager", "sales-manager", "leadership", "platform-admin"})
    @Operation(summary = "The ownership policies with their version, effective time and ordered rules")
    public List<PolicyView> policies() {
        return policies.policies();
    }

    @GET
    @Path("/policies/{id}")
    @RolesAllowed({"marketing-ops", "sales-ops", "marketing-manager", "sales-manager", "leadership", "platform-admin"})
    @Operation(summary = "One ownership policy")
    public PolicyView policy(@PathParam("id") UUID id) {
        return policies.get(id);
    }

    @POST
    @Path("/policies")
    @RolesAllowed({"marketing-ops", "sales-ops", "platform-admin"})
    @Consumes(MediaType.APPLICATION_JSON)
    @Operation(summary = "Create a draft policy version", description = "Ordered rules, first match wins; exactly "
            + "one default rule without criteria is required.")
    public Response createPolicy(PolicyRequest request) {
        PolicyView created = policies.create(request);
        return Response.created(URI.create("/api/routing/policies/" + created.id())).entity(created).build();
    }

    @POST
    @Path("/policies/{id}/activate")
    @RolesAllowed({"marketing-ops", "sales-ops", "platform-admin"})
    @Operation(summary = "Activate a policy from an effective time (now when absent)")
    public PolicyView activate(@PathParam("id") UUID id, ActivateRequest request) {
        return policies.activate(id, request);
    }

    @POST
    @Path("/policies/{id}/simulate")
    @RolesAllowed({"marketing-ops", "sales-ops", "platform-admin", "leadership"})
    @Operation(summary = "Replay the last N days of qualified leads through this policy, next to the active one")
    public SimulationView simulate(@PathParam("id") UUID id, SimulateRequest request) {
        return policies.simulate(id, request);
    }
}
