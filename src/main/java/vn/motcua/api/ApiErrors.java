package vn.motcua.api;

import java.net.URI;
import java.util.stream.Collectors;
import org.springframework.beans.TypeMismatchException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.ErrorResponse;
import org.springframework.web.ErrorResponseException;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.ServletRequestBindingException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.async.AsyncRequestTimeoutException;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartException;
import org.springframework.web.multipart.support.MissingServletRequestPartException;
import org.springframework.web.servlet.NoHandlerFoundException;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Turns refusals into problem details with {@code message} (Vietnamese) and {@code messageEn} (English): ours
 * ({@link UserError}) and Spring MVC's own (unreadable body, missing part, wrong method, media type, type of a
 * parameter, unknown address, upload size, malformed multipart).
 */
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

    @ExceptionHandler(MissingServletRequestPartException.class)
    ProblemDetail missingPart(MissingServletRequestPartException error) {
        return problem(
                HttpStatus.BAD_REQUEST,
                "Yêu cầu thiếu phần bắt buộc \"" + error.getRequestPartName() + "\".",
                "The request lacks the required part \"" + error.getRequestPartName() + "\".");
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missingParameter(MissingServletRequestParameterException error) {
        return problem(
                HttpStatus.BAD_REQUEST,
                "Yêu cầu thiếu phần bắt buộc: tham số \"" + error.getParameterName() + "\".",
                "The request lacks the required parameter \"" + error.getParameterName() + "\".");
    }

    @ExceptionHandler(TypeMismatchException.class)
    ProblemDetail typeMismatch(TypeMismatchException error) {
        String name = error instanceof MethodArgumentTypeMismatchException argument
                ? argument.getName()
                : error.getPropertyName();
        return problem(
                HttpStatus.BAD_REQUEST,
                "Giá trị của \"" + name + "\" không đúng kiểu.",
                "The value of \"" + name + "\" has the wrong type.");
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(MaxUploadSizeExceededException error) {
        if (aboutHeaders(error)) {
            // Tomcat's limit on a part's headers, which a very long file name exceeds: not a size of content
            return problem(
                    HttpStatus.BAD_REQUEST,
                    "Phần đầu của một phần trong yêu cầu multipart quá dài (thường do tên tệp quá dài; tên tệp tối đa "
                            + TextRules.FILE_NAME_MAX + " ký tự).",
                    "The headers of a multipart part are too long (usually a file name that is too long; at most "
                            + TextRules.FILE_NAME_MAX + " characters).");
        }
        return problem(
                HttpStatus.PAYLOAD_TOO_LARGE,
                "Tệp đính kèm vượt quá dung lượng cho phép.",
                "An attachment is larger than allowed.");
    }

    @ExceptionHandler(MultipartException.class)
    ProblemDetail malformedMultipart(MultipartException error) {
        return problem(
                HttpStatus.BAD_REQUEST,
                "Dữ liệu multipart gửi lên không đọc được (thiếu boundary hoặc sai cấu trúc).",
                "The multipart body cannot be read (no boundary or a malformed body).");
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ResponseEntity<ProblemDetail> wrongMethod(HttpRequestMethodNotSupportedException error) {
        String allowed = error.getSupportedMethods() == null ? "" : String.join(", ", error.getSupportedMethods());
        return withHeaders(
                error,
                problem(
                        HttpStatus.METHOD_NOT_ALLOWED,
                        "Địa chỉ này không nhận phương thức " + error.getMethod() + " (nhận: " + allowed + ").",
                        "This address does not take " + error.getMethod() + " (it takes: " + allowed + ")."));
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ResponseEntity<ProblemDetail> wrongContentType(HttpMediaTypeNotSupportedException error) {
        String sent = error.getContentType() == null
                ? "(không có)"
                : error.getContentType().toString();
        String sentEn = error.getContentType() == null
                ? "(none)"
                : error.getContentType().toString();
        String supported = MediaType.toString(error.getSupportedMediaTypes());
        return withHeaders(
                error,
                problem(
                        HttpStatus.UNSUPPORTED_MEDIA_TYPE,
                        "Không nhận dữ liệu kiểu " + sent + "; hãy gửi " + supported + ".",
                        "A body of type " + sentEn + " is not accepted; send " + supported + "."));
    }

    @ExceptionHandler(HttpMediaTypeNotAcceptableException.class)
    ProblemDetail notAcceptable(HttpMediaTypeNotAcceptableException error) {
        String supported =
                error.getSupportedMediaTypes().stream().map(MediaType::toString).collect(Collectors.joining(", "));
        return problem(
                HttpStatus.NOT_ACCEPTABLE,
                "Không thể trả lời theo định dạng yêu cầu trong tiêu đề Accept; có thể trả: " + supported + ".",
                "No answer in the format the Accept header asks for; available: " + supported + ".");
    }

    @ExceptionHandler({NoResourceFoundException.class, NoHandlerFoundException.class})
    ProblemDetail noSuchAddress(Exception error) {
        return problem(
                HttpStatus.NOT_FOUND,
                "Không có địa chỉ này. Vui lòng kiểm tra lại đường dẫn.",
                "There is nothing at this address. Please check the path.");
    }

    /** Spring's other refusals (missing path variable, validation, timeouts…): their status, said for people. */
    @ExceptionHandler({
        ErrorResponseException.class,
        ServletRequestBindingException.class,
        MethodArgumentNotValidException.class,
        HandlerMethodValidationException.class,
        AsyncRequestTimeoutException.class
    })
    ResponseEntity<ProblemDetail> spring(Exception exception) {
        ErrorResponse error = (ErrorResponse) exception;
        StatusMessages.Message message = StatusMessages.of(error.getStatusCode().value());
        return withHeaders(error, problem(error.getStatusCode(), message.vietnamese(), message.english()));
    }

    static ProblemDetail problem(HttpStatusCode status, String vietnamese, String english) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, english);
        problem.setType(URI.create("about:blank"));
        HttpStatus known = HttpStatus.resolve(status.value());
        problem.setTitle(known == null ? "Error " + status.value() : known.getReasonPhrase());
        problem.setProperty("message", vietnamese);
        problem.setProperty("messageEn", english);
        return problem;
    }

    private static ResponseEntity<ProblemDetail> withHeaders(ErrorResponse error, ProblemDetail problem) {
        HttpHeaders headers = new HttpHeaders();
        headers.putAll(error.getHeaders());
        return ResponseEntity.status(problem.getStatus()).headers(headers).body(problem);
    }

    private static boolean aboutHeaders(Throwable error) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause.getMessage() != null && cause.getMessage().toLowerCase().contains("header")) {
                return true;
            }
        }
        return false;
    }
}
