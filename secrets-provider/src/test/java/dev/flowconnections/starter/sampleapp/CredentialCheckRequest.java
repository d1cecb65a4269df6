package dev.flowconnections.starter.sampleapp;

/** The connector's input, bound from the job's variables after placeholder replacement. */
public record CredentialCheckRequest(String token, String orgSecret) {

  @Override
  public String toString() {
    return "CredentialCheckRequest[****]"; // never print what it carries
  }
}
