package dev.flowconnections.rotation;

/** Where the latest rotation run stands. */
public enum RotationState {
  /** No rotation was ever started on this database. */
  IDLE,
  /** Re-sealing; resumed by the next instance that starts should this one stop. */
  RUNNING,
  /** No row is sealed with anything but the active key. */
  COMPLETED,
  /**
   * Everything it could re-seal is done, but rows remain under master keys that are not configured.
   */
  BLOCKED,
  /** A row could not be re-sealed (e.g. tampered); the message names it. */
  FAILED
}
