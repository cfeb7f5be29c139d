package io.leadplatform.lead.rest;

import io.leadplatform.lead.api.AccountView;
import io.leadplatform.lead.service.AccountService;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

@Path("/api/accounts/{domain}")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "SecurityScheme")
public class AccountResource {

    private final AccountService service;
    private final SecurityIdentity identity;

    public AccountResource(AccountService service, SecurityIdentity identity) {
        this.service = service;
        this.identity = identity;
    }

    @GET
    @RolesAllowed({"marketing-ops", "sales-ops", "platform-admin", "leadership"})
    @Operation(summary = "An account's tier", description = "tierSource is SET when ops set the tier, EMPLOYEES when "
            + "it is implied by the head count of the account's most recent lead; leadCount counts its live leads. "
            + "404 when no tier is set and no lead has the domain.")
    public AccountView get(@PathParam("domain") String domain) {
        return service.view(domain);
    }

    @PUT
    @RolesAllowed({"marketing-ops", "sales-ops", "platform-admin"})
    @Operation(summary = "Set an account's tier", description = "Body {\"tier\": \"STRATEGIC|ENTERPRISE|MID_MARKET|"
            + "SMB\"}. The account's leads that have not yet qualified get a lead.updated with the new tier; leads "
            + "already qualified or routed are not re-routed.")
    public AccountView put(@PathParam("domain") String domain, AccountTierRequest request) {
        return service.setTier(domain, request == null ? null : request.tier(), identity.getPrincipal().getName());
    }

    @DELETE
    @RolesAllowed({"marketing-ops", "sales-ops", "platform-admin"})
    @Operation(summary = "Clear an account's tier", description = "Its leads take the tier their head count implies "
            + "again. 204; 404 when no tier was set.")
    public Response delete(@PathParam("domain") String domain) {
        service.clearTier(domain);
        return Response.noContent().build();
    }
}
