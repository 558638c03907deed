package se.samplan.reporting.report;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import se.samplan.reporting.plan.PlanAccess;
import se.samplan.reporting.web.Caller;
import se.samplan.reporting.web.RequestRejected;

import java.net.URI;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

@RestController
@Tag(name = "Reporting cadence")
class CadenceController {

    /** A new cadence; only recipient and frequency are needed. */
    record NewCadence(@Size(max = 64) @Pattern(regexp = "[a-z0-9][a-z0-9-]*", message = "lower-case letters, digits and dashes")
                      String cadenceId,
                      @NotBlank @Size(max = 300) String recipient,
                      @NotNull Cadences.Frequency frequency,
                      @Min(0) @Max(366) Integer dueDays,
                      @Size(max = 255) String ownerId,
                      LocalDate startsOn,
                      LocalDate endsOn) { }

    private final Cadences cadences;
    private final PlanAccess plans;
    private final DueReports dueReports;
    private final Clock clock;

    CadenceController(Cadences cadences, PlanAccess plans, DueReports dueReports, Optional<Clock> clock) {
        this.cadences = cadences;
        this.plans = plans;
        this.dueReports = dueReports;
        this.clock = clock.orElse(Clock.systemUTC());
    }

    @GetMapping("/api/reports/plans/{planId}/cadences")
    @Operation(summary = "The plan's reporting cadences")
    List<Cadences.Cadence> list(Caller caller, @PathVariable String planId) {
        plans.readable(caller, planId);
        return cadences.ofPlan(planId);
    }

    @PostMapping("/api/reports/plans/{planId}/cadences")
    @Operation(summary = "Add a reporting cadence, e.g. monthly to the funder, quarterly to the steering group, a final report")
    ResponseEntity<Cadences.Cadence> add(Caller caller, @PathVariable String planId, @Valid @RequestBody NewCadence body) {
        PlanAccess.PlanRef plan = plans.writable(caller, planId);
        LocalDate startsOn = body.startsOn() != null ? body.startsOn() : plan.periodStart();
        LocalDate endsOn = body.endsOn() != null ? body.endsOn() : plan.periodEnd();
        if (startsOn == null) {
            throw RequestRejected.invalid("startsOn", "The plan has no period: say when the cadence starts");
        }
        if (endsOn == null) {
            throw RequestRejected.invalid("endsOn", "The plan has no period: say when the cadence ends");
        }
        if (endsOn.isBefore(startsOn)) {
            throw RequestRejected.invalid("endsOn", "A cadence ends on or after it starts");
        }
        String id = body.cadenceId() != null ? body.cadenceId()
                : body.frequency().name().toLowerCase(Locale.ROOT).replace('_', '-') + "-"
                  + Integer.toHexString(body.recipient().strip().toLowerCase(Locale.ROOT).hashCode());
        if (StatusReports.ADHOC.equals(id)) {
            throw RequestRejected.invalid("cadenceId", "'adhoc' names reports outside any cadence");
        }
        String owner = body.ownerId() != null ? body.ownerId() : plan.ownerId() != null ? plan.ownerId() : caller.userId();
        Cadences.Cadence cadence = new Cadences.Cadence(id, planId, plan.associationId(), body.recipient().strip(), body.frequency(),
                body.dueDays() == null ? 10 : body.dueDays(), owner, startsOn, endsOn);
        if (!cadences.add(cadence)) {
            throw RequestRejected.conflict("The plan has a cadence " + id + " already");
        }
        return ResponseEntity.created(URI.create("/api/reports/plans/" + planId + "/cadences/" + id)).body(cadence);
    }

    @DeleteMapping("/api/reports/plans/{planId}/cadences/{cadenceId}")
    @Operation(summary = "Remove a reporting cadence; its reports stay")
    ResponseEntity<Void> remove(Caller caller, @PathVariable String planId, @PathVariable String cadenceId) {
        plans.writable(caller, planId);
        if (!cadences.remove(planId, cadenceId)) {
            throw RequestRejected.notFound("No cadence " + cadenceId);
        }
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/api/reports/plans/{planId}/due-reports")
    @Operation(summary = "Every report the plan's cadences ask for, with due date and status (NOT_STARTED, DRAFT, SUBMITTED)")
    List<DueReports.DueReport> due(Caller caller, @PathVariable String planId) {
        plans.readable(caller, planId);
        return dueReports.ofPlan(planId, LocalDate.now(clock.withZone(Drafter.SWEDEN)));
    }
}
