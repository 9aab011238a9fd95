package org.mtb.support.web;

/** One thing wrong with one field of a request; {@code code} is stable for integrators to switch on. */
public record FieldProblem(String field, String code, String message) {
}
