package vn.motcua.rating;

/** The nine criteria of the evaluation of a dossier ("Bảng đánh giá việc giải quyết TTHC", domain.md §12). */
public enum Criterion {
    TOTAL_TIME(
            "Thời gian giải quyết hồ sơ so với thời hạn theo quy định",
            "Total processing time against the legal limit"),
    AGENCY_TIME(
            "Thời gian xử lý của từng cơ quan, đơn vị, kể cả cơ quan phối hợp",
            "Time taken by each agency involved, coordinating ones included"),
    CONTACTS(
            "Số lần phải liên hệ (kể cả trực tuyến) để hoàn thiện hồ sơ",
            "Number of contacts needed to complete the dossier, online ones included"),
    AGENCIES_CONTACTED(
            "Số cơ quan, đơn vị phải liên hệ để hoàn thiện hồ sơ",
            "Number of agencies or units the applicant had to contact"),
    ONE_STOP(
            "Việc tiếp nhận, giải quyết, trả kết quả được thực hiện tại Bộ phận Một cửa",
            "Reception, processing and return done through the one-stop desk"),
    PUBLICATION("Việc công khai thủ tục hành chính", "Publication of the procedure"),
    ATTITUDE(
            "Thái độ của cán bộ, công chức khi hướng dẫn, tiếp nhận, giải quyết hồ sơ",
            "Staff attitude when guiding, receiving and handling the dossier"),
    FEEDBACK(
            "Việc tiếp thu, giải trình ý kiến phản ánh, kiến nghị của người dân",
            "Uptake of and answers to the applicant's feedback"),
    ONLINE_SERVICE(
            "Tiến độ và chất lượng cung cấp dịch vụ công trực tuyến",
            "Progress and quality of the online public service");

    /** Points of one criterion: 0, 1 or 2 (2 is best). */
    public static final int MAX_POINTS = 2;

    public final String text;
    public final String textEn;

    Criterion(String text, String textEn) {
        this.text = text;
        this.textEn = textEn;
    }

    /** The criterion's number on the form, 1 to 9. */
    public int number() {
        return ordinal() + 1;
    }
}
