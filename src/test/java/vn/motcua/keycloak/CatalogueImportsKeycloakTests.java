package vn.motcua.keycloak;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.JdbcTemplate;
import vn.motcua.Api;
import vn.motcua.catalog.GeneratedCatalogue;
import vn.motcua.portal.Browser;
import vn.motcua.portal.PortalJourney;

/**
 * The operators' catalogue page in production shape: the operator logs in on Keycloak's page from the portal, the page
 * reads the import history with the bearer token and opens an import's report; a citizen logged in the same way is
 * refused with the API's message. Screenshots in target/screenshots/portal/kc-danh-muc-*.
 */
@KeycloakTest
class CatalogueImportsKeycloakTests {

    static final String IMPORTS = "/api/catalogue/imports";

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate sql;

    Api api;

    @BeforeEach
    void client() {
        api = new Api(port, user -> "Bearer " + KeycloakServer.get().token(user));
        removeWhatTheTestImported();
    }

    @AfterEach
    void removeWhatTheTestImported() {
        sql.update("delete from catalog_version_component where procedure_code like '9.%'");
        sql.update("delete from catalog_version_step_budget where procedure_code like '9.%'");
        sql.update("delete from catalog_procedure_version where procedure_code like '9.%'");
        sql.update("delete from catalog_step_budget where procedure_code like '9.%'");
        sql.update("delete from catalog_component where procedure_code like '9.%'");
        sql.update("delete from catalog_procedure where code like '9.%'");
        // by hand in SQL: the search index on this node learns it from the generation
        sql.update("update catalog_generation set generation = generation + 1");
        sql.update("delete from catalog_import where id not in (select import_id from catalog_procedure_version"
                + " where import_id is not null)");
    }

    @Test
    void anOperatorLoggedInOnKeycloakSeesTheImportHistoryAndItsReportAndACitizenIsRefused() {
        Api.Reply imported = api.post(IMPORTS, "admin", GeneratedCatalogue.procedures(2));
        assertThat(imported.status()).as(imported.body().toString()).isEqualTo(201);
        long id = imported.body().path("importId").asLong();
        JsonNode newest = api.get(IMPORTS, "admin").body().get(0);
        assertThat(newest.path("id").asLong()).isEqualTo(id);

        try (Browser browser = new Browser(port)) {
            new PortalJourney(browser.driver(), "http://localhost:" + port)
                    .openCatalogue()
                    .loginAsCitizen("admin", Api.PASSWORD);
            browser.open("/portal/danh-muc.html");
            assertThat(browser.textOnceItShows("#imports tbody tr[data-import='" + id + "']", "admin"))
                    .startsWith(id + " ")
                    .contains("admin — JSON")
                    .endsWith("2 2 0 0 Xem báo cáo");
            browser.visible("#imports button[data-import='" + id + "']").click();
            assertThat(browser.textOnceItShows("#report-title", "lần nhập số " + id))
                    .isEqualTo("Đã nhập danh mục (lần nhập số " + id + ").");
            assertThat(browser.text("#report-outcomes tbody"))
                    .isEqualTo(
                            String.join("\n", List.of("1 9.000001.H43 Thủ tục mới 1", "2 9.000002.H43 Thủ tục mới 1")));
            browser.screenshot("kc-danh-muc-lich-su");
        }
        try (Browser browser = new Browser(port)) {
            new PortalJourney(browser.driver(), "http://localhost:" + port)
                    .openCatalogue()
                    .loginAsCitizen("congdan", Api.PASSWORD);
            browser.open("/portal/danh-muc.html");
            assertThat(browser.textOnceItShows("#message", "camunda-admin"))
                    .isEqualTo("Chỉ quản trị hệ thống (nhóm camunda-admin) được nhập danh mục thủ tục và xem lịch sử"
                            + " nhập.");
            browser.screenshot("kc-danh-muc-cong-dan");
        }
    }
}
