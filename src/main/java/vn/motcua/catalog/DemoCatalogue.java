package vn.motcua.catalog;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Component;

/**
 * The demo catalogue of Ninh Thuận ({@code db/demo/catalogue.json}) comes in as any province's catalogue does: as a
 * catalogue import, checked whole, at the first start of the demo (a later start finds the same file imported and does
 * nothing; two nodes starting at once take their turn). The demo's migrations hold only its agencies.
 */
@Component
@Profile("demo")
@Order(0)
class DemoCatalogue implements ApplicationRunner {

    static final String FILE = "db/demo/catalogue.json";
    static final LocalDate EFFECTIVE_FROM = LocalDate.of(2025, 7, 1);

    private static final Logger log = LoggerFactory.getLogger(DemoCatalogue.class);

    private final CatalogueImports imports;

    DemoCatalogue(CatalogueImports imports) {
        this.imports = imports;
    }

    @Override
    public void run(ApplicationArguments arguments) {
        imports.runOnce(content(), "catalogue.json", EFFECTIVE_FROM, "demo").ifPresent(report -> {
            if (!report.accepted()) {
                throw new IllegalStateException("The demo catalogue " + FILE + " is refused: " + report.problems());
            }
            log.info(
                    "Demo catalogue imported: {} procedures ({} new, {} new versions, {} unchanged)",
                    report.procedures(),
                    report.newProcedures(),
                    report.newVersions(),
                    report.unchanged());
        });
    }

    static byte[] content() {
        try (InputStream in = new ClassPathResource(FILE).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
