package vn.motcua.dossier;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;
import vn.motcua.IntegrationTest;

/**
 * A dossier is read once per transaction (issue 17: a step read its row up to five times): what the transaction itself
 * changes is read again, a transaction started inside it reads for itself, and another transaction's change is seen by
 * the next transaction.
 */
@IntegrationTest
class DossiersInTransactionTests {

    static final LocalDateTime FILED = LocalDateTime.of(2026, 3, 2, 9, 0);

    @Autowired
    Dossiers dossiers;

    @Autowired
    PlatformTransactionManager transactions;

    @Autowired
    JdbcTemplate jdbc;

    @Test
    void aTransactionReadsItsOwnChangesAndAnInnerTransactionReadsForItself() {
        TransactionTemplate outer = new TransactionTemplate(transactions);
        TransactionTemplate inner = new TransactionTemplate(transactions);
        inner.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        String code = outer.execute(tx -> dossiers.register(newDossier()).code());

        outer.executeWithoutResult(tx -> {
            assertThat(dossiers.find(code).orElseThrow().dueAt()).isEqualTo(LocalDateTime.of(2026, 3, 9, 9, 0));
            dossiers.appointmentSet(code, LocalDateTime.of(2026, 3, 10, 16, 30));
            assertThat(dossiers.find(code).orElseThrow().dueAt()).isEqualTo(LocalDateTime.of(2026, 3, 10, 16, 30));

            dossiers.statusChanged(
                    code,
                    DossierStatus.SUBMITTED,
                    DossierStatus.ACCEPTED,
                    FILED.plusHours(1),
                    "phanrang.reception",
                    "Đang thẩm định",
                    null);
            assertThat(dossiers.find(code).orElseThrow().status()).isEqualTo(DossierStatus.ACCEPTED);
            assertThat(dossiers.find(code).orElseThrow().currentStep()).isEqualTo("Đang thẩm định");

            // an inner transaction does not see the outer's uncommitted rows through the outer's reads
            inner.executeWithoutResult(innerTx ->
                    assertThat(dossiers.find(code).orElseThrow().status()).isEqualTo(DossierStatus.SUBMITTED));
            assertThat(dossiers.find(code).orElseThrow().status()).isEqualTo(DossierStatus.ACCEPTED);
        });

        // changed by another writer after the transaction that read it ended: the next transaction reads it again
        jdbc.update("update dossier set status_note = ? where code = ?", "Công dân gọi điện hỏi", code);
        outer.executeWithoutResult(
                tx -> assertThat(dossiers.find(code).orElseThrow().statusNote()).isEqualTo("Công dân gọi điện hỏi"));
        assertThat(dossiers.find(code).orElseThrow().status()).isEqualTo(DossierStatus.ACCEPTED);
    }

    @Test
    void aCodeReadAsMissingIsFoundOnceRegisteredInTheSameTransaction() {
        TransactionTemplate outer = new TransactionTemplate(transactions);
        outer.executeWithoutResult(tx -> {
            String next = jdbc.queryForObject(
                    "select concat('000.20.43.H43-260302-', lpad(coalesce(max(last_sequence), 0) + 1, 4, '0'))"
                            + " from dossier_sequence where agency_code = '000.20.43.H43' and reception_day = ?",
                    String.class,
                    FILED.toLocalDate());
            assertThat(dossiers.find(next)).isEmpty();
            String code = dossiers.register(newDossier()).code();
            assertThat(code).isEqualTo(next);
            assertThat(dossiers.find(code).orElseThrow().applicant().name()).isEqualTo("Nguyễn Thị Hoà");
        });
    }

    /** A house permit received at the Phan Rang ward's counter on {@link #FILED}, due a week later. */
    static NewDossier newDossier() {
        return new NewDossier(
                "1.009994.H43",
                1,
                "000.20.43.H43",
                NewDossier.Channel.COUNTER,
                new Applicant(
                        Applicant.Kind.PERSON,
                        "Nguyễn Thị Hoà",
                        "058190000123",
                        "Phường Phan Rang, tỉnh Khánh Hòa",
                        "0912345678",
                        null),
                "phanrang.reception",
                "Cấp giấy phép xây dựng nhà ở riêng lẻ",
                "{}",
                FILED,
                LocalDateTime.of(2026, 3, 9, 9, 0),
                List.of());
    }
}
