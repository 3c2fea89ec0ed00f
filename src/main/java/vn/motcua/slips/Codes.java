package vn.motcua.slips;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.oned.Code128Writer;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import java.awt.image.BufferedImage;
import java.util.Map;

/** The machine-readable parts of a slip: the dossier code as a Code 128 barcode, the tracking link as a QR code. */
final class Codes {

    private Codes() {}

    static BufferedImage qr(String text) {
        try {
            return image(new QRCodeWriter()
                    .encode(
                            text,
                            BarcodeFormat.QR_CODE,
                            300,
                            300,
                            Map.of(EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M, EncodeHintType.MARGIN, 2)));
        } catch (WriterException e) {
            throw new IllegalStateException("Cannot encode a QR code for " + text, e);
        }
    }

    static BufferedImage barcode(String text) {
        return image(
                new Code128Writer().encode(text, BarcodeFormat.CODE_128, 600, 80, Map.of(EncodeHintType.MARGIN, 10)));
    }

    private static BufferedImage image(BitMatrix matrix) {
        BufferedImage image = new BufferedImage(matrix.getWidth(), matrix.getHeight(), BufferedImage.TYPE_BYTE_BINARY);
        for (int x = 0; x < matrix.getWidth(); x++) {
            for (int y = 0; y < matrix.getHeight(); y++) {
                image.setRGB(x, y, matrix.get(x, y) ? 0xFF000000 : 0xFFFFFFFF);
            }
        }
        return image;
    }
}
