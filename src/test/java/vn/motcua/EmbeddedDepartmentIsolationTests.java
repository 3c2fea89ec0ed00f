package vn.motcua;

import java.util.function.Function;

/** The authorization rules on the embedded default: the built-in identity seeded from keycloak/, HTTP Basic. */
@IntegrationTest
class EmbeddedDepartmentIsolationTests extends DepartmentIsolation {

    @Override
    protected Function<String, String> login() {
        return Api::basic;
    }
}
