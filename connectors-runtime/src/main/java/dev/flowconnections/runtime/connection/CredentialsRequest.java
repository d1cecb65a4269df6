package dev.flowconnections.runtime.connection;

import java.util.Map;

/**
 * Body of PUT {@code /api/connections/{id}/environments/{ENV}}: one row of step 2. A blank or
 * absent secret field keeps the stored secret; {@code version}, if sent, must be current.
 */
record CredentialsRequest(Map<String, Object> fields, Long version) {}
