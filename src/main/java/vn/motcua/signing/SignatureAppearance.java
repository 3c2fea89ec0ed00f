package vn.motcua.signing;

import java.util.Optional;

/**
 * Where and how a signature shows on the page (NĐ 30/2020, Phụ lục I; domain.md §8.1): a person's signature in blue
 * between the title and the name, an organisation's seal in red placed over the left third of that signature.
 * {@code x} and {@code y} are in PDF points from the page's top left corner; {@code page} counts from 1.
 * {@code note} is an extra line, such as the document's number and date that the records clerk adds with the seal.
 */
public record SignatureAppearance(
        Kind kind, int page, float x, float y, float width, float height, Optional<String> note) {

    public enum Kind {
        PERSON,
        ORGANISATION_SEAL
    }

    public SignatureAppearance {
        if (page < 1 || width <= 0 || height <= 0) {
            throw new IllegalArgumentException("A signature field needs a page from 1 and a positive size");
        }
    }

    public static SignatureAppearance person(int page, float x, float y, float width, float height) {
        return new SignatureAppearance(Kind.PERSON, page, x, y, width, height, Optional.empty());
    }

    public static SignatureAppearance seal(int page, float x, float y, float width, float height) {
        return new SignatureAppearance(Kind.ORGANISATION_SEAL, page, x, y, width, height, Optional.empty());
    }

    public SignatureAppearance withNote(String line) {
        return new SignatureAppearance(kind, page, x, y, width, height, Optional.of(line));
    }
}
