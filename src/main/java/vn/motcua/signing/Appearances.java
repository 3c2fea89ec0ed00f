package vn.motcua.signing;

import eu.europa.esig.dss.enumerations.SignerTextHorizontalAlignment;
import eu.europa.esig.dss.enumerations.SignerTextVerticalAlignment;
import eu.europa.esig.dss.enumerations.TextWrapping;
import eu.europa.esig.dss.model.InMemoryDocument;
import eu.europa.esig.dss.model.x509.CertificateToken;
import eu.europa.esig.dss.pades.DSSFileFont;
import eu.europa.esig.dss.pades.SignatureFieldParameters;
import eu.europa.esig.dss.pades.SignatureImageParameters;
import eu.europa.esig.dss.pades.SignatureImageTextParameters;
import java.awt.Color;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * The visible part of a signature (domain.md §8.1): a person's in blue with name, organisation and time; an
 * organisation's seal in red with its name and time, over the left third of the person's signature. The text is in
 * DejaVu Serif, embedded, because the standard PDF fonts have no Vietnamese letters.
 */
final class Appearances {

    static final Color SIGNATURE_BLUE = new Color(0, 51, 170);
    static final Color SEAL_RED = new Color(210, 0, 0);
    private static final Color TRANSPARENT = new Color(255, 255, 255, 0);
    private static final String FONT = "/fonts/DejaVuSerif.ttf";

    /**
     * Read once (issue 17: reading the 700 KB file and hashing it for a name took a tenth of a signing step's time,
     * twice per signature); {@link SharedFontDrawers} draws it from {@link vn.motcua.Fonts#SERIF}, parsed once, each
     * signature embedding its own subset.
     */
    static final DSSFileFont TEXT_FONT = font();

    private Appearances() {}

    static SignatureImageParameters image(SignatureAppearance appearance, CertificateToken signer, String time) {
        SignatureFieldParameters field = new SignatureFieldParameters();
        field.setPage(appearance.page());
        field.setOriginX(appearance.x());
        field.setOriginY(appearance.y());
        field.setWidth(appearance.width());
        field.setHeight(appearance.height());

        boolean person = appearance.kind() == SignatureAppearance.Kind.PERSON;
        SignatureImageTextParameters text = new SignatureImageTextParameters();
        text.setText(String.join("\n", lines(appearance, signer, time)));
        text.setFont(TEXT_FONT);
        text.setTextColor(person ? SIGNATURE_BLUE : SEAL_RED);
        text.setBackgroundColor(TRANSPARENT);
        text.setTextWrapping(TextWrapping.FONT_BASED);
        // the seal covers the left of the signature field: the person's lines keep to its right
        text.setSignerTextHorizontalAlignment(
                person ? SignerTextHorizontalAlignment.RIGHT : SignerTextHorizontalAlignment.CENTER);
        if (person) {
            text.setSignerTextVerticalAlignment(SignerTextVerticalAlignment.TOP);
        }
        text.setPadding(3);

        SignatureImageParameters image = new SignatureImageParameters();
        image.setFieldParameters(field);
        image.setTextParameters(text);
        image.setBackgroundColor(TRANSPARENT);
        return image;
    }

    private static List<String> lines(SignatureAppearance appearance, CertificateToken signer, String time) {
        String name = Certificates.commonName(signer);
        List<String> lines = new ArrayList<>();
        if (appearance.kind() == SignatureAppearance.Kind.PERSON) {
            lines.add("Ký bởi: " + name);
            Certificates.organisation(signer).ifPresent(organisation -> lines.add("Cơ quan: " + organisation));
            lines.add("Thời gian ký: " + time);
        } else {
            lines.addAll(halves(Certificates.organisation(signer).orElse(name).toUpperCase(Locale.ROOT)));
            lines.add("Đóng dấu lúc");
            lines.add(time);
        }
        appearance.note().ifPresent(lines::add);
        return lines;
    }

    /** A long name in two lines split at the space nearest its middle, as seals print it. */
    private static List<String> halves(String name) {
        int middle = name.length() / 2;
        int before = name.lastIndexOf(' ', middle);
        int after = name.indexOf(' ', middle);
        int split = before < 0 ? after : after < 0 || middle - before <= after - middle ? before : after;
        return split < 0 ? List.of(name) : List.of(name.substring(0, split), name.substring(split + 1));
    }

    private static DSSFileFont font() {
        DSSFileFont font;
        try (InputStream in = Appearances.class.getResourceAsStream(FONT)) {
            if (in == null) {
                throw new IllegalStateException("The signature font " + FONT + " is missing from the classpath");
            }
            // named, so that DSS does not name it by the MD5 of its bytes
            font = new DSSFileFont(new InMemoryDocument(in.readAllBytes(), "DejaVuSerif.ttf"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        font.setSize(8);
        // only the glyphs a signature's text uses: the whole DejaVu Serif would add ~280 KB to every revision
        font.setEmbedFontSubset(true);
        return font;
    }
}
