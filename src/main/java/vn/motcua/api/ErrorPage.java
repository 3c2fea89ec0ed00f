package vn.motcua.api;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * The servlet container's error page (in place of Spring Boot's whitelabel one): what ends in {@code sendError} or an
 * exception no handler took (a filter's, the Camunda web apps' resources) answers in the same problem shape,
 * whatever the request's Accept header says.
 */
@Controller
class ErrorPage implements ErrorController {

    @RequestMapping("${server.error.path:${error.path:/error}}")
    void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer number && number >= 400 ? number : 500;
        if (response.isCommitted()) {
            return;
        }
        response.resetBuffer();
        ProblemResponses.write(response, status);
    }
}
