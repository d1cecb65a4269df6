package dev.flowconnections.runtime.connectiontest;

/** The result of a connection test: whether it worked and a readable reason (never a secret). */
public record TestOutcome(boolean ok, String message) {

  public static TestOutcome succeeded(String message) {
    return new TestOutcome(true, message);
  }

  public static TestOutcome failed(String message) {
    return new TestOutcome(false, message);
  }
}
