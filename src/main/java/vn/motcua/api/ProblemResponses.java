package vn.motcua.api;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;

/**
 * The problem-details body written straight to a servlet response, for the answers no controller gives: security
 * refusals, the error page, the engine REST API, Tomcat's own errors.
 */
public final class ProblemResponses {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ProblemResponses() {}

    /** The body as {@link ApiErrors} shapes it: type, title, status, detail, message (vi), messageEn. */
    public static Map<String, Object> body(int status, String vietnamese, String english) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "about:blank");
        HttpStatus known = HttpStatus.resolve(status);
        body.put("title", known == null ? "Error " + status : known.getReasonPhrase());
        body.put("status", status);
        body.put("detail", english);
        body.put("message", vietnamese);
        body.put("messageEn", english);
        return body;
    }

    public static byte[] bytes(Map<String, Object> body) {
        try {
            return JSON.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void write(HttpServletResponse response, int status, String vietnamese, String english)
            throws IOException {
        write(response, status, body(status, vietnamese, english));
    }

    public static void write(HttpServletResponse response, int status) throws IOException {
        StatusMessages.Message message = StatusMessages.of(status);
        write(response, status, message.vietnamese(), message.english());
    }

    public static void write(HttpServletResponse response, int status, Map<String, Object> body) throws IOException {
        byte[] bytes = bytes(body);
        response.setStatus(status);
        response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        response.setContentLength(bytes.length);
        response.getOutputStream().write(bytes);
        response.flushBuffer();
    }
}
