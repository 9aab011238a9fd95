package org.mtb.support.web;

import java.io.IOException;
import java.io.OutputStream;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.IntConsumer;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * Tomcat's answer to what it refuses before any servlet sees it (an encoded {@code /} or a NUL in the path, a
 * malformed query) as problem+json, where Tomcat's own valve writes an HTML page. Says nothing of the request itself:
 * the path may hold an ID number. Each refusal (a 4xx) is counted in {@link Problems#REFUSED_METRIC} with its code.
 * {@link ProblemAnswersAutoConfiguration} puts an instance on the host, and names the class as the host's error report
 * valve so that Tomcat, finding a valve of that name already there, adds no HTML one beside it.
 */
public final class ProblemReportValve extends ErrorReportValve {

    private final IntConsumer refusals;

    /** @param refusals told the status of each refusal answered */
    ProblemReportValve(IntConsumer refusals) {
        this.refusals = refusals;
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        int status = response.getStatus();
        if (status < 400 || response.getContentWritten() > 0 || !response.setErrorReported()) {
            return;
        }
        AtomicBoolean ioAllowed = new AtomicBoolean(true);
        response.getCoyoteResponse().action(ActionCode.IS_IO_ALLOWED, ioAllowed);
        if (!ioAllowed.get()) {
            return;
        }
        if (status < 500) {
            refusals.accept(status);
        }
        try {
            byte[] body = Problems.json(problem(status));
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.setContentLength(body.length);
            OutputStream out = response.getOutputStream();
            out.write(body);
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // The connection is gone, or the answer was begun elsewhere: nobody is left to tell.
        }
    }

    static ProblemDetail problem(int status) {
        HttpStatus known = HttpStatus.resolve(status);
        String code = Problems.codeFor(HttpStatusCode.valueOf(status));
        String title = known == null ? "HTTP " + status : known.getReasonPhrase();
        String detail = status == 400
                ? "The request could not be read: its path, query or headers are not valid HTTP"
                        + " (an encoded '/' or a control character in the path, for example)"
                : "The request could not be handled (HTTP " + status + ")";
        return Problems.of(HttpStatusCode.valueOf(status), code, title, detail, List.of());
    }
}
