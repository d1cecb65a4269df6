package dev.flowconnections.runtime.sql;

import dev.flowconnections.runtime.worker.AgentToolFailures;
import dev.flowconnections.runtime.worker.SecretMasker;
import io.camunda.connector.api.error.ConnectorException;
import io.camunda.connector.api.outbound.JobContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which statements of an AI agent's tool call the model wrote, and whether the task lets it. The
 * model is untrusted: the text it passed (the string arguments of {@code toolCall}) must not reach
 * the database as SQL unless the modeller opted in with {@link ModelWrittenSql}; parameter values
 * are always bound, never SQL.
 *
 * <p>A statement counts as model-written when it contains one of the model's string arguments
 * (trimmed): one with anything but letters, digits and underscores anywhere in it, one made of
 * those only as a whole word (so an argument {@code open} does not make {@code open_date} the
 * model's). Numbers are not counted: a number spliced into SQL stays a number. The agent's own
 * {@code _meta} (call id, tool name) is not the model's text.
 */
final class ModelSql {

  static final String REFUSED = "MODEL_SQL_REFUSED";

  /** A read-only task runs queries only: statements starting with another word are refused. */
  private static final Set<String> QUERY_WORDS =
      Set.of("select", "with", "values", "table", "show", "explain");

  private static final Pattern WORD = Pattern.compile("[A-Za-z0-9_]+");
  private static final Pattern NUMBER = Pattern.compile("[+-]?\\d+(\\.\\d+)?");

  /** MariaDB/MySQL write files from a query; no read-only transaction stops that. */
  private static final Pattern INTO_FILE =
      Pattern.compile("\\binto\\s+(outfile|dumpfile)\\b", Pattern.CASE_INSENSITIVE);

  private ModelSql() {}

  /**
   * Whether the request must run read-only; refuses (a coded answer, which goes back to the model)
   * what the task does not allow. A job that is no agent tool is the modeller's alone.
   */
  static boolean checkAndReadOnly(SqlRequest request, JobContext job, SecretMasker masker) {
    if (!AgentToolFailures.isAgentTool(job)) {
      return false;
    }
    List<String> arguments = new ArrayList<>();
    collect(request.toolCall(), true, arguments);
    List<SqlRequest.SqlStatement> statements = request.toRun();
    boolean modelWritten =
        statements.stream().anyMatch(s -> isModelWritten(s.statement(), arguments));
    if (!modelWritten) {
      return false;
    }
    return switch (request.modelWrittenSql()) {
      case NOT_ALLOWED ->
          throw refused(
              "this task runs only the SQL its modeller wrote; the model supplies parameter"
                  + " values, which are bound, never run as SQL",
              masker);
      case READ_WRITE -> false;
      case READ_ONLY -> {
        if (request.isBatch()) {
          throw refused(
              "a read-only task runs one query written by the model, not a batch", masker);
        }
        checkOneQuery(statements.get(0).statement(), masker);
        yield true;
      }
    };
  }

  static boolean isModelWritten(String statement, Collection<String> arguments) {
    if (statement == null) {
      return false;
    }
    for (String argument : arguments) {
      if (NUMBER.matcher(argument).matches()) {
        continue;
      }
      if (!WORD.matcher(argument).matches()) {
        if (statement.contains(argument)) {
          return true;
        }
        continue;
      }
      if (Pattern.compile("(?<![A-Za-z0-9_])" + Pattern.quote(argument) + "(?![A-Za-z0-9_])")
          .matcher(statement)
          .find()) {
        return true;
      }
    }
    return false;
  }

  /**
   * One query: no second statement (any {@code ;} but a last one, even inside a string: refused
   * rather than parsed), starting with a query's word, not writing a file.
   */
  private static void checkOneQuery(String statement, SecretMasker masker) {
    String text = statement.strip();
    if (text.endsWith(";")) {
      text = text.substring(0, text.length() - 1);
    }
    if (text.contains(";")) {
      throw refused("a read-only task runs one statement; this text holds several", masker);
    }
    String start = text.replaceFirst("^[\\s(]+", "");
    var word = WORD.matcher(start);
    String first = word.lookingAt() ? word.group().toLowerCase(Locale.ROOT) : "";
    if (!QUERY_WORDS.contains(first)) {
      throw refused(
          "a read-only task runs queries only (SELECT, WITH, VALUES, TABLE, SHOW, EXPLAIN)",
          masker);
    }
    if (INTO_FILE.matcher(text).find()) {
      throw refused("a read-only task does not write files", masker);
    }
  }

  /** The model's string arguments, trimmed; the agent's {@code _meta} left out. */
  private static void collect(Object value, boolean top, List<String> into) {
    if (value instanceof Map<?, ?> map) {
      map.forEach(
          (key, nested) -> {
            if (!(top && "_meta".equals(key))) {
              collect(nested, false, into);
            }
          });
    } else if (value instanceof Collection<?> list) {
      list.forEach(nested -> collect(nested, false, into));
    } else if (value instanceof String text && !text.isBlank()) {
      into.add(text.strip());
    }
  }

  private static ConnectorException refused(String message, SecretMasker masker) {
    return dev.flowconnections.runtime.worker.JobFailures.rejected(REFUSED, message, masker);
  }
}
