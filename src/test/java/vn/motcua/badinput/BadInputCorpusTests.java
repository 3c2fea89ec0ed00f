package vn.motcua.badinput;

import vn.motcua.Api;
import vn.motcua.IntegrationTest;

/** The bad-input corpus on the embedded identity: HTTP Basic, as scripts and the demo log in. */
@IntegrationTest
class BadInputCorpusTests extends BadInputCorpus {

    @Override
    protected char mode() {
        return 'e';
    }

    @Override
    protected String login(String user) {
        return Api.basic(user);
    }
}
