package se.samplan.plan.plan;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.axonframework.commandhandling.GenericCommandMessage;
import org.axonframework.commandhandling.gateway.CommandGateway;
import org.axonframework.eventsourcing.eventstore.EventStore;
import org.axonframework.messaging.MetaData;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import se.samplan.plan.web.Caller;

import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping("/api/plans")
@Tag(name = "Plans")
class PlanController {

    private final CommandGateway commands;
    private final EventStore eventStore;

    PlanController(CommandGateway commands, EventStore eventStore) {
        this.commands = commands;
        this.eventStore = eventStore;
    }

    /** What a client sends to draft a plan; the association comes from the caller's token. */
    record NewPlan(@NotBlank @Size(max = Plan.MAX_TITLE_LENGTH) String title, LocalDate periodStart,
                   LocalDate periodEnd) {
    }

    @PostMapping
    @Operation(summary = "Draft a plan for the caller's association")
    ResponseEntity<PlanView> create(Caller caller, @Valid @RequestBody NewPlan body) {
        String planId = UUID.randomUUID().toString();
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                        new CreatePlan(planId, caller.associationId(), body.title(), body.periodStart(), body.periodEnd(),
                                caller.userId()))
                .andMetaData(metaData(caller)));
        PlanView created = read(caller, planId);
        return ResponseEntity.created(URI.create("/api/plans/" + planId)).eTag(created.etag()).body(created);
    }

    @GetMapping("/{planId}")
    @Operation(summary = "Read one plan of the caller's association")
    ResponseEntity<PlanView> get(Caller caller, @PathVariable String planId) {
        PlanView plan = read(caller, planId);
        return ResponseEntity.ok().eTag(plan.etag()).body(plan);
    }

    /** Folds the plan's events; a plan of another association is as absent as one never made. */
    private PlanView read(Caller caller, String planId) {
        PlanView view = PlanView.from(eventStore.readEvents(planId).asStream());
        if (view == null || !view.associationId().equals(caller.associationId())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No plan " + planId);
        }
        return view;
    }

    private static MetaData metaData(Caller caller) {
        return MetaData.from(Map.of("tenantId", caller.associationId(), "actor", caller.userId()));
    }
}
