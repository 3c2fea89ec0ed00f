package vn.motcua;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.Map;

/** The authorization matrix on the embedded default: the built-in identity, HTTP Basic. */
@IntegrationTest
class EmbeddedAuthorizationMatrixTests extends AuthorizationMatrix {

    static final Map<String, String> USERS = Map.of(
            "other-citizen", "congdan2",
            "handling-official", "pr.tiepnhan",
            "other-official", "sxd.chuyenvien",
            "designer", "thietke",
            "operator", "admin");

    @Override
    protected char mode() {
        return 'e';
    }

    @Override
    protected String login(String user) {
        return Api.basic(user);
    }

    @Override
    protected Credentials credentials(String caller, String secret) {
        return switch (caller) {
            case "anonymous", "peer" -> new Credentials(null, Map.of());
            case "applicant" -> new Credentials(null, Map.of("X-Motcua-Secret", secret));
            case "forged-peer" ->
                new Credentials(
                        "Basic "
                                + Base64.getEncoder()
                                        .encodeToString("motcua-peer:made-up".getBytes(StandardCharsets.UTF_8)),
                        Map.of());
            default -> new Credentials(Api.basic(USERS.get(caller)), Map.of());
        };
    }
}
