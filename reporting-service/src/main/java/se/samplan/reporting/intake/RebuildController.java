package se.samplan.reporting.intake;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import se.samplan.reporting.web.Caller;
import se.samplan.reporting.web.RequestRejected;

import java.util.Map;

@RestController
@Tag(name = "Operations")
class RebuildController {

    private final Rebuild rebuild;

    RebuildController(Rebuild rebuild) {
        this.rebuild = rebuild;
    }

    @PostMapping("/api/reports/admin/rebuild")
    @Operation(summary = "Rebuild every projection from Kafka, from offset zero (platform admins); progress in the log and "
            + "the samplan.projection.lag gauge")
    ResponseEntity<Map<String, String>> rebuild(Caller caller) {
        if (!caller.hasRole("platform-admin")) {
            throw RequestRejected.forbidden("Only a platform admin rebuilds projections");
        }
        rebuild.run();
        return ResponseEntity.accepted().body(Map.of("status", "rebuilding"));
    }
}
