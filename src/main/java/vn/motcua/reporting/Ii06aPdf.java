package vn.motcua.reporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import vn.motcua.Fonts;

/**
 * Report II.06a as a PDF in the layout of the workbook ({@link Ii06aWorkbook}): A4 landscape, the heading repeated on
 * every page, the fonts embedded (DejaVu Serif, which has every Vietnamese letter).
 */
final class Ii06aPdf implements AutoCloseable {

    private static final PDRectangle PAGE = new PDRectangle(PDRectangle.A4.getHeight(), PDRectangle.A4.getWidth());
    private static final float LEFT = 36;
    private static final float RIGHT = PAGE.getWidth() - 30;
    private static final float TOP = PAGE.getHeight() - 30;
    private static final float BOTTOM = 36;
    private static final float NUMBER_WIDTH = 28;
    private static final float SECTOR_WIDTH = 196;
    private static final float COUNT_WIDTH = (RIGHT - LEFT - NUMBER_WIDTH - SECTOR_WIDTH) / 11;
    private static final float SIZE = 9;
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");

    private final PDDocument document = new PDDocument();
    private final PDType0Font regular = Fonts.SERIF.embedIn(document);
    private final PDType0Font bold = Fonts.SERIF_BOLD.embedIn(document);
    private PDPageContentStream page;
    private float y;

    private Ii06aPdf() {
        PDDocumentInformation info = new PDDocumentInformation();
        info.setTitle("Biểu số II.06a/VPCP/KSTT");
        info.setCreator("Một Cửa");
        document.setDocumentInformation(info);
    }

    static byte[] of(Ii06a report, String unit, String place, LocalDate today) {
        try (Ii06aPdf pdf = new Ii06aPdf()) {
            return pdf.write(report, unit, place, today);
        }
    }

    private byte[] write(Ii06a report, String unit, String place, LocalDate today) {
        newPage();
        line(unit.toUpperCase(Locale.forLanguageTag("vi")), bold, SIZE + 1, LEFT, false);
        line(Ii06aWorkbook.FORM, bold, SIZE + 1, RIGHT, true);
        y -= 26;
        for (String part : wrap(Ii06aWorkbook.TITLE, bold, SIZE + 3, RIGHT - LEFT - 120)) {
            centred(part, bold, SIZE + 3);
            y -= 16;
        }
        centred(
                "Kỳ báo cáo: từ ngày " + DAY.format(report.from()) + " đến ngày " + DAY.format(report.to()),
                regular,
                SIZE + 1);
        y -= 16;
        line("Đơn vị báo cáo: " + unit, regular, SIZE + 1, LEFT, false);
        line("Đơn vị tính: số hồ sơ thủ tục hành chính", regular, SIZE + 1, RIGHT, true);
        y -= 20;
        heading();
        int no = 1;
        for (Ii06a.Row row : report.rows()) {
            row(String.valueOf(no++), row.sector(), row.cells(), regular);
        }
        row("", "Tổng số", report.total(), bold);

        if (y - 70 < BOTTOM) {
            newPage();
        }
        y -= 22;
        line(
                place + ", ngày " + "%02d".formatted(today.getDayOfMonth()) + " tháng "
                        + "%02d".formatted(today.getMonthValue()) + " năm " + today.getYear(),
                regular,
                SIZE + 1,
                RIGHT - 40,
                true);
        y -= 16;
        line("NGƯỜI LẬP BIỂU", bold, SIZE + 1, LEFT + 60, false);
        line("THỦ TRƯỞNG ĐƠN VỊ", bold, SIZE + 1, RIGHT - 80, true);
        y -= 13;
        line("(Ký, ghi rõ họ tên)", regular, SIZE, LEFT + 64, false);
        line("(Ký, đóng dấu, ghi rõ họ tên)", regular, SIZE, RIGHT - 62, true);
        try {
            page.close();
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The form's heading: the groups, totals and breakdowns, the columns' names, their numbers (1) to (13). */
    private void heading() {
        float x0 = LEFT;
        float x1 = x0 + NUMBER_WIDTH;
        float x2 = x1 + SECTOR_WIDTH;
        float groups = 18;
        float totals = 18;
        float names = 34;
        float numbers = 14;
        float top = y;
        box(x0, top, NUMBER_WIDTH, groups + totals + names, "STT", bold);
        box(x1, top, SECTOR_WIDTH, groups + totals + names, "Lĩnh vực, công việc giải quyết theo cấp", bold);
        box(x2, top, COUNT_WIDTH * 4, groups, "Số hồ sơ nhận giải quyết", bold);
        box(x2 + COUNT_WIDTH * 4, top, COUNT_WIDTH * 7, groups, "Kết quả giải quyết", bold);
        float second = top - groups;
        box(x2, second, COUNT_WIDTH, totals + names, "Tổng số", bold);
        box(x2 + COUNT_WIDTH, second, COUNT_WIDTH * 3, totals, "Trong đó", bold);
        box(x2 + COUNT_WIDTH * 4, second, COUNT_WIDTH * 4, totals, "Số hồ sơ đã giải quyết", bold);
        box(x2 + COUNT_WIDTH * 8, second, COUNT_WIDTH * 3, totals, "Số hồ sơ đang giải quyết", bold);
        float third = second - totals;
        for (Ii06a.Column column : Ii06a.Column.values()) {
            if (column != Ii06a.Column.RECEIVED) {
                box(x2 + COUNT_WIDTH * (column.number - 3), third, COUNT_WIDTH, names, column.heading, bold);
            }
        }
        float fourth = third - names;
        box(x0, fourth, NUMBER_WIDTH, numbers, "(1)", regular);
        box(x1, fourth, SECTOR_WIDTH, numbers, "(2)", regular);
        for (int c = 3; c <= 13; c++) {
            box(x2 + COUNT_WIDTH * (c - 3), fourth, COUNT_WIDTH, numbers, "(" + c + ")", regular);
        }
        y = fourth - numbers;
    }

    private void row(String no, String sector, Ii06a.Cells cells, PDType0Font font) {
        List<String> lines = wrap(sector, font, SIZE, SECTOR_WIDTH - 8);
        float height = Math.max(16, lines.size() * (SIZE + 3) + 5);
        if (y - height < BOTTOM) {
            newPage();
            heading();
        }
        float x = LEFT;
        box(x, y, NUMBER_WIDTH, height, no, font);
        x += NUMBER_WIDTH;
        rect(x, y, SECTOR_WIDTH, height);
        float baseline = y - (height - lines.size() * (SIZE + 3)) / 2 - SIZE;
        for (String part : lines) {
            text(part, font, SIZE, x + 4, baseline);
            baseline -= SIZE + 3;
        }
        x += SECTOR_WIDTH;
        for (Ii06a.Column column : Ii06a.Column.values()) {
            String value = String.valueOf(column.of(cells));
            rect(x, y, COUNT_WIDTH, height);
            text(value, font, SIZE, x + COUNT_WIDTH - 4 - width(value, font, SIZE), y - height / 2 - SIZE / 3);
            x += COUNT_WIDTH;
        }
        y -= height;
    }

    /** A bordered cell with its text centred, wrapped to the cell's width. */
    private void box(float x, float top, float w, float h, String value, PDType0Font font) {
        rect(x, top, w, h);
        List<String> lines = wrap(value, font, SIZE - 1, w - 4);
        float lineHeight = SIZE + 1;
        float baseline = top - (h - lines.size() * lineHeight) / 2 - SIZE + 1;
        for (String part : lines) {
            text(part, font, SIZE - 1, x + (w - width(part, font, SIZE - 1)) / 2, baseline);
            baseline -= lineHeight;
        }
    }

    private void rect(float x, float top, float w, float h) {
        try {
            page.setLineWidth(0.6f);
            page.addRect(x, top - h, w, h);
            page.stroke();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void line(String value, PDType0Font font, float size, float x, boolean endsAtX) {
        text(value, font, size, endsAtX ? x - width(value, font, size) : x, y - size);
    }

    private void centred(String value, PDType0Font font, float size) {
        text(value, font, size, (PAGE.getWidth() - width(value, font, size)) / 2, y - size);
    }

    private void text(String value, PDType0Font font, float size, float x, float baseline) {
        try {
            page.beginText();
            page.setFont(font, size);
            page.newLineAtOffset(x, baseline);
            page.showText(nfc(value));
            page.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> wrap(String value, PDType0Font font, float size, float width) {
        List<String> lines = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (String word : nfc(value).split(" ")) {
            String tried = current.isEmpty() ? word : current + " " + word;
            if (!current.isEmpty() && width(tried, font, size) > width) {
                lines.add(current.toString());
                current = new StringBuilder(word);
            } else {
                current = new StringBuilder(tried);
            }
        }
        lines.add(current.toString());
        return lines;
    }

    private static float width(String value, PDType0Font font, float size) {
        try {
            return font.getStringWidth(nfc(value)) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void newPage() {
        try {
            if (page != null) {
                page.close();
            }
            PDPage next = new PDPage(PAGE);
            document.addPage(next);
            page = new PDPageContentStream(document, next);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y = TOP;
    }

    // a sector's name typed decomposed (a + combining mark) prints with the font's composed letters
    private static String nfc(String text) {
        return Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFC)
                .replaceAll("\\s+", " ")
                .strip();
    }

    @Override
    public void close() {
        try {
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
