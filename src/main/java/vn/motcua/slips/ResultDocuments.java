package vn.motcua.slips;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.springframework.stereotype.Service;
import vn.motcua.catalog.Agency;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.Procedures;
import vn.motcua.dossier.Dossier;
import vn.motcua.security.PersonNames;
import vn.motcua.signing.SignatureAppearance;

/**
 * Writes a dossier's result document (domain.md §8.1, NĐ 30/2020 Phụ lục I): the agency and the national motto, the
 * number left for the records clerk to give, the title, the text of the procedure's template filled from the dossier
 * and the task forms, and the leader's block — title, a field for the digital signature, the leader's name.
 */
@Service
class ResultDocuments {

    /** A result before any signature: the PDF and where the leader's signature goes. */
    record Draft(byte[] pdf, SignatureAppearance leader, String symbol) {}

    private static final float HEADER_LEFT = 0.46f;
    private static final float HEADER_SIZE = 9;

    private final Procedures procedures;
    private final IdentityService identity;
    private final SlipSettings settings;
    private final Clock clock;
    private final Map<String, ResultTemplate> byProcedure;
    private final ResultTemplate general;
    private final ResultTemplate refusal;

    ResultDocuments(
            Procedures procedures, IdentityService identity, SlipSettings settings, ObjectMapper json, Clock clock) {
        this.procedures = procedures;
        this.identity = identity;
        this.settings = settings;
        this.clock = clock;
        Map<String, ResultTemplate> templates = ResultTemplate.FILES.stream()
                .collect(Collectors.toMap(Function.identity(), name -> ResultTemplate.load(name, json)));
        this.general = templates.get("ket-qua");
        this.refusal = templates.get("tu-choi");
        Map<String, ResultTemplate> procedureTemplates = new HashMap<>();
        templates.values().forEach(t -> t.procedures().forEach(code -> procedureTemplates.put(code, t)));
        this.byProcedure = Map.copyOf(procedureTemplates);
    }

    ResultTemplate template(String procedureCode, boolean refused) {
        return refused ? refusal : byProcedure.getOrDefault(procedureCode, general);
    }

    Draft draft(Dossier dossier, Map<String, Object> variables, boolean refused, String leaderUserId) {
        Procedure procedure = procedures
                .versionForStep(dossier.procedureCode(), dossier.procedureVersion())
                .orElseThrow();
        Optional<Agency> agency = procedures.agencyForStep(procedure.agencyCode());
        ResultTemplate template = template(procedure.code(), refused);
        Map<String, String> values = values(dossier, procedure, variables);
        String symbol = template.symbol()
                + agency.flatMap(Agency::knownSymbol).map(s -> "-" + s).orElse("");
        SignatureAppearance[] leader = new SignatureAppearance[1];
        byte[] pdf = SlipPdf.onePage(ResultTemplate.fill(template.title(), values) + " " + dossier.code(), page -> {
            LocalDate today = LocalDate.now(clock);
            page.columns(
                            List.of(
                                    settings.parentBody().toUpperCase(),
                                    procedure.agencyName().toUpperCase()),
                            List.of("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"),
                            true,
                            HEADER_SIZE,
                            HEADER_LEFT)
                    .gap(4)
                    .columns(
                            List.of("Số:        /" + symbol),
                            List.of(settings.place() + ", ngày      tháng      năm " + today.getYear()),
                            false,
                            HEADER_SIZE,
                            HEADER_LEFT)
                    .gap(14)
                    .centre(ResultTemplate.fill(template.title(), values), true, 14)
                    .centre(ResultTemplate.fill(template.subtitle(), values), false, 11)
                    .gap(10);
            for (ResultTemplate.Line line : template.lines()) {
                String text = ResultTemplate.fill(line.text(), values);
                if (line.label() != null) {
                    page.line(line.label(), text);
                } else if (line.indent()) {
                    page.indented(text);
                } else {
                    page.text(text);
                }
            }
            page.gap(10)
                    .columns(
                            List.of(
                                    "Nơi nhận:",
                                    "- " + dossier.applicant().name() + ";",
                                    "- Lưu: VT, hồ sơ " + dossier.code() + "."),
                            leaderTitle(agency),
                            true,
                            10);
            float[] box = page.rightBox(64);
            leader[0] = SignatureAppearance.person(1, box[0] + 10, box[1], box[2] - 20, box[3]);
            page.columns(List.of(), List.of(fullName(leaderUserId)), true, 11);
        });
        return new Draft(pdf, leader[0], symbol);
    }

    /** "TM. ỦY BAN NHÂN DÂN / CHỦ TỊCH" for a people's committee, "THỦ TRƯỞNG CƠ QUAN" for another agency. */
    private static List<String> leaderTitle(Optional<Agency> agency) {
        if (agency.map(Agency::name)
                .filter(n -> n.startsWith("Ủy ban nhân dân"))
                .isPresent()) {
            return List.of("TM. ỦY BAN NHÂN DÂN", "CHỦ TỊCH");
        }
        return List.of("THỦ TRƯỞNG CƠ QUAN");
    }

    private static Map<String, String> values(Dossier dossier, Procedure procedure, Map<String, Object> variables) {
        Map<String, String> values = new HashMap<>();
        variables.forEach((name, value) -> {
            if (value instanceof String || value instanceof Number || value instanceof Boolean) {
                values.put(name, shown(value));
            }
        });
        values.put("code", dossier.code());
        values.put("applicantName", dossier.applicant().name());
        values.put("applicantAddress", dossier.applicant().address());
        values.put("applicantIdNumber", dossier.applicant().idNumber());
        values.put("summary", dossier.summary());
        values.put("procedureName", procedure.name());
        values.put("procedureCode", procedure.code());
        values.put("agencyName", procedure.agencyName());
        return values;
    }

    /** Numbers as Vietnamese write them: 120,5 and 3 (not 3.0). */
    private static String shown(Object value) {
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            String plain = number == Math.rint(number)
                    ? Long.toString((long) number)
                    : java.math.BigDecimal.valueOf(number).stripTrailingZeros().toPlainString();
            return plain.replace('.', ',');
        }
        return String.valueOf(value);
    }

    private String fullName(String userId) {
        User user = identity.createUserQuery().userId(userId).singleResult();
        return user == null ? userId : PersonNames.of(user);
    }
}
