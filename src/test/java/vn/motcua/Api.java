package vn.motcua;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.client.RestClient;

/** A client of the running application as outside callers use it: HTTP, JSON, multipart, HTTP Basic. */
public class Api {

    public static final String PASSWORD = "demo";
    public static final byte[] PDF =
            "%PDF-1.4\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n".getBytes(StandardCharsets.US_ASCII);

    private final RestClient http;
    private final ObjectMapper json = new ObjectMapper();
    private final Function<String, String> authorization;

    public Api(int port) {
        this(port, Api::basic);
    }

    /** A client that logs users in otherwise, e.g. with a bearer token: user name → Authorization header value. */
    public Api(int port, Function<String, String> authorization) {
        this.authorization = authorization;
        this.http = RestClient.builder()
                .baseUrl("http://localhost:" + port)
                .defaultStatusHandler(HttpStatusCode::isError, (request, response) -> {})
                .build();
    }

    public record Reply(int status, JsonNode body) {
        public String text(String field) {
            return body.path(field).asText();
        }
    }

    public static Map<String, Object> houseApplicant() {
        return Map.of(
                "kind", "PERSON",
                "name", "Nguyễn Văn An",
                "idNumber", "058090001234",
                "address", "12 Thống Nhất, phường Phan Rang, tỉnh Ninh Thuận",
                "phone", "0912345678");
    }

    public static Map<String, Object> housePermitRequest(String channel) {
        return Map.of(
                "procedureCode",
                "1.009994.H43",
                "channel",
                channel,
                "applicant",
                houseApplicant(),
                "formData",
                Map.of(
                        "constructionAddress",
                        "Thửa 125, tờ bản đồ 7, phường Phan Rang",
                        "landParcel",
                        "Thửa 125, tờ 7",
                        "floorArea",
                        180,
                        "floors",
                        3));
    }

    public static MultiValueMap<String, Object> multipart(Object dossier, Map<String, byte[]> files) {
        MultiValueMap<String, Object> parts = new LinkedMultiValueMap<>();
        HttpHeaders jsonPart = new HttpHeaders();
        jsonPart.setContentType(MediaType.APPLICATION_JSON);
        parts.add("dossier", new HttpEntity<>(dossier, jsonPart));
        files.forEach((component, content) -> parts.add(component, file(component.toLowerCase() + ".pdf", content)));
        return parts;
    }

    public static Map<String, byte[]> houseFiles() {
        return Map.of("DON", PDF, "QSDD", PDF, "BANVE", PDF);
    }

    public static ByteArrayResource file(String name, byte[] content) {
        return new ByteArrayResource(content) {
            @Override
            public String getFilename() {
                return name;
            }
        };
    }

    public Reply fileDossier(String user, MultiValueMap<String, Object> parts) {
        return reply(http.post()
                .uri("/api/dossiers")
                .headers(h -> login(h, user))
                .contentType(MediaType.MULTIPART_FORM_DATA)
                .body(parts)
                .retrieve()
                .toEntity(String.class));
    }

    /** The code and the secret of a dossier as its filing answered them. */
    public record Filed(String code, String secret) {}

    /** Files the house permit of {@link #housePermitRequest} online as congdan with {@link #houseFiles}. */
    public Filed fileHousePermitOnline() {
        Reply filed = fileDossier("congdan", multipart(housePermitRequest("ONLINE"), houseFiles()));
        if (filed.status() != 201) {
            throw new AssertionError("filing answered " + filed.status() + ": " + filed.body());
        }
        return new Filed(filed.text("code"), filed.text("secret"));
    }

    /** Files the house permit of {@link #housePermitRequest} online as congdan, with this drawing (BANVE); its code. */
    public String fileHousePermit(byte[] drawing) {
        Reply filed = fileDossier(
                "congdan", multipart(housePermitRequest("ONLINE"), Map.of("DON", PDF, "QSDD", PDF, "BANVE", drawing)));
        if (filed.status() != 201) {
            throw new AssertionError("filing answered " + filed.status() + ": " + filed.body());
        }
        return filed.text("code");
    }

    /** A house permit filed online as congdan ({@link #fileHousePermitOnline}) and walked to its return. */
    public Filed returnedHousePermit() {
        Filed filed = fileHousePermitOnline();
        returnHousePermit(filed.code());
        return filed;
    }

    /** One official's step of a walk: who completes which task of the dossier, with which values. */
    public record Step(String official, String taskKey, Map<String, Object> variables) {}

    /** The house permit at the Phan Rang ward from its reception to its return, as the ward's officials complete it. */
    public static final List<Step> HOUSE_PERMIT_WALK = List.of(
            new Step("pr.tiepnhan", "Task_CheckDossier", Map.of("receptionDecision", "accept")),
            new Step("pr.truongphong", "Task_AssignDossier", Map.of("specialist", "pr.chuyenvien")),
            new Step("pr.chuyenvien", "Task_AppraiseDossier", Map.of("appraisalOutcome", "approve")),
            new Step("pr.truongphong", "Task_ReviewDossier", Map.of("reviewDecision", "agree")),
            new Step("pr.chutich", "Task_SignResult", Map.of("reviewDecision", "agree")),
            new Step("pr.vanthu", "Task_IssueResult", Map.of("resultNumber", "15/GPXD")),
            new Step("pr.tiepnhan", "Task_ReturnResult", Map.of("returnChannel", "counter")));

    /** Walks a filed house permit through every step of the ward to its return (status 10), as the officials do. */
    public void returnHousePermit(String code) {
        walkToTheLeader(code);
        for (Step step : HOUSE_PERMIT_WALK.subList(4, HOUSE_PERMIT_WALK.size())) {
            completeTask(step.official(), code, step.taskKey(), step.variables());
        }
    }

    /** Walks a filed house permit of the ward to the leader's approval (Task_SignResult), appraised as eligible. */
    public void walkToTheLeader(String code) {
        walkToTheLeader(code, Map.of("appraisalOutcome", "approve"));
    }

    /** The same walk, the specialist's appraisal completed with {@code appraisal}. */
    public void walkToTheLeader(String code, Map<String, Object> appraisal) {
        for (Step step : HOUSE_PERMIT_WALK.subList(0, 4)) {
            completeTask(
                    step.official(),
                    code,
                    step.taskKey(),
                    step.taskKey().equals("Task_AppraiseDossier") ? appraisal : step.variables());
        }
    }

    /** The official claims and completes their one task of the dossier, which must be {@code taskKey}. */
    public void completeTask(String official, String code, String taskKey, Map<String, Object> variables) {
        JsonNode task = tasks(official, code).get(0);
        String id = task.path("id").asText();
        if (!taskKey.equals(task.path("taskDefinitionKey").asText()) || claim(official, id) != 204) {
            throw new AssertionError(official + " cannot claim " + taskKey + " of " + code + ": " + task);
        }
        Reply completed = complete(official, id, variables);
        if (completed.status() != 204) {
            throw new AssertionError(
                    "completing " + taskKey + " answered " + completed.status() + ": " + completed.body());
        }
    }

    public Reply get(String path) {
        return reply(http.get().uri(path).retrieve().toEntity(String.class));
    }

    public Reply post(String path, String user, Object body) {
        return reply(http.post()
                .uri(path)
                .headers(h -> login(h, user))
                .contentType(body instanceof MultiValueMap ? MediaType.MULTIPART_FORM_DATA : MediaType.APPLICATION_JSON)
                .body(body)
                .retrieve()
                .toEntity(String.class));
    }

    public Reply put(String path, String user, Object body) {
        return send("PUT", path, user, Map.of(), body);
    }

    /**
     * Routes each role of the agency's procedures to the unit's group ({@code <unit>-<role>}) by default, as an operator
     * does (PUT /api/catalogue/routes): a test agency's dossiers then go where the demo ward's go.
     */
    public void routeByDefault(String agency, String unit) {
        List<Map<String, String>> routes = java.util.stream.Stream.of(
                        "reception", "specialist", "head", "leader", "clerk")
                .map(role ->
                        Map.of("agencyCode", agency, "procedureCode", "*", "role", role, "groupId", unit + "-" + role))
                .toList();
        Reply stored = put("/api/catalogue/routes", "admin", routes);
        if (stored.status() != 200) {
            throw new AssertionError("routes answered " + stored.status() + ": " + stored.body());
        }
    }

    /** Tasks of one dossier that the user may see, through the engine REST API. */
    public List<JsonNode> tasks(String user, String dossierCode) {
        Reply reply = reply(http.get()
                .uri("/engine-rest/task?processInstanceBusinessKey={code}", dossierCode)
                .headers(h -> login(h, user))
                .retrieve()
                .toEntity(String.class));
        if (reply.status() != 200) {
            throw new AssertionError("task list answered " + reply.status() + ": " + reply.body());
        }
        return iterate(reply.body());
    }

    public int claim(String user, String taskId) {
        return post("/engine-rest/task/" + taskId + "/claim", user, Map.of("userId", user))
                .status();
    }

    public Reply complete(String user, String taskId, Map<String, Object> variables) {
        Map<String, Object> typed = new java.util.HashMap<>();
        variables.forEach((name, value) -> typed.put(name, Map.of("value", value)));
        return post("/engine-rest/task/" + taskId + "/complete", user, Map.of("variables", typed));
    }

    private static List<JsonNode> iterate(JsonNode array) {
        List<JsonNode> items = new java.util.ArrayList<>();
        array.forEach(items::add);
        return items;
    }

    private void login(HttpHeaders headers, String user) {
        if (user != null) {
            headers.set(HttpHeaders.AUTHORIZATION, authorization.apply(user));
        }
    }

    public static String basic(String user) {
        return "Basic " + Base64.getEncoder().encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8));
    }

    /** GET as the applicant: the secret of the slip in the X-Motcua-Secret header, no login. */
    public Reply getWithSecret(String path, String secret) {
        return reply(http.get()
                .uri(path)
                .header("X-Motcua-Secret", secret)
                .retrieve()
                .toEntity(String.class));
    }

    /** Any request as it comes: the method, the path, a login (or none) and extra headers; a JSON or multipart body. */
    public Reply send(String method, String path, String user, Map<String, String> headers, Object body) {
        var request = http.method(org.springframework.http.HttpMethod.valueOf(method))
                .uri(path)
                .headers(h -> {
                    login(h, user);
                    headers.forEach(h::set);
                });
        if (body != null) {
            request = request.contentType(
                            body instanceof MultiValueMap ? MediaType.MULTIPART_FORM_DATA : MediaType.APPLICATION_JSON)
                    .body(body);
        }
        return reply(request.retrieve().toEntity(String.class));
    }

    /** GET as the applicant (the secret in X-Motcua-Secret, no login): the bytes and headers as they came. */
    public ResponseEntity<byte[]> downloadWithSecret(String path, String secret) {
        return http.get().uri(path).header("X-Motcua-Secret", secret).retrieve().toEntity(byte[].class);
    }

    /** GET as the user, the answer's bytes and headers as they came (a workbook, a PDF). */
    public ResponseEntity<byte[]> download(String path, String user) {
        return http.get().uri(path).headers(h -> login(h, user)).retrieve().toEntity(byte[].class);
    }

    /** GET as the user (officials' endpoints such as {@code /engine-rest/task/{id}/variables}). */
    public Reply get(String path, String user) {
        return reply(
                http.get().uri(path).headers(h -> login(h, user)).retrieve().toEntity(String.class));
    }

    private Reply reply(ResponseEntity<String> response) {
        try {
            String body = response.getBody();
            return new Reply(
                    response.getStatusCode().value(),
                    body == null || body.isBlank() ? json.createObjectNode() : json.readTree(body));
        } catch (com.fasterxml.jackson.core.JsonProcessingException notJson) {
            return new Reply(
                    response.getStatusCode().value(), json.getNodeFactory().textNode(response.getBody()));
        }
    }
}
