package dev.flowconnections.connection;

/** ORGANIZATION connections are usable by every member; PERSONAL ones only by their owner. */
public enum Visibility {
  ORGANIZATION,
  PERSONAL
}
