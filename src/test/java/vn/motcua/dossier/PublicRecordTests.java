package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static vn.motcua.dossier.DossiersInTransactionTests.FILED;
import static vn.motcua.dossier.DossiersInTransactionTests.newDossier;

import java.time.LocalDateTime;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.IntegrationTest;

/**
 * The public record on the dossier's row (issue 17) is written with the change it records or not at all: a rolled-back
 * step leaves it as it was, two transactions changing one dossier at once both land in it, and it carries the new date
 * of an apology and the deadline warning, forgotten with a new appointment.
 */
@IntegrationTest
class PublicRecordTests {

    @Autowired
    Dossiers dossiers;

    @Autowired
    PublicRecords records;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aRolledBackStepLeavesThePublicRecordAsItWas() {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        String code = tx.execute(status -> dossiers.register(newDossier()).code());
        tx.executeWithoutResult(status -> started(code, "task-check", "Task_CheckDossier", "Kiểm tra hồ sơ", 0));
        PublicRecord before = records.find(code).orElseThrow();

        assertThatThrownBy(() -> tx.executeWithoutResult(status -> {
                    dossiers.stepCompleted(code, "task-check", FILED.plusHours(1), "pr.tiepnhan", "accept", null);
                    dossiers.statusChanged(
                            code,
                            DossierStatus.SUBMITTED,
                            DossierStatus.ACCEPTED,
                            FILED.plusHours(1),
                            "pr.tiepnhan",
                            "Đang thẩm định",
                            null);
                    started(code, "task-assign", "Task_AssignDossier", "Phân công thụ lý", 1);
                    throw new IllegalStateException("the engine refused the completion");
                }))
                .hasMessage("the engine refused the completion");

        PublicRecord after = records.find(code).orElseThrow();
        assertThat(after).isEqualTo(before);
        assertThat(after.status()).isEqualTo(DossierStatus.SUBMITTED);
        assertThat(after.currentStep()).isEqualTo("Đang kiểm tra hồ sơ");
        assertThat(after.timeline().steps()).singleElement().satisfies(step -> {
            assertThat(step.stepName()).isEqualTo("Kiểm tra hồ sơ");
            assertThat(step.completedAt()).isNull();
        });
        assertThat(after.timeline()).isEqualTo(publicPart(dossiers.timeline(code)));
    }

    @Test
    void twoTransactionsChangingOneDossierAtOnceBothLandInItsPublicRecord() throws Exception {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        String code = tx.execute(status -> dossiers.register(newDossier()).code());
        CountDownLatch firstHoldsTheRow = new CountDownLatch(1);
        CountDownLatch secondStarted = new CountDownLatch(1);
        // two parallel branches (liên thông) start their steps at once: the second waits for the first's commit
        CompletableFuture<Void> first = CompletableFuture.runAsync(() -> tx.executeWithoutResult(status -> {
            started(code, "task-ward", "Task_WardOpinion", "Lấy ý kiến phường", 0);
            firstHoldsTheRow.countDown();
            await(secondStarted);
            sleep(300); // the second is now blocked on the row's lock
        }));
        await(firstHoldsTheRow);
        CompletableFuture<Void> second = CompletableFuture.runAsync(() -> tx.executeWithoutResult(status -> {
            secondStarted.countDown();
            started(code, "task-tax", "Task_TaxOpinion", "Lấy ý kiến thuế", 1);
        }));
        first.get(30, TimeUnit.SECONDS);
        second.get(30, TimeUnit.SECONDS);

        PublicRecord record = records.find(code).orElseThrow();
        assertThat(record.timeline().steps())
                .extracting(Step::stepName)
                .containsExactly("Lấy ý kiến phường", "Lấy ý kiến thuế");
        assertThat(record.timeline()).isEqualTo(publicPart(dossiers.timeline(code)));
        assertThat(record.currentStep()).isEqualTo("Đang lấy ý kiến thuế");
    }

    @Test
    void theNewDateOfAnApologyAndTheWarningAreOnTheRecordAndANewAppointmentForgetsTheWarning() {
        TransactionTemplate tx = new TransactionTemplate(transactions);
        String code = tx.execute(status -> dossiers.register(newDossier()).code());
        PublicRecord filed = records.find(code).orElseThrow();
        assertThat(filed.extendedDueAt()).isNull();
        assertThat(filed.nearDeadline()).isFalse();
        assertThat(filed.timeline().statusChanges())
                .singleElement()
                .isEqualTo(new StatusChange(DossierStatus.SUBMITTED, FILED, null, null, null));

        tx.executeWithoutResult(status -> {
            dossiers.deadlineNear(code);
            dossiers.appointmentExtended(code, LocalDateTime.of(2026, 3, 13, 16, 0));
        });
        PublicRecord warned = records.find(code).orElseThrow();
        assertThat(warned.nearDeadline()).isTrue();
        assertThat(warned.extendedDueAt()).isEqualTo(LocalDateTime.of(2026, 3, 13, 16, 0));
        assertThat(warned.dueAt()).isEqualTo(LocalDateTime.of(2026, 3, 9, 9, 0));

        tx.executeWithoutResult(status -> dossiers.appointmentSet(code, LocalDateTime.of(2026, 3, 16, 9, 0)));
        PublicRecord moved = records.find(code).orElseThrow();
        assertThat(moved.nearDeadline()).isFalse();
        assertThat(moved.dueAt()).isEqualTo(LocalDateTime.of(2026, 3, 16, 9, 0));
        assertThat(moved.extendedDueAt()).isEqualTo(LocalDateTime.of(2026, 3, 13, 16, 0));
    }

    private void started(String code, String taskId, String key, String name, int hours) {
        String publicText = "Đang " + Character.toLowerCase(name.charAt(0)) + name.substring(1);
        dossiers.stepStarted(
                code,
                taskId + "-" + code,
                key,
                name,
                "phanrang-reception",
                publicText,
                FILED.plusHours(hours),
                FILED.plusHours(hours + 8));
    }

    /** The timeline's tables as the public sees them: no actor, outcome or note. */
    private static Timeline publicPart(Timeline tables) {
        return new Timeline(
                tables.statusChanges().stream()
                        .map(c -> new StatusChange(c.status(), c.changedAt(), null, c.publicText(), null))
                        .toList(),
                tables.steps().stream()
                        .map(s -> new Step(
                                s.stepKey(),
                                s.stepName(),
                                s.department(),
                                s.publicText(),
                                s.startedAt(),
                                s.dueAt(),
                                s.completedAt(),
                                null,
                                null,
                                null))
                        .toList());
    }

    private static void await(CountDownLatch latch) {
        try {
            assertThat(latch.await(30, TimeUnit.SECONDS)).isTrue();
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            throw new IllegalStateException(e);
        }
    }
}
