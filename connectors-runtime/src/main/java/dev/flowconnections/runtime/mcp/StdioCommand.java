package dev.flowconnections.runtime.mcp;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A STDIO server's command line split into program and arguments the way a POSIX shell splits words
 * (whitespace; single quotes keep everything; double quotes and backslashes escape), but without a
 * shell: no variables, globs, pipes or redirections are interpreted, so a command cannot run more
 * than the one program it names.
 */
record StdioCommand(String program, List<String> arguments) {

  StdioCommand {
    arguments = List.copyOf(arguments);
  }

  /**
   * @throws IllegalArgumentException for an empty command or an unterminated quote
   */
  static StdioCommand parse(String commandLine) {
    List<String> words = new ArrayList<>();
    StringBuilder word = new StringBuilder();
    boolean inWord = false;
    char quote = 0;
    for (int i = 0; i < commandLine.length(); i++) {
      char c = commandLine.charAt(i);
      if (quote == '\'') {
        if (c == '\'') {
          quote = 0;
        } else {
          word.append(c);
        }
      } else if (quote == '"') {
        if (c == '"') {
          quote = 0;
        } else if (c == '\\'
            && i + 1 < commandLine.length()
            && "\"\\$`".indexOf(commandLine.charAt(i + 1)) >= 0) {
          word.append(commandLine.charAt(++i));
        } else {
          word.append(c);
        }
      } else if (Character.isWhitespace(c)) {
        if (inWord) {
          words.add(word.toString());
          word.setLength(0);
          inWord = false;
        }
      } else {
        inWord = true;
        if (c == '\'' || c == '"') {
          quote = c;
        } else if (c == '\\' && i + 1 < commandLine.length()) {
          word.append(commandLine.charAt(++i));
        } else {
          word.append(c);
        }
      }
    }
    if (quote != 0) {
      throw new IllegalArgumentException(
          "the command has an unterminated " + (quote == '"' ? "double" : "single") + " quote");
    }
    if (inWord) {
      words.add(word.toString());
    }
    if (words.isEmpty()) {
      throw new IllegalArgumentException("the command is empty");
    }
    return new StdioCommand(words.get(0), words.subList(1, words.size()));
  }

  /**
   * The executable the program names: a path as given, or a bare name looked up in {@code path}
   * (the PATH the process gets), so a missing program is reported as such before anything starts.
   */
  Optional<Path> executable(String path) {
    if (program.contains("/") || program.contains(File.separator)) {
      Path file = Path.of(program);
      return Files.isRegularFile(file) && Files.isExecutable(file)
          ? Optional.of(file)
          : Optional.empty();
    }
    if (path == null) {
      return Optional.empty();
    }
    for (String directory : path.split(File.pathSeparator)) {
      if (directory.isEmpty()) {
        continue;
      }
      Path candidate = Path.of(directory, program);
      if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
        return Optional.of(candidate);
      }
    }
    return Optional.empty();
  }
}
