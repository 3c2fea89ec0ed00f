package vn.motcua.tracking;

import io.swagger.v3.oas.annotations.Operation;
import java.security.Principal;
import java.time.LocalDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.Procedures;
import vn.motcua.dossier.Dossiers;

/** "Hồ sơ của tôi": a logged-in citizen sees the dossiers they filed, and nobody else's. */
@RestController
class MyDossiersController {

    private final Dossiers dossiers;
    private final Procedures procedures;

    MyDossiersController(Dossiers dossiers, Procedures procedures) {
        this.dossiers = dossiers;
        this.procedures = procedures;
    }

    record MyDossier(
            String code,
            String procedureCode,
            String procedureName,
            int status,
            String statusLabel,
            String currentStep,
            LocalDateTime receivedAt,
            LocalDateTime appointmentAt) {}

    @GetMapping("/api/dossiers/mine")
    @Operation(summary = "The dossiers the logged-in user filed, newest first (at most 200)")
    List<MyDossier> mine(Principal user) {
        Map<String, String> names = new HashMap<>();
        return dossiers.filedBy(user.getName()).stream()
                .map(d -> new MyDossier(
                        d.code(),
                        d.procedureCode(),
                        names.computeIfAbsent(
                                d.procedureCode(),
                                code -> procedures
                                        .heading(code)
                                        .map(Procedure.Heading::name)
                                        .orElse(code)),
                        d.status().code(),
                        d.status().label(),
                        d.currentStep(),
                        d.receivedAt(),
                        d.dueAt()))
                .toList();
    }
}
