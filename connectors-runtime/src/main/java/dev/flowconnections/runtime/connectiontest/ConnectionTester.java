package dev.flowconnections.runtime.connectiontest;

import dev.flowconnections.resolution.ResolvedConnection;

/**
 * A cheap, real check that a connection works in one environment before a process depends on it: an
 * authenticated read-only call, a login, a {@code SELECT 1}. One implementation per integration
 * type (or provider); the first that {@link #supports} a connection is used.
 */
public interface ConnectionTester {

  boolean supports(ResolvedConnection connection);

  /**
   * Runs the check. A failing peer is an outcome, not an exception: return {@link
   * TestOutcome#failed} with a reason a user can act on (naming the field or host, never a secret
   * value). Must release every socket, pool or session it opened, whatever happens.
   */
  TestOutcome test(ResolvedConnection connection);
}
