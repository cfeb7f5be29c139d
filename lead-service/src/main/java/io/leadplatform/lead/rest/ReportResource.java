package io.leadplatform.lead.rest;

import io.leadplatform.lead.api.CostsLoaded;
import io.leadplatform.lead.api.FunnelReport;
import io.leadplatform.lead.service.reports.CampaignCosts;
import io.leadplatform.lead.service.reports.FunnelReports;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.util.List;

@Path("/api")
@SecurityRequirement(name = "SecurityScheme")
public class ReportResource {

    private static final MediaType CSV = MediaType.valueOf("text/csv");

    private final CampaignCosts costs;
    private final FunnelReports funnel;

    public ReportResource(CampaignCosts costs, FunnelReports funnel) {
        this.costs = costs;
        this.funnel = funnel;
    }

    @POST
    @Path("/campaigns/costs")
    @Consumes({"text/csv", MediaType.TEXT_PLAIN})
    @Produces(MediaType.APPLICATION_JSON)
    @RolesAllowed({"marketing-ops"})
    @Operation(summary = "Load campaign costs (CSV like campaign-costs.csv)", description = "A campaign's period "
            + "loaded again replaces its cost. Bad rows are reported by line and the good ones are still loaded.")
    public CostsLoaded loadCosts(String csv) {
        return costs.load(csv);
    }

    @GET
    @Path("/reports/funnel")
    @Produces({MediaType.APPLICATION_JSON, "text/csv"})
    @RolesAllowed({"marketing-ops", "sales-ops", "marketing-manager", "sales-manager", "leadership"})
    @Operation(summary = "The funnel per channel, campaign, org or source", description = "Leads captured in "
            + "[from, to): counts per current stage, stages reached, conversion and qualification rates (reached "
            + "SQL / leads), last rejection reasons, cost and cost per lead, MQL and SQL. from and to are dates "
            + "or instants. groupBy=org compares the MARKETING- and SALES-owned paths. JSON unless the first "
            + "acceptable type is text/csv.")
    public Response funnel(@QueryParam("groupBy") String groupBy, @QueryParam("from") String from,
            @QueryParam("to") String to, @Context HttpHeaders headers) {
        FunnelReport report = funnel.build(groupBy, FunnelReports.parseInstant("from", from),
                FunnelReports.parseInstant("to", to));
        List<MediaType> acceptable = headers.getAcceptableMediaTypes();
        boolean csv = !acceptable.isEmpty() && !acceptable.get(0).isWildcardType()
                && acceptable.get(0).isCompatible(CSV);
        return csv ? Response.ok(FunnelReports.csv(report), CSV).build()
                : Response.ok(report, MediaType.APPLICATION_JSON_TYPE).build();
    }
}
