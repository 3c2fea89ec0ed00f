package vn.motcua.slips;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDDocumentInformation;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.font.PDType0Font;
import org.apache.pdfbox.pdmodel.graphics.image.LosslessFactory;

/**
 * A one-form A4 writer: lines of text that wrap, two-column header and signature blocks, images. The DejaVu Serif font
 * is embedded (subset) because the standard 14 PDF fonts have no Vietnamese letters.
 */
final class SlipPdf implements AutoCloseable {

    private static final float MARGIN = 50;
    private static final float WIDTH = PDRectangle.A4.getWidth() - 2 * MARGIN;

    private final PDDocument document = new PDDocument();
    private final PDType0Font regular;
    private final PDType0Font bold;
    private PDPageContentStream page;
    private float y;

    SlipPdf(String title) {
        regular = font("/fonts/DejaVuSerif.ttf");
        bold = font("/fonts/DejaVuSerif-Bold.ttf");
        PDDocumentInformation info = new PDDocumentInformation();
        info.setTitle(title);
        info.setCreator("Một Cửa");
        document.setDocumentInformation(info);
        newPage();
    }

    /** Left and right texts on the same lines, each centred in its half (the header and the signature blocks). */
    SlipPdf columns(List<String> left, List<String> right, boolean boldText, float size) {
        int lines = Math.max(left.size(), right.size());
        for (int i = 0; i < lines; i++) {
            ensureRoom(size * 1.4f);
            if (i < left.size()) {
                centred(left.get(i), MARGIN, WIDTH / 2, boldText, size);
            }
            if (i < right.size()) {
                centred(right.get(i), MARGIN + WIDTH / 2, WIDTH / 2, boldText, size);
            }
            y -= size * 1.4f;
        }
        return this;
    }

    SlipPdf centre(String text, boolean boldText, float size) {
        for (String line : wrap(text, boldText ? bold : regular, size, WIDTH)) {
            ensureRoom(size * 1.4f);
            centred(line, MARGIN, WIDTH, boldText, size);
            y -= size * 1.4f;
        }
        return this;
    }

    /** A paragraph; a label in bold before the value, the value wrapping under the full width. */
    SlipPdf line(String label, String value) {
        return paragraph(label, value == null || value.isBlank() ? "…" : value, 0);
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

    SlipPdf gap(float height) {
        y -= height;
        return this;
    }

    SlipPdf image(BufferedImage image, float x, float top, float width, float height) {
        try {
            page.drawImage(LosslessFactory.createFromImage(document, image), x, top - height, width, height);
            return this;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    float cursor() {
        return y;
    }

    static float left() {
        return MARGIN;
    }

    static float right() {
        return MARGIN + WIDTH;
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

    private SlipPdf paragraph(String label, String value, float indent) {
        float size = 11;
        String text = nfc(label.isEmpty() ? value : label + " " + value);
        List<String> lines = wrap(text, regular, size, WIDTH - indent);
        for (int i = 0; i < lines.size(); i++) {
            ensureRoom(size * 1.5f);
            String line = lines.get(i);
            try {
                page.beginText();
                page.newLineAtOffset(MARGIN + indent, y);
                if (i == 0 && !label.isEmpty() && line.startsWith(nfc(label))) {
                    page.setFont(bold, size);
                    page.showText(nfc(label));
                    page.setFont(regular, size);
                    page.showText(line.substring(nfc(label).length()));
                } else {
                    page.setFont(regular, size);
                    page.showText(line);
                }
                page.endText();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            y -= size * 1.5f;
        }
        return this;
    }

    private void centred(String text, float x, float width, boolean boldText, float size) {
        PDType0Font font = boldText ? bold : regular;
        String line = nfc(text);
        try {
            float textWidth = font.getStringWidth(line) / 1000 * size;
            page.beginText();
            page.setFont(font, size);
            page.newLineAtOffset(x + Math.max(0, (width - textWidth) / 2), y);
            page.showText(line);
            page.endText();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> wrap(String text, PDType0Font font, float size, float width) {
        List<String> lines = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : nfc(text).split(" ")) {
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

    private static float width(PDType0Font font, String text, float size) {
        try {
            return font.getStringWidth(text) / 1000 * size;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void ensureRoom(float height) {
        if (y - height < MARGIN) {
            try {
                page.close();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            newPage();
        }
    }

    private void newPage() {
        PDPage next = new PDPage(PDRectangle.A4);
        document.addPage(next);
        try {
            page = new PDPageContentStream(document, next);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        y = PDRectangle.A4.getHeight() - MARGIN;
    }

    private PDType0Font font(String resource) {
        try (InputStream in = SlipPdf.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The slip font " + resource + " is missing from the classpath");
            }
            return PDType0Font.load(document, in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // Vietnamese typed on some keyboards arrives decomposed (a + combining mark); the font has the composed letters.
    private static String nfc(String text) {
        return Normalizer.normalize(text == null ? "" : text, Normalizer.Form.NFC)
                .replace('\t', ' ')
                .replace('\n', ' ')
                .replace('\r', ' ');
    }
}
