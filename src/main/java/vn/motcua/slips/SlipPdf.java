package vn.motcua.slips;

import java.awt.Color;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import vn.motcua.Fonts;

/**
 * A one-page A4 writer: lines of text that wrap, two-column header and signature blocks, images. A slip is one sheet
 * of paper, so {@link #onePage} lays it out again in a smaller size until it fits. DejaVu Serif is embedded (subset)
 * because the standard 14 PDF fonts have no Vietnamese letters; codes a person types back are in DejaVu Sans Mono.
 */
final class SlipPdf implements AutoCloseable {

    // Nghị định 30/2020/NĐ-CP, Phụ lục I: left margin 30–35 mm, right 15–20, top and bottom 20–25 (here ~25/15/18/15)
    private static final float LEFT = 70;
    private static final float RIGHT = PDRectangle.A4.getWidth() - 42;
    private static final float TOP = PDRectangle.A4.getHeight() - 45;
    private static final float BOTTOM = 40;
    private static final float WIDTH = RIGHT - LEFT;
    /** Sizes tried in turn: the first whose layout fits one page is kept. */
    private static final float[] SCALES = {1f, 0.93f, 0.86f, 0.8f, 0.74f, 0.68f, 0.62f};

    private final PDDocument document = new PDDocument();
    private final PDType0Font regular;
    private final PDType0Font bold;
    private final PDType0Font code;
    private final float scale;
    private final boolean mayOverflow;
    private PDPageContentStream page;
    private float y;
    private float reservedWidth;
    private float reservedDownTo;

    /** Thrown by a layout that does not fit the page; {@link #onePage} then tries a smaller size. */
    private static final class Overflow extends RuntimeException {
        Overflow() {
            super(null, null, false, false);
        }
    }

    private SlipPdf(String title, float scale, boolean mayOverflow) {
        this.scale = scale;
        this.mayOverflow = mayOverflow;
        regular = Fonts.SERIF.embedIn(document);
        bold = Fonts.SERIF_BOLD.embedIn(document);
        code = Fonts.MONO_BOLD.embedIn(document);
        PDDocumentInformation info = new PDDocumentInformation();
        info.setTitle(title);
        info.setCreator("Một Cửa");
        document.setDocumentInformation(info);
        newPage();
    }

    /**
     * The slip that {@code layout} writes, on one page: in the largest of {@link #SCALES} that fits; only text beyond
     * what the smallest holds goes on to a second page.
     */
    static byte[] onePage(String title, Consumer<SlipPdf> layout) {
        for (float scale : SCALES) {
            try (SlipPdf pdf = new SlipPdf(title, scale, false)) {
                layout.accept(pdf);
                return pdf.bytes();
            } catch (Overflow tooLong) {
                // try the next size
            }
        }
        try (SlipPdf pdf = new SlipPdf(title, SCALES[SCALES.length - 1], true)) {
            layout.accept(pdf);
            return pdf.bytes();
        }
    }

    /** Left and right texts on the same lines, each wrapped and centred in its half (the signature blocks). */
    SlipPdf columns(List<String> left, List<String> right, boolean boldText, float size) {
        return columns(left, right, boldText, size, 0.5f);
    }

    /**
     * Left and right texts on the same lines, each wrapped and centred in its column, the left one taking {@code
     * leftShare} of the width (the header: the agency at the left, the national motto, wider, at the right).
     */
    SlipPdf columns(List<String> left, List<String> right, boolean boldText, float size, float leftShare) {
        PDType0Font font = boldText ? bold : regular;
        float scaled = size * scale;
        float leftWidth = WIDTH * leftShare;
        float rightWidth = WIDTH - leftWidth;
        List<String> leftLines = wrapAll(left, font, scaled, leftWidth - 6);
        List<String> rightLines = wrapAll(right, font, scaled, rightWidth - 6);
        int lines = Math.max(leftLines.size(), rightLines.size());
        for (int i = 0; i < lines; i++) {
            ensureRoom(scaled * 1.35f);
            if (i < leftLines.size()) {
                centred(leftLines.get(i), LEFT, leftWidth, font, scaled);
            }
            if (i < rightLines.size()) {
                centred(rightLines.get(i), LEFT + leftWidth, rightWidth, font, scaled);
            }
            y -= scaled * 1.35f;
        }
        return this;
    }

    SlipPdf centre(String text, boolean boldText, float size) {
        PDType0Font font = boldText ? bold : regular;
        float scaled = size * scale;
        for (String line : wrap(nfc(text), font, scaled, WIDTH)) {
            ensureRoom(scaled * 1.35f);
            centred(line, LEFT, WIDTH, font, scaled);
            y -= scaled * 1.35f;
        }
        return this;
    }

    /** A paragraph: a label in bold before the value, the value wrapping under it. */
    SlipPdf line(String label, String value) {
        return paragraph(label, value, 0);
    }

    /** A bold label alone, heading what follows (e.g. the list of documents). */
    SlipPdf label(String label) {
        return paragraph(label, "", 0);
    }

    SlipPdf text(String value) {
        return paragraph("", value, 0);
    }

    SlipPdf indented(String value) {
        return paragraph("", value, 18);
    }

    /** A code a person reads and types back (the secret), large, in a sans-serif face without look-alikes. */
    SlipPdf code(String value) {
        float size = 14 * scale;
        ensureRoom(size * 1.5f);
        y -= size * 0.25f;
        show(nfc(value), LEFT + 18, code, size);
        y -= size * 1.25f;
        return this;
    }

    /** An address on a line of its own, indented, made smaller if need be so that it is never cut. */
    SlipPdf link(String url) {
        String text = nfc(url);
        float size = Math.min(11 * scale, 11 * (WIDTH - 18) / width(regular, text, 11));
        ensureRoom(size * 1.4f);
        show(text, LEFT + 18, regular, size);
        y -= 11 * scale * 1.4f;
        return this;
    }

    /**
     * Where a signature goes: the right half of the text width, from the cursor down {@code height} points (scaled),
     * in PDF points from the page's top left corner as signature fields are placed; the cursor moves below it.
     */
    float[] rightBox(float height) {
        float h = height * scale;
        ensureRoom(h);
        float[] box = {LEFT + WIDTH / 2, PDRectangle.A4.getHeight() - y, WIDTH / 2, h};
        y -= h;
        return box;
    }

    /** The page the cursor is on, from 1. */
    int pageNumber() {
        return document.getNumberOfPages();
    }

    SlipPdf gap(float height) {
        y -= height * scale;
        return this;
    }

    /**
     * Draws the code with its top at the cursor, at the right margin, and keeps the lines beside it clear of it
     * until the cursor passes its bottom.
     */
    SlipPdf codeAtRight(Codes.Modules code, float width, float height, float lift) {
        float w = width * scale;
        float h = height * scale;
        float top = y + lift * scale;
        draw(code, RIGHT - w, top, w, h);
        reservedWidth = w + 8;
        reservedDownTo = top - h;
        return this;
    }

    /** Draws the code with its top at the cursor, starting at the left margin; the cursor does not move. */
    SlipPdf codeAtLeft(Codes.Modules code, float width, float height) {
        draw(code, LEFT - 4, y, width * scale, height * scale);
        return this;
    }

    byte[] bytes() {
        try (ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            page.close();
            document.save(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void close() {
        try {
            document.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The code's dark modules in black, each row's runs of them as one rectangle, filled at once. */
    private void draw(Codes.Modules code, float x, float top, float width, float height) {
        float module = width / code.columns();
        float row = height / code.rows();
        try {
            page.saveGraphicsState();
            page.setNonStrokingColor(Color.BLACK);
            for (int r = 0; r < code.rows(); r++) {
                int c = 0;
                while (c < code.columns()) {
                    if (!code.isDark(c, r)) {
                        c++;
                        continue;
                    }
                    int start = c;
                    while (c < code.columns() && code.isDark(c, r)) {
                        c++;
                    }
                    page.addRect(x + start * module, top - (r + 1) * row, (c - start) * module, row);
                }
            }
            page.fill();
            page.restoreGraphicsState();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private SlipPdf paragraph(String label, String value, float indent) {
        float size = 11 * scale;
        float leading = size * 1.4f;
        String boldPart = nfc(label);
        String rest = nfc(value);
        List<String> words = new ArrayList<>();
        int boldWords = boldPart.isEmpty() ? 0 : boldPart.split(" ").length;
        if (!boldPart.isEmpty()) {
            words.addAll(List.of(boldPart.split(" ")));
        }
        if (!rest.isEmpty()) {
            words.addAll(List.of(rest.split(" ")));
        }
        int next = 0;
        while (next < words.size() || (next == 0 && words.isEmpty())) {
            ensureRoom(leading);
            float available = available(size) - indent;
            StringBuilder boldLine = new StringBuilder();
            StringBuilder plainLine = new StringBuilder();
            float used = 0;
            while (next < words.size()) {
                boolean isBold = next < boldWords;
                PDType0Font font = isBold ? bold : regular;
                String word = words.get(next);
                String sep = boldLine.isEmpty() && plainLine.isEmpty() ? "" : " ";
                float wordWidth = width(font, sep + word, size);
                if (used + wordWidth > available) {
                    if (width(font, word, size) > available) {
                        // a word wider than a whole line (a long e-mail or file name): cut it where this line ends
                        String head = longestPrefix(word, font, size, available - used - width(font, sep, size));
                        if (head.isEmpty() && used == 0) {
                            head = word.substring(0, 1);
                        }
                        if (!head.isEmpty()) {
                            (isBold ? boldLine : plainLine).append(sep).append(head);
                            words.set(next, word.substring(head.length()));
                        }
                    }
                    break;
                }
                (isBold ? boldLine : plainLine).append(sep).append(word);
                used += wordWidth;
                next++;
            }
            float x = LEFT + indent;
            if (!boldLine.isEmpty()) {
                show(boldLine.toString(), x, bold, size);
                x += width(bold, boldLine.toString(), size);
            }
            if (!plainLine.isEmpty()) {
                show(plainLine.toString(), x, regular, size);
            }
            y -= leading;
            if (words.isEmpty()) {
                break;
            }
        }
        return this;
    }

    private float available(float size) {
        return y + size > reservedDownTo ? WIDTH - reservedWidth : WIDTH;
    }

    private void show(String text, float x, PDType0Font font, float size) {
        try {
            page.beginText();
            page.setFont(font, size);
            page.newLineAtOffset(x, y);
            page.showText(printable(font, text));
            page.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void centred(String line, float x, float width, PDType0Font font, float size) {
        show(line, x + Math.max(0, (width - width(font, line, size)) / 2), font, size);
    }

    private static List<String> wrapAll(List<String> texts, PDType0Font font, float size, float width) {
        List<String> lines = new ArrayList<>();
        for (String text : texts) {
            lines.addAll(wrap(nfc(text), font, size, width));
        }
        return lines;
    }

    private static List<String> wrap(String text, PDType0Font font, float size, float width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split(" ")) {
            String candidate = line.isEmpty() ? word : line + " " + word;
            if (width(font, candidate, size) > width && !line.isEmpty()) {
                lines.add(line.toString());
                line = new StringBuilder(word);
            } else {
                line = new StringBuilder(candidate);
            }
        }
        lines.add(line.toString());
        return lines;
    }

    private static String longestPrefix(String word, PDType0Font font, float size, float width) {
        int end = word.length();
        while (end > 0 && width(font, word.substring(0, end), size) > width) {
            end--;
        }
        return word.substring(0, end);
    }

    /**
     * The text with every character the font has no glyph for shown as "?": the filing rules keep emoji, other scripts
     * and control characters out today, but a dossier stored before them must still print.
     */
    static String printable(PDType0Font font, String text) {
        StringBuilder shown = null;
        for (int i = 0; i < text.length(); ) {
            int codePoint = text.codePointAt(i);
            int next = i + Character.charCount(codePoint);
            boolean drawable;
            try {
                drawable = !Character.isISOControl(codePoint) && font.encode(text.substring(i, next)).length > 0;
            } catch (IllegalArgumentException | IOException noGlyph) {
                drawable = false;
            }
            if (!drawable && shown == null) {
                shown = new StringBuilder(text.substring(0, i));
            }
            if (shown != null) {
                shown.append(drawable ? text.substring(i, next) : "?");
            }
            i = next;
        }
        return shown == null ? text : shown.toString();
    }

    private static float width(PDType0Font font, String text, float size) {
        try {
            return font.getStringWidth(printable(font, text)) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void ensureRoom(float height) {
        if (y - height >= BOTTOM) {
            return;
        }
        if (!mayOverflow) {
            throw new Overflow();
        }
        try {
            page.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        newPage();
    }

    private void newPage() {
        PDPage next = new PDPage(PDRectangle.A4);
        document.addPage(next);
        try {
            page = new PDPageContentStream(document, next);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y = TOP;
        reservedDownTo = Float.NEGATIVE_INFINITY;
        reservedWidth = 0;
    }

    // Vietnamese typed on some keyboards arrives decomposed (a + combining mark); the font has the composed letters.
    private static String nfc(String text) {
        return Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFC)
                .replace('\t', ' ')
                .replace('\n', ' ')
                .replace('\r', ' ')
                .strip()
                .replaceAll(" {2,}", " ");
    }
}
