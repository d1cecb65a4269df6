package dev.flowconnections.errors;

/** One invalid input: the JSON path of the field and what is wrong with it (never its value). */
public record FieldError(String field, String message) {}
