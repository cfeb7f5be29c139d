package io.leadplatform.sla.rest;

import io.leadplatform.sla.api.CalendarRequest;
import io.leadplatform.sla.api.CalendarView;
import io.leadplatform.sla.service.CalendarService;
import io.leadplatform.support.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;

import java.util.List;

@Path("/api/sla/calendars")
@Produces(MediaType.APPLICATION_JSON)
@SecurityRequirement(name = "SecurityScheme")
public class CalendarResource {

    private final CalendarService calendars;

    public CalendarResource(CalendarService calendars) {
        this.calendars = calendars;
    }

    @GET
    @RolesAllowed({"marketing-ops", "sales-ops", "marketing-manager", "sales-manager", "leadership",
            "platform-admin"})
    @Operation(summary = "The business-hours calendars, the built-in 24x7 first")
    public List<CalendarView> list() {
        return calendars.list();
    }

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({"marketing-ops", "sales-ops", "platform-admin"})
    @Operation(summary = "Create or replace a calendar; running clocks keep their due times")
    public CalendarView save(CalendarRequest request) {
        if (request == null) {
            throw ProblemException.invalid("name", "is required");
        }
        return calendars.save(request);
    }
}
