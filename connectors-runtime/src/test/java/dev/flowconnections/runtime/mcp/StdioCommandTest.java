package dev.flowconnections.runtime.mcp;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A STDIO command line becomes one program and its arguments, shell-like quoting, no shell. */
@Tag("fast")
class StdioCommandTest {

  @Test
  void splitsOnWhitespaceAndKeepsQuotedWordsTogether() {
    StdioCommand command =
        StdioCommand.parse("  npx -y '@scope/server files' \"my dir/x\" a\\ b ''  ");

    assertThat(command.program()).isEqualTo("npx");
    assertThat(command.arguments())
        .containsExactly("-y", "@scope/server files", "my dir/x", "a b", "");
  }

  @Test
  void shellSyntaxIsPassedOnAsPlainText() {
    StdioCommand command = StdioCommand.parse("server --token $TOKEN; rm -rf / | tee `id` > out");

    assertThat(command.program()).isEqualTo("server");
    assertThat(command.arguments())
        .containsExactly("--token", "$TOKEN;", "rm", "-rf", "/", "|", "tee", "`id`", ">", "out");
  }

  @Test
  void doubleQuotesEscapeOnlyWhatAShellEscapesThere() {
    assertThat(StdioCommand.parse("p \"a \\\"b\\\" \\\\ \\n\"").arguments())
        .containsExactly("a \"b\" \\ \\n");
    assertThat(StdioCommand.parse("p 'it'\\''s'").arguments()).containsExactly("it's");
  }

  @Test
  void emptyCommandsAndOpenQuotesAreRefused() {
    assertThatThrownBy(() -> StdioCommand.parse("   ")).hasMessage("the command is empty");
    assertThatThrownBy(() -> StdioCommand.parse("p \"open"))
        .hasMessage("the command has an unterminated double quote");
    assertThatThrownBy(() -> StdioCommand.parse("p 'open"))
        .hasMessage("the command has an unterminated single quote");
  }

  @Test
  void findsTheProgramAsAPathOrOnThePath(@TempDir Path dir) throws Exception {
    Path tool = Files.createFile(dir.resolve("mcp-tool"));
    assertThat(StdioCommand.parse(tool.toString()).executable(null))
        .as("not executable yet")
        .isEmpty();
    assertThat(tool.toFile().setExecutable(true)).isTrue();

    assertThat(StdioCommand.parse(tool.toString()).executable(null)).contains(tool);
    assertThat(StdioCommand.parse("mcp-tool --x").executable("/nonexistent:" + dir))
        .contains(dir.resolve("mcp-tool"));
    assertThat(StdioCommand.parse("mcp-tool").executable("/nonexistent")).isEmpty();
    assertThat(StdioCommand.parse("mcp-tool").executable(null)).isEmpty();
    assertThat(List.of(StdioCommand.parse("sh").executable(System.getenv("PATH"))))
        .allMatch(java.util.Optional::isPresent);
  }
}
