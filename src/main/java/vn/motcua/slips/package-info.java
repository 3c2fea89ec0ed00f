/**
 * The slips handed to the applicant (domain.md §4.3–4.4): the receipt and appointment slip (Giấy tiếp nhận hồ sơ và hẹn
 * trả kết quả), the supplement request and the refusal slip, as PDFs with an embedded Vietnamese font, the dossier code
 * as a barcode and a QR code to the tracking page. The applicant downloads them with the secret (header
 * {@code X-Motcua-Secret}, never the URL) or logged in as the filer; officials only of the departments that have a step
 * on the dossier.
 */
package vn.motcua.slips;
