package io.leadplatform.lead.rest;

import io.leadplatform.events.Roles;
import io.leadplatform.lead.api.CaptureLead;
import io.leadplatform.lead.api.CaptureResult;
import io.leadplatform.lead.api.LeadExport;
import io.leadplatform.lead.api.LeadPage;
import io.leadplatform.lead.api.LeadSearch;
import io.leadplatform.lead.api.LeadView;
import io.leadplatform.lead.api.RecordEngagement;
import io.leadplatform.lead.api.TimelineView;
import io.leadplatform.lead.service.LeadCaptureService;
import io.leadplatform.lead.service.LeadPrivacyService;
import io.leadplatform.lead.service.LeadQueries;
import io.leadplatform.lead.service.reports.FunnelReports;
import io.leadplatform.support.problem.ProblemException;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.util.List;
import java.util.Map;
import java.util.UUID;

@Path("/api/leads")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "SecurityScheme")
public class LeadResource {

    static final List<String> SEARCH_PARAMETERS = List.of("stage", "channel", "campaign", "owningOrg", "queue",
            "account", "email", "from", "to", "page", "size");

    private final LeadCaptureService capture;
    private final LeadQueries queries;
    private final LeadPrivacyService privacy;
    private final SecurityIdentity identity;

    public LeadResource(LeadCaptureService capture, LeadQueries queries, LeadPrivacyService privacy,
            SecurityIdentity identity) {
        this.capture = capture;
        this.queries = queries;
        this.privacy = privacy;
        this.identity = identity;
    }

    @POST
    @RolesAllowed({"lead-intake", "marketing-ops"})
    @Operation(summary = "Capture a lead", description = "email is required unless phone (international form, "
            + "stored as E.164) is given. 201 with the new lead's id; 200 with merged=true when the normalised email "
            + "matched an existing lead, or for a lead without email, the phone matched a phone-only lead. The same "
            + "request again with the same Idempotency-Key returns the first result; another request with a key the "
            + "caller already used is a 422. Keys are the caller's own.")
    public Response capture(@NotNull @Valid CaptureLead request,
            @HeaderParam("Idempotency-Key") @Size(max = 200) String idempotencyKey, UriInfo uri) {
        CaptureResult result = capture.capture(request, identity.getPrincipal().getName(), idempotencyKey);
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
        return queries.view(id, restrictedTo());
    }

    @POST
    @Path("/{id}/events")
    @RolesAllowed({"lead-intake", "marketing-ops"})
    @Operation(summary = "Record an engagement event of a lead")
    public Response engage(@PathParam("id") UUID id, @NotNull @Valid RecordEngagement request) {
        UUID eventId = capture.recordEngagement(id, request);
        return Response.status(Response.Status.CREATED).entity(Map.of("id", eventId)).build();
    }

    @POST
    @Path("/events")
    @RolesAllowed({"lead-intake", "marketing-ops"})
    @Operation(summary = "Record an engagement event for the lead with that email or external id",
            description = "For web tracking that does not know the lead's id; 404 when no lead matches.")
    public Response engageByKey(@NotNull @Valid KeyedEngagementRequest request) {
        if ((request.email() == null) == (request.externalId() == null)) {
            throw ProblemException.invalid("email", "give exactly one of email and externalId");
        }
        UUID eventId = capture.recordEngagementFor(request.email(), request.externalId(),
                new RecordEngagement(request.type(), request.value(), request.occurredAt()));
        return Response.status(Response.Status.CREATED).entity(Map.of("id", eventId)).build();
    }

    @GET
    @RolesAllowed({"marketing-ops", "sales-ops", "marketing-manager", "sales-manager", "leadership",
            "platform-admin", "xdr"})
    @Operation(summary = "Search leads", description = "Filters combine; email matches the normalised address "
            + "exactly; account is a company domain (free-mail addresses never belong to an account); from/to bound "
            + "the capture time (dates or instants). page starts at 0; size is capped. An unknown parameter, stage, "
            + "channel or owningOrg is a 400 naming it. An XDR sees only their own leads.")
    public LeadPage search(@QueryParam("stage") @Size(max = 20) String stage,
            @QueryParam("channel") @Size(max = 16) String channel,
            @QueryParam("campaign") @Size(max = 200) String campaign,
            @QueryParam("owningOrg") @Size(max = 16) String owningOrg,
            @QueryParam("queue") @Size(max = 100) String queue,
            @QueryParam("account") @Size(max = 255) String account,
            @QueryParam("email") @Size(max = 320) String email,
            @QueryParam("from") String from, @QueryParam("to") String to,
            @QueryParam("page") @DefaultValue("0") @Min(0) int page,
            @QueryParam("size") @DefaultValue("20") @Min(1) @Max(LeadSearch.MAX_PAGE_SIZE) int size,
            @Context UriInfo uri) {
        for (String parameter : uri.getQueryParameters().keySet()) {
            if (!SEARCH_PARAMETERS.contains(parameter)) {
                throw ProblemException.invalid(parameter, "is not a search parameter; use "
                        + String.join(", ", SEARCH_PARAMETERS));
            }
        }
        return queries.search(new LeadSearch(stage, channel, campaign, owningOrg, queue, account, email,
                FunnelReports.parseInstant("from", from), FunnelReports.parseInstant("to", to),
                restrictedTo()), page, size);
    }

    @GET
    @Path("/{id}/timeline")
    @RolesAllowed({"marketing-ops", "sales-ops", "marketing-manager", "sales-manager", "leadership",
            "platform-admin"})
    @Operation(summary = "The lead's captures, merges, engagement, scores, stage changes, assignments, SLA events "
            + "and rejections, oldest first")
    public List<TimelineView> timeline(@PathParam("id") UUID id) {
        return queries.timeline(id);
    }

    @DELETE
    @Path("/{id}")
    @RolesAllowed({"marketing-ops", "platform-admin"})
    @Operation(summary = "Erase the person's data (GDPR)", description = "Personal data is deleted or anonymised "
            + "(anonymous funnel counts survive) and lead.erased is emitted. 204; 404 when absent or already erased.")
    public Response erase(@PathParam("id") UUID id) {
        privacy.erase(id);
        return Response.noContent().build();
    }

    @GET
    @Path("/{id}/export")
    @RolesAllowed({"marketing-ops", "platform-admin"})
    @Operation(summary = "Everything held about the person (GDPR subject access)")
    public LeadExport export(@PathParam("id") UUID id) {
        return privacy.export(id);
    }

    /** Null when the caller reads every lead; otherwise the username that reads are limited to. */
    private String restrictedTo() {
        return Roles.seesEveryLead(identity::hasRole) ? null : identity.getPrincipal().getName();
    }
}
