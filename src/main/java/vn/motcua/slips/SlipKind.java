package vn.motcua.slips;

import java.util.Arrays;
import java.util.Optional;

/**
 * The slips of domain.md §4.3–4.4, with the number symbol of §4.2 and the name used in download URLs. The symbol is the
 * kind's, then the receiving agency's own (TTPVHCC for the provincial centre, UBND for a ward), then the one-stop
 * shop's: {@code TN-UBND(BPTNTKQ)}.
 */
enum SlipKind {
    RECEIPT("giay-tiep-nhan", "GIẤY TIẾP NHẬN HỒ SƠ VÀ HẸN TRẢ KẾT QUẢ", "TN"),
    SUPPLEMENT("phieu-bo-sung", "PHIẾU YÊU CẦU BỔ SUNG, HOÀN THIỆN HỒ SƠ", "PBS"),
    REFUSAL("phieu-tu-choi", "PHIẾU TỪ CHỐI TIẾP NHẬN GIẢI QUYẾT HỒ SƠ", "PTC");

    private final String slug;
    private final String title;
    private final String prefix;

    SlipKind(String slug, String title, String prefix) {
        this.slug = slug;
        this.title = title;
        this.prefix = prefix;
    }

    String slug() {
        return slug;
    }

    String title() {
        return title;
    }

    /** The number symbol; without an agency symbol in the catalogue, the one-stop shop's alone. */
    String symbol(Optional<String> agencySymbol) {
        return agencySymbol.map(agency -> prefix + "-" + agency + "(BPTNTKQ)").orElse(prefix + "-BPTNTKQ");
    }

    static Optional<SlipKind> bySlug(String slug) {
        return Arrays.stream(values()).filter(k -> k.slug.equals(slug)).findFirst();
    }
}
