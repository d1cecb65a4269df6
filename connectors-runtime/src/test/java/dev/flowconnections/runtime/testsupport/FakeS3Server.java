package dev.flowconnections.runtime.testsupport;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentSkipListMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * An in-test S3-compatible server (path-style addressing) for the operations the storage worker
 * uses: ListObjectsV2, PutObject, GetObject, DeleteObject. Like S3 it <em>verifies</em> every
 * request's AWS Signature Version 4 against the one configured key pair: the canonical request
 * (method, path, query, signed headers, payload hash), the payload's SHA-256 when it is signed, and
 * each chunk's signature of an {@code aws-chunked} streaming upload. A wrong secret gets S3's 403
 * SignatureDoesNotMatch, an unknown key InvalidAccessKeyId. Errors are S3's XML documents.
 */
public final class FakeS3Server implements AutoCloseable {

  private static final Pattern AUTHORIZATION =
      Pattern.compile(
          "AWS4-HMAC-SHA256 Credential=([^/]+)/(\\d{8})/([^/]+)/s3/aws4_request, ?SignedHeaders=([^,]+), ?Signature=([0-9a-f]{64})");
  private static final String EMPTY_SHA256 = sha256Hex(new byte[0]);

  private final HttpServer server;
  private final String accessKeyId;
  private final String secretAccessKey;
  private final Map<String, ConcurrentSkipListMap<String, StoredObject>> buckets =
      new ConcurrentHashMap<>();
  private final List<String> requestLog = new CopyOnWriteArrayList<>();
  private final List<String> rawHeaders = new CopyOnWriteArrayList<>();

  /** A stored object. */
  public record StoredObject(byte[] content, String contentType, Instant lastModified) {}

  private FakeS3Server(HttpServer server, String accessKeyId, String secretAccessKey) {
    this.server = server;
    this.accessKeyId = accessKeyId;
    this.secretAccessKey = secretAccessKey;
  }

  public static FakeS3Server start(String accessKeyId, String secretAccessKey) {
    try {
      HttpServer http = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      FakeS3Server s3 = new FakeS3Server(http, accessKeyId, secretAccessKey);
      http.createContext("/", s3::handle);
      http.start();
      return s3;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String endpoint() {
    return "http://127.0.0.1:" + server.getAddress().getPort();
  }

  public FakeS3Server createBucket(String bucket) {
    buckets.putIfAbsent(bucket, new ConcurrentSkipListMap<>());
    return this;
  }

  public void put(String bucket, String key, byte[] content, String contentType) {
    buckets.get(bucket).put(key, new StoredObject(content, contentType, Instant.now()));
  }

  public Optional<StoredObject> object(String bucket, String key) {
    return Optional.ofNullable(
        buckets.getOrDefault(bucket, new ConcurrentSkipListMap<>()).get(key));
  }

  /** "METHOD /path?query -> status" per request, in order. */
  public List<String> requestLog() {
    return List.copyOf(requestLog);
  }

  /** Every request's headers and query as received, to check nothing secret travelled. */
  public String everythingReceived() {
    return String.join("\n", rawHeaders);
  }

  @Override
  public void close() {
    server.stop(0);
  }

  private void handle(HttpExchange exchange) throws IOException {
    try (exchange;
        InputStream in = exchange.getRequestBody()) {
      byte[] body = in.readAllBytes();
      Reply reply;
      try {
        rawHeaders.add(exchange.getRequestURI() + " " + exchange.getRequestHeaders());
        byte[] payload = verifiedPayload(exchange, body);
        reply = dispatch(exchange, payload);
      } catch (S3Error e) {
        reply =
            new Reply(
                e.status,
                "application/xml",
                error(e.code, e.getMessage()).getBytes(StandardCharsets.UTF_8));
      }
      requestLog.add(
          exchange.getRequestMethod()
              + " "
              + exchange.getRequestURI().getRawPath()
              + (exchange.getRequestURI().getRawQuery() == null
                  ? ""
                  : "?" + exchange.getRequestURI().getRawQuery())
              + " -> "
              + reply.status);
      if (reply.contentType != null) {
        exchange.getResponseHeaders().add("Content-Type", reply.contentType);
      }
      boolean noBody = reply.body.length == 0 || exchange.getRequestMethod().equals("HEAD");
      exchange.sendResponseHeaders(reply.status, noBody ? -1 : reply.body.length);
      if (!noBody) {
        try (OutputStream out = exchange.getResponseBody()) {
          out.write(reply.body);
        }
      }
    }
  }

  private record Reply(int status, String contentType, byte[] body) {
    static Reply xml(int status, String xml) {
      return new Reply(status, "application/xml", xml.getBytes(StandardCharsets.UTF_8));
    }
  }

  private static final class S3Error extends RuntimeException {
    final int status;
    final String code;

    S3Error(int status, String code, String message) {
      super(message);
      this.status = status;
      this.code = code;
    }
  }

  private Reply dispatch(HttpExchange exchange, byte[] payload) {
    String rawPath = exchange.getRequestURI().getRawPath();
    String path =
        URLDecoder.decode(rawPath.substring(1).replace("+", "%2B"), StandardCharsets.UTF_8);
    int slash = path.indexOf('/');
    String bucketName = slash < 0 ? path : path.substring(0, slash);
    String key = slash < 0 ? "" : path.substring(slash + 1);
    ConcurrentSkipListMap<String, StoredObject> bucket = buckets.get(bucketName);
    if (bucket == null) {
      throw new S3Error(404, "NoSuchBucket", "The specified bucket does not exist");
    }
    String method = exchange.getRequestMethod();
    if (key.isEmpty()) {
      if (method.equals("GET")) {
        return list(bucket, bucketName, query(exchange.getRequestURI().getRawQuery()));
      }
      if (method.equals("HEAD")) {
        return new Reply(200, null, new byte[0]);
      }
      throw new S3Error(
          405, "MethodNotAllowed", "The specified method is not allowed against this resource.");
    }
    return switch (method) {
      case "PUT" -> {
        String type = exchange.getRequestHeaders().getFirst("Content-Type");
        bucket.put(
            key,
            new StoredObject(payload, type == null ? "binary/octet-stream" : type, Instant.now()));
        yield new Reply(200, null, new byte[0]);
      }
      case "GET", "HEAD" -> {
        StoredObject object = bucket.get(key);
        if (object == null) {
          throw new S3Error(404, "NoSuchKey", "The specified key does not exist.");
        }
        yield new Reply(200, object.contentType(), object.content());
      }
      case "DELETE" -> {
        bucket.remove(key);
        yield new Reply(204, null, new byte[0]);
      }
      default ->
          throw new S3Error(
              405,
              "MethodNotAllowed",
              "The specified method is not allowed against this resource.");
    };
  }

  private static Reply list(
      ConcurrentSkipListMap<String, StoredObject> bucket, String name, Map<String, String> query) {
    if (!"2".equals(query.get("list-type"))) {
      throw new S3Error(400, "InvalidArgument", "only ListObjectsV2 is supported");
    }
    String prefix = query.getOrDefault("prefix", "");
    int maxKeys = Integer.parseInt(query.getOrDefault("max-keys", "1000"));
    List<Map.Entry<String, StoredObject>> matching =
        bucket.entrySet().stream().filter(e -> e.getKey().startsWith(prefix)).toList();
    List<Map.Entry<String, StoredObject>> page =
        matching.subList(0, Math.min(maxKeys, matching.size()));
    StringBuilder xml =
        new StringBuilder(
            "<?xml version=\"1.0\" encoding=\"UTF-8\"?>"
                + "<ListBucketResult xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Name>"
                + name
                + "</Name><Prefix>"
                + escape(prefix)
                + "</Prefix><KeyCount>"
                + page.size()
                + "</KeyCount><MaxKeys>"
                + maxKeys
                + "</MaxKeys><IsTruncated>"
                + (matching.size() > page.size())
                + "</IsTruncated>");
    for (Map.Entry<String, StoredObject> entry : page) {
      xml.append("<Contents><Key>")
          .append(escape(entry.getKey()))
          .append("</Key><LastModified>")
          .append(entry.getValue().lastModified())
          .append("</LastModified><ETag>\"")
          .append(HexFormat.of().formatHex(md5(entry.getValue().content())))
          .append("\"</ETag><Size>")
          .append(entry.getValue().content().length)
          .append("</Size><StorageClass>STANDARD</StorageClass></Contents>");
    }
    return Reply.xml(200, xml.append("</ListBucketResult>").toString());
  }

  // ---- Signature Version 4, as S3 checks it ----

  private byte[] verifiedPayload(HttpExchange exchange, byte[] body) {
    String authorization = exchange.getRequestHeaders().getFirst("Authorization");
    Matcher auth = authorization == null ? null : AUTHORIZATION.matcher(authorization);
    if (auth == null || !auth.matches()) {
      throw new S3Error(403, "AccessDenied", "Access Denied");
    }
    if (!auth.group(1).equals(accessKeyId)) {
      throw new S3Error(
          403,
          "InvalidAccessKeyId",
          "The AWS Access Key Id you provided does not exist in our records.");
    }
    String amzDate = exchange.getRequestHeaders().getFirst("X-Amz-Date");
    String payloadHash = exchange.getRequestHeaders().getFirst("X-Amz-Content-Sha256");
    if (amzDate == null || payloadHash == null || !amzDate.startsWith(auth.group(2))) {
      throw new S3Error(
          400, "AuthorizationHeaderMalformed", "x-amz-date and x-amz-content-sha256 are required");
    }
    String scope = auth.group(2) + "/" + auth.group(3) + "/s3/aws4_request";
    String canonicalRequest =
        exchange.getRequestMethod()
            + "\n"
            + exchange.getRequestURI().getRawPath()
            + "\n"
            + canonicalQuery(exchange.getRequestURI().getRawQuery())
            + "\n"
            + canonicalHeaders(exchange, auth.group(4))
            + "\n"
            + auth.group(4)
            + "\n"
            + payloadHash;
    String stringToSign =
        "AWS4-HMAC-SHA256\n"
            + amzDate
            + "\n"
            + scope
            + "\n"
            + sha256Hex(canonicalRequest.getBytes(StandardCharsets.UTF_8));
    byte[] signingKey = signingKey(auth.group(2), auth.group(3));
    String expected = HexFormat.of().formatHex(hmac(signingKey, stringToSign));
    if (!MessageDigest.isEqual(
        expected.getBytes(StandardCharsets.UTF_8),
        auth.group(5).getBytes(StandardCharsets.UTF_8))) {
      throw new S3Error(
          403,
          "SignatureDoesNotMatch",
          "The request signature we calculated does not match the signature you provided.");
    }
    return switch (payloadHash) {
      case "UNSIGNED-PAYLOAD" -> body;
      case "STREAMING-AWS4-HMAC-SHA256-PAYLOAD" ->
          decodeSignedChunks(body, amzDate, scope, signingKey, auth.group(5));
      default -> {
        if (!payloadHash.equals(sha256Hex(body))) {
          throw new S3Error(
              400,
              "XAmzContentSHA256Mismatch",
              "The provided 'x-amz-content-sha256' header does not match what was computed.");
        }
        yield body;
      }
    };
  }

  /**
   * aws-chunked: {@code hex-size;chunk-signature=sig CRLF data CRLF}, each chunk signed after the
   * previous one.
   */
  private static byte[] decodeSignedChunks(
      byte[] body, String amzDate, String scope, byte[] key, String seed) {
    ByteArrayOutputStream decoded = new ByteArrayOutputStream();
    String previous = seed;
    int position = 0;
    while (true) {
      int lineEnd = indexOfCrlf(body, position);
      if (lineEnd < 0) {
        throw new S3Error(400, "IncompleteBody", "chunk header missing");
      }
      String header = new String(body, position, lineEnd - position, StandardCharsets.US_ASCII);
      String[] parts = header.split(";chunk-signature=");
      int size = Integer.parseInt(parts[0], 16);
      int dataStart = lineEnd + 2;
      byte[] chunk = java.util.Arrays.copyOfRange(body, dataStart, dataStart + size);
      String stringToSign =
          "AWS4-HMAC-SHA256-PAYLOAD\n"
              + amzDate
              + "\n"
              + scope
              + "\n"
              + previous
              + "\n"
              + EMPTY_SHA256
              + "\n"
              + sha256Hex(chunk);
      String expected = HexFormat.of().formatHex(hmac(key, stringToSign));
      if (parts.length != 2 || !expected.equals(parts[1])) {
        throw new S3Error(403, "SignatureDoesNotMatch", "a chunk signature does not match");
      }
      previous = expected;
      decoded.writeBytes(chunk);
      position = dataStart + size + 2;
      if (size == 0) {
        return decoded.toByteArray();
      }
    }
  }

  private static int indexOfCrlf(byte[] body, int from) {
    for (int i = from; i + 1 < body.length; i++) {
      if (body[i] == '\r' && body[i + 1] == '\n') {
        return i;
      }
    }
    return -1;
  }

  private static String canonicalQuery(String rawQuery) {
    if (rawQuery == null || rawQuery.isEmpty()) {
      return "";
    }
    List<String[]> pairs = new ArrayList<>();
    for (String pair : rawQuery.split("&")) {
      String[] kv = pair.split("=", 2);
      pairs.add(
          new String[] {awsEncode(decode(kv[0])), awsEncode(kv.length > 1 ? decode(kv[1]) : "")});
    }
    pairs.sort((a, b) -> a[0].equals(b[0]) ? a[1].compareTo(b[1]) : a[0].compareTo(b[0]));
    return pairs.stream().map(kv -> kv[0] + "=" + kv[1]).collect(Collectors.joining("&"));
  }

  private static String canonicalHeaders(HttpExchange exchange, String signedHeaders) {
    Map<String, List<String>> headers = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
    headers.putAll(exchange.getRequestHeaders());
    StringBuilder result = new StringBuilder();
    for (String name : signedHeaders.split(";")) {
      List<String> values = headers.get(name);
      if (values == null) {
        throw new S3Error(403, "SignatureDoesNotMatch", "signed header " + name + " is missing");
      }
      result
          .append(name.toLowerCase(Locale.ROOT))
          .append(':')
          .append(
              values.stream()
                  .map(v -> v.strip().replaceAll(" +", " "))
                  .collect(Collectors.joining(",")))
          .append('\n');
    }
    return result.toString();
  }

  private byte[] signingKey(String date, String region) {
    byte[] key = hmac(("AWS4" + secretAccessKey).getBytes(StandardCharsets.UTF_8), date);
    key = hmac(key, region);
    key = hmac(key, "s3");
    return hmac(key, "aws4_request");
  }

  private static Map<String, String> query(String rawQuery) {
    Map<String, String> result = new TreeMap<>();
    if (rawQuery != null) {
      for (String pair : rawQuery.split("&")) {
        String[] kv = pair.split("=", 2);
        result.put(decode(kv[0]), kv.length > 1 ? decode(kv[1]) : "");
      }
    }
    return result;
  }

  private static String decode(String value) {
    return URLDecoder.decode(value.replace("+", "%2B"), StandardCharsets.UTF_8);
  }

  /**
   * RFC 3986 unreserved characters stay, everything else is %XX in upper case, as SigV4 requires.
   */
  private static String awsEncode(String value) {
    StringBuilder result = new StringBuilder();
    for (byte b : value.getBytes(StandardCharsets.UTF_8)) {
      char c = (char) (b & 0xff);
      if ((c >= 'A' && c <= 'Z')
          || (c >= 'a' && c <= 'z')
          || (c >= '0' && c <= '9')
          || "-_.~".indexOf(c) >= 0) {
        result.append(c);
      } else {
        result.append('%').append(String.format("%02X", b & 0xff));
      }
    }
    return result.toString();
  }

  private static byte[] hmac(byte[] key, String data) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(data.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String sha256Hex(byte[] data) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(data));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static byte[] md5(byte[] data) {
    try {
      return MessageDigest.getInstance("MD5").digest(data);
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
  }

  private static String error(String code, String message) {
    return "<?xml version=\"1.0\" encoding=\"UTF-8\"?><Error><Code>"
        + code
        + "</Code><Message>"
        + escape(message)
        + "</Message><RequestId>4442587FB7D0A2F9</RequestId></Error>";
  }
}
