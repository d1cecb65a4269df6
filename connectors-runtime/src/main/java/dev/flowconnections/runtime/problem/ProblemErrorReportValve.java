package dev.flowconnections.runtime.problem;

import dev.flowconnections.runtime.api.ApiJson;
import java.io.IOException;
import java.io.Writer;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;
import org.apache.coyote.ActionCode;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;

/**
 * What Tomcat answers itself, before any filter or controller runs (an encoded slash or NUL in the
 * path, a malformed request line): {@code application/problem+json} like every other error, instead
 * of Tomcat's HTML page. Errors the application answered keep their body.
 */
final class ProblemErrorReportValve extends ErrorReportValve {

  private final ApiJson json;

  ProblemErrorReportValve(ApiJson json) {
    this.json = json;
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
    HttpStatus known = HttpStatus.resolve(status);
    ProblemDetail problem =
        Problems.of(
            known == null ? HttpStatus.BAD_REQUEST : known,
            status < 500
                ? "the server refused the request: its URL or headers are not allowed"
                : "the server could not process the request");
    problem.setStatus(status);
    try {
      response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
      response.setCharacterEncoding("utf-8");
      Writer writer = response.getReporter();
      if (writer != null) {
        writer.write(json.mapper().writeValueAsString(problem));
        response.finishResponse();
      }
    } catch (IOException | IllegalStateException e) {
      // the client is gone or the response was taken meanwhile: nothing left to tell
    }
  }
}
