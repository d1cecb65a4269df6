package dev.flowconnections.runtime.problem;

import dev.flowconnections.access.AccessDeniedException;
import dev.flowconnections.credential.CredentialStoreUnavailableException;
import dev.flowconnections.errors.ConflictException;
import dev.flowconnections.errors.FieldError;
import dev.flowconnections.errors.NotFoundException;
import dev.flowconnections.errors.ValidationException;
import java.sql.SQLException;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.TypeMismatchException;
import org.springframework.dao.DataAccessResourceFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.dao.TransientDataAccessResourceException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.core.AuthenticationException;
import org.springframework.transaction.CannotCreateTransactionException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.mvc.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * Every error of the API as {@code application/problem+json}. Spring's own exceptions (405, 415,
 * unknown path, ...) come from the base class; the domain's are mapped here. Details are written
 * for people and never carry a submitted value, since that value may be a secret.
 */
@RestControllerAdvice
public class ApiExceptionHandler extends ResponseEntityExceptionHandler {

  private static final Logger LOG = LoggerFactory.getLogger(ApiExceptionHandler.class);

  @ExceptionHandler(ValidationException.class)
  ProblemDetail invalid(ValidationException ex) {
    return Problems.forFields(HttpStatus.BAD_REQUEST, ex.errors());
  }

  @ExceptionHandler(NotFoundException.class)
  ProblemDetail notFound(NotFoundException ex) {
    return Problems.of(HttpStatus.NOT_FOUND, ex.getMessage());
  }

  @ExceptionHandler(ConflictException.class)
  ProblemDetail conflict(ConflictException ex) {
    ProblemDetail problem =
        Problems.forFields(
            HttpStatus.CONFLICT, List.of(new FieldError(ex.field(), ex.getMessage())));
    problem.setDetail(ex.getMessage());
    ex.details().forEach(problem::setProperty);
    return problem;
  }

  /**
   * What the services' own checks let through to the database: a value PostgreSQL cannot store
   * (SQLSTATE class 22, e.g. NUL in a query parameter) is the client's; a violated constraint (a
   * concurrent create of the same name, a reference deleted meanwhile) is a conflict.
   */
  @ExceptionHandler(DataIntegrityViolationException.class)
  ProblemDetail databaseRefused(DataIntegrityViolationException ex) {
    if (sqlState(ex).startsWith("22")) {
      return Problems.of(
          HttpStatus.BAD_REQUEST,
          "the request contains a value that cannot be stored, e.g. a NUL character");
    }
    return Problems.of(
        HttpStatus.CONFLICT, "the request conflicts with a concurrent change; reload and retry");
  }

  @ExceptionHandler(AccessDeniedException.class)
  ProblemDetail forbidden(AccessDeniedException ex) {
    if (ex.field() != null) {
      ProblemDetail problem = Problems.forField(HttpStatus.FORBIDDEN, ex.field(), ex.getMessage());
      problem.setDetail(ex.getMessage());
      return problem;
    }
    return Problems.of(HttpStatus.FORBIDDEN, ex.getMessage());
  }

  /**
   * The security filters answer 401 before any controller runs; this covers a resolver failing
   * closed.
   */
  @ExceptionHandler(AuthenticationException.class)
  ProblemDetail unauthenticated(AuthenticationException ex) {
    return Problems.of(HttpStatus.UNAUTHORIZED, "authentication required");
  }

  @ExceptionHandler(CredentialStoreUnavailableException.class)
  ResponseEntity<ProblemDetail> storeUnavailable(CredentialStoreUnavailableException ex) {
    LOG.warn("credential store unavailable: {}", ex.getMessage());
    return unavailable("the credential store");
  }

  /**
   * PostgreSQL unreachable (no connection within the pool's timeout, a connection lost mid-query,
   * no transaction could begin): the same answer as for the credential store, since nothing was
   * changed and the same request will work once the database is back.
   */
  @ExceptionHandler({
    DataAccessResourceFailureException.class,
    TransientDataAccessResourceException.class,
    CannotCreateTransactionException.class
  })
  ResponseEntity<ProblemDetail> databaseUnavailable(Exception ex) {
    LOG.warn("database unavailable: {}", ex.getMessage());
    return unavailable("the database");
  }

  /**
   * 503 with Retry-After: nothing was changed, and the same request works once {@code what} is
   * back.
   */
  private static ResponseEntity<ProblemDetail> unavailable(String what) {
    return ResponseEntity.status(HttpStatus.SERVICE_UNAVAILABLE)
        .header(HttpHeaders.RETRY_AFTER, "10")
        .body(
            Problems.of(
                HttpStatus.SERVICE_UNAVAILABLE, what + " is unavailable; try again shortly"));
  }

  @ExceptionHandler(Exception.class)
  ProblemDetail unexpected(Exception ex) {
    LOG.error("unexpected error in the management API", ex);
    return Problems.of(
        HttpStatus.INTERNAL_SERVER_ERROR, "an unexpected error occurred; see the server log");
  }

  @Override
  protected ResponseEntity<Object> handleHttpMessageNotReadable(
      HttpMessageNotReadableException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      WebRequest request) {
    FieldError error = JsonReadErrors.describe(ex);
    return ResponseEntity.badRequest()
        .body(Problems.forFields(HttpStatus.BAD_REQUEST, List.of(error)));
  }

  @Override
  protected ResponseEntity<Object> handleNoResourceFoundException(
      NoResourceFoundException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    return ResponseEntity.status(HttpStatus.NOT_FOUND)
        .body(
            Problems.of(HttpStatus.NOT_FOUND, "there is no endpoint at /" + ex.getResourcePath()));
  }

  /** Path variables and query parameters: a bad UUID, an unknown enum value, a non-boolean flag. */
  @Override
  protected ResponseEntity<Object> handleTypeMismatch(
      TypeMismatchException ex, HttpHeaders headers, HttpStatusCode status, WebRequest request) {
    String name =
        ex instanceof MethodArgumentTypeMismatchException m ? m.getName() : ex.getPropertyName();
    String message = "must be " + JsonReadErrors.shapeOf(ex.getRequiredType());
    return ResponseEntity.badRequest()
        .body(Problems.forField(HttpStatus.BAD_REQUEST, name, message));
  }

  private static String sqlState(Throwable ex) {
    for (Throwable t = ex; t != null; t = t.getCause()) {
      if (t instanceof SQLException sql && sql.getSQLState() != null) {
        return sql.getSQLState();
      }
    }
    return "";
  }
}
