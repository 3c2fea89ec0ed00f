package vn.motcua.api;

import java.net.URI;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;

/** Turns refusals into problem details with {@code message} (Vietnamese) and {@code messageEn} (English). */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
class ApiErrors {

    @ExceptionHandler(UserError.class)
    ProblemDetail userError(UserError error) {
        return problem(error.status(), error.vietnamese(), error.english());
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException error) {
        return problem(
                HttpStatus.BAD_REQUEST,
                "Dữ liệu gửi lên không đúng định dạng JSON hoặc sai kiểu dữ liệu.",
                "The request body is not valid JSON or has a field of the wrong type.");
    }

    @ExceptionHandler({MissingServletRequestPartException.class, MissingServletRequestParameterException.class})
    ProblemDetail missingPart(Exception error) {
        return problem(
                HttpStatus.BAD_REQUEST,
                "Yêu cầu thiếu phần bắt buộc: " + error.getMessage(),
                "The request lacks a required part: " + error.getMessage());
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(MaxUploadSizeExceededException error) {
        return problem(
                HttpStatus.PAYLOAD_TOO_LARGE,
                "Tệp đính kèm vượt quá dung lượng cho phép.",
                "An attachment is larger than allowed.");
    }

    static ProblemDetail problem(HttpStatus status, String vietnamese, String english) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, english);
        problem.setType(URI.create("about:blank"));
        problem.setTitle(status.getReasonPhrase());
        problem.setProperty("message", vietnamese);
        problem.setProperty("messageEn", english);
        return problem;
    }
}
