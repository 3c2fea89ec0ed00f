package vn.motcua.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;
import vn.motcua.Api;
import vn.motcua.DepartmentIsolation;

/**
 * The authorization rules in Keycloak mode, with real access tokens from the test Keycloak; plus what only tokens
 * can get wrong: the audience, the signature, and callers that are not officials.
 */
@KeycloakTest
class KeycloakDepartmentIsolationTests extends DepartmentIsolation {

    static final String TOKEN_OF = "token-of:";

    @Override
    protected Function<String, String> login() {
        KeycloakServer keycloak = KeycloakServer.get();
        return user -> "Bearer "
                + (user.startsWith(TOKEN_OF)
                        ? keycloak.clientToken(user.substring(TOKEN_OF.length()))
                        : user.startsWith("raw:") ? user.substring(4) : keycloak.token(user));
    }

    @Test
    void aTokenForAnotherAudienceIsRefusedWith401() {
        // the plugin's service account: a genuine token of this realm, issued for realm-management, not motcua-api
        String other = TOKEN_OF + "motcua-identity";
        assertThat(api.get("/engine-rest/task", other).status()).isEqualTo(401);
        assertThat(api.fileDossier(other, Api.multipart(Api.housePermitRequest("ONLINE"), Api.houseFiles()))
                        .status())
                .isEqualTo(401);
    }

    @Test
    void aForgedTokenIsRefusedWith401() {
        String real = KeycloakServer.get().token("pr.tiepnhan");
        String forged = real.substring(0, real.lastIndexOf('.') + 1) + "c2lnbmF0dXJl";
        assertThat(api.get("/engine-rest/task", "raw:" + forged).status()).isEqualTo(401);
    }

    @Test
    void citizensAndPeerSystemsCannotCallTheOfficialsEndpoint() {
        assertThat(api.get("/engine-rest/task", "congdan").status()).isEqualTo(403);
        assertThat(api.get("/engine-rest/task", TOKEN_OF + "motcua-peer").status())
                .isEqualTo(403);
        assertThat(api.get("/engine-rest/task", "pr.tiepnhan").status()).isEqualTo(200);
    }

    @Test
    void onlyPeerSystemsDeliverHandoffsAndOnlyOperatorsSeeThem() {
        Map<String, Object> unsigned = Map.of("messageId", "6f1c0b7e-0000-4000-8000-000000000001");
        assertThat(api.post("/api/interagency/messages", null, unsigned).status())
                .isEqualTo(401);
        assertThat(api.post("/api/interagency/messages", "congdan", unsigned).status())
                .isEqualTo(403);
        // the peer's token passes; the message itself is then judged by the inbox (here: incomplete)
        Api.Reply peer = api.post("/api/interagency/messages", TOKEN_OF + "motcua-peer", unsigned);
        assertThat(peer.status()).isEqualTo(400);
        assertThat(peer.text("message")).contains("messageName");
        assertThat(api.get("/api/interagency/handoffs", "admin").status()).isEqualTo(200);
        assertThat(api.get("/api/interagency/handoffs", "pr.tiepnhan").status()).isEqualTo(403);
    }
}
