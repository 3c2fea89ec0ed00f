package vn.motcua.signing;

import eu.europa.esig.dss.enumerations.SubIndication;
import vn.motcua.signing.Verdict.Reason;

/** Why a signature did not pass, in words for the citizen and the official (ETSI EN 319 102-1 sub-indications). */
final class Reasons {

    static final Reason NO_SIGNATURE = new Reason("Tệp không có chữ ký số nào.", "The file carries no signature.");

    private Reasons() {}

    static Reason of(SubIndication sub) {
        return switch (sub) {
            case HASH_FAILURE ->
                new Reason(
                        "Nội dung tệp đã bị thay đổi sau khi ký (giá trị băm không khớp).",
                        "The file was changed after it was signed (the hash does not match).");
            case SIG_CRYPTO_FAILURE ->
                new Reason(
                        "Giá trị chữ ký không khớp với khóa công khai của chứng thư số.",
                        "The signature value does not verify with the certificate's public key.");
            case FORMAT_FAILURE ->
                new Reason("Chữ ký không đúng định dạng PAdES.", "The signature is not in a valid PAdES format.");
            case NO_CERTIFICATE_CHAIN_FOUND ->
                new Reason(
                        "Chứng thư số của người ký không thuộc tổ chức chứng thực nào được tin cậy.",
                        "The signer's certificate does not chain to a trusted certificate authority.");
            case NO_SIGNING_CERTIFICATE_FOUND ->
                new Reason("Không tìm thấy chứng thư số của người ký.", "The signer's certificate was not found.");
            case REVOKED, REVOKED_NO_POE, REVOKED_CA_NO_POE ->
                new Reason(
                        "Chứng thư số đã bị thu hồi trước thời điểm ký được chứng minh.",
                        "The certificate was revoked before any proven signing time.");
            case EXPIRED, OUT_OF_BOUNDS_NO_POE, OUT_OF_BOUNDS_NOT_REVOKED ->
                new Reason(
                        "Chữ ký được tạo ngoài thời hạn hiệu lực của chứng thư số.",
                        "The signature was made outside the certificate's validity period.");
            case NOT_YET_VALID ->
                new Reason(
                        "Chứng thư số chưa có hiệu lực tại thời điểm ký.",
                        "The certificate was not yet valid at the signing time.");
            case TRY_LATER, REVOCATION_OUT_OF_BOUNDS_NO_POE ->
                new Reason(
                        "Không kiểm tra được tình trạng thu hồi của chứng thư số; hãy thử lại sau.",
                        "The certificate's revocation status could not be checked; try again later.");
            case CHAIN_CONSTRAINTS_FAILURE, CERTIFICATE_CHAIN_GENERAL_FAILURE ->
                new Reason(
                        "Chuỗi chứng thư số không đáp ứng chính sách kiểm tra.",
                        "The certificate chain does not meet the validation policy.");
            case CRYPTO_CONSTRAINTS_FAILURE, CRYPTO_CONSTRAINTS_FAILURE_NO_POE ->
                new Reason(
                        "Thuật toán hoặc độ dài khóa không còn được chấp nhận.",
                        "The algorithm or key size is no longer accepted.");
            case SIGNED_DATA_NOT_FOUND ->
                new Reason("Không tìm thấy dữ liệu được ký.", "The signed data was not found.");
            default ->
                new Reason(
                        "Chữ ký không được xác nhận (" + sub + ").", "The signature is not confirmed (" + sub + ").");
        };
    }
}
