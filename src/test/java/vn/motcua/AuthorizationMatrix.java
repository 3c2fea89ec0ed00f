package vn.motcua;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.server.PathContainer;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;
import org.springframework.web.util.pattern.PathPattern;

/**
 * Every endpoint × every kind of caller, from ONE table ({@code src/test/resources/authorization-matrix.tsv}), run by
 * each identity mode. A subclass says only how each kind of caller presents itself; the expected statuses are the
 * table's.
 */
public abstract class AuthorizationMatrix {

    public static final List<String> CALLERS = List.of(
            "anonymous",
            "applicant",
            "other-citizen",
            "handling-official",
            "other-official",
            "designer",
            "operator",
            "peer",
            "forged-peer");

    static final String MODEL = """
            <definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
                         xmlns:camunda="http://camunda.org/schema/1.0/bpmn" targetNamespace="matrix">
              <process id="matrix_check" isExecutable="true" camunda:historyTimeToLive="P1D">
                <startEvent id="Event_Start" />
              </process>
            </definitions>
            """;

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext context;

    /** What a caller sends: a login (Authorization header value, or null) and extra headers. */
    public record Credentials(String authorization, Map<String, String> headers) {}

    /** The mode's letter in "e:…,k:…" cells. */
    protected abstract char mode();

    /** How a caller of that kind presents itself here; {@code secret} is the dossier's. */
    protected abstract Credentials credentials(String caller, String secret);

    /** Logs a user in the way this mode does (for filing the dossiers the rows use). */
    protected abstract String login(String user);

    record Row(boolean fresh, String method, String path, String body, Map<String, String> expected) {}

    @TestFactory
    Stream<DynamicTest> everyEndpointAnswersEveryKindOfCallerAsTheTableSays() throws IOException {
        Api filer = new Api(port, this::login);
        List<Row> rows = rows();
        assertThat(rows).hasSizeGreaterThanOrEqualTo(10);
        Filed shared = file(filer);
        return rows.stream()
                .map(row -> DynamicTest.dynamicTest(row.method() + " " + row.path(), () -> {
                    List<String> wrong = new ArrayList<>();
                    for (String caller : CALLERS) {
                        Filed dossier = row.fresh() ? file(filer) : shared;
                        Credentials who = credentials(caller, dossier.secret());
                        Api api = new Api(port, user -> who.authorization());
                        String path = row.path()
                                .replace("{code}", dossier.code())
                                .replace("{secret}", dossier.secret())
                                .replace("{attachment}", attachment(dossier));
                        Api.Reply reply = api.send(
                                row.method(),
                                path,
                                who.authorization() == null ? null : caller,
                                who.headers(),
                                body(row));
                        int expected = Integer.parseInt(row.expected().get(caller));
                        if (reply.status() != expected) {
                            wrong.add(
                                    caller + ": expected " + expected + ", got " + reply.status() + " " + reply.body());
                        }
                    }
                    assertThat(wrong).as(row.method() + " " + row.path()).isEmpty();
                }));
    }

    /**
     * The table names every endpoint of ours: each request mapping of the application's controllers (method and
     * path) is matched by at least one row, so a new endpoint cannot go untested.
     */
    @Test
    void everyEndpointOfOursHasARowInTheTable() throws IOException {
        List<Row> rows = rows();
        RequestMappingHandlerMapping mappings =
                context.getBean("requestMappingHandlerMapping", RequestMappingHandlerMapping.class);
        List<String> missing = new ArrayList<>();
        mappings.getHandlerMethods().forEach((info, handler) -> {
            if (!handler.getBeanType().getPackageName().startsWith("vn.motcua")
                    || info.getPathPatternsCondition().getPatternValues().contains("/error")) {
                return; // the container's error dispatch, not an endpoint anyone calls
            }
            Set<String> methods = info.getMethodsCondition().getMethods().isEmpty()
                    ? Set.of("GET")
                    : info.getMethodsCondition().getMethods().stream()
                            .map(Enum::name)
                            .collect(Collectors.toSet());
            for (PathPattern pattern : info.getPathPatternsCondition().getPatterns()) {
                for (String method : methods) {
                    boolean covered = rows.stream()
                            .anyMatch(row -> row.method().equals(method)
                                    && pattern.matches(
                                            PathContainer.parsePath(row.path().split("\\?")[0])));
                    if (!covered) {
                        missing.add(method + " " + pattern.getPatternString());
                    }
                }
            }
        });
        assertThat(missing)
                .as("endpoints without a row in authorization-matrix.tsv")
                .isEmpty();
    }

    private String attachment(Filed dossier) {
        Long id = context.getBean(JdbcTemplate.class)
                .queryForObject(
                        "select min(id) from dossier_attachment where dossier_code = ?", Long.class, dossier.code());
        return String.valueOf(id);
    }

    @AfterEach
    void forgetMisses() {
        ReflectionTestUtils.invokeMethod(context.getBean("lookupLimits"), "clear");
    }

    record Filed(String code, String secret) {}

    private static Filed file(Api filer) {
        Api.Reply filed =
                filer.fileDossier("congdan", Api.multipart(Api.housePermitRequest("ONLINE"), Api.houseFiles()));
        assertThat(filed.status()).as(filed.body().toString()).isEqualTo(201);
        return new Filed(filed.text("code"), filed.text("secret"));
    }

    private static Object body(Row row) throws IOException {
        if (row.body() == null) {
            return null;
        }
        if (row.body().startsWith("json:")) {
            return new ObjectMapper().readValue(row.body().substring(5), Map.class);
        }
        if (row.body().startsWith("filing:")) {
            // a whole house permit, on the channel named (ONLINE, COUNTER)
            return Api.multipart(Api.housePermitRequest(row.body().substring(7)), Api.houseFiles());
        }
        if (row.body().startsWith("counter:")) {
            // a house permit received at the counter with the decision named (accept, supplement, refuse)
            MultiValueMap<String, Object> parts = Api.multipart(Api.housePermitRequest("COUNTER"), Api.houseFiles());
            HttpHeaders json = new HttpHeaders();
            json.setContentType(MediaType.APPLICATION_JSON);
            parts.add("decision", new HttpEntity<>(Map.of("decision", row.body().substring(8)), json));
            return parts;
        }
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        for (String part : row.body().substring("multipart:".length()).split(",")) {
            String[] nameAndFile = part.split("=", 2);
            byte[] content = nameAndFile[1].endsWith(".bpmn") ? MODEL.getBytes(StandardCharsets.UTF_8) : Api.PDF;
            parts.add(nameAndFile[0], Api.file(nameAndFile[1], content));
        }
        return parts;
    }

    List<Row> rows() throws IOException {
        List<Row> rows = new ArrayList<>();
        try (InputStream in = AuthorizationMatrix.class.getResourceAsStream("/authorization-matrix.tsv")) {
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] cells = line.split("\t");
                assertThat(cells).as("columns of: " + line).hasSize(1 + CALLERS.size());
                String request = cells[0];
                boolean fresh = request.startsWith("*");
                String[] words = (fresh ? request.substring(1) : request).split(" ", 3);
                Map<String, String> expected = new LinkedHashMap<>();
                for (int i = 0; i < CALLERS.size(); i++) {
                    expected.put(CALLERS.get(i), cell(cells[i + 1].trim()));
                }
                rows.add(new Row(fresh, words[0], words[1], words.length > 2 ? words[2] : null, expected));
            }
        }
        return rows;
    }

    /** "403", or "e:401,k:403" read for this mode. */
    private String cell(String cell) {
        if (!cell.contains(":")) {
            return cell;
        }
        for (String alternative : cell.split(",")) {
            if (alternative.charAt(0) == mode()) {
                return alternative.substring(2);
            }
        }
        throw new IllegalStateException("No value for mode " + mode() + " in cell " + cell);
    }
}
