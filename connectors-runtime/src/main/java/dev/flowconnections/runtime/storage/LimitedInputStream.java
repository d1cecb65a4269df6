package dev.flowconnections.runtime.storage;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Passes at most {@code limit} bytes through and fails on the next one. Whoever reads (the SDK, the
 * document store) may wrap the failure in its own exception, so callers ask {@link #exceeded()}
 * rather than look for this exception.
 */
final class LimitedInputStream extends FilterInputStream {

  private final long limit;
  private long count;
  private boolean exceeded;

  LimitedInputStream(InputStream in, long limit) {
    super(in);
    this.limit = limit;
  }

  long count() {
    return count;
  }

  boolean exceeded() {
    return exceeded;
  }

  @Override
  public int read() throws IOException {
    int b = super.read();
    if (b >= 0) {
      count(1);
    }
    return b;
  }

  @Override
  public int read(byte[] buffer, int offset, int length) throws IOException {
    int n = super.read(buffer, offset, length);
    if (n > 0) {
      count(n);
    }
    return n;
  }

  @Override
  public long skip(long n) throws IOException {
    throw new IOException("skipping is not supported");
  }

  @Override
  public boolean markSupported() {
    return false;
  }

  private void count(int n) throws IOException {
    count += n;
    if (count > limit) {
      exceeded = true;
      throw new IOException("more than " + limit + " bytes");
    }
  }
}
