package vn.motcua.keycloak;

import java.util.Map;
import vn.motcua.AuthorizationMatrix;

/** The authorization matrix in Keycloak mode, with real tokens of the test Keycloak. */
@KeycloakTest
class KeycloakAuthorizationMatrixTests extends AuthorizationMatrix {

    static final Map<String, String> USERS = Map.of(
            "other-citizen", "congdan2",
            "handling-official", "pr.tiepnhan",
            "other-official", "sxd.chuyenvien",
            "designer", "thietke",
            "operator", "admin");

    @Override
    protected char mode() {
        return 'k';
    }

    @Override
    protected String login(String user) {
        return "Bearer " + KeycloakServer.get().token(user);
    }

    @Override
    protected Credentials credentials(String caller, String secret) {
        KeycloakServer keycloak = KeycloakServer.get();
        return switch (caller) {
            case "anonymous" -> new Credentials(null, Map.of());
            case "applicant" -> new Credentials(null, Map.of("X-Motcua-Secret", secret));
            case "peer" -> new Credentials("Bearer " + keycloak.clientToken("motcua-peer"), Map.of());
            case "forged-peer" -> {
                String real = keycloak.clientToken("motcua-peer");
                yield new Credentials(
                        "Bearer " + real.substring(0, real.lastIndexOf('.') + 1) + "c2lnbmF0dXJl", Map.of());
            }
            default -> new Credentials(login(USERS.get(caller)), Map.of());
        };
    }
}
