package vn.motcua.security;

import java.util.List;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.stereotype.Component;

/** Checks passwords with the engine's identity service (through {@link BasicLogins}); the user's groups (departments) become authorities. */
@Component
class IdentityAuthentication implements AuthenticationProvider {

    private final BasicLogins logins;

    IdentityAuthentication(BasicLogins logins) {
        this.logins = logins;
    }

    @Override
    public Authentication authenticate(Authentication login) {
        String user = login.getName();
        BasicLogins.Login checked = logins.check(user, String.valueOf(login.getCredentials()))
                .orElseThrow(() ->
                        new BadCredentialsException("Sai tên đăng nhập hoặc mật khẩu / wrong user name or password"));
        List<SimpleGrantedAuthority> groups =
                checked.groups().stream().map(SimpleGrantedAuthority::new).toList();
        return UsernamePasswordAuthenticationToken.authenticated(
                user, null, groups.isEmpty() ? AuthorityUtils.NO_AUTHORITIES : groups);
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }
}
