package vn.motcua.catalog;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/**
 * Reads an import workbook: the first sheet, a header row named as the national database's export (Mã thủ tục, Tên
 * thủ tục, Lĩnh vực, Cơ quan thực hiện, Thời hạn giải quyết, Đơn vị tính, Phí, lệ phí, Thành phần hồ sơ, Căn cứ pháp
 * lý) plus our columns, then one procedure per row. Components: one per line, {@code MÃ: Tên}, optional when the name
 * ends with "(nếu có)". Step budgets: {@code Task_X=2d; Task_Y=4h}. A row is named by its number in the sheet.
 */
final class WorkbookCatalogue {

    static final String FORMAT = "XLSX";

    static final Map<String, String> COLUMNS = columns();

    private WorkbookCatalogue() {}

    private static Map<String, String> columns() {
        Map<String, String> columns = new LinkedHashMap<>();
        columns.put("mã thủ tục", "code");
        columns.put("tên thủ tục", "name");
        columns.put("lĩnh vực", "sector");
        columns.put("cơ quan thực hiện", "agencyCode");
        columns.put("thời hạn giải quyết", "legalTime");
        columns.put("đơn vị tính", "timeUnit");
        columns.put("phí, lệ phí", "fee");
        columns.put("thành phần hồ sơ", "components");
        columns.put("căn cứ pháp lý", "sourceNote");
        columns.put("mức độ dịch vụ công", "onlineLevel");
        columns.put("giờ chốt", "cutOff");
        columns.put("mô hình quy trình", "processKey");
        columns.put("biểu mẫu", "startForm");
        columns.put("đơn vị tiếp nhận", "receptionUnit");
        columns.put("đơn vị giải quyết", "handlingUnit");
        columns.put("chỉ nhận liên thông", "handoffOnly");
        columns.put("thời hạn từng bước", "stepBudgets");
        return columns;
    }

    static List<ImportRow> read(byte[] content) {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(content))) {
            Sheet sheet = workbook.getSheetAt(0);
            DataFormatter cells = new DataFormatter(Locale.ROOT);
            Row header = sheet.getRow(sheet.getFirstRowNum());
            Map<String, Integer> at = new HashMap<>();
            for (Cell cell : header) {
                String field = COLUMNS.get(normal(cells.formatCellValue(cell)));
                if (field != null) {
                    at.put(field, cell.getColumnIndex());
                }
            }
            if (!at.containsKey("code")) {
                throw new ImportFileError(
                        "dòng đầu của trang tính phải là tiêu đề cột, có cột \"Mã thủ tục\"",
                        "the sheet's first row must be the column headings, with a \"Mã thủ tục\" column");
            }
            List<ImportRow> rows = new ArrayList<>();
            for (int r = header.getRowNum() + 1; r <= sheet.getLastRowNum(); r++) {
                Row row = sheet.getRow(r);
                Map<String, String> values = new HashMap<>();
                if (row != null) {
                    at.forEach((field, column) -> {
                        String value =
                                cells.formatCellValue(row.getCell(column)).strip();
                        if (!value.isEmpty()) {
                            values.put(field, value);
                        }
                    });
                }
                if (!values.isEmpty()) {
                    rows.add(row(r + 1, values));
                }
            }
            return rows;
        } catch (IOException | RuntimeException notAWorkbook) {
            if (notAWorkbook instanceof ImportFileError known) {
                throw known;
            }
            throw new ImportFileError(
                    "tệp không phải bảng tính .xlsx đọc được", "the file is not a readable .xlsx workbook");
        }
    }

    private static ImportRow row(int number, Map<String, String> v) {
        List<ImportRow.Component> components = new ArrayList<>();
        for (String line : v.getOrDefault("components", "").split("\\R")) {
            if (line.isBlank()) {
                continue;
            }
            int colon = line.indexOf(':');
            String code = colon < 0 ? null : line.substring(0, colon).strip();
            String name = (colon < 0 ? line : line.substring(colon + 1)).strip();
            components.add(new ImportRow.Component(code, name, JsonCatalogue.required(name)));
        }
        Map<String, String> budgets = null;
        if (v.containsKey("stepBudgets")) {
            budgets = new LinkedHashMap<>();
            for (String pair : v.get("stepBudgets").split("[;\\n]")) {
                String[] parts = pair.split("=", 2);
                if (!pair.isBlank()) {
                    budgets.put(parts[0].strip(), parts.length > 1 ? parts[1].strip() : "");
                }
            }
        }
        return new ImportRow(
                number,
                v.get("code"),
                v.get("name"),
                v.get("sector"),
                v.get("agencyCode"),
                v.get("legalTime"),
                v.get("timeUnit"),
                v.get("fee"),
                v.get("sourceNote"),
                components,
                new ImportRow.Settings(
                        v.get("processKey"),
                        v.get("startForm"),
                        v.get("receptionUnit"),
                        v.get("handlingUnit"),
                        v.get("onlineLevel"),
                        v.getOrDefault("cutOff", ""),
                        v.get("handoffOnly"),
                        budgets,
                        null));
    }

    private static String normal(String heading) {
        return heading.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
    }
}
