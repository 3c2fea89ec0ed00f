package vn.motcua.slips;

import java.util.Arrays;
import java.util.Optional;

/** The slips of domain.md §4.3–4.4, with the number symbol of §4.2 and the name used in download URLs. */
enum SlipKind {
    RECEIPT("giay-tiep-nhan", "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", "TN-TTPVHCC(BPTNTKQ)"),
    SUPPLEMENT("phieu-bo-sung", "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", "PBS-TTPVHCC(BPTNTKQ)"),
    REFUSAL("phieu-tu-choi", "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", "PTC-TTPVHCC(BPTNTKQ)");

    private final String slug;
    private final String title;
    private final String symbol;

    SlipKind(String slug, String title, String symbol) {
        this.slug = slug;
        this.title = title;
        this.symbol = symbol;
    }

    String slug() {
        return slug;
    }

    String title() {
        return title;
    }

    String symbol() {
        return symbol;
    }

    static Optional<SlipKind> bySlug(String slug) {
        return Arrays.stream(values()).filter(k -> k.slug.equals(slug)).findFirst();
    }
}
