package vn.motcua.security;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.Resource;

/** The parts of the Keycloak realm export (keycloak/motcua-realm.json) that describe people and departments. */
@JsonIgnoreProperties(ignoreUnknown = true)
record Realm(List<Group> groups, List<User> users) {

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Group(String name, Map<String, List<String>> attributes, List<String> realmRoles) {

        String displayName() {
            return attributes == null || !attributes.containsKey("displayName")
                    ? name
                    : attributes.get("displayName").get(0);
        }
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record User(
            String username,
            String firstName,
            String lastName,
            String email,
            List<Credential> credentials,
            List<String> groups,
            String serviceAccountClientId) {

        /** Service accounts of the realm's clients exist only in Keycloak: they have no password and no department. */
        boolean isPerson() {
            return serviceAccountClientId == null;
        }

        String password() {
            return credentials.stream()
                    .filter(c -> "password".equals(c.type()))
                    .map(Credential::value)
                    .findFirst()
                    .orElseThrow(() -> new IllegalStateException("Demo user " + username + " has no password"));
        }

        List<String> groupIds() {
            return groups.stream()
                    .map(path -> path.startsWith("/") ? path.substring(1) : path)
                    .toList();
        }
    }

    List<User> people() {
        return users.stream().filter(User::isPerson).toList();
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Credential(String type, String value) {}

    static Realm read(Resource file, ObjectMapper json) throws IOException {
        try (InputStream in = file.getInputStream()) {
            return json.readValue(in, Realm.class);
        }
    }
}
