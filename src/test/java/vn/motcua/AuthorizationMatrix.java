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
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.test.util.ReflectionTestUtils;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

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
                        String path =
                                row.path().replace("{code}", dossier.code()).replace("{secret}", dossier.secret());
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
