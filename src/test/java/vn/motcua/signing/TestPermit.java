package vn.motcua.signing;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import org.apache.pdfbox.pdfwriter.compress.CompressParameters;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * A one-page result in the NĐ 30/2020 layout, with the leader's signature block: the title, then room for the
 * signature, then the name. Written uncompressed so that a test can find and change one byte of it.
 */
final class TestPermit {

    static final float PAGE_HEIGHT = PDRectangle.A4.getHeight();
    /** Where the leader's signature goes (from the page's top): between "CHỦ TỊCH" and the name. */
    static final SignatureAppearance LEADER = SignatureAppearance.person(1, 320, 600, 215, 60);
    /** The seal over the left third of the leader's signature. */
    static final SignatureAppearance SEAL =
            SignatureAppearance.seal(1, 240, 588, 130, 84).withNote("Số: 125/GPXD-UBND");

    static final String MARK = "MOTCUA-UNCHANGED";

    private TestPermit() {}

    static byte[] pdf() throws IOException {
        try (PDDocument document = new PDDocument()) {
            PDPage page = new PDPage(PDRectangle.A4);
            document.addPage(page);
            PDType0Font regular = font(document, "/fonts/DejaVuSerif.ttf");
            PDType0Font bold = font(document, "/fonts/DejaVuSerif-Bold.ttf");
            try (PDPageContentStream text = new PDPageContentStream(document, page)) {
                line(text, bold, 10, 95, 60, "ỦY BAN NHÂN DÂN");
                line(text, bold, 10, 88, 74, "PHƯỜNG PHAN RANG");
                line(text, bold, 10, 310, 60, "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM");
                line(text, bold, 10, 340, 74, "Độc lập - Tự do - Hạnh phúc");
                line(text, bold, 14, 190, 150, "GIẤY PHÉP XÂY DỰNG");
                line(text, regular, 11, 70, 190, "Cấp cho: Ông Nguyễn Văn An, 12 Thống Nhất, phường Phan Rang.");
                line(text, regular, 11, 70, 208, "Được phép xây dựng nhà ở riêng lẻ tại thửa 125, tờ bản đồ 7,");
                line(text, regular, 11, 70, 226, "diện tích sàn 180 m², 3 tầng.");
                line(text, bold, 11, 360, 570, "TM. ỦY BAN NHÂN DÂN");
                line(text, bold, 11, 395, 585, "CHỦ TỊCH");
                line(text, bold, 11, 360, 685, "Nguyễn Văn Lãnh Đạo");
            }
            PDDocumentInformation info = new PDDocumentInformation();
            info.setTitle("Giấy phép xây dựng");
            info.setKeywords(MARK);
            document.setDocumentInformation(info);
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out, CompressParameters.NO_COMPRESSION);
            return out.toByteArray();
        }
    }

    private static void line(PDPageContentStream text, PDType0Font font, float size, float x, float top, String s)
            throws IOException {
        text.beginText();
        text.setFont(font, size);
        text.newLineAtOffset(x, PAGE_HEIGHT - top);
        text.showText(s);
        text.endText();
    }

    private static PDType0Font font(PDDocument document, String resource) throws IOException {
        try (InputStream in = TestPermit.class.getResourceAsStream(resource)) {
            return PDType0Font.load(document, in);
        }
    }
}
