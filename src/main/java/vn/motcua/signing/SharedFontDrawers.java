package vn.motcua.signing;

import eu.europa.esig.dss.pades.DSSFont;
import eu.europa.esig.dss.pades.SignatureImageParameters;
import eu.europa.esig.dss.pades.SignatureImageTextParameters;
import eu.europa.esig.dss.pdf.PDFServiceMode;
import eu.europa.esig.dss.pdf.PDFSignatureService;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxNativeObjectFactory;
import eu.europa.esig.dss.pdf.pdfbox.PdfBoxSignatureService;
import eu.europa.esig.dss.pdf.pdfbox.visible.PdfBoxNativeFont;
import eu.europa.esig.dss.pdf.pdfbox.visible.PdfBoxSignatureDrawerFactory;
import eu.europa.esig.dss.pdf.pdfbox.visible.nativedrawer.NativePdfBoxVisibleSignatureDrawer;
import java.io.IOException;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureOptions;
import vn.motcua.Fonts;

/**
 * DSS's native PDFBox signing, with the signature text in the {@link Fonts#SERIF} parsed once: DSS parses a
 * {@code DSSFileFont} again for every document it draws on (several times per signature). While a drawer is set up
 * the text's font is the parsed one, embedded in that drawer's document as the subset its text uses, exactly what DSS
 * makes of the file; the parameters keep {@link Appearances}' font otherwise.
 */
final class SharedFontDrawers extends PdfBoxNativeObjectFactory {

    @Override
    public PDFSignatureService newPAdESSignatureService() {
        PdfBoxSignatureDrawerFactory drawers = parameters -> new Drawer();
        return configure(new PdfBoxSignatureService(PDFServiceMode.SIGNATURE, drawers));
    }

    private static final class Drawer extends NativePdfBoxVisibleSignatureDrawer {

        @Override
        public void init(SignatureImageParameters parameters, PDDocument document, SignatureOptions options)
                throws IOException {
            SignatureImageTextParameters text = parameters.getTextParameters();
            DSSFont given = text.getFont();
            if (given != Appearances.TEXT_FONT) {
                super.init(parameters, document, options);
                return;
            }
            PdfBoxNativeFont parsed = new PdfBoxNativeFont(Fonts.SERIF.embedIn(document));
            parsed.setSize(given.getSize());
            text.setFont(parsed);
            try {
                super.init(parameters, document, options);
            } finally {
                text.setFont(given);
            }
        }
    }
}
