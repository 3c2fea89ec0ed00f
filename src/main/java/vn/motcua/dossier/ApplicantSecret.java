package vn.motcua.dossier;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import vn.motcua.api.UserError;

/**
 * The applicant's secret travels in the header {@value #HEADER} (or in a request body), never in the URL: a query
 * string ends up in access logs, proxies and browser history.
 */
public final class ApplicantSecret {

    public static final String HEADER = "X-Motcua-Secret";

    private ApplicantSecret() {}

    /**
     * Refuses a {@code ?secret=} query parameter, whatever its value, with a message telling to use the header. Takes
     * the raw query string: a form field named {@code secret} in a multipart body is not in it and stays allowed.
     */
    public static void refuseInQuery(String queryString) {
        boolean inQuery = queryString != null
                && Arrays.stream(queryString.split("&"))
                        .map(pair -> URLDecoder.decode(pair.split("=", 2)[0], StandardCharsets.UTF_8))
                        .anyMatch(name -> name.trim().equalsIgnoreCase("secret"));
        if (inQuery) {
            throw UserError.badRequest(
                    "Mã bí mật không được gửi trên địa chỉ (?secret=): vui lòng gửi trong tiêu đề " + HEADER + ".",
                    "The secret must not be sent in the URL (?secret=): send it in the " + HEADER + " header.");
        }
    }

    /** The secret of the header, or of the body when the header is absent; blank counts as absent. */
    public static String of(String header, String body) {
        String secret = header != null && !header.isBlank() ? header : body;
        return secret == null || secret.isBlank() ? null : secret.trim();
    }
}
