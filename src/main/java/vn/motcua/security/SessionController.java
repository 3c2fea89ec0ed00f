package vn.motcua.security;

import io.swagger.v3.oas.annotations.Operation;
import java.security.Principal;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.context.annotation.Profile;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Who the portal's session belongs to (embedded default): the account's name in Vietnamese order and e-mail, so that
 * filing can fill in the applicant. Asking also sets the CSRF cookie the session's changes must send back.
 */
@RestController
@Profile("!keycloak")
class SessionController {

    record Session(boolean authenticated, String user, String name, String email, List<String> groups) {}

    private final IdentityService identity;
    private final BasicLogins logins;

    SessionController(IdentityService identity, BasicLogins logins) {
        this.identity = identity;
        this.logins = logins;
    }

    @GetMapping("/api/session")
    @Operation(
            summary = "The portal's login session: who is logged in (name, e-mail, groups), or authenticated=false",
            description = "Log in with POST " + PortalSessions.LOGIN + " (form fields username, password; 204, or 401"
                    + " with a Vietnamese message), log out with POST " + PortalSessions.LOGOUT + ". Changes made"
                    + " with the session send the cookie " + PortalSessions.CSRF_COOKIE + " back in the header "
                    + PortalSessions.CSRF_HEADER + "; HTTP Basic callers need no token.")
    Session session(Principal principal, CsrfToken csrf) {
        csrf.getToken(); // the token is made lazily: reading it writes the cookie
        if (principal == null) {
            return new Session(false, null, null, null, List.of());
        }
        String id = principal.getName();
        Optional<User> user =
                Optional.ofNullable(identity.createUserQuery().userId(id).singleResult());
        String name = user.map(PersonNames::of).orElse(id);
        return new Session(true, id, name, user.map(User::getEmail).orElse(null), logins.groupsOf(id));
    }
}
