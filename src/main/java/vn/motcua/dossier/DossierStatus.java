package vn.motcua.dossier;

import java.util.Arrays;

/** National portal status codes (DVCQG {@code TrangThaiHoSo}, domain.md §5.1). */
public enum DossierStatus {
    SUBMITTED(1, "Mới đăng ký"),
    ACCEPTED(2, "Được tiếp nhận"),
    REFUSED(3, "Không được tiếp nhận"),
    IN_PROCESS(4, "Đang xử lý"),
    SUPPLEMENT_REQUESTED(5, "Yêu cầu bổ sung giấy tờ"),
    FINANCIAL_OBLIGATION(6, "Yêu cầu thực hiện nghĩa vụ tài chính"),
    WITHDRAWAL_REQUESTED(7, "Công dân yêu cầu rút hồ sơ"),
    STOPPED(8, "Dừng xử lý"),
    DONE(9, "Đã xử lý xong"),
    RETURNED(10, "Đã trả kết quả");

    private final int code;
    private final String label;

    DossierStatus(int code, String label) {
        this.code = code;
        this.label = label;
    }

    public int code() {
        return code;
    }

    public String label() {
        return label;
    }

    public static DossierStatus of(int code) {
        return Arrays.stream(values())
                .filter(s -> s.code == code)
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("No dossier status has the code " + code));
    }

    /** A result (or a reasoned refusal letter) exists: NĐ 118/2025 Art. 21 forbids withdrawal from here on. */
    public boolean hasResult() {
        return this == DONE || this == RETURNED;
    }

    public boolean isFinal() {
        return this == REFUSED || this == STOPPED || this == RETURNED;
    }
}
