package dev.flowconnections.runtime.rest;

/** The HTTP methods a REST task may use. */
public enum HttpMethod {
  GET,
  POST,
  PUT,
  PATCH,
  DELETE,
  HEAD;

  /** GET and HEAD carry no payload; sending one is almost always a modelling mistake. */
  public boolean allowsBody() {
    return this != GET && this != HEAD;
  }
}
