package dev.flowconnections.fields;

import static org.assertj.core.api.Assertions.assertThat;

import dev.flowconnections.errors.FieldError;
import dev.flowconnections.errors.ValidationException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The rules for MCP STDIO variables and commands, without a database. */
@Tag("fast")
class StdioEnvironmentTest {

  @Test
  void namesThatLoadCodeAreRefusedInAnyCase() {
    for (String name :
        List.of(
            "NODE_OPTIONS",
            "node_options",
            "Path",
            "LD_PRELOAD",
            "ld_library_path",
            "DYLD_INSERT_LIBRARIES",
            "PYTHONSTARTUP",
            "pythonpath",
            "JAVA_TOOL_OPTIONS",
            "_JAVA_OPTIONS",
            "JDK_JAVA_OPTIONS",
            "CLASSPATH",
            "BASH_ENV",
            "ENV",
            "PERL5OPT",
            "RUBYOPT",
            "GCONV_PATH",
            "npm_config_script_shell",
            "BASH_FUNC_x%%",
            "HOME")) {
      assertThat(StdioEnvironment.refusal(name)).as(name).isPresent();
    }
    for (String name :
        List.of("WEATHER_API_TOKEN", "REGION", "DEBUG", "_X", "NODE_ENV", "LOG_LEVEL")) {
      assertThat(StdioEnvironment.refusal(name)).as(name).isEmpty();
    }
    assertThat(StdioEnvironment.refusal("1ABC")).isPresent();
    assertThat(StdioEnvironment.refusal("A=B")).isPresent();
  }

  @Test
  void aDeclarationThatBreaksARuleIsIgnoredAtRuntime() {
    Map<String, Object> settings =
        Map.of(
            StdioEnvironment.ALLOWED,
            Map.of(
                "REGION", "plain", "TOKEN", "SECRET", "NODE_OPTIONS", "PLAIN", "OTHER", "MAYBE"));
    assertThat(StdioEnvironment.declared(settings))
        .containsOnlyKeys("REGION", "TOKEN")
        .containsEntry("REGION", false)
        .containsEntry("TOKEN", true);
  }

  @Test
  void connectionValuesMustBeDeclaredAndPlainOnesDeclaredPlain() {
    Map<String, Object> integration =
        Map.of(StdioEnvironment.ALLOWED, Map.of("REGION", "PLAIN", "TOKEN", "SECRET"));
    Map<String, Object> given = new LinkedHashMap<>();
    given.put(
        StdioEnvironment.SECRET_VALUES,
        Map.of("REGION", "n", "TOKEN", "t", "DEBUG", "1", "LD_PRELOAD", "x"));
    given.put(StdioEnvironment.PLAIN_VALUES, Map.of("REGION", "n", "TOKEN", "t"));
    ValidationException.Collector errors = new ValidationException.Collector();

    StdioEnvironment.checkConnectionValues(integration, given, "fields.", errors);

    assertThat(fields(errors))
        .containsExactlyInAnyOrder(
            "fields.environmentVariables.DEBUG",
            "fields.environmentVariables.LD_PRELOAD",
            "fields.plainEnvironmentVariables.TOKEN");
  }

  @Test
  void aCommandMustEqualAnAllowedOneAndNoneAllowedRefusesStdio() {
    StdioCommands commands =
        new StdioCommands(List.of("npx -y @modelcontextprotocol/server-everything@2025.9.25 "));
    assertThat(commands.allows(" npx -y @modelcontextprotocol/server-everything@2025.9.25"))
        .isTrue();
    assertThat(commands.allows("npx -y @modelcontextprotocol/server-everything")).isFalse();
    assertThat(commands.allows("npx -y @modelcontextprotocol/server-everything@2025.9.25 --evil"))
        .isFalse();
    assertThat(StdioCommands.NONE.refusal())
        .contains("allows no command")
        .contains(StdioCommands.PROPERTY);

    ValidationException.Collector errors = new ValidationException.Collector();
    StdioCommands.NONE.check(Map.of("transport", "STDIO", "command", "npx x"), "config.", errors);
    StdioCommands.NONE.check(
        Map.of("transport", "HTTP", "url", "http://127.0.0.1/mcp"), "config.", errors);
    assertThat(fields(errors)).containsExactly("config.command");
  }

  private static List<String> fields(ValidationException.Collector errors) {
    try {
      errors.throwIfAny();
      return List.of();
    } catch (ValidationException e) {
      return e.errors().stream().map(FieldError::field).toList();
    }
  }
}
