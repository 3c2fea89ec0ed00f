package vn.motcua.sla;

import io.swagger.v3.oas.annotations.Operation;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import vn.motcua.api.UserError;
import vn.motcua.catalog.DepartmentRoutes;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.Procedures;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierCode;
import vn.motcua.dossier.Dossiers;

@RestController
class ApologyController {

    private final Apologies apologies;
    private final Dossiers dossiers;
    private final Procedures procedures;
    private final DepartmentRoutes routes;

    ApologyController(Apologies apologies, Dossiers dossiers, Procedures procedures, DepartmentRoutes routes) {
        this.apologies = apologies;
        this.dossiers = dossiers;
        this.procedures = procedures;
        this.routes = routes;
    }

    record ApologyRequest(String reason, LocalDateTime newAppointmentAt) {}

    @PostMapping("/api/dossiers/{code}/apology")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(
            summary = "Issue the apology and extension letter (form 04): head or leader of the handling unit, once per"
                    + " dossier, at least one working day before the due time")
    Apologies.Issued apologise(
            @PathVariable("code") String typed, @RequestBody ApologyRequest request, Authentication user) {
        String code = DossierCode.normalise(typed);
        Dossier dossier = dossiers.find(code)
                .orElseThrow(() -> UserError.notFound(
                        "Không tìm thấy hồ sơ có mã " + code + ".", "No dossier has the code " + code + "."));
        Procedure procedure = procedures
                .version(dossier.procedureCode(), dossier.procedureVersion())
                .orElseThrow();
        // BM.04 is signed by the head of the agency; the unit's head or leader prepares and signs it here
        // a role without a route has nobody who may
        List<String> groups = List.of("head", "leader").stream()
                .map(role -> routes.find(procedure, role))
                .flatMap(Optional::stream)
                .toList();
        boolean allowed =
                user != null && user.getAuthorities().stream().anyMatch(a -> groups.contains(a.getAuthority()));
        if (!allowed) {
            String named = String.join(", ", groups);
            throw new UserError(
                    HttpStatus.FORBIDDEN,
                    "Chỉ lãnh đạo đơn vị giải quyết ("
                            + (groups.isEmpty() ? "thủ tục chưa có tuyến phòng ban head, leader" : named)
                            + ") mới được lập phiếu xin lỗi, gia hạn.",
                    "Only the handling unit's head or leader ("
                            + (groups.isEmpty() ? "the procedure has no department route for head or leader" : named)
                            + ") may issue the apology letter.");
        }
        return apologies.issue(code, request.reason(), request.newAppointmentAt(), user.getName());
    }
}
