package se.samplan.plan.importing;

import com.fasterxml.jackson.databind.JsonNode;
import se.samplan.events.plan.MatrixCode;
import se.samplan.events.plan.PartnerAccess;
import se.samplan.events.plan.PlanSection;
import se.samplan.events.plan.Rating;
import se.samplan.events.plan.Scope;
import se.samplan.events.plan.TargetGroupPriority;
import se.samplan.plan.plan.PlanImport;

import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * Reads a plan in the import format (docs/import.md) from its JSON or YAML tree, and reports every
 * problem at once instead of stopping at the first. What the format cannot say is {@code INVALID};
 * an unknown date ("?") is flagged and read as not known. The aggregate's own rules (lengths, a
 * decision after the presentation…) are checked by rehearsing the import, not here.
 */
final class PlanImportReader {

    /** The plan as read, with flagged values as null; usable only if no problem is INVALID. */
    record Reading(PlanImport.Content content, List<ImportProblem> problems) { }

    static final String PLAN_ROW = "plan";
    private static final Set<String> UNKNOWN_DATES = Set.of("?", "??", "okänt", "okänd", "oklart", "unknown");

    private static final Map<String, TargetGroupPriority> PRIORITIES = words(TargetGroupPriority.values(), Map.of(
            "primär", TargetGroupPriority.PRIMARY, "sekundär", TargetGroupPriority.SECONDARY,
            "extern", TargetGroupPriority.EXTERNAL));
    private static final Map<String, Scope> SCOPES = words(Scope.values(), Map.of(
            "intern", Scope.INTERNAL, "extern", Scope.EXTERNAL));
    private static final Map<String, Rating> RATINGS = words(Rating.values(), Map.of());
    private static final Map<String, MatrixCode> CODES = words(MatrixCode.values(), Map.of(
            "-", MatrixCode.NONE, "–", MatrixCode.NONE));
    private static final Map<String, PartnerAccess> ACCESS = words(PartnerAccess.values(), Map.of(
            "läsa", PartnerAccess.READ, "bidra", PartnerAccess.CONTRIBUTE));
    private static final Map<String, PlanSection> SECTIONS = words(PlanSection.values(), Map.of(
            "bakgrund", PlanSection.BACKGROUND, "syfte", PlanSection.PURPOSE, "strategi", PlanSection.STRATEGY,
            "horisontella principer", PlanSection.HORIZONTAL_PRINCIPLES,
            "uppföljning och utvärdering", PlanSection.EVALUATION));

    private final List<ImportProblem> problems = new ArrayList<>();

    private PlanImportReader() {
    }

    static Reading read(JsonNode root) {
        return new PlanImportReader().plan(root);
    }

    private Reading plan(JsonNode root) {
        Item plan = new Item(PLAN_ROW, root);
        String title = plan.text("title", true);
        JsonNode periodNode = plan.node("period");
        LocalDate start = null;
        LocalDate end = null;
        if (periodNode != null) {
            Item period = new Item(PLAN_ROW, periodNode, "period.");
            start = period.date("start");
            end = period.date("end");
            period.noOtherFields();
        }
        String owner = plan.text("owner", false);

        Map<PlanSection, String> sections = new EnumMap<>(PlanSection.class);
        JsonNode sectionsNode = plan.node("sections");
        if (sectionsNode != null) {
            Item sectionItem = new Item("sections", sectionsNode);
            if (sectionItem.isObject()) {
                sectionsNode.fieldNames().forEachRemaining(name -> {
                    PlanSection section = SECTIONS.get(name.strip().toLowerCase(Locale.ROOT));
                    if (section == null) {
                        problems.add(ImportProblem.invalid("sections", name, null, "Not a section: use " + names(PlanSection.values())));
                    } else {
                        sections.put(section, sectionItem.text(name, false));
                    }
                });
            }
        }

        List<String> goals = list(plan, "goals", (row, node) -> node.isTextual() ? node.asText()
                : new Item(row, node).all(i -> i.text("text", true)));
        List<PlanImport.Audience> audiences = list(plan, "audiences", (row, node) -> new Item(row, node).all(i ->
                new PlanImport.Audience(i.text("name", true), i.text("know", false), i.text("feel", false), i.text("act", false))));
        List<PlanImport.TargetGroup> targetGroups = list(plan, "targetGroups", (row, node) -> new Item(row, node).all(i ->
                new PlanImport.TargetGroup(i.text("name", true), i.choice("priority", true, PRIORITIES),
                        i.choice("scope", true, SCOPES), i.text("description", false))));
        unique("targetGroups", targetGroups, PlanImport.TargetGroup::name);
        List<PlanImport.Channel> channels = list(plan, "channels", (row, node) -> new Item(row, node).all(i ->
                new PlanImport.Channel(i.text("name", true), i.text("audience", false), i.text("purpose", false),
                        i.choice("scope", true, SCOPES))));
        List<PlanImport.KeyMessage> messages = list(plan, "keyMessages", (row, node) -> new Item(row, node).all(i ->
                new PlanImport.KeyMessage(i.text("text", true), i.text("audience", false))));
        List<PlanImport.Risk> risks = list(plan, "risks", (row, node) -> new Item(row, node).all(i ->
                new PlanImport.Risk(i.text("description", true), i.text("mitigation", false),
                        i.scale("likelihood"), i.scale("impact"))));
        List<String> products = list(plan, "informationProducts", (row, node) -> node.isTextual() ? node.asText().strip()
                : new Item(row, node).all(i -> i.text("name", true)));
        unique("informationProducts", products, Function.identity());
        List<PlanImport.Stakeholder> stakeholders = list(plan, "stakeholders", (row, node) -> new Item(row, node).all(i ->
                new PlanImport.Stakeholder(i.text("name", true), cells(row, i.node("products"), products))));
        unique("stakeholders", stakeholders, PlanImport.Stakeholder::name);
        List<PlanImport.ChecklistItem> checklist = list(plan, "checklist", (row, node) -> new Item(row, node).all(i ->
                new PlanImport.ChecklistItem(i.text("question", true), i.yesNo("answer"), i.text("comment", false))));
        List<PlanImport.Partner> partners = list(plan, "partners", (row, node) -> new Item(row, node).all(i ->
                new PlanImport.Partner(i.text("association", true), i.choice("access", true, ACCESS))));
        List<PlanImport.Milestone> milestones = list(plan, "milestones", (row, node) -> new Item(row, node).all(i ->
                new PlanImport.Milestone(i.text("name", true), i.date("targetDate"), i.date("forecastDate"),
                        i.choice("status", true, RATINGS))));

        PlanImport.Presentation presented = lifecycle(plan, "presented", i ->
                new PlanImport.Presentation(i.requiredDate("date"), i.text("to", false)));
        PlanImport.Decision decided = lifecycle(plan, "decided", i ->
                new PlanImport.Decision(i.requiredDate("date"), i.text("by", true)));
        if (decided != null && presented == null) {
            problems.add(ImportProblem.invalid("decided", "date", null, "A plan is presented before it is decided: give presented too"));
        }
        plan.noOtherFields();

        return new Reading(new PlanImport.Content(title, start, end, owner, sections, goals, audiences, targetGroups,
                channels, messages, risks, products, stakeholders, checklist, partners, milestones, presented, decided),
                List.copyOf(problems));
    }

    private interface ItemReader<T> {
        T read(String row, JsonNode node);
    }

    private <T> List<T> list(Item plan, String field, ItemReader<T> reader) {
        JsonNode node = plan.node(field);
        List<T> items = new ArrayList<>();
        if (node == null) {
            return items;
        }
        if (!node.isArray()) {
            problems.add(ImportProblem.invalid(PLAN_ROW, field, shown(node), field + " is a list"));
            return items;
        }
        for (int i = 0; i < node.size(); i++) {
            items.add(reader.read(field + "[" + i + "]", node.get(i)));
        }
        return items;
    }

    private <T> T lifecycle(Item plan, String field, Function<Item, T> reader) {
        JsonNode node = plan.node(field);
        return node == null ? null : new Item(field, node).all(reader);
    }

    private Map<String, MatrixCode> cells(String row, JsonNode node, List<String> products) {
        Map<String, MatrixCode> cells = new LinkedHashMap<>();
        if (node == null) {
            return cells;
        }
        Item item = new Item(row, node, "products.");
        if (!item.isObject()) {
            return cells;
        }
        node.fieldNames().forEachRemaining(product -> {
            MatrixCode code = item.choice(product, true, CODES);
            if (!products.contains(product.strip())) {
                problems.add(ImportProblem.invalid(row, "products." + product, null,
                        "No information product " + product + " in informationProducts"));
            } else if (code != null) {
                cells.put(product.strip(), code);
            }
        });
        return cells;
    }

    private <T> void unique(String field, List<T> items, Function<T, String> name) {
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < items.size(); i++) {
            String n = name.apply(items.get(i));
            if (n != null && !seen.add(n.strip().toLowerCase(Locale.ROOT))) {
                problems.add(ImportProblem.invalid(field + "[" + i + "]", "name", n, n + " is named twice"));
            }
        }
    }

    /** One object of the document: reads its fields and remembers which were read. */
    private final class Item {
        private final String row;
        private final JsonNode node;
        private final String prefix;
        private final Set<String> read = new HashSet<>();
        private final boolean object;

        Item(String row, JsonNode node) {
            this(row, node, "");
        }

        Item(String row, JsonNode node, String prefix) {
            this.row = row;
            this.node = node;
            this.prefix = prefix;
            this.object = node != null && node.isObject();
            if (!object) {
                problems.add(ImportProblem.invalid(row, prefix.isEmpty() ? "" : prefix.substring(0, prefix.length() - 1),
                        shown(node), "Expected an object with named fields"));
            }
        }

        boolean isObject() {
            return object;
        }

        /** Reads every field with {@code reader}, then reports the ones it did not know. */
        <T> T all(Function<Item, T> reader) {
            if (!object) {
                return null;
            }
            T value = reader.apply(this);
            noOtherFields();
            return value;
        }

        JsonNode node(String field) {
            read.add(field);
            if (!object) {
                return null;
            }
            JsonNode value = node.get(field);
            return value == null || value.isNull() ? null : value;
        }

        String text(String field, boolean required) {
            JsonNode value = node(field);
            if (value == null || (value.isValueNode() && value.asText().isBlank())) {
                if (required && object) {
                    problems.add(ImportProblem.invalid(row, prefix + field, null, field + " is required"));
                }
                return null;
            }
            if (!value.isValueNode()) {
                problems.add(ImportProblem.invalid(row, prefix + field, shown(value), field + " is text, not a list or an object"));
                return null;
            }
            return value.asText().strip();
        }

        /** A date yyyy-mm-dd; "?" is flagged UNKNOWN_DATE and read as not known. */
        LocalDate date(String field) {
            String text = text(field, false);
            if (text == null) {
                return null;
            }
            if (UNKNOWN_DATES.contains(text.toLowerCase(Locale.ROOT))) {
                problems.add(new ImportProblem(row, prefix + field, text, ImportProblem.Kind.UNKNOWN_DATE,
                        field + " is not known (" + text + "): imported as unknown if you accept it", false));
                return null;
            }
            try {
                return LocalDate.parse(text);
            } catch (DateTimeParseException e) {
                problems.add(ImportProblem.invalid(row, prefix + field, text, field + " is not a date as yyyy-mm-dd"));
                return null;
            }
        }

        /** A date that must be known: "?" is INVALID here, not flagged. */
        LocalDate requiredDate(String field) {
            JsonNode value = object ? node.get(field) : null;
            String text = value == null || !value.isValueNode() ? null : value.asText().strip();
            if (text != null && UNKNOWN_DATES.contains(text.toLowerCase(Locale.ROOT))) {
                read.add(field);
                problems.add(ImportProblem.invalid(row, prefix + field, text, field + " must be known"));
                return null;
            }
            if (text == null || text.isEmpty()) {
                text(field, true);
                return null;
            }
            return date(field);
        }

        <E extends Enum<E>> E choice(String field, boolean required, Map<String, E> words) {
            String text = text(field, required);
            if (text == null) {
                return null;
            }
            E value = words.get(text.toLowerCase(Locale.ROOT));
            if (value == null) {
                problems.add(ImportProblem.invalid(row, prefix + field, text, field + " is one of "
                        + names(words.values().iterator().next().getDeclaringClass().getEnumConstants())));
            }
            return value;
        }

        Integer scale(String field) {
            JsonNode value = node(field);
            if (value == null) {
                return null;
            }
            String text = value.asText().strip();
            if (!((value.isIntegralNumber() && value.canConvertToInt()) || (value.isTextual() && text.matches("\\d{1,2}")))
                    || Integer.parseInt(text) < 1 || Integer.parseInt(text) > 5) {
                problems.add(ImportProblem.invalid(row, prefix + field, shown(value), field + " is a whole number from 1 to 5"));
                return null;
            }
            return Integer.valueOf(text);
        }

        Boolean yesNo(String field) {
            String text = text(field, false);
            if (text == null) {
                return null;
            }
            return switch (text.toLowerCase(Locale.ROOT)) {
                case "true", "yes", "ja" -> Boolean.TRUE;
                case "false", "no", "nej" -> Boolean.FALSE;
                default -> {
                    problems.add(ImportProblem.invalid(row, prefix + field, text, field + " is yes or no (ja/nej)"));
                    yield null;
                }
            };
        }

        void noOtherFields() {
            if (!object) {
                return;
            }
            for (Iterator<String> names = node.fieldNames(); names.hasNext(); ) {
                String name = names.next();
                if (!read.contains(name)) {
                    problems.add(ImportProblem.invalid(row, prefix + name, null, "Not a field of the import format"));
                }
            }
        }
    }

    private static <E extends Enum<E>> Map<String, E> words(E[] values, Map<String, E> swedish) {
        Map<String, E> words = new LinkedHashMap<>();
        for (E value : values) {
            words.put(value.name().toLowerCase(Locale.ROOT), value);
        }
        words.putAll(swedish);
        return words;
    }

    private static String names(Enum<?>[] values) {
        List<String> names = new ArrayList<>();
        for (Enum<?> value : values) {
            names.add(value.name());
        }
        return String.join(", ", names);
    }

    private static String shown(JsonNode node) {
        if (node == null) {
            return null;
        }
        String text = node.isValueNode() ? node.asText() : node.toString();
        return text.length() > 200 ? text.substring(0, 200) + "…" : text;
    }
}
