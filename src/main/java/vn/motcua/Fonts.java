package vn.motcua;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import org.apache.fontbox.ttf.TTFParser;
import org.apache.fontbox.ttf.TrueTypeFont;
import org.apache.pdfbox.io.RandomAccessReadBuffer;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDType0Font;

/**
 * The fonts of the PDFs we write (slips, results, reports, the text of signatures): the standard 14 PDF fonts have no
 * Vietnamese letters. Each is read and parsed once per JVM (issue 17: parsing them for every document took about a
 * tenth of a document step's time) and shared by the documents, the way PDFBox's own font cache shares system fonts
 * (its table reads are synchronised); each document embeds only the subset of glyphs it uses.
 */
public enum Fonts {
    SERIF("/fonts/DejaVuSerif.ttf"),
    SERIF_BOLD("/fonts/DejaVuSerif-Bold.ttf"),
    MONO_BOLD("/fonts/DejaVuSansMono-Bold.ttf");

    private final TrueTypeFont parsed;

    Fonts(String resource) {
        try (InputStream in = Fonts.class.getResourceAsStream(resource)) {
            if (in == null) {
                throw new IllegalStateException("The font " + resource + " is missing from the classpath");
            }
            parsed = new TTFParser().parse(new RandomAccessReadBuffer(in.readAllBytes()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The font for {@code document}, which embeds the subset of it that its text uses when it is saved. */
    public PDType0Font embedIn(PDDocument document) {
        try {
            return PDType0Font.load(document, parsed, true);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
