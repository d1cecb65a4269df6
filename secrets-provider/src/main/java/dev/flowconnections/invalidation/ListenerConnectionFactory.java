package dev.flowconnections.invalidation;

import java.sql.Connection;
import java.sql.SQLException;

/** Opens the change listener's own connection; it stays open for the life of the instance. */
@FunctionalInterface
public interface ListenerConnectionFactory {
  Connection open() throws SQLException;
}
