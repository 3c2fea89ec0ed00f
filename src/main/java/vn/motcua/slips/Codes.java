package vn.motcua.slips;

import com.google.zxing.WriterException;
import com.google.zxing.oned.Code128Writer;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.google.zxing.qrcode.encoder.ByteMatrix;
import com.google.zxing.qrcode.encoder.Encoder;
import java.util.BitSet;

/**
 * The machine-readable parts of a slip: the dossier code as a Code 128 barcode, the tracking link as a QR code. Each is
 * a grid of modules the slip draws as filled rectangles, sharp at any zoom or printer (a raster image of them took a
 * twentieth of an acceptance step's time to paint pixel by pixel and compress).
 */
final class Codes {

    /** Quiet zones, in modules: QR four by ISO/IEC 18004 (two are enough for phone readers), Code 128 ten. */
    private static final int QR_QUIET = 2;

    private static final int BARCODE_QUIET = 10;

    /** {@code columns} × {@code rows} modules, the quiet zone included; dark ones set in row order. */
    record Modules(int columns, int rows, BitSet dark) {
        boolean isDark(int column, int row) {
            return dark.get(row * columns + column);
        }
    }

    private Codes() {}

    static Modules qr(String text) {
        ByteMatrix matrix;
        try {
            matrix = Encoder.encode(text, ErrorCorrectionLevel.M).getMatrix();
        } catch (WriterException e) {
            throw new IllegalStateException("Cannot encode a QR code for " + text, e);
        }
        int size = matrix.getWidth() + 2 * QR_QUIET;
        BitSet dark = new BitSet(size * size);
        for (int y = 0; y < matrix.getHeight(); y++) {
            for (int x = 0; x < matrix.getWidth(); x++) {
                if (matrix.get(x, y) == 1) {
                    dark.set((y + QR_QUIET) * size + x + QR_QUIET);
                }
            }
        }
        return new Modules(size, size, dark);
    }

    /** One row of bars: the slip stretches it to the barcode's height. */
    static Modules barcode(String text) {
        boolean[] bars = new Code128Writer().encode(text);
        BitSet dark = new BitSet(bars.length + 2 * BARCODE_QUIET);
        for (int i = 0; i < bars.length; i++) {
            dark.set(i + BARCODE_QUIET, bars[i]);
        }
        return new Modules(bars.length + 2 * BARCODE_QUIET, 1, dark);
    }
}
