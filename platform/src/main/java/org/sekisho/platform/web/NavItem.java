package org.sekisho.platform.web;

import org.sekisho.platform.auth.Access;

/** One entry of the top navigation, shown to callers that the access rule admits. */
public record NavItem(String href, String messageKey, Access access) {}
