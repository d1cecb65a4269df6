package dev.flowconnections.fields;

import dev.flowconnections.errors.ValidationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Which environment variables an MCP STDIO server process may get from a connection. A STDIO server
 * runs on the runtime's host as the runtime's user, so a variable is code: {@code
 * NODE_OPTIONS=--import=data:...} on an ordinary {@code npx} server runs whatever the person who
 * sets it wants. Hence:
 *
 * <ul>
 *   <li>the admin declares on the integration ({@value #ALLOWED}) the names a connection may set,
 *       each {@code SECRET} (its value goes to the credential store) or {@code PLAIN} (a setting);
 *   <li>a connection sets only declared names: secret ones in {@value #SECRET_VALUES}, plain ones
 *       in {@value #PLAIN_VALUES} (a declared PLAIN name may also be stored as secret);
 *   <li>names that change how a program finds or loads code ({@link #refusal}) are refused always,
 *       on the integration, on the connection and when the process starts, whatever was declared.
 * </ul>
 *
 * The same rules run at every step, so rows stored before a rule existed fail closed at runtime.
 */
public final class StdioEnvironment {

  /** Integration setting: variable name to {@code SECRET} or {@code PLAIN}. */
  public static final String ALLOWED = "allowedEnvironmentVariables";

  /** Connection credential (secret key-value): values of declared variables, kept in the store. */
  public static final String SECRET_VALUES = "environmentVariables";

  /** Connection setting (plain key-value): values of variables declared PLAIN. */
  public static final String PLAIN_VALUES = "plainEnvironmentVariables";

  public static final String SECRET = "SECRET";
  public static final String PLAIN = "PLAIN";

  private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,127}");

  /**
   * Refused always (compared in upper case): each makes a program, its interpreter or its loader
   * run or load code chosen by whoever sets it, or changes which program a name starts.
   */
  static final Set<String> FORBIDDEN_NAMES =
      Set.of(
          "PATH",
          "HOME",
          "XDG_CONFIG_HOME",
          "ENV",
          "BASH_ENV",
          "SHELLOPTS",
          "BASHOPTS",
          "PS4",
          "IFS",
          "CDPATH",
          "NODE_OPTIONS",
          "NODE_PATH",
          "NODE_REPL_EXTERNAL_MODULE",
          "JAVA_TOOL_OPTIONS",
          "_JAVA_OPTIONS",
          "JDK_JAVA_OPTIONS",
          "JAVA_OPTS",
          "JAVA_HOME",
          "CLASSPATH",
          "PERL5LIB",
          "PERL5OPT",
          "PERLLIB",
          "PERL5DB",
          "RUBYOPT",
          "RUBYLIB",
          "GEM_HOME",
          "GEM_PATH",
          "BUNDLE_GEMFILE",
          "GCONV_PATH",
          "LOCPATH",
          "NLSPATH",
          "TCLLIBPATH",
          "GIT_SSH",
          "GIT_SSH_COMMAND",
          "GIT_EXEC_PATH",
          "GIT_ASKPASS",
          "SSH_ASKPASS",
          "EDITOR",
          "VISUAL",
          "PAGER");

  /** Refused by prefix: whole families of such variables. */
  static final List<String> FORBIDDEN_PREFIXES =
      List.of(
          "LD_",
          "DYLD_",
          "PYTHON",
          "BASH_FUNC_",
          "NPM_CONFIG_",
          "YARN_",
          "PIP_",
          "UV_",
          "LUA_",
          "GIT_CONFIG");

  private StdioEnvironment() {}

  /** Why {@code name} can never be set, or empty when it may be declared. */
  public static Optional<String> refusal(String name) {
    if (name == null || !NAME.matcher(name).matches()) {
      return Optional.of(
          "is not an environment variable name (letters, digits and _, not starting with a digit)");
    }
    String upper = name.toUpperCase(Locale.ROOT);
    if (FORBIDDEN_NAMES.contains(upper)
        || FORBIDDEN_PREFIXES.stream().anyMatch(upper::startsWith)) {
      return Optional.of(
          "changes how a program finds or loads code and is never allowed for an MCP server");
    }
    return Optional.empty();
  }

  /**
   * The names declared in an integration's settings, with whether each is secret. Entries that
   * break a rule (stored before it existed) are left out: fail closed.
   */
  public static Map<String, Boolean> declared(Map<String, Object> integrationSettings) {
    Map<String, Boolean> result = new LinkedHashMap<>();
    if (integrationSettings.get(ALLOWED) instanceof Map<?, ?> map) {
      map.forEach(
          (name, kind) -> {
            String text = String.valueOf(kind).trim().toUpperCase(Locale.ROOT);
            if (refusal(String.valueOf(name)).isEmpty()
                && (SECRET.equals(text) || PLAIN.equals(text))) {
              result.put(String.valueOf(name), SECRET.equals(text));
            }
          });
    }
    return result;
  }

  /**
   * Checks an integration's declaration ({@code values} already normalised) and upper-cases kinds.
   */
  public static void checkDeclaration(
      Map<String, Object> values, String path, ValidationException.Collector errors) {
    if (!(values.get(ALLOWED) instanceof Map<?, ?> map)) {
      return;
    }
    Map<String, String> normalized = new LinkedHashMap<>();
    map.forEach(
        (name, kind) -> {
          String field = path + ALLOWED + "." + name;
          String text = String.valueOf(kind).trim().toUpperCase(Locale.ROOT);
          Optional<String> refused = refusal(String.valueOf(name));
          if (refused.isPresent()) {
            errors.add(field, refused.get());
          } else if (!SECRET.equals(text) && !PLAIN.equals(text)) {
            errors.add(field, "must be SECRET or PLAIN");
          } else {
            normalized.put(String.valueOf(name), text);
          }
        });
    values.put(ALLOWED, normalized);
  }

  /**
   * Checks the variables a connection environment sets ({@code given}: its normalised fields)
   * against the integration's declaration for that environment.
   */
  public static void checkConnectionValues(
      Map<String, Object> integrationSettings,
      Map<String, Object> given,
      String path,
      ValidationException.Collector errors) {
    Map<String, Boolean> declared = declared(integrationSettings);
    for (String field : List.of(SECRET_VALUES, PLAIN_VALUES)) {
      if (!(given.get(field) instanceof Map<?, ?> values)) {
        continue;
      }
      for (Object name : values.keySet()) {
        String where = path + field + "." + name;
        Optional<String> refused = refusal(String.valueOf(name));
        if (refused.isPresent()) {
          errors.add(where, refused.get());
        } else if (!declared.containsKey(String.valueOf(name))) {
          errors.add(
              where,
              "is not declared by the integration; allowed: "
                  + declared.keySet().stream().sorted().toList());
        } else if (field.equals(PLAIN_VALUES) && declared.get(String.valueOf(name))) {
          errors.add(where, "is declared SECRET by the integration; set it in " + SECRET_VALUES);
        }
      }
    }
  }
}
