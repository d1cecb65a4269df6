package dev.flowconnections.runtime.email;

import dev.flowconnections.runtime.testsupport.LoopbackServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A badly behaved SMTP server: it offers AUTH PLAIN and LOGIN, and refuses every login quoting what
 * the client sent (the base64 of the credentials), as some servers and proxies do in errors.
 */
final class EchoingSmtpServer extends LoopbackServer {

  private final List<String> authLines = new CopyOnWriteArrayList<>();

  static EchoingSmtpServer start() {
    EchoingSmtpServer server = new EchoingSmtpServer();
    server.acceptInBackground();
    return server;
  }

  /** The base64 tokens the client sent while logging in. */
  String[] receivedAuthLines() {
    return authLines.toArray(String[]::new);
  }

  @Override
  protected void serve(Socket client) {
    try (client;
        BufferedReader in =
            new BufferedReader(
                new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII))) {
      OutputStream out = client.getOutputStream();
      reply(out, "220 echo ESMTP");
      String line;
      while ((line = in.readLine()) != null) {
        String upper = line.toUpperCase(Locale.ROOT);
        if (upper.startsWith("EHLO") || upper.startsWith("HELO")) {
          reply(out, "250-echo\r\n250 AUTH PLAIN LOGIN");
        } else if (upper.startsWith("AUTH")) {
          String[] words = line.split(" ");
          String token = words.length > 2 ? words[2] : nextToken(in, out);
          if (upper.startsWith("AUTH LOGIN") && words.length <= 2) {
            authLines.add(token);
            token = nextToken(in, out); // the password comes second
          }
          authLines.add(token);
          reply(out, "535 5.7.8 Authentication failed for " + token);
        } else if (upper.startsWith("QUIT")) {
          reply(out, "221 bye");
          return;
        } else {
          reply(out, "503 5.5.1 log in first");
        }
      }
    } catch (IOException ignored) {
      // client gone
    }
  }

  private static String nextToken(BufferedReader in, OutputStream out) throws IOException {
    reply(out, "334 ");
    String token = in.readLine();
    return token == null ? "" : token;
  }

  private static void reply(OutputStream out, String text) throws IOException {
    out.write((text + "\r\n").getBytes(StandardCharsets.US_ASCII));
    out.flush();
  }
}
