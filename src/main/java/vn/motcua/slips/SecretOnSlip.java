package vn.motcua.slips;

import vn.motcua.dossier.NewDossier;
import vn.motcua.dossier.Step;

/**
 * Where the applicant finds the secret when a slip cannot print it. The secret is stored hashed: a slip prints it only
 * for a caller who sent it (the applicant, or the counter officer printing the slip for the applicant at the counter,
 * who was given it once), never for an official downloading the slip later (README "Citizen portal, counter and
 * slips").
 */
final class SecretOnSlip {

    static final String NOT_ON_THIS_COPY = "không in trên bản này; mã chỉ in trên bản giao cho người nộp khi nộp hồ sơ"
            + " và trên bản người nộp tự tải về.";

    private SecretOnSlip() {}

    /** For a supplement request downloaded without the secret: the words that send the applicant to theirs. */
    static String whereToFind(NewDossier.Channel channel, Step decision) {
        return switch (channel) {
            case ONLINE ->
                "mã nhận được khi nộp hồ sơ trực tuyến; hoặc đăng nhập bằng tài khoản đã nộp hồ sơ"
                        + " (không cần mã).";
            // a dossier sent by another agency: its secret was given there
            case LIENTHONG -> "mã do cơ quan đã tiếp nhận hồ sơ liên thông cấp cho Ông/Bà.";
            case COUNTER, POSTAL ->
                // asked at the reception check, the dossier was never received: no receipt exists, this slip is all
                "Task_CheckDossier".equals(decision.stepKey())
                        ? "in trên bản phiếu này giao cho Ông/Bà khi nộp hồ sơ (bản lưu của cơ quan không in mã)."
                        : "in trên Giấy tiếp nhận hồ sơ và hẹn trả kết quả đã giao cho Ông/Bà.";
        };
    }
}
