package dev.flowconnections.demo.postgres;

import com.sun.security.auth.module.UnixSystem;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/**
 * A PostgreSQL server of its own for the demo: binaries unpacked from zonky's jar, data in {@code
 * <dir>/data} (created by initdb on the first start, reused after), listening on a free port of
 * 127.0.0.1 only, with a random superuser password kept owner-only in {@code <dir>/password}.
 *
 * <p>PostgreSQL refuses to run as root. As root (containers, CI) its commands run in a user
 * namespace where this user appears as an unprivileged one ({@code unshare --map-user}): the server
 * runs with the same rights on the files as the caller, its files stay the caller's, and nothing
 * has to be handed to another account.
 *
 * <p>Stopped by {@link #stop()} or, failing that, when the JVM exits. A server left running by a
 * JVM that was killed is stopped on the next start; a {@code postmaster.pid} naming another process
 * (its number reused after a reboot) is removed.
 */
public final class EmbeddedPostgres {

  public static final String SUPERUSER = "postgres";

  private static final Duration COMMAND_TIMEOUT = Duration.ofMinutes(3);
  private static final String UNPRIVILEGED_ID = "65534"; // "nobody" on every Linux

  private final Path dir;
  private final Path installation;
  private final Path data;
  private final String password;
  private final int port;
  private final long pid;
  private final Thread stopOnExit = new Thread(this::stop, "embedded-postgres-stop");
  private boolean stopped;

  private EmbeddedPostgres(Path dir, Path installation, String password, int port) {
    this.dir = dir;
    this.installation = installation;
    this.data = dir.resolve("data");
    this.password = password;
    this.port = port;
    this.pid =
        postmasterPid(data)
            .orElseThrow(
                () ->
                    new EmbeddedPostgresException(
                        "the embedded PostgreSQL started but wrote no "
                            + data.resolve("postmaster.pid")));
  }

  /**
   * Unpacks (first time), initializes (first time) and starts the server with its files in {@code
   * dir}.
   */
  public static EmbeddedPostgres start(Path dir) {
    Path home = createOwnerOnly(dir.toAbsolutePath().normalize());
    Path installation = PostgresBinaries.unpackInto(home);
    Path data = home.resolve("data");
    Path passwordFile = home.resolve("password");
    if (!Files.exists(data.resolve("PG_VERSION"))) {
      PostgresBinaries.deleteRecursively(data); // what an interrupted initdb left
      writeOwnerOnly(passwordFile, randomPassword());
      run(
          installation,
          home,
          "initdb",
          "-D",
          data.toString(),
          "-U",
          SUPERUSER,
          "-A",
          "scram-sha-256",
          "--pwfile=" + passwordFile,
          "-E",
          "UTF8",
          "--no-locale");
    }
    stopLeftover(installation, home, data);
    int port = freePort();
    run(
        installation,
        home,
        "pg_ctl",
        "start",
        "-w",
        "-t",
        String.valueOf(COMMAND_TIMEOUT.toSeconds()),
        "-D",
        data.toString(),
        "-l",
        home.resolve("postgres.log").toString(),
        "-o",
        "-p " + port + " -c listen_addresses=127.0.0.1 -c unix_socket_directories=");
    EmbeddedPostgres server =
        new EmbeddedPostgres(home, installation, readPassword(passwordFile), port);
    Runtime.getRuntime().addShutdownHook(server.stopOnExit);
    return server;
  }

  public Path dir() {
    return dir;
  }

  public int port() {
    return port;
  }

  /** The postmaster's process id. */
  public long pid() {
    return pid;
  }

  public String password() {
    return password;
  }

  /** Like {@code 17.11}. */
  public String version() {
    try (Connection connection = connect("postgres");
        Statement statement = connection.createStatement();
        ResultSet result = statement.executeQuery("show server_version")) {
      result.next();
      return result.getString(1).split(" ")[0];
    } catch (SQLException e) {
      throw new EmbeddedPostgresException(
          "the embedded PostgreSQL does not answer: " + e.getMessage(), e);
    }
  }

  /** Creates the database the configured URL names, on the first start. */
  public void createDatabaseIfMissing(String database) {
    try (Connection connection = connect("postgres");
        PreparedStatement exists =
            connection.prepareStatement("select 1 from pg_database where datname = ?")) {
      exists.setString(1, database);
      try (ResultSet result = exists.executeQuery()) {
        if (!result.next()) {
          try (Statement create = connection.createStatement()) {
            create.execute("create database \"" + database.replace("\"", "\"\"") + "\"");
          }
        }
      }
    } catch (SQLException e) {
      throw new EmbeddedPostgresException(
          "cannot create database " + database + " in the embedded PostgreSQL: " + e.getMessage(),
          e);
    }
  }

  public Connection connect(String database) throws SQLException {
    return DriverManager.getConnection(
        "jdbc:postgresql://127.0.0.1:" + port + "/" + database, SUPERUSER, password);
  }

  /**
   * Fast shutdown (open sessions are ended); waits until the server is gone. Does nothing the
   * second time.
   */
  public synchronized void stop() {
    if (stopped) {
      return;
    }
    stopped = true;
    try {
      run(
          installation,
          dir,
          "pg_ctl",
          "stop",
          "-w",
          "-t",
          String.valueOf(COMMAND_TIMEOUT.toSeconds()),
          "-m",
          "fast",
          "-D",
          data.toString());
    } catch (EmbeddedPostgresException e) {
      // pg_ctl could not do it: a plain TERM still shuts the server down once its sessions end
      ProcessHandle.of(pid).ifPresent(ProcessHandle::destroy);
    }
    try {
      Runtime.getRuntime().removeShutdownHook(stopOnExit);
    } catch (IllegalStateException exiting) {
      // called by that very hook
    }
  }

  /**
   * Stops a server a killed JVM left running on this data; drops a pid file that names some other
   * process.
   */
  private static void stopLeftover(Path installation, Path home, Path data) {
    Optional<Long> recorded = postmasterPid(data);
    if (recorded.isEmpty()) {
      return;
    }
    Optional<ProcessHandle> process =
        ProcessHandle.of(recorded.get()).filter(ProcessHandle::isAlive);
    if (process.isPresent() && isServerOf(process.get(), home)) {
      run(
          installation,
          home,
          "pg_ctl",
          "stop",
          "-w",
          "-t",
          String.valueOf(COMMAND_TIMEOUT.toSeconds()),
          "-m",
          "fast",
          "-D",
          data.toString());
    } else {
      try {
        Files.deleteIfExists(data.resolve("postmaster.pid"));
      } catch (IOException e) {
        throw new EmbeddedPostgresException(
            "cannot remove the stale " + data.resolve("postmaster.pid") + ": " + reason(e), e);
      }
    }
  }

  private static boolean isServerOf(ProcessHandle process, Path home) {
    try {
      Path realHome = home.toRealPath();
      return process
          .info()
          .command()
          .map(Path::of)
          .filter(command -> command.startsWith(realHome))
          .isPresent();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Optional<Long> postmasterPid(Path data) {
    Path pidFile = data.resolve("postmaster.pid");
    try {
      List<String> lines = Files.exists(pidFile) ? Files.readAllLines(pidFile) : List.of();
      return lines.isEmpty() || lines.get(0).isBlank()
          ? Optional.empty()
          : Optional.of(Long.parseLong(lines.get(0).trim()));
    } catch (IOException | NumberFormatException e) {
      return Optional.empty();
    }
  }

  /** Runs a PostgreSQL program to its end; its output becomes the message when it fails. */
  private static void run(Path installation, Path home, String program, String... arguments) {
    List<String> command = new ArrayList<>();
    boolean root = isRoot();
    if (root) {
      command.addAll(
          List.of(
              "unshare",
              "--user",
              "--map-user=" + UNPRIVILEGED_ID,
              "--map-group=" + UNPRIVILEGED_ID,
              "--"));
    }
    command.add(installation.resolve("bin").resolve(program).toString());
    command.addAll(List.of(arguments));
    Path output = null;
    try {
      output = Files.createTempFile(home, program + "-", ".out");
      Process process =
          new ProcessBuilder(command)
              .redirectErrorStream(true)
              .redirectOutput(output.toFile())
              .start();
      if (!process.waitFor(COMMAND_TIMEOUT.toSeconds(), TimeUnit.SECONDS)) {
        process.destroyForcibly();
        throw new EmbeddedPostgresException(
            program + " did not finish within " + COMMAND_TIMEOUT.toSeconds() + " s");
      }
      if (process.exitValue() != 0) {
        String said = Files.readString(output).strip().replace('\n', ' ');
        throw new EmbeddedPostgresException(
            program
                + " failed (exit "
                + process.exitValue()
                + "): "
                + said
                + (root
                    ? " [as root the PostgreSQL programs run in a user namespace (unshare --user), which this machine must allow]"
                    : "")
                + (program.equals("pg_ctl")
                    ? " (server log: " + home.resolve("postgres.log") + ")"
                    : ""));
      }
    } catch (IOException e) {
      throw new EmbeddedPostgresException(
          "cannot run " + command.get(0) + ": " + e.getMessage(), e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new EmbeddedPostgresException(program + " was interrupted", e);
    } finally {
      if (output != null) {
        try {
          Files.deleteIfExists(output);
        } catch (IOException ignored) {
          // a leftover temp file is harmless
        }
      }
    }
  }

  private static boolean isRoot() {
    try {
      return new UnixSystem().getUid() == 0;
    } catch (RuntimeException | LinkageError notUnix) {
      return false;
    }
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new EmbeddedPostgresException("no free port on 127.0.0.1: " + e.getMessage(), e);
    }
  }

  private static Path createOwnerOnly(Path dir) {
    try {
      Files.createDirectories(dir);
      Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
      return dir;
    } catch (IOException e) {
      throw new EmbeddedPostgresException("cannot create " + dir + ": " + reason(e), e);
    }
  }

  private static void writeOwnerOnly(Path file, String content) {
    try {
      Files.deleteIfExists(file);
      Files.createFile(
          file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
      Files.writeString(file, content);
    } catch (IOException e) {
      throw new EmbeddedPostgresException("cannot write " + file + ": " + reason(e), e);
    }
  }

  private static String readPassword(Path file) {
    try {
      return Files.readString(file).strip();
    } catch (IOException e) {
      throw new EmbeddedPostgresException(
          "cannot read the embedded PostgreSQL's password from "
              + file
              + " (delete "
              + file.getParent()
              + " to start afresh): "
              + reason(e),
          e);
    }
  }

  /** A file system error without the path it repeats. */
  static String reason(IOException e) {
    return e instanceof FileSystemException fileSystem && fileSystem.getReason() != null
        ? fileSystem.getReason()
        : e.getMessage();
  }

  private static String randomPassword() {
    byte[] bytes = new byte[24];
    new SecureRandom().nextBytes(bytes);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
  }
}
