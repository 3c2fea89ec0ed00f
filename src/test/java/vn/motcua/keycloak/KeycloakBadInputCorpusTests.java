package vn.motcua.keycloak;

import vn.motcua.badinput.BadInputCorpus;

/** The bad-input corpus in Keycloak mode: every logged-in entry carries the user's real access token. */
@KeycloakTest
class KeycloakBadInputCorpusTests extends BadInputCorpus {

    @Override
    protected char mode() {
        return 'k';
    }

    @Override
    protected String login(String user) {
        return "Bearer " + KeycloakServer.get().token(user);
    }
}
