package se.samplan.activity.activity;

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
import se.samplan.activity.web.Caller;

import java.net.URI;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping("/api/activities")
@Tag(name = "Activities")
class ActivityController {

    private final CommandGateway commands;
    private final EventStore eventStore;

    ActivityController(CommandGateway commands, EventStore eventStore) {
        this.commands = commands;
        this.eventStore = eventStore;
    }

    /** What a client sends to schedule an activity; the association comes from the caller's token. */
    record NewActivity(@NotBlank String planId, @NotBlank @Size(max = Activity.MAX_TITLE_LENGTH) String title,
                       LocalDate dueDate) {
    }

    @PostMapping
    @Operation(summary = "Schedule an activity on a plan of the caller's association")
    ResponseEntity<ActivityView> schedule(Caller caller, @Valid @RequestBody NewActivity body) {
        String activityId = UUID.randomUUID().toString();
        commands.sendAndWait(GenericCommandMessage.asCommandMessage(
                        new ScheduleActivity(activityId, caller.associationId(), body.planId(), body.title(), body.dueDate()))
                .andMetaData(MetaData.from(Map.of("tenantId", caller.associationId(), "actor", caller.userId()))));
        ActivityView scheduled = read(caller, activityId);
        return ResponseEntity.created(URI.create("/api/activities/" + activityId)).eTag(scheduled.etag()).body(scheduled);
    }

    @GetMapping("/{activityId}")
    @Operation(summary = "Read one activity of the caller's association")
    ResponseEntity<ActivityView> get(Caller caller, @PathVariable String activityId) {
        ActivityView activity = read(caller, activityId);
        return ResponseEntity.ok().eTag(activity.etag()).body(activity);
    }

    /** An activity of another association is as absent as one never scheduled. */
    private ActivityView read(Caller caller, String activityId) {
        ActivityView view = ActivityView.from(eventStore.readEvents(activityId).asStream());
        if (view == null || !view.associationId().equals(caller.associationId())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No activity " + activityId);
        }
        return view;
    }
}
