package se.samplan.notification.directory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import se.samplan.notification.people.Person;
import se.samplan.notification.people.PersonDirectory;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Who answers for an activity, as people: persons named, and everyone holding a role named. */
@Component
public class Responsibles {

    private final JdbcTemplate jdbc;
    private final ObjectMapper mapper;
    private final PersonDirectory people;

    Responsibles(JdbcTemplate jdbc, ObjectMapper mapper, PersonDirectory people) {
        this.jdbc = jdbc;
        this.mapper = mapper;
        this.people = people;
    }

    /** The activity's responsible people, each once. */
    public List<Person> of(String activityId) {
        List<Map<String, Object>> rows = jdbc.queryForList(
                "SELECT association_id, responsible::text AS responsible FROM activity_info WHERE activity_id = ?", activityId);
        if (rows.isEmpty()) {
            return List.of();
        }
        String association = (String) rows.get(0).get("association_id");
        Map<String, Person> found = new LinkedHashMap<>();
        try {
            for (JsonNode entry : mapper.readTree((String) rows.get(0).get("responsible"))) {
                people.resolve(association, entry.get("kind").asText(), entry.get("ref").asText())
                        .forEach(person -> found.putIfAbsent(person.personId(), person));
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        return List.copyOf(found.values());
    }

    /** Whether the person answers for an activity whose responsible list is this JSON. */
    public boolean includes(String responsibleJson, Person person) {
        try {
            for (JsonNode entry : mapper.readTree(responsibleJson)) {
                String kind = entry.get("kind").asText();
                String ref = entry.get("ref").asText();
                if (("PERSON".equals(kind) && ref.equals(person.personId())) || ("ROLE".equals(kind) && person.roles().contains(ref))) {
                    return true;
                }
            }
            return false;
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
