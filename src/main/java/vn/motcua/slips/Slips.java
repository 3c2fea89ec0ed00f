package vn.motcua.slips;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.User;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import vn.motcua.api.UserError;
import vn.motcua.catalog.Agency;
import vn.motcua.catalog.DepartmentRoutes;
import vn.motcua.catalog.Procedure;
import vn.motcua.catalog.Procedures;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.DossierStatus;
import vn.motcua.dossier.Dossiers;
import vn.motcua.dossier.NewDossier;
import vn.motcua.dossier.Step;
import vn.motcua.dossier.StoredAttachment;
import vn.motcua.security.PersonNames;
import vn.motcua.signing.SignatureAppearance;

/** Writes the slips of one dossier from its record, its catalogue entry and its timeline. */
@Service
class Slips {

    /** The share of the header's width taken by the agency, at the left of the national motto. */
    private static final float HEADER_LEFT = 0.46f;

    /** DejaVu is wide: at this size the agency's and the motto's lines stay whole. */
    private static final float HEADER_SIZE = 9;

    private final Dossiers dossiers;
    private final Procedures procedures;
    private final IdentityService identity;
    private final DepartmentRoutes routes;
    private final SlipSettings settings;
    private final String publicUrl;

    Slips(
            Dossiers dossiers,
            Procedures procedures,
            IdentityService identity,
            DepartmentRoutes routes,
            SlipSettings settings,
            @Value("${motcua.public-url}") String publicUrl) {
        this.dossiers = dossiers;
        this.procedures = procedures;
        this.identity = identity;
        this.routes = routes;
        this.settings = settings;
        // one way to write the address, whether configured with a trailing slash or not
        this.publicUrl = publicUrl.replaceAll("/+$", "");
    }

    /** The public tracking page of a dossier: what the QR code of every slip opens. */
    static String trackingPage(String publicUrl, String code) {
        return publicUrl + "/portal/tra-cuu.html?ma=" + code;
    }

    /**
     * The slip as PDF, on one A4 page. The secret is printed only when the caller gave the right one (it is stored
     * hashed): the applicant, or the counter officer printing the slip for the applicant who is standing there.
     */
    byte[] write(Dossier dossier, SlipKind kind, Optional<String> verifiedSecret) {
        return slip(dossier, kind, verifiedSecret).pdf();
    }

    /** A slip before its seal: the PDF and where the receiving unit's seal goes (its receiver's signature block). */
    record Slip(byte[] pdf, SignatureAppearance seal) {}

    /** {@link #write}, with the place of the seal. */
    Slip slip(Dossier dossier, SlipKind kind, Optional<String> verifiedSecret) {
        Procedure procedure = procedures
                .versionForStep(dossier.procedureCode(), dossier.procedureVersion())
                .orElseThrow();
        Optional<Agency> agency = procedures.receivingAgencyForStep(procedure);
        SignatureAppearance[] seal = new SignatureAppearance[1];
        byte[] pdf = SlipPdf.onePage(kind.title() + " " + dossier.code(), page -> {
            header(page, dossier, procedure, agency, kind);
            seal[0] = switch (kind) {
                case RECEIPT -> receipt(page, dossier, procedure, verifiedSecret);
                case SUPPLEMENT ->
                    supplement(page, dossier, procedure, agency, decision(dossier, "supplement"), verifiedSecret);
                case REFUSAL -> refusal(page, dossier, procedure, decision(dossier, "refuse"));
            };
        });
        return new Slip(pdf, seal[0]);
    }

    /** The agency whose one-stop shop receives the procedure (it seals the slips), else the procedure's agency. */
    String receivingAgencyCode(Dossier dossier) {
        Procedure procedure = procedures
                .versionForStep(dossier.procedureCode(), dossier.procedureVersion())
                .orElseThrow();
        return procedures.receivingAgencyForStep(procedure).map(Agency::code).orElse(procedure.agencyCode());
    }

    private SignatureAppearance receipt(SlipPdf pdf, Dossier dossier, Procedure procedure, Optional<String> secret) {
        codes(pdf, dossier);
        pdf.line("Mã hồ sơ:", dossier.code());
        pdf.line("Đơn vị tiếp nhận:", receivingUnit(procedure));
        SlipParts.applicant(pdf, dossier.applicant());
        pdf.line("Nội dung yêu cầu giải quyết:", dossier.summary());
        pdf.line("Thủ tục hành chính:", procedure.name() + " (mã " + procedure.code() + ")");
        pdf.label("Thành phần hồ sơ đã nộp:");
        SlipParts.numbered(pdf, documents(dossier, procedure));
        pdf.line("Số lượng hồ sơ:", "01 (bộ)");
        pdf.line("Thời gian giải quyết hồ sơ theo quy định:", SlipParts.legalTime(procedure));
        pdf.line("Thời gian nhận hồ sơ:", SlipParts.TIME.format(dossier.receivedAt()));
        pdf.line("Thời gian trả kết quả giải quyết hồ sơ (hẹn trả):", SlipParts.TIME.format(dossier.dueAt()));
        pdf.line("Nơi nhận kết quả:", SlipParts.resultPlace(dossier.channel()));
        pdf.line("Phí, lệ phí và hình thức thu:", SlipParts.feeLine(procedure, dossier.channel()));
        pdf.line("Vào Sổ theo dõi hồ sơ:", SlipParts.register(dossier));
        if (secret.isPresent()) {
            pdf.label("Mã bí mật để tra cứu thông tin cá nhân, bổ sung hoặc rút hồ sơ (giữ kín, không cần gõ dấu"
                    + " gạch):");
            pdf.code(secret.get());
        } else {
            pdf.line("Mã bí mật để tra cứu thông tin cá nhân, bổ sung hoặc rút hồ sơ:", SecretOnSlip.NOT_ON_THIS_COPY);
        }
        pdf.text("Kết quả có thể được trả sớm hơn ngày hẹn. Tra cứu tình trạng hồ sơ tại địa chỉ sau hoặc quét mã QR"
                + " trên giấy này:");
        pdf.link(trackingPage(publicUrl, dossier.code()));
        return SlipParts.signatures(
                pdf, "NGƯỜI NỘP HỒ SƠ", dossier.applicant().name(), "NGƯỜI TIẾP NHẬN HỒ SƠ", receiver(dossier));
    }

    private SignatureAppearance supplement(
            SlipPdf pdf,
            Dossier dossier,
            Procedure procedure,
            Optional<Agency> agency,
            Step decision,
            Optional<String> secret) {
        codes(pdf, dossier);
        pdf.line("Mã hồ sơ:", dossier.code());
        pdf.line("Đơn vị tiếp nhận:", receivingUnit(procedure));
        SlipParts.applicant(pdf, dossier.applicant());
        pdf.line("Nội dung yêu cầu giải quyết:", dossier.summary());
        pdf.line("Thời gian nhận hồ sơ:", SlipParts.TIME.format(dossier.receivedAt()));
        pdf.text("Sau khi xem xét, đề nghị Ông/Bà bổ sung, hoàn thiện hồ sơ gồm những nội dung sau:");
        SlipParts.numbered(pdf, SlipParts.items(decision.note()));
        pdf.line("Lý do:", "hồ sơ chưa đầy đủ hoặc chưa đúng quy định của thủ tục " + procedure.name() + ".");
        pdf.line(
                "Bổ sung trực tuyến:",
                "quét mã QR trên phiếu này hoặc mở địa chỉ dưới đây, nhập mã bí mật rồi tải lên các giấy tờ trên; hoặc"
                        + " nộp trực tiếp tại " + receivingUnit(procedure) + ".");
        pdf.link(trackingPage(publicUrl, dossier.code()));
        if (secret.isPresent()) {
            pdf.label("Mã bí mật để bổ sung trực tuyến (giữ kín, không cần gõ dấu gạch):");
            pdf.code(secret.get());
        } else {
            pdf.line("Mã bí mật:", SecretOnSlip.whereToFind(dossier.channel(), decision));
        }
        String guide = fullName(decision.completedBy());
        Optional<String> phone = agency.flatMap(Agency::knownPhone).or(this::configuredPhone);
        if (phone.isPresent()) {
            pdf.line(
                    "Người hướng dẫn và số điện thoại liên hệ:",
                    guide.isEmpty() ? phone.get() : guide + ", " + phone.get());
        } else if (!guide.isEmpty()) {
            pdf.line("Người hướng dẫn:", guide);
        }
        return SlipParts.signatures(pdf, "", "", "NGƯỜI HƯỚNG DẪN", guide);
    }

    private SignatureAppearance refusal(SlipPdf pdf, Dossier dossier, Procedure procedure, Step decision) {
        codes(pdf, dossier);
        pdf.line("Đơn vị tiếp nhận:", receivingUnit(procedure));
        SlipParts.applicant(pdf, dossier.applicant());
        pdf.line("Mã hồ sơ:", dossier.code());
        pdf.line("Nội dung yêu cầu giải quyết:", dossier.summary());
        pdf.text("Cơ quan, đơn vị không tiếp nhận, giải quyết hồ sơ này với lý do cụ thể như sau:");
        SlipParts.numbered(pdf, SlipParts.items(decision.note()));
        pdf.text("Xin thông báo để Ông/Bà được biết và thực hiện.");
        return SlipParts.signatures(
                pdf, "NGƯỜI NỘP HỒ SƠ", dossier.applicant().name(), "NGƯỜI TIẾP NHẬN HỒ SƠ", receiver(dossier));
    }

    private Optional<String> configuredPhone() {
        return Optional.ofNullable(settings.contactPhone()).filter(p -> !p.isBlank());
    }

    private void header(SlipPdf pdf, Dossier dossier, Procedure procedure, Optional<Agency> agency, SlipKind kind) {
        LocalDate today = dossier.receivedAt().toLocalDate();
        String agencyName = agency.map(Agency::name).orElse(procedure.agencyName());
        pdf.columns(
                        List.of(settings.parentBody().toUpperCase(), agencyName.toUpperCase()),
                        List.of("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM", "Độc lập - Tự do - Hạnh phúc"),
                        true,
                        HEADER_SIZE,
                        HEADER_LEFT)
                .columns(List.of("BỘ PHẬN TIẾP NHẬN VÀ TRẢ KẾT QUẢ"), List.of(), true, HEADER_SIZE, HEADER_LEFT)
                .gap(4)
                .columns(
                        List.of("Số: " + String.format("%04d", dossier.sequenceNo()) + "/"
                                + kind.symbol(agency.flatMap(Agency::knownSymbol))),
                        List.of(settings.place() + ", ngày " + String.format("%02d", today.getDayOfMonth())
                                + " tháng " + String.format("%02d", today.getMonthValue()) + " năm "
                                + today.getYear()),
                        false,
                        HEADER_SIZE,
                        HEADER_LEFT)
                .gap(12)
                .centre(kind.title(), true, 14)
                .gap(8);
    }

    // The QR to the tracking page at the right, the lines beside it kept clear of it; the barcode of the code above
    // the first line.
    private void codes(SlipPdf pdf, Dossier dossier) {
        pdf.codeAtRight(Codes.qr(trackingPage(publicUrl, dossier.code())), 80, 80, 4);
        pdf.codeAtLeft(Codes.barcode(dossier.code()), 190, 28);
        pdf.gap(40);
    }

    private List<String> documents(Dossier dossier, Procedure procedure) {
        List<StoredAttachment> files = dossiers.attachments(dossier.code());
        List<String> documents = new ArrayList<>();
        for (Procedure.Component component : procedure.components()) {
            List<String> names = files.stream()
                    .filter(f -> component.code().equals(f.componentCode()))
                    .map(StoredAttachment::fileName)
                    .toList();
            if (!names.isEmpty()) {
                documents.add(component.name() + " — bản điện tử: " + String.join(", ", names));
            } else if (component.required() && dossier.channel() != NewDossier.Channel.ONLINE) {
                // reception refuses a counter filing whose required components were neither attached nor received
                documents.add(component.name() + " — bản giấy");
            }
        }
        return documents;
    }

    private Step decision(Dossier dossier, String outcome) {
        return dossiers.steps(dossier.code()).stream()
                .filter(step -> outcome.equals(step.outcome()))
                .max(Comparator.comparing(Step::completedAt))
                .orElseThrow(() -> UserError.notFound(
                        "Hồ sơ " + dossier.code() + " không có "
                                + ("refuse".equals(outcome) ? "phiếu từ chối" : "phiếu yêu cầu bổ sung") + ".",
                        "Dossier " + dossier.code() + " has no such slip."));
    }

    /** Whether a slip of this kind exists for the dossier. */
    boolean exists(Dossier dossier, SlipKind kind) {
        return switch (kind) {
            case RECEIPT -> dossier.status() != DossierStatus.REFUSED;
            case SUPPLEMENT -> dossiers.steps(dossier.code()).stream().anyMatch(s -> "supplement".equals(s.outcome()));
            case REFUSAL -> dossiers.steps(dossier.code()).stream().anyMatch(s -> "refuse".equals(s.outcome()));
        };
    }

    private String receivingUnit(Procedure procedure) {
        Group group = routes.find(procedure, "reception")
                .map(id -> identity.createGroupQuery().groupId(id).singleResult())
                .orElse(null);
        return group == null ? procedure.agencyName() : group.getName();
    }

    private String receiver(Dossier dossier) {
        if (dossier.channel() != NewDossier.Channel.ONLINE) {
            return fullName(dossier.filedBy());
        }
        return dossiers.steps(dossier.code()).stream()
                .filter(s -> "Task_CheckDossier".equals(s.stepKey()) && s.completedBy() != null)
                .map(s -> fullName(s.completedBy()))
                .findFirst()
                .orElse("(tiếp nhận trực tuyến)");
    }

    private String fullName(String userId) {
        User user = userId == null
                ? null
                : identity.createUserQuery().userId(userId).singleResult();
        if (user == null) {
            return userId == null ? "" : userId;
        }
        return PersonNames.of(user);
    }
}
