package vn.motcua.badinput;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.util.MultiValueMap;
import vn.motcua.Api;

/**
 * The bad-input corpus ({@code bad-input/corpus.json}): each request, sent as an outside client would send it, byte
 * for byte, answers the exact 4xx it names, in the problem shape with a message in Vietnamese and in English, and
 * leaves no new row in any table of the schema, ours or the engine's. Run in the embedded mode
 * ({@link BadInputCorpusTests}) and in Keycloak mode (real tokens); an entry's {@code "user"} logs in as the mode does,
 * and an entry that only makes sense in one mode names it ({@code "modes": "e"} or {@code "k"}) with its reason.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
public abstract class BadInputCorpus {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern VIETNAMESE = Pattern.compile("[À-ỹ]");
    private static final Pattern REPEAT = Pattern.compile("\\{rep:(\\d+):([^}]*)}");

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate sql;

    private final Map<String, String> values = new HashMap<>();
    private String countAll;

    /** {@code e} embedded, {@code k} Keycloak. */
    protected abstract char mode();

    /** The Authorization header value of this user in this mode. */
    protected abstract String login(String user);

    @BeforeAll
    protected void dossiersToAimAt() {
        Api api = new Api(port, this::login);
        Api.Reply online =
                api.fileDossier("congdan", Api.multipart(Api.housePermitRequest("ONLINE"), Api.houseFiles()));
        assertThat(online.status()).isEqualTo(201);
        values.put("code", online.text("code"));
        values.put("secret", online.text("secret"));
        Map<String, Object> counter = new HashMap<>(Api.housePermitRequest("COUNTER"));
        counter.put("receivedComponents", List.of("DON", "QSDD"));
        MultiValueMap<String, Object> parts = Api.multipart(counter, Map.of());
        HttpHeaders json = new HttpHeaders();
        json.setContentType(MediaType.APPLICATION_JSON);
        parts.add("decision", new HttpEntity<>(Map.of("decision", "supplement", "note", "Bản vẽ thiết kế"), json));
        Api.Reply supplement = api.post("/api/counter/dossiers", "pr.tiepnhan", parts);
        assertThat(supplement.status()).isEqualTo(201);
        values.put("supplementCode", supplement.text("code"));
        values.put("supplementSecret", supplement.text("secret"));
        List<String> tables = sql.queryForList(
                "select table_name from information_schema.tables where table_schema = database()"
                        + " and table_type = 'BASE TABLE'"
                        // the lookup limit counts every lookup, refused ones included: that is its purpose
                        + " and table_name <> 'tracking_lookup_count'"
                        // the engine's metrics reporter flushes its counters on its own timer, whatever was asked
                        + " and table_name <> 'ACT_RU_METER_LOG'"
                        // and the scheduled jobs their lock rows (ShedLock), on their first run
                        + " and table_name <> 'shedlock' order by table_name",
                String.class);
        countAll = String.join(
                " union all ",
                tables.stream()
                        .map(t -> "select '" + t + "' as t, count(*) as n from `" + t + "`")
                        .toList());
    }

    @TestFactory
    protected Stream<DynamicTest> everyBadRequestIsAClearRefusalThatStoresNothing() throws IOException {
        JsonNode corpus;
        try (InputStream in = getClass().getResourceAsStream("/bad-input/corpus.json")) {
            corpus = JSON.readTree(in);
        }
        assertThat(corpus.size()).isGreaterThanOrEqualTo(150);
        List<DynamicTest> tests = new ArrayList<>();
        for (JsonNode entry : corpus) {
            if (entry.hasNonNull("modes") && entry.get("modes").asText().indexOf(mode()) < 0) {
                continue; // the entry says why it belongs to the other mode only
            }
            tests.add(DynamicTest.dynamicTest(
                    entry.get("status").asInt() + " " + entry.get("name").asText(), () -> check(entry)));
        }
        return tests.stream();
    }

    private void check(JsonNode template) throws IOException {
        JsonNode entry = expand(template);
        if (!settled) {
            settle();
            settled = true;
        }
        Map<String, Long> before = rows();
        RawHttp.Answer answer = RawHttp.send(port, request(entry));
        Map<String, Long> after = rows();

        String shown = answer.status() + " " + answer.contentType() + " " + abbreviate(answer.body());
        assertThat(answer.status()).as(shown).isEqualTo(entry.get("status").asInt());
        assertThat(answer.contentType()).as(shown).startsWith("application/problem+json");
        JsonNode body = answer.json();
        assertThat(body).as(shown).isNotNull();
        assertThat(body.path("status").asInt()).as(shown).isEqualTo(answer.status());
        String vietnamese = body.path("message").asText();
        String english = body.path("messageEn").asText();
        assertThat(vietnamese).as("Vietnamese message of " + shown).contains(" ");
        assertThat(VIETNAMESE.matcher(vietnamese).find())
                .as("diacritics in " + vietnamese)
                .isTrue();
        assertThat(english).as("English message of " + shown).contains(" ").isNotEqualTo(vietnamese);
        if (entry.hasNonNull("says")) {
            assertThat(vietnamese).as(shown).contains(entry.get("says").asText());
        }
        if (entry.hasNonNull("saysEn")) {
            assertThat(english).as(shown).contains(entry.get("saysEn").asText());
        }
        assertThat(after).as("rows of every table after " + entry.get("name")).isEqualTo(before);
    }

    private boolean settled;

    /**
     * Waits (up to a minute) until what earlier test classes set going has landed: the read models written by
     * listeners after their commits, jobs. Two counts of every table a second apart must agree, or the first entry
     * would count another class's rows as its own.
     */
    private void settle() {
        Map<String, Long> previous = rows();
        for (int i = 0; i < 60; i++) {
            try {
                Thread.sleep(1000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            Map<String, Long> now = rows();
            if (now.equals(previous)) {
                return;
            }
            previous = now;
        }
        throw new IllegalStateException("the database never settled before the bad-input corpus: " + previous);
    }

    private Map<String, Long> rows() {
        Map<String, Long> rows = new LinkedHashMap<>();
        sql.query(countAll, rs -> {
            rows.put(rs.getString(1), rs.getLong(2));
        });
        return rows;
    }

    /** The bytes of the request the entry describes. */
    private byte[] request(JsonNode entry) throws IOException {
        if (entry.hasNonNull("raw")) {
            return entry.get("raw").asText().replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8);
        }
        Map<String, String> headers = new LinkedHashMap<>();
        byte[] body = new byte[0];
        String boundary = "corpus" + Long.toHexString(System.nanoTime());
        if (entry.has("filing") || entry.has("counter")) {
            body = multipart(filingParts(entry), boundary);
            headers.put("Content-Type", "multipart/form-data; boundary=" + boundary);
        } else if (entry.has("multipart")) {
            body = multipart(entry.get("multipart"), boundary);
            headers.put("Content-Type", "multipart/form-data; boundary=" + boundary);
        } else if (entry.has("json")) {
            body = JSON.writeValueAsBytes(entry.get("json"));
            headers.put("Content-Type", "application/json");
        } else if (entry.has("body")) {
            body = entry.get("body").asText().getBytes(StandardCharsets.UTF_8);
        }
        if (entry.hasNonNull("user")) {
            headers.put("Authorization", login(entry.get("user").asText()));
        }
        entry.path("headers").fields().forEachRemaining(h -> {
            if (h.getValue().isNull()) {
                headers.remove(h.getKey());
            } else {
                headers.put(h.getKey(), h.getValue().asText());
            }
        });
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        StringBuilder head = new StringBuilder();
        head.append(entry.get("method").asText())
                .append(' ')
                .append(entry.get("path").asText())
                .append(" HTTP/1.1\r\n");
        head.append("Host: localhost:").append(port).append("\r\n");
        head.append("Connection: close\r\n");
        headers.forEach(
                (name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (!"GET".equals(entry.get("method").asText()) || body.length > 0) {
            head.append("Content-Length: ").append(body.length).append("\r\n");
        }
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.UTF_8));
        out.write(body);
        return out.toByteArray();
    }

    /** The usual house-permit filing (or counter filing), with the entry's changes to it. */
    private JsonNode filingParts(JsonNode entry) {
        boolean counter = entry.has("counter");
        Map<String, Object> base = new HashMap<>(Api.housePermitRequest(counter ? "COUNTER" : "ONLINE"));
        ObjectNode dossier = JSON.valueToTree(base);
        if (counter) {
            dossier.set("receivedComponents", JSON.valueToTree(List.of("DON", "QSDD", "BANVE")));
        }
        ObjectNode files = JSON.createObjectNode();
        for (String component : List.of("DON", "QSDD", "BANVE")) {
            if (!counter) {
                files.set(component, JSON.createObjectNode().put("filename", component.toLowerCase() + ".pdf"));
            }
        }
        JsonNode changes = entry.get(counter ? "counter" : "filing");
        Iterator<Map.Entry<String, JsonNode>> each = changes.fields();
        while (each.hasNext()) {
            Map.Entry<String, JsonNode> change = each.next();
            if (change.getKey().equals("files")) {
                change.getValue().fields().forEachRemaining(f -> {
                    if (f.getValue().isNull()) {
                        files.remove(f.getKey());
                    } else {
                        files.set(f.getKey(), f.getValue());
                    }
                });
            } else {
                set(dossier, change.getKey(), change.getValue());
            }
        }
        ArrayNode parts = JSON.createArrayNode();
        parts.add(JSON.createObjectNode()
                .put("name", "dossier")
                .put("contentType", "application/json")
                .put("content", dossier.toString()));
        if (counter) {
            JsonNode decision = entry.has("decision")
                    ? entry.get("decision")
                    : JSON.createObjectNode().put("decision", "accept");
            parts.add(JSON.createObjectNode()
                    .put("name", "decision")
                    .put("contentType", "application/json")
                    .put("content", decision.toString()));
        }
        files.fields().forEachRemaining(f -> {
            ObjectNode part = ((ObjectNode) f.getValue().deepCopy()).put("name", f.getKey());
            if (!part.has("contentType")) {
                part.put("contentType", "application/pdf");
            }
            parts.add(part);
        });
        return parts;
    }

    private static void set(ObjectNode root, String path, JsonNode value) {
        String[] keys = path.split("\\.");
        ObjectNode at = root;
        for (int i = 0; i < keys.length - 1; i++) {
            at = (ObjectNode) at.get(keys[i]);
        }
        if (value.isTextual() && value.asText().equals("{absent}")) {
            at.remove(keys[keys.length - 1]);
        } else {
            at.set(keys[keys.length - 1], value);
        }
    }

    /** Parts as {name, filename?, contentType?, content?}; a content of "PDF" (or none with a file name) is a PDF. */
    private static byte[] multipart(JsonNode parts, String boundary) throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        for (JsonNode part : parts) {
            StringBuilder head = new StringBuilder("--" + boundary + "\r\n");
            head.append("Content-Disposition: form-data; name=\"")
                    .append(part.get("name").asText())
                    .append('"');
            if (part.hasNonNull("filename")) {
                head.append("; filename=\"")
                        .append(part.get("filename").asText())
                        .append('"');
            }
            head.append("\r\n");
            if (part.hasNonNull("contentType")) {
                head.append("Content-Type: ")
                        .append(part.get("contentType").asText())
                        .append("\r\n");
            }
            head.append("\r\n");
            out.write(head.toString().getBytes(StandardCharsets.UTF_8));
            String content = part.path("content").asText(part.hasNonNull("filename") ? "PDF" : "");
            out.write("PDF".equals(content) ? Api.PDF : content.getBytes(StandardCharsets.UTF_8));
            out.write("\r\n".getBytes(StandardCharsets.US_ASCII));
        }
        out.write(("--" + boundary + "--\r\n").getBytes(StandardCharsets.US_ASCII));
        return out.toByteArray();
    }

    /** The entry with {code}, {secret}, {supplementCode}, {supplementSecret} and {rep:N:text} written out. */
    private JsonNode expand(JsonNode node) {
        if (node.isTextual()) {
            return new TextNode(expand(node.asText()));
        }
        if (node.isObject()) {
            ObjectNode copy = JsonNodeFactory.instance.objectNode();
            node.fields().forEachRemaining(f -> copy.set(expand(f.getKey()), expand(f.getValue())));
            return copy;
        }
        if (node.isArray()) {
            ArrayNode copy = JsonNodeFactory.instance.arrayNode();
            node.forEach(item -> copy.add(expand(item)));
            return copy;
        }
        return node;
    }

    private String expand(String text) {
        Matcher repeat = REPEAT.matcher(text);
        StringBuilder out = new StringBuilder();
        while (repeat.find()) {
            repeat.appendReplacement(
                    out, Matcher.quoteReplacement(repeat.group(2).repeat(Integer.parseInt(repeat.group(1)))));
        }
        repeat.appendTail(out);
        String expanded = out.toString();
        for (Map.Entry<String, String> value : values.entrySet()) {
            expanded = expanded.replace("{" + value.getKey() + "}", value.getValue());
        }
        return expanded;
    }

    private static String abbreviate(String text) {
        return text.length() > 600 ? text.substring(0, 600) + "…" : text;
    }
}
