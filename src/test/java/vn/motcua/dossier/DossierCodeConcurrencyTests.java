package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.boot.web.servlet.context.ServletWebServerApplicationContext;
import org.springframework.context.ApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.Api;
import vn.motcua.IntegrationTest;
import vn.motcua.MotCuaApplication;

/** Two application nodes on one MariaDB database hand out dossier codes without duplicates or gaps. */
@IntegrationTest
class DossierCodeConcurrencyTests {

    static final int FILINGS = 200;

    @LocalServerPort
    int port;

    @Autowired
    ApplicationContext firstNode;

    @Test
    void twoHundredConcurrentFilingsOnTwoNodesGetDistinctGapFreeSequenceNumbers() throws Exception {
        try (ConfigurableApplicationContext secondNode = secondNode()) {
            Api first = new Api(port);
            Api second = new Api(((ServletWebServerApplicationContext) secondNode)
                    .getWebServer()
                    .getPort());
            ExecutorService clients = Executors.newFixedThreadPool(16);
            List<Future<Api.Reply>> replies = new ArrayList<>();
            for (int i = 0; i < FILINGS; i++) {
                Api node = i % 2 == 0 ? first : second;
                Callable<Api.Reply> filing = () ->
                        node.fileDossier("congdan", Api.multipart(Api.housePermitRequest("ONLINE"), Api.houseFiles()));
                replies.add(clients.submit(filing));
            }
            List<String> codes = new ArrayList<>();
            for (Future<Api.Reply> reply : replies) {
                assertThat(reply.get().status())
                        .as(reply.get().body().toString())
                        .isEqualTo(201);
                codes.add(reply.get().text("code"));
            }
            clients.shutdown();

            List<Integer> sequences = codes.stream()
                    .map(code -> Integer.parseInt(code.substring(code.lastIndexOf('-') + 1)))
                    .sorted()
                    .toList();
            assertThat(codes).doesNotHaveDuplicates();
            assertThat(sequences).doesNotHaveDuplicates();
            assertThat(sequences.get(FILINGS - 1) - sequences.get(0)).isEqualTo(FILINGS - 1);
            assertThat(codes).allMatch(code -> code.matches("000\\.20\\.43\\.H43-\\d{6}-\\d{4,}"));
        }
    }

    @Test
    void firstFilingsOfTheDayRacingOnTwoNodesAllGetANumber() throws Exception {
        String agency = "T" + (System.nanoTime() % 100_000_000);
        LocalDate today = LocalDate.now();
        try (ConfigurableApplicationContext secondNode = secondNode()) {
            List<ApplicationContext> nodes = List.of(firstNode, secondNode);
            ExecutorService clients = Executors.newFixedThreadPool(16);
            List<Future<Integer>> numbers = new ArrayList<>();
            for (int i = 0; i < 32; i++) {
                ApplicationContext node = nodes.get(i % 2);
                numbers.add(clients.submit(() -> new TransactionTemplate(node.getBean(PlatformTransactionManager.class))
                        .execute(status -> {
                            int sequence = node.getBean(DossierCodes.class)
                                    .next(agency, today)
                                    .sequence();
                            sleep(50); // hold the counter as a filing transaction does
                            return sequence;
                        })));
            }
            List<Integer> sequences = new ArrayList<>();
            for (Future<Integer> number : numbers) {
                sequences.add(number.get());
            }
            clients.shutdown();
            assertThat(sequences)
                    .containsExactlyInAnyOrderElementsOf(
                            IntStream.rangeClosed(1, 32).boxed().toList());
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static ConfigurableApplicationContext secondNode() {
        return new SpringApplicationBuilder(MotCuaApplication.class)
                .profiles("mariadb", "demo", "it")
                .properties(
                        "server.port=0",
                        "camunda.bpm.generate-unique-process-engine-name=true",
                        "camunda.bpm.webapp.enabled=false")
                .run();
    }
}
