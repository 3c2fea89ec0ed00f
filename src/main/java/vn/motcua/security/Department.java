package vn.motcua.security;

import org.springframework.security.core.GrantedAuthority;

/**
 * A department group the user belongs to (e.g. {@code phanrang-reception}), as an authority: the same string as the
 * Camunda group id, so that Spring rules, {@code CounterAccess} and Camunda authorizations speak of the same thing.
 */
record Department(String group) implements GrantedAuthority {

    @Override
    public String getAuthority() {
        return group;
    }
}
