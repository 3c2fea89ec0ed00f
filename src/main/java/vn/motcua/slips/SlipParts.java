package vn.motcua.slips;

import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import vn.motcua.catalog.Procedure;
import vn.motcua.dossier.Applicant;
import vn.motcua.dossier.Dossier;
import vn.motcua.dossier.NewDossier;
import vn.motcua.signing.SignatureAppearance;

/** What the slips print alike: the applicant, numbered lists, signature blocks and the wording of times and fees. */
final class SlipParts {

    static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH 'giờ' mm 'phút', 'ngày' dd/MM/yyyy");

    /** More items than this are listed in one paragraph, so that a long list still fits the page. */
    private static final int ITEMS_ON_LINES = 10;

    /** The receiving unit's seal on a slip: four lines of red text (name on two, "Đóng dấu lúc", the time). */
    private static final float SEAL_HEIGHT = 46;

    private static final float SEAL_WIDTH = 130;

    private SlipParts() {}

    static void numbered(SlipPdf pdf, List<String> items) {
        if (items.size() > ITEMS_ON_LINES) {
            StringBuilder all = new StringBuilder();
            for (int i = 0; i < items.size(); i++) {
                all.append(i == 0 ? "" : "; ").append(i + 1).append(". ").append(items.get(i));
            }
            pdf.indented(all.toString());
            return;
        }
        for (int i = 0; i < items.size(); i++) {
            pdf.indented((i + 1) + ". " + items.get(i));
        }
    }

    static void applicant(SlipPdf pdf, Applicant applicant) {
        boolean organisation = applicant.kind() == Applicant.Kind.ORGANIZATION;
        pdf.line(organisation ? "Tên tổ chức:" : "Họ và tên người nộp:", applicant.name());
        pdf.line(organisation ? "Số định danh tổ chức (mã số thuế):" : "Số định danh cá nhân:", applicant.idNumber());
        pdf.line("Địa chỉ:", applicant.address());
        // the applicant may have given no phone or e-mail: no line rather than an empty one
        if (applicant.phone() != null && !applicant.phone().isBlank()) {
            pdf.line("Số điện thoại:", applicant.phone());
        }
        if (applicant.email() != null && !applicant.email().isBlank()) {
            pdf.line("Thư điện tử:", applicant.email());
        }
    }

    /**
     * The two signature blocks, the receiving unit's at the right; answers where the unit's seal goes: the space
     * between the right block's title and the official's name (points from the page's top left, as signature fields
     * are placed).
     */
    static SignatureAppearance signatures(
            SlipPdf pdf, String leftRole, String leftName, String rightRole, String rightName) {
        pdf.gap(8)
                .columns(List.of(leftRole), List.of(rightRole), true, 11)
                .columns(
                        List.of(leftRole.isEmpty() ? "" : "(Ký và ghi rõ họ tên)"),
                        List.of("(Ký và ghi rõ họ tên; chữ ký số nếu là biểu mẫu điện tử)"),
                        false,
                        9)
                .gap(2);
        float[] box = pdf.rightBox(SEAL_HEIGHT);
        int page = pdf.pageNumber();
        // the cursor is the next line's baseline: the name's letters rise above it, clear of the seal
        pdf.gap(10).columns(List.of(leftName), List.of(rightName), true, 11);
        // centred under the right block's title; DSS draws the text from the field's left, about this wide
        float width = Math.min(SEAL_WIDTH, box[2]);
        return SignatureAppearance.seal(page, box[0] + (box[2] - width) / 2, box[1], width, box[3]);
    }

    // Officials list items one per line or separated by semicolons.
    static List<String> items(String note) {
        if (note == null || note.isBlank()) {
            return List.of("(không ghi)");
        }
        return Arrays.stream(note.split("[;\\n]+"))
                .map(String::trim)
                .filter(s -> !s.isEmpty())
                .toList();
    }

    static String legalTime(Procedure procedure) {
        return switch (procedure.timeUnit()) {
            case WORKING_HOURS -> procedure.legalTime() + " giờ làm việc";
            case WORKING_DAYS -> procedure.legalTime() + " ngày làm việc";
            case CALENDAR_DAYS -> procedure.legalTime() + " ngày";
        };
    }

    static String resultPlace(NewDossier.Channel channel) {
        return switch (channel) {
            case ONLINE -> "trực tuyến trên Cổng dịch vụ công hoặc tại Bộ phận tiếp nhận và trả kết quả";
            case COUNTER -> "tại Bộ phận tiếp nhận và trả kết quả";
            case POSTAL -> "qua dịch vụ bưu chính công ích";
            // a liên thông dossier: the result goes back the way the dossier came, to the agency that received it
            case LIENTHONG -> "tại cơ quan tiếp nhận hồ sơ liên thông";
        };
    }

    static String feeLine(Procedure procedure, NewDossier.Channel channel) {
        String fee = procedure.fee() == null || procedure.fee().isBlank() ? "không thu" : procedure.fee();
        return fee
                + (channel == NewDossier.Channel.ONLINE ? "; nộp trực tuyến" : "; nộp trực tiếp tại Bộ phận Một cửa");
    }

    static String register(Dossier dossier) {
        LocalDateTime at = dossier.receivedAt();
        return "Quyển số " + at.getYear() + "/" + dossier.procedureCode() + ", Số thứ tự " + dossier.sequenceNo();
    }
}
