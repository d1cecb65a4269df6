package dev.flowconnections.integration;

/** How calls through an integration authenticate. The credential values live in connections. */
public enum AuthScheme {
  NONE,
  BEARER,
  API_KEY,
  BASIC,
  OAUTH2,
  CUSTOM_HEADERS
}
