/**
 * Digital signatures on PDFs (documents.md §1, domain.md §8.1): PAdES with EU DSS, signed by a key provider chosen per
 * signer in configuration, with a visible NĐ 30/2020 appearance in an embedded Vietnamese font, and validation against
 * the configured trust anchors with a verdict in Vietnamese and English. It depends on no other module.
 */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {})
package vn.motcua.signing;
