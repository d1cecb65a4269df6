package dev.flowconnections.fields;

/** The shape of a configuration or credential field. SECRET kinds are write-only everywhere. */
public enum FieldType {
  TEXT(false),
  URL(false),
  NUMBER(false),
  BOOLEAN(false),
  ENUM(false),
  KEY_VALUE(false),
  SECRET(true),
  SECRET_KEY_VALUE(true);

  private final boolean secret;

  FieldType(boolean secret) {
    this.secret = secret;
  }

  public boolean isSecret() {
    return secret;
  }

  public boolean isMap() {
    return this == KEY_VALUE || this == SECRET_KEY_VALUE;
  }
}
