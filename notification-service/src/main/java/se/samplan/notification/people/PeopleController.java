package se.samplan.notification.people;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import org.springframework.web.util.HtmlUtils;
import se.samplan.notification.web.Caller;

import java.util.List;

/** The people of an association (its admins keep them), each person's own preferences, and unsubscribing. */
@RestController
@RequestMapping("/api/notifications")
@Tag(name = "People and preferences")
class PeopleController {

    static final String ADMIN = "association-admin";

    private final PersonDirectory directory;
    private final UnsubscribeTokens tokens;
    private final TransactionTemplate transaction;

    PeopleController(PersonDirectory directory, UnsubscribeTokens tokens, TransactionTemplate transaction) {
        this.directory = directory;
        this.tokens = tokens;
        this.transaction = transaction;
    }

    record PersonBody(@NotBlank String name, @NotBlank @Email String email, @Pattern(regexp = "sv|en") String language,
                      List<@NotBlank String> roles) { }

    record Preferences(boolean dueSoon, boolean overdue, boolean reportDue, boolean digest,
                       @Min(0) @Max(90) Integer leadDays) { }

    @GetMapping("/people")
    @Operation(summary = "The association's people (admins)")
    List<Person> people(Caller caller) {
        admin(caller);
        return directory.ofAssociation(caller.associationId());
    }

    @PutMapping("/people/{personId}")
    @Operation(summary = "Add or change a person: name, address, language, roles such as Förbundschef (admins)")
    Person put(Caller caller, @PathVariable String personId, @Valid @RequestBody PersonBody body) {
        admin(caller);
        Person existing = directory.find(personId).orElse(null);
        if (existing != null && !existing.associationId().equals(caller.associationId())) {
            throw new ResponseStatusException(HttpStatus.NOT_FOUND, "No person " + personId);
        }
        Person person = existing == null
                ? new Person(personId, caller.associationId(), body.name().strip(), body.email().strip(),
                language(body.language()), roles(body.roles()), true, true, true, true, null, false, false)
                : new Person(personId, existing.associationId(), body.name().strip(), body.email().strip(),
                language(body.language()), roles(body.roles()), existing.dueSoon(), existing.overdue(),
                existing.reportDue(), existing.digest(), existing.leadDays(), existing.unsubscribed(), false);
        directory.save(person);
        return directory.find(personId).orElseThrow();
    }

    @DeleteMapping("/people/{personId}")
    @Operation(summary = "Erase a person: their details, and their name and address in kept emails (admins)")
    ResponseEntity<Void> erase(Caller caller, @PathVariable String personId) {
        admin(caller);
        directory.find(personId).filter(p -> p.associationId().equals(caller.associationId()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND, "No person " + personId));
        transaction.executeWithoutResult(status -> directory.erase(personId));
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/preferences")
    @Operation(summary = "The caller's own reminder preferences")
    Person mine(Caller caller) {
        return me(caller);
    }

    @PutMapping("/preferences")
    @Operation(summary = "Set the caller's reminders, lead time (days) and weekly digest")
    Person setMine(Caller caller, @Valid @RequestBody Preferences body) {
        Person me = me(caller);
        directory.save(new Person(me.personId(), me.associationId(), me.name(), me.email(), me.language(), me.roles(),
                body.dueSoon(), body.overdue(), body.reportDue(), body.digest(), body.leadDays(), false, me.emailRejected()));
        return me(caller);
    }

    @GetMapping(value = "/unsubscribe", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "The unsubscribe page of an email's link (no login); the button confirms")
    ResponseEntity<String> unsubscribePage(@RequestParam String token) {
        UnsubscribeTokens.Grant grant = tokens.verify(token)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "Not a valid unsubscribe link"));
        String escaped = HtmlUtils.htmlEscape(token, "UTF-8");
        return ResponseEntity.ok("""
                <!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>Avregistrera påminnelser</title></head>
                <body><main><h1>Avregistrera påminnelser från Samplan</h1>
                <form method="post" action="unsubscribe?token=%s"><button type="submit">Avregistrera (%s)</button></form>
                <p lang="en">Unsubscribe from Samplan reminders: press the button.</p></main></body></html>
                """.formatted(escaped, HtmlUtils.htmlEscape(grant.scope(), "UTF-8")));
    }

    @PostMapping(value = "/unsubscribe", produces = MediaType.TEXT_HTML_VALUE)
    @Operation(summary = "Unsubscribe (RFC 8058 one-click; no login: the signed token says who and what)")
    ResponseEntity<String> unsubscribe(@RequestParam String token) {
        UnsubscribeTokens.Grant grant = tokens.verify(token)
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.BAD_REQUEST, "Not a valid unsubscribe link"));
        directory.unsubscribe(grant.personId(), grant.scope());
        return ResponseEntity.ok("""
                <!DOCTYPE html><html lang="sv"><head><meta charset="utf-8"><title>Avregistrerad</title></head>
                <body><main><h1>Du är avregistrerad</h1><p lang="en">You are unsubscribed.</p></main></body></html>
                """);
    }

    private Person me(Caller caller) {
        return directory.find(caller.userId()).filter(p -> p.associationId().equals(caller.associationId()))
                .orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                        "You are not in your association's directory yet: ask its admin"));
    }

    private static void admin(Caller caller) {
        if (!caller.roles().contains(ADMIN)) {
            throw new ResponseStatusException(HttpStatus.FORBIDDEN, "Only the association's admins keep its people");
        }
    }

    private static String language(String language) {
        return language == null ? "sv" : language;
    }

    private static List<String> roles(List<String> roles) {
        return roles == null ? List.of() : roles.stream().map(String::strip).distinct().toList();
    }
}
