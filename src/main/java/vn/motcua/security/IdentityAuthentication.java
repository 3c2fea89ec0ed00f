package vn.motcua.security;

import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/** Checks passwords with the engine's identity service; the user's groups (departments) become authorities. */
@Component
class IdentityAuthentication implements AuthenticationProvider {

    private final IdentityService identity;

    IdentityAuthentication(IdentityService identity) {
        this.identity = identity;
    }

    @Override
    public Authentication authenticate(Authentication login) {
        String user = login.getName();
        if (!identity.checkPassword(user, String.valueOf(login.getCredentials()))) {
            throw new BadCredentialsException("Sai tên đăng nhập hoặc mật khẩu / wrong user name or password");
        }
        List<SimpleGrantedAuthority> groups = identity.createGroupQuery().groupMember(user).list().stream()
                .map(g -> new SimpleGrantedAuthority(g.getId()))
                .toList();
        return UsernamePasswordAuthenticationToken.authenticated(
                user, null, groups.isEmpty() ? AuthorityUtils.NO_AUTHORITIES : groups);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
