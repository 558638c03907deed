package se.samplan.reporting.live;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;
import se.samplan.reporting.web.Caller;

@RestController
@Tag(name = "Live")
class LiveController {

    private final LiveStream live;

    LiveController(LiveStream live) {
        this.live = live;
    }

    @GetMapping(path = "/api/reports/stream", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
    @Operation(summary = "Server-Sent Events: a 'change' event (association, plan, event type, aggregate) for every change "
            + "to the caller's association's plans, activities and reports, and those shared with it")
    SseEmitter stream(Caller caller) {
        return live.open(caller.associationId());
    }
}
