/**
 * Digital signatures on PDFs (documents.md §1, domain.md §8.1): PAdES with EU DSS, signed by a key provider chosen per
 * signer in configuration, with a visible NĐ 30/2020 appearance in an embedded Vietnamese font, and validation against
 * the configured trust anchors with a verdict in Vietnamese and English. The certificates officials and organisations
 * hold are data ({@link vn.motcua.signing.SigningCertificates}). It uses only the catalogue (the agencies that hold
 * certificates) and the API's bilingual errors.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"api", "catalog"})
package vn.motcua.signing;
