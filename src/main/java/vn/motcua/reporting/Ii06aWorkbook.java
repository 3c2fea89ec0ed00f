package vn.motcua.reporting;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import org.apache.poi.common.usermodel.HyperlinkType;
import org.apache.poi.ss.usermodel.BorderStyle;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.HorizontalAlignment;
import org.apache.poi.ss.usermodel.Hyperlink;
import org.apache.poi.ss.usermodel.PrintSetup;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.VerticalAlignment;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Report II.06a as the form prints it (Biểu số II.06a/VPCP/KSTT): the reporting unit and the form's number, the title
 * and period, the three-row heading with the column numbers (1) to (13), a row per sector and the total, the place and
 * date and the two signature blocks; A4 landscape, one page wide, in Times New Roman.
 */
final class Ii06aWorkbook implements AutoCloseable {

    static final String SHEET = "II.06a";
    static final String FORM = "Biểu số II.06a/VPCP/KSTT";
    static final String TITLE = "TÌNH HÌNH, KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH TẠI CƠ QUAN, ĐƠN VỊ TRỰC TIẾP GIẢI"
            + " QUYẾT THỦ TỤC HÀNH CHÍNH";
    /** The first row of sectors (0-based): after the unit, title, period and the four heading rows. */
    static final int FIRST_DATA_ROW = 10;

    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("dd/MM/yyyy");
    private static final int COLUMNS = 13;

    private final XSSFWorkbook book = new XSSFWorkbook();
    private final Sheet sheet = book.createSheet(SHEET);
    private final CellStyle plain = style(false, false, HorizontalAlignment.LEFT, false, 12);
    private final CellStyle bold = style(true, false, HorizontalAlignment.LEFT, false, 12);
    private final CellStyle centred = style(false, false, HorizontalAlignment.CENTER, false, 12);
    private final CellStyle centredBold = style(true, false, HorizontalAlignment.CENTER, false, 12);
    private final CellStyle italic = style(false, true, HorizontalAlignment.CENTER, false, 12);
    private final CellStyle title = style(true, false, HorizontalAlignment.CENTER, false, 14);
    private final CellStyle heading = style(true, false, HorizontalAlignment.CENTER, true, 11);
    private final CellStyle number = style(false, true, HorizontalAlignment.CENTER, true, 10);
    private final CellStyle rowNumber = style(false, false, HorizontalAlignment.CENTER, true, 12);
    private final CellStyle sector = style(false, false, HorizontalAlignment.LEFT, true, 12);
    private final CellStyle count = style(false, false, HorizontalAlignment.RIGHT, true, 12);
    private final CellStyle totalLabel = style(true, false, HorizontalAlignment.LEFT, true, 12);
    private final CellStyle totalCount = style(true, false, HorizontalAlignment.RIGHT, true, 12);

    private final Links links;

    /** Where the number of a cell leads: the list of its dossiers (sector null: the total row), an absolute URL. */
    @FunctionalInterface
    interface Links {
        String of(String sector, Ii06a.Column column);
    }

    private Ii06aWorkbook(Links links) {
        this.links = links;
    }

    /**
     * The workbook of the report, made by {@code unit} (the agency's name) on {@code today} at {@code place}; every
     * number but 0 links to its dossiers, the form's look otherwise unchanged.
     */
    static byte[] of(Ii06a report, String unit, String place, LocalDate today, Links links) {
        try (Ii06aWorkbook workbook = new Ii06aWorkbook(links)) {
            return workbook.write(report, unit, place, today);
        }
    }

    private byte[] write(Ii06a report, String unit, String place, LocalDate today) {
        text(0, 0, unit.toUpperCase(Locale.forLanguageTag("vi")), bold, 0, 4);
        text(0, 10, FORM, centredBold, 10, 12);
        text(2, 0, TITLE, title, 0, 12);
        sheet.getRow(2).setHeightInPoints(40);
        text(
                3,
                0,
                "Kỳ báo cáo: từ ngày " + DAY.format(report.from()) + " đến ngày " + DAY.format(report.to()),
                italic,
                0,
                12);
        text(4, 0, "Đơn vị báo cáo: " + unit, plain, 0, 7);
        text(4, 8, "Đơn vị tính: số hồ sơ thủ tục hành chính", italic, 8, 12);

        headings();
        int r = FIRST_DATA_ROW;
        int no = 1;
        for (Ii06a.Row row : report.rows()) {
            Row line = sheet.createRow(r++);
            cell(line, 0, String.valueOf(no++), rowNumber);
            cell(line, 1, row.sector(), sector);
            counts(line, row.sector(), row.cells(), count);
        }
        Row total = sheet.createRow(r++);
        cell(total, 0, "", rowNumber);
        cell(total, 1, "Tổng số", totalLabel);
        counts(total, null, report.total(), totalCount);

        r++;
        text(
                r++,
                8,
                place + ", ngày " + "%02d".formatted(today.getDayOfMonth()) + " tháng "
                        + "%02d".formatted(today.getMonthValue()) + " năm " + today.getYear(),
                italic,
                8,
                12);
        text(r, 0, "NGƯỜI LẬP BIỂU", centredBold, 0, 3);
        text(r++, 8, "THỦ TRƯỞNG ĐƠN VỊ", centredBold, 8, 12);
        text(r, 0, "(Ký, ghi rõ họ tên)", italic, 0, 3);
        text(r, 8, "(Ký, đóng dấu, ghi rõ họ tên)", italic, 8, 12);

        sheet.setColumnWidth(0, 6 * 256);
        sheet.setColumnWidth(1, 38 * 256);
        for (int c = 2; c < COLUMNS; c++) {
            sheet.setColumnWidth(c, 12 * 256);
        }
        PrintSetup print = sheet.getPrintSetup();
        print.setLandscape(true);
        print.setPaperSize(PrintSetup.A4_PAPERSIZE);
        print.setFitWidth((short) 1);
        print.setFitHeight((short) 0);
        sheet.setFitToPage(true);
        sheet.setRepeatingRows(new CellRangeAddress(6, 9, 0, COLUMNS - 1));
        book.setPrintArea(0, 0, COLUMNS - 1, 0, r);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            book.write(out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    /** Rows 7 to 10 of the sheet: the groups, the totals and breakdowns, the columns' names and their numbers. */
    private void headings() {
        Row groups = sheet.createRow(6);
        Row totals = sheet.createRow(7);
        Row names = sheet.createRow(8);
        Row numbers = sheet.createRow(9);
        for (Row row : new Row[] {groups, totals, names}) {
            for (int c = 0; c < COLUMNS; c++) {
                cell(row, c, "", heading);
            }
        }
        cell(groups, 0, "STT", heading);
        cell(groups, 1, "Lĩnh vực, công việc giải quyết theo cấp", heading);
        cell(groups, 2, "Số hồ sơ nhận giải quyết", heading);
        cell(groups, 6, "Kết quả giải quyết", heading);
        cell(totals, 2, "Tổng số", heading);
        cell(totals, 3, "Trong đó", heading);
        cell(totals, 6, "Số hồ sơ đã giải quyết", heading);
        cell(totals, 10, "Số hồ sơ đang giải quyết", heading);
        for (Ii06a.Column column : Ii06a.Column.values()) {
            if (column != Ii06a.Column.RECEIVED) {
                cell(names, column.number - 1, column.heading, heading);
            }
        }
        merge(6, 8, 0, 0);
        merge(6, 8, 1, 1);
        merge(6, 6, 2, 5);
        merge(6, 6, 6, 12);
        merge(7, 8, 2, 2);
        merge(7, 7, 3, 5);
        merge(7, 7, 6, 9);
        merge(7, 7, 10, 12);
        names.setHeightInPoints(48);
        groups.setHeightInPoints(20);
        for (int c = 0; c < COLUMNS; c++) {
            cell(numbers, c, "(" + (c + 1) + ")", number);
        }
    }

    private void counts(Row line, String sectorName, Ii06a.Cells cells, CellStyle style) {
        for (Ii06a.Column column : Ii06a.Column.values()) {
            Cell cell = line.createCell(column.number - 1);
            int value = column.of(cells);
            cell.setCellValue(value);
            cell.setCellStyle(style);
            if (value != 0) {
                Hyperlink link = book.getCreationHelper().createHyperlink(HyperlinkType.URL);
                link.setAddress(links.of(sectorName, column));
                cell.setHyperlink(link);
            }
        }
    }

    private void text(int r, int c, String value, CellStyle style, int firstColumn, int lastColumn) {
        Row row = sheet.getRow(r) == null ? sheet.createRow(r) : sheet.getRow(r);
        cell(row, c, value, style);
        if (lastColumn > firstColumn) {
            sheet.addMergedRegion(new CellRangeAddress(r, r, firstColumn, lastColumn));
        }
    }

    private void merge(int firstRow, int lastRow, int firstColumn, int lastColumn) {
        sheet.addMergedRegion(new CellRangeAddress(firstRow, lastRow, firstColumn, lastColumn));
    }

    private static void cell(Row row, int c, String value, CellStyle style) {
        Cell cell = row.createCell(c);
        cell.setCellValue(value);
        cell.setCellStyle(style);
    }

    private CellStyle style(boolean isBold, boolean isItalic, HorizontalAlignment align, boolean border, int points) {
        Font font = book.createFont();
        font.setFontName("Times New Roman");
        font.setFontHeightInPoints((short) points);
        font.setBold(isBold);
        font.setItalic(isItalic);
        CellStyle style = book.createCellStyle();
        style.setFont(font);
        style.setAlignment(align);
        style.setVerticalAlignment(VerticalAlignment.CENTER);
        style.setWrapText(true);
        if (border) {
            style.setBorderTop(BorderStyle.THIN);
            style.setBorderBottom(BorderStyle.THIN);
            style.setBorderLeft(BorderStyle.THIN);
            style.setBorderRight(BorderStyle.THIN);
        }
        return style;
    }

    @Override
    public void close() {
        try {
            book.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
