package se.samplan.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

import static org.assertj.core.api.Assertions.assertThat;

/** The demo's manifest without a platform: its users and roles, its files, the test prefix. */
class DemoDataTest {

    private static final Set<String> ROLES = Set.of("association-admin", "plan-owner", "communicator", "contributor", "reader");

    @Test
    void scoHasEveryRoleAndEveryOtherDemoAssociationAnAdminAndACommunicator() throws Exception {
        Map<String, Set<String>> roles = DemoData.users().stream().collect(Collectors.groupingBy(
                u -> u.get("association").asText(), Collectors.flatMapping(u -> StreamSupport.stream(
                        u.get("roles").spliterator(), false).map(JsonNode::asText), Collectors.toSet())));
        assertThat(roles.get("sco")).isEqualTo(ROLES);
        for (JsonNode association : DemoData.associations()) {
            if (association.has("plan")) {
                assertThat(roles.get(association.get("association").asText())).as(association.get("association").asText())
                        .contains("association-admin", "communicator");
            }
        }
        assertThat(roles.values().stream().flatMap(Set::stream)).allMatch(ROLES::contains);
        List<String> users = DemoData.users().stream().map(u -> u.get("user").asText()).toList();
        assertThat(users).doesNotHaveDuplicates();
    }

    @Test
    void everyPlanIsReadableYamlOwnedAndImportedByOneOfItsUsersWithItsFilesPresent() throws Exception {
        List<String> plans = new ArrayList<>();
        for (JsonNode association : DemoData.associations()) {
            if (!association.has("plan")) {
                continue;
            }
            Map<String, Object> plan = new Yaml().load(DemoData.text("/demo/" + association.get("plan").asText()));
            plans.add((String) plan.get("title"));
            List<String> users = StreamSupport.stream(association.get("users").spliterator(), false)
                    .map(u -> u.get("user").asText()).toList();
            assertThat(users).contains(association.get("importer").asText(), (String) plan.get("owner"));
            if (association.has("activities")) {
                assertThat(DemoData.text("/demo/" + association.get("activities").asText())).startsWith("\uFEFF");
            }
        }
        assertThat(plans).hasSize(5).doesNotContainNull();
    }

    @Test
    void theTestPrefixGoesBeforeEveryPartnerAssociationAndNothingElse() throws Exception {
        String sco = DemoData.text("/demo/000-sco-kommunikation.yaml");
        String prefixed = DemoData.partners(sco, "t-");
        assertThat(prefixed).contains("{association: t-samordningsforbundet-ostra-ostergotland, access: läsa}",
                "{association: t-samordningsforbundet-vastra-ostergotland, access: läsa}");
        assertThat(prefixed.replace("t-samordningsforbundet", "samordningsforbundet")).isEqualTo(sco);
        assertThat(DemoData.partners(sco, "")).isSameAs(sco);
    }
}
