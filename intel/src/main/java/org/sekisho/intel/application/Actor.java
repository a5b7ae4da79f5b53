package org.sekisho.intel.application;

/**
 * Who runs a use case: a user through the web, or {@code system:cli} on the command line.
 *
 * @param mayAssignAgency true when rows may name an owning agency other than {@code agency} (the
 *     CLI run by an administrator); false for web users
 */
public record Actor(String username, String agency, boolean mayAssignAgency) {}
