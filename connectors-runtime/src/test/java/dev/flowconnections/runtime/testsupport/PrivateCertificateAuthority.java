package dev.flowconnections.runtime.testsupport;

import io.grpc.ServerCredentials;
import io.grpc.TlsServerCredentials;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.net.ssl.KeyManagerFactory;

/**
 * A certificate authority of its own, as a self-managed cluster behind a company CA has: a CA
 * certificate (PEM, what an operator hands the runtime as CAMUNDA_CLIENT_CACERTIFICATEPATH) and a
 * server certificate it signed for 127.0.0.1. Made with the JDK's keytool, valid for two days.
 */
public final class PrivateCertificateAuthority {

  private static final String PASSWORD = "test-only-store-password";

  private final Path caCertificate;
  private final KeyManagerFactory serverKeys;

  private PrivateCertificateAuthority(Path caCertificate, KeyManagerFactory serverKeys) {
    this.caCertificate = caCertificate;
    this.serverKeys = serverKeys;
  }

  /**
   * A CA in {@code directory}, and a certificate of it for a server at the IP address 127.0.0.1.
   */
  public static PrivateCertificateAuthority create(Path directory) {
    Path ca = directory.resolve("ca.p12");
    Path server = directory.resolve("server.p12");
    Path request = directory.resolve("server.csr");
    Path serverCertificate = directory.resolve("server.pem");
    // the two key pairs are independent: one keytool JVM each, side by side
    Process caKeys =
        keytool(
            "-genkeypair",
            "-alias",
            "ca",
            "-keyalg",
            "EC",
            "-groupname",
            "secp256r1",
            "-validity",
            "2",
            "-dname",
            "CN=Flow Connections Test CA",
            "-ext",
            "bc:c",
            "-keystore",
            ca.toString());
    Process serverKeys =
        keytool(
            "-genkeypair",
            "-alias",
            "server",
            "-keyalg",
            "EC",
            "-groupname",
            "secp256r1",
            "-validity",
            "2",
            "-dname",
            "CN=127.0.0.1",
            "-keystore",
            server.toString());
    succeeded(caKeys);
    succeeded(serverKeys);
    succeeded(
        keytool(
            "-certreq",
            "-alias",
            "server",
            "-keystore",
            server.toString(),
            "-file",
            request.toString()));
    succeeded(
        keytool(
            "-gencert",
            "-rfc",
            "-alias",
            "ca",
            "-keystore",
            ca.toString(),
            "-validity",
            "2",
            "-ext",
            "SAN=ip:127.0.0.1",
            "-ext",
            "KU=digitalSignature",
            "-ext",
            "EKU=serverAuth",
            "-infile",
            request.toString(),
            "-outfile",
            serverCertificate.toString()));
    Path caCertificate = writePem(load(ca), "ca", directory.resolve("ca.pem"));
    return new PrivateCertificateAuthority(
        caCertificate, serverKeys(server, serverCertificate, caCertificate));
  }

  /** The CA certificate, PEM. */
  public Path caCertificate() {
    return caCertificate;
  }

  /** TLS for a gRPC server, with the certificate this CA signed. */
  public ServerCredentials serverCredentials() {
    return TlsServerCredentials.newBuilder().keyManager(serverKeys.getKeyManagers()).build();
  }

  /** The server's own key with the chain the CA signed (server, CA), ready for a TLS server. */
  private static KeyManagerFactory serverKeys(
      Path server, Path serverCertificate, Path caCertificate) {
    try {
      KeyStore generated = load(server);
      PrivateKey key = (PrivateKey) generated.getKey("server", PASSWORD.toCharArray());
      List<Certificate> chain = new ArrayList<>();
      CertificateFactory x509 = CertificateFactory.getInstance("X.509");
      for (Path pem : List.of(serverCertificate, caCertificate)) {
        try (InputStream in = Files.newInputStream(pem)) {
          chain.add(x509.generateCertificate(in));
        }
      }
      KeyStore signed = KeyStore.getInstance("PKCS12");
      signed.load(null, null);
      signed.setKeyEntry("server", key, PASSWORD.toCharArray(), chain.toArray(Certificate[]::new));
      KeyManagerFactory factory =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      factory.init(signed, PASSWORD.toCharArray());
      return factory;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyStore load(Path store) {
    try (InputStream in = Files.newInputStream(store)) {
      KeyStore keyStore = KeyStore.getInstance("PKCS12");
      keyStore.load(in, PASSWORD.toCharArray());
      return keyStore;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Path writePem(KeyStore store, String alias, Path file) {
    try {
      Certificate certificate = store.getCertificate(alias);
      String base64 =
          Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
              .encodeToString(certificate.getEncoded());
      return Files.writeString(
          file, "-----BEGIN CERTIFICATE-----\n" + base64 + "\n-----END CERTIFICATE-----\n");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Process keytool(String... arguments) {
    List<String> command =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "keytool").toString(),
                "-J-XX:TieredStopAtLevel=1"));
    command.addAll(List.of(arguments));
    command.addAll(List.of("-storetype", "PKCS12", "-storepass", PASSWORD));
    try {
      return new ProcessBuilder(command).redirectErrorStream(true).start();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void succeeded(Process keytool) {
    try {
      String output = new String(keytool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!keytool.waitFor(60, TimeUnit.SECONDS) || keytool.exitValue() != 0) {
        throw new IllegalStateException("keytool failed: " + output);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
