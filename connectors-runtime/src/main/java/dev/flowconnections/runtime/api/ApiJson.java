package dev.flowconnections.runtime.api;

import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The JSON mapper of the management API, held apart from the application's ObjectMapper bean. In a
 * connector runtime that bean is the connector SDK's mapper (FEEL and document modules, none of the
 * {@code spring.jackson.*} settings, no ProblemDetail support), which suits job variables, not an
 * HTTP API.
 */
public record ApiJson(ObjectMapper mapper) {}
