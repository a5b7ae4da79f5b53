package org.sekisho.platform.web;

import java.util.function.Predicate;
import org.sekisho.platform.auth.Access;
import org.sekisho.platform.auth.Principal;

/**
 * One entry of the top navigation, shown to callers that the access rule admits and, where a
 * context limits its pages by agency as well (the maritime picture), that {@code alsoFor} accepts:
 * a link that would only answer 403 is not offered.
 */
public record NavItem(String href, String messageKey, Access access, Predicate<Principal> alsoFor) {
  public NavItem(String href, String messageKey, Access access) {
    this(href, messageKey, access, p -> true);
  }

  /** Whether {@code p} is offered this entry. */
  public boolean offeredTo(Principal p) {
    return access.admits(p) && alsoFor.test(p);
  }
}
