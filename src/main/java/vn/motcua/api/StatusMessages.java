package vn.motcua.api;

/** What a status means to the person who sent the request, when nothing more precise is known. */
public final class StatusMessages {

    public record Message(String vietnamese, String english) {}

    private StatusMessages() {}

    public static Message of(int status) {
        return switch (status) {
            case 400 ->
                new Message(
                        "Yêu cầu không hợp lệ: địa chỉ, tham số hoặc dữ liệu gửi lên không đọc được.",
                        "The request is not valid: its address, parameters or body cannot be read.");
            case 401 ->
                new Message(
                        "Cần đăng nhập (hoặc thông tin đăng nhập không đúng) để thực hiện yêu cầu này.",
                        "You need to log in (or the login given is wrong) for this request.");
            case 403 ->
                new Message("Bạn không có quyền thực hiện yêu cầu này.", "You are not allowed to make this request.");
            case 404 -> new Message("Không tìm thấy nội dung được yêu cầu.", "Nothing was found at this address.");
            case 405 ->
                new Message(
                        "Địa chỉ này không nhận phương thức (method) của yêu cầu.",
                        "This address does not take the request's method.");
            case 406 ->
                new Message(
                        "Không thể trả lời theo định dạng được yêu cầu (tiêu đề Accept).",
                        "No answer can be given in the requested format (Accept header).");
            case 408 -> new Message("Yêu cầu gửi quá chậm nên đã bị ngắt.", "The request took too long to arrive.");
            case 409 ->
                new Message(
                        "Yêu cầu xung đột với trạng thái hiện tại.", "The request conflicts with the current state.");
            case 413 -> new Message("Yêu cầu vượt quá dung lượng cho phép.", "The request is larger than allowed.");
            case 414 -> new Message("Địa chỉ yêu cầu quá dài.", "The request's address is too long.");
            case 415 ->
                new Message(
                        "Không nhận kiểu dữ liệu gửi lên (tiêu đề Content-Type).",
                        "The request body's type (Content-Type header) is not accepted.");
            case 429 ->
                new Message("Quá nhiều yêu cầu; vui lòng thử lại sau.", "Too many requests; please try again later.");
            case 431 -> new Message("Tiêu đề của yêu cầu quá lớn.", "The request's headers are too large.");
            case 503 ->
                new Message(
                        "Hệ thống tạm thời không phục vụ được; vui lòng thử lại sau.",
                        "The service is unavailable for the moment; please try again later.");
            default ->
                status >= 500
                        ? new Message(
                                "Lỗi hệ thống; yêu cầu chưa được thực hiện. Vui lòng thử lại hoặc liên hệ bộ phận hỗ trợ.",
                                "An internal error; the request was not carried out. Please try again or contact"
                                        + " support.")
                        : new Message("Yêu cầu không được chấp nhận.", "The request was not accepted.");
        };
    }
}
