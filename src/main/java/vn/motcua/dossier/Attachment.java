package vn.motcua.dossier;

/** A file handed in with a dossier or a supplement; {@code componentCode} names the catalogue component it fulfils. */
public record Attachment(String componentCode, String fileName, String contentType, byte[] content) {}
