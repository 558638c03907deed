package se.samplan.activity.importing;

import com.fasterxml.jackson.databind.JsonNode;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The rows of an activity table, from CSV (as Excel saves it: ";" or ",", a byte order mark,
 * UTF-8 or Windows-1252) or from JSON, with each cell under its column's canonical name. Column
 * names may be English or Swedish (docs/import.md).
 */
final class ActivityTable {

    /** One row: its number as the caller sees it, and its non-empty cells by column. */
    record Row(String row, Map<String, String> cells) {
        String get(String column) {
            return cells.get(column);
        }
    }

    /** The rows, and the problems of the table itself (an unknown column: row 1). */
    record Reading(List<Row> rows, List<ImportProblem> problems) { }

    /** The table cannot be read at all. */
    static final class Unreadable extends RuntimeException {
        Unreadable(String message) {
            super(message);
        }
    }

    static final String LIST_SEPARATOR = "|";
    static final Map<String, String> COLUMNS = new LinkedHashMap<>();

    static {
        column("title", "aktivitet", "vad", "rubrik");
        column("when", "när", "datum", "tid");
        column("targetGroups", "målgrupp", "målgrupper", "targetgroup");
        column("responsible", "ansvarig", "ansvariga", "vem gör");
        column("channel", "kanal", "forum");
        column("budget", "budget (kr)", "budgetsek", "kostnad");
        column("status");
        column("kind", "typ", "slag");
        column("need", "behov");
        column("how", "hur");
        column("comment", "kommentar");
        column("description", "beskrivning");
        column("members", "huvudmän", "medlemmar");
        column("start", "från", "startdatum");
        column("doneOn", "klar", "genomförd", "done");
    }

    private static void column(String name, String... aliases) {
        COLUMNS.put(name.toLowerCase(Locale.ROOT), name);
        for (String alias : aliases) {
            COLUMNS.put(alias, name);
        }
    }

    private ActivityTable() {
    }

    static Reading csv(byte[] body, Charset declared) {
        String text = decode(body, declared);
        if (!text.isEmpty() && text.charAt(0) == '\uFEFF') {
            text = text.substring(1);
        }
        char delimiter = delimiter(text);
        // The header is read as a record of its own, so columns stay aligned even when some are unnamed.
        CSVFormat format = CSVFormat.DEFAULT.builder().setDelimiter(delimiter).setIgnoreEmptyLines(true).get();
        List<ImportProblem> problems = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        try (CSVParser parser = CSVParser.parse(new StringReader(text), format)) {
            List<String> columns = null;
            for (CSVRecord record : parser) {
                if (columns == null) {
                    columns = columns(record.toList(), problems);
                    continue;
                }
                String row = String.valueOf(record.getRecordNumber());
                Map<String, String> cells = new LinkedHashMap<>();
                for (int i = 0; i < record.size(); i++) {
                    String value = record.get(i).strip();
                    if (value.isEmpty()) {
                        continue;
                    }
                    if (i >= columns.size()) {
                        problems.add(ImportProblem.invalid(row, "column " + (i + 1), value, "A cell beyond the last named column"));
                    } else if (columns.get(i) != null) {
                        cells.put(columns.get(i), value);
                    }
                }
                if (!cells.isEmpty()) {
                    rows.add(new Row(row, cells));
                }
            }
        } catch (IOException | UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            throw new Unreadable("The CSV cannot be read: " + e.getMessage());
        }
        return new Reading(rows, problems);
    }

    /** JSON: an array of row objects, or {"rows": [...]}; a list value is a list cell. */
    static Reading json(JsonNode root) {
        JsonNode array = root != null && root.isObject() && root.has("rows") ? root.get("rows") : root;
        if (array == null || !array.isArray()) {
            throw new Unreadable("Send an array of activity rows, or an object with rows");
        }
        List<ImportProblem> problems = new ArrayList<>();
        List<Row> rows = new ArrayList<>();
        for (int i = 0; i < array.size(); i++) {
            String row = String.valueOf(i + 1);
            JsonNode node = array.get(i);
            if (!node.isObject()) {
                problems.add(ImportProblem.invalid(row, "", node.toString(), "A row is an object of named cells"));
                continue;
            }
            Map<String, String> cells = new LinkedHashMap<>();
            node.fields().forEachRemaining(field -> {
                String column = COLUMNS.get(field.getKey().strip().toLowerCase(Locale.ROOT));
                String value = cell(field.getValue());
                if (column == null) {
                    problems.add(ImportProblem.invalid(row, field.getKey(), value, "Not a column of the import format"));
                } else if (value == null && field.getValue().isContainerNode()) {
                    problems.add(ImportProblem.invalid(row, column, field.getValue().toString(), "A cell is text or a list of texts"));
                } else if (value != null && !value.isBlank()) {
                    cells.put(column, value.strip());
                }
            });
            if (!cells.isEmpty()) {
                rows.add(new Row(row, cells));
            }
        }
        return new Reading(rows, problems);
    }

    private static String cell(JsonNode value) {
        if (value.isValueNode()) {
            return value.isNull() ? null : value.asText();
        }
        if (value.isArray()) {
            List<String> items = new ArrayList<>();
            for (JsonNode item : value) {
                if (!item.isValueNode()) {
                    return null;
                }
                items.add(item.asText().strip());
            }
            return String.join(LIST_SEPARATOR, items);
        }
        return null;
    }

    private static List<String> columns(List<String> headers, List<ImportProblem> problems) {
        List<String> columns = new ArrayList<>();
        List<String> seen = new ArrayList<>();
        for (String header : headers) {
            String name = header == null ? "" : header.strip();
            String column = COLUMNS.get(name.toLowerCase(Locale.ROOT));
            if (name.isEmpty()) {
                columns.add(null);
            } else if (column == null) {
                problems.add(ImportProblem.invalid("1", name, name, "Not a column of the import format"));
                columns.add(null);
            } else if (seen.contains(column)) {
                problems.add(ImportProblem.invalid("1", name, name, "The column " + column + " is named twice"));
                columns.add(null);
            } else {
                seen.add(column);
                columns.add(column);
            }
        }
        return columns;
    }

    /** The separator the header uses most: Swedish Excel writes ";", others ","; a tab works too. */
    private static char delimiter(String text) {
        int end = text.indexOf('\n');
        String header = end < 0 ? text : text.substring(0, end);
        char best = ',';
        long most = header.chars().filter(c -> c == ',').count();
        for (char candidate : new char[] {';', '\t'}) {
            long count = header.chars().filter(c -> c == candidate).count();
            if (count > most) {
                best = candidate;
                most = count;
            }
        }
        return best;
    }

    /** The declared charset; else UTF-8, or Windows-1252 (older Excel) when the bytes are not UTF-8. */
    private static String decode(byte[] body, Charset declared) {
        if (declared != null) {
            return new String(body, declared);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(body)).toString();
        } catch (CharacterCodingException e) {
            return new String(body, Charset.forName("windows-1252"));
        }
    }
}
