package vn.motcua.security;

import java.security.Principal;
import java.util.Optional;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * A citizen whose identity the national e-ID (VNeID) vouches for: Keycloak brokered the login and put the personal
 * identification number ({@code personal_id}) and the full name ({@code full_name}) into the access token. Filing
 * takes the applicant's name and number from here, never from what the page sent.
 */
public record VerifiedCitizen(String name, String personalId) {

    static final String PERSONAL_ID = "personal_id";
    static final String FULL_NAME = "full_name";

    /** The verified citizen behind a request, if its token carries a personal identification number. */
    public static Optional<VerifiedCitizen> of(Principal user) {
        if (!(user instanceof JwtAuthenticationToken token)) {
            return Optional.empty();
        }
        String personalId = token.getToken().getClaimAsString(PERSONAL_ID);
        if (personalId == null || personalId.isBlank()) {
            return Optional.empty();
        }
        String name = token.getToken().getClaimAsString(FULL_NAME);
        if (name == null || name.isBlank()) {
            // Keycloak's given/family names, in the Vietnamese order: family name first
            String family = token.getToken().getClaimAsString("family_name");
            String given = token.getToken().getClaimAsString("given_name");
            name = ((family == null ? "" : family) + " " + (given == null ? "" : given)).trim();
        }
        return Optional.of(new VerifiedCitizen(name, personalId));
    }
}
