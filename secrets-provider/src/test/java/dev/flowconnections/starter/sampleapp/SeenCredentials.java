package dev.flowconnections.starter.sampleapp;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.springframework.stereotype.Component;

/** What the connector received, in memory only: the test compares it with what it seeded. */
@Component
public class SeenCredentials {

  private final List<CredentialCheckRequest> requests = new CopyOnWriteArrayList<>();

  void add(CredentialCheckRequest request) {
    requests.add(request);
  }

  public List<CredentialCheckRequest> all() {
    return List.copyOf(requests);
  }
}
