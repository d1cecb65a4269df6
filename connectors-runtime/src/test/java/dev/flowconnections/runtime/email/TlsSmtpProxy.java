package dev.flowconnections.runtime.email;

import dev.flowconnections.runtime.testsupport.LoopbackServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManagerFactory;

/**
 * A TLS front for GreenMail's plain SMTP server, which speaks neither STARTTLS nor TLS with a
 * certificate for 127.0.0.1. In IMPLICIT_TLS mode it handshakes at once (like port 465); in
 * STARTTLS mode it answers EHLO offering only STARTTLS and upgrades on request (like port 587).
 * After the handshake it relays to GreenMail, which sees the client's EHLO, login and mail.
 *
 * <p>Its certificate ({@code email/smtp-test-tls.p12}, self-signed, SAN IP 127.0.0.1 and localhost,
 * valid until 2126) was made with {@code keytool -genkeypair -keyalg EC -ext
 * SAN=ip:127.0.0.1,dns:localhost -validity 36500 -storetype PKCS12}; password {@value #PASSWORD}.
 */
final class TlsSmtpProxy extends LoopbackServer {

  enum Mode {
    IMPLICIT_TLS,
    STARTTLS
  }

  private static final String PASSWORD = "test-only";

  private final int upstreamPort;
  private final Mode mode;
  private final SSLContext tls = serverContext();

  /** The protocol of every completed handshake, e.g. TLSv1.3: proof the mail went encrypted. */
  final List<String> handshakes = new CopyOnWriteArrayList<>();

  private TlsSmtpProxy(Mode mode, int upstreamPort) {
    this.mode = mode;
    this.upstreamPort = upstreamPort;
  }

  static TlsSmtpProxy start(Mode mode, int upstreamPort) {
    TlsSmtpProxy proxy = new TlsSmtpProxy(mode, upstreamPort);
    proxy.acceptInBackground();
    return proxy;
  }

  /** A client socket factory that trusts this proxy's certificate and nothing else. */
  static SSLSocketFactory clientTrust() {
    try {
      TrustManagerFactory trust =
          TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
      trust.init(keyStore());
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(null, trust.getTrustManagers(), null);
      return context.getSocketFactory();
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  @Override
  protected void serve(Socket client) {
    try (client) {
      Socket plain = client;
      if (mode == Mode.STARTTLS && !negotiateStartTls(client)) {
        return;
      }
      SSLSocket secure =
          (SSLSocket)
              tls.getSocketFactory()
                  .createSocket(
                      plain, plain.getInetAddress().getHostAddress(), plain.getPort(), true);
      secure.setUseClientMode(false);
      secure.startHandshake();
      handshakes.add(secure.getSession().getProtocol());
      try (secure;
          Socket upstream = new Socket(InetAddress.getLoopbackAddress(), upstreamPort)) {
        if (mode == Mode.STARTTLS) {
          readLine(upstream.getInputStream()); // the client had its greeting before STARTTLS
        }
        Thread toUpstream = Thread.ofVirtual().start(() -> copy(secure, upstream));
        copy(upstream, secure);
        toUpstream.join();
      }
    } catch (IOException | InterruptedException e) {
      // the client went away or refused our certificate: nothing to relay
    }
  }

  /**
   * The plain part of a STARTTLS session: greeting, EHLO offering STARTTLS, the STARTTLS command.
   */
  private static boolean negotiateStartTls(Socket client) throws IOException {
    InputStream in = client.getInputStream();
    OutputStream out = client.getOutputStream();
    write(out, "220 127.0.0.1 ESMTP test front\r\n");
    String line;
    while ((line = readLine(in)) != null) {
      String command = line.toUpperCase(Locale.ROOT);
      if (command.startsWith("EHLO") || command.startsWith("HELO")) {
        write(out, "250-127.0.0.1\r\n250 STARTTLS\r\n");
      } else if (command.equals("STARTTLS")) {
        write(out, "220 2.0.0 Ready to start TLS\r\n");
        return true;
      } else if (command.equals("QUIT")) {
        write(out, "221 2.0.0 Bye\r\n");
        return false;
      } else {
        write(out, "530 5.7.0 Must issue a STARTTLS command first\r\n");
      }
    }
    return false;
  }

  /** Reads byte by byte up to CRLF, so no byte of the TLS handshake that follows is swallowed. */
  private static String readLine(InputStream in) throws IOException {
    ByteArrayOutputStream line = new ByteArrayOutputStream();
    int b;
    while ((b = in.read()) != -1) {
      if (b == '\n') {
        return line.toString(StandardCharsets.US_ASCII).stripTrailing();
      }
      line.write(b);
    }
    return null;
  }

  private static void write(OutputStream out, String text) throws IOException {
    out.write(text.getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }

  private static void copy(Socket from, Socket to) {
    try {
      from.getInputStream().transferTo(to.getOutputStream());
    } catch (IOException ignored) {
      // one side closed
    } finally {
      try {
        to.shutdownOutput();
      } catch (IOException | UnsupportedOperationException ignored) {
        // SSLSocket may not support half-close; the other copy ends when its peer closes
        try {
          to.close();
        } catch (IOException alsoIgnored) {
          // closed already
        }
      }
    }
  }

  private static SSLContext serverContext() {
    try {
      KeyManagerFactory keys =
          KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
      keys.init(keyStore(), PASSWORD.toCharArray());
      SSLContext context = SSLContext.getInstance("TLS");
      context.init(keys.getKeyManagers(), null, null);
      return context;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static KeyStore keyStore() {
    try (InputStream in = TlsSmtpProxy.class.getResourceAsStream("/email/smtp-test-tls.p12")) {
      KeyStore store = KeyStore.getInstance("PKCS12");
      store.load(in, PASSWORD.toCharArray());
      return store;
    } catch (IOException | GeneralSecurityException e) {
      throw new IllegalStateException("test keystore email/smtp-test-tls.p12 cannot be read", e);
    }
  }
}
