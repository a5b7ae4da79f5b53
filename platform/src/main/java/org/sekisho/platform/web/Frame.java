package org.sekisho.platform.web;

import java.util.List;
import org.sekisho.platform.auth.Principal;
import org.sekisho.platform.auth.Role;
import org.sekisho.platform.i18n.Messages;

/** Everything the page frame template needs. {@code user} is null on public pages. */
public record Frame(
    String title,
    Messages t,
    Principal user,
    String csrf,
    List<NavItem> nav,
    String path,
    String bodyHtml,
    String query) {
  /**
   * The signed-in person's roles as the header names them: each label from the message bundles in
   * the reader's language, in {@link Role}'s order; empty on public pages.
   */
  public String roles() {
    if (user == null) {
      return "";
    }
    return java.util.Arrays.stream(Role.values())
        .filter(user::has)
        .map(r -> t.get("role." + r.id()))
        .collect(java.util.stream.Collectors.joining(t.get("frame.roles.joiner")));
  }

  /**
   * The same page in another language: the query kept (a search, its page, its filters), its {@code
   * lang} replaced.
   */
  public String langHref(String lang) {
    StringBuilder out = new StringBuilder("?");
    if (query != null) {
      for (String pair : query.split("&")) {
        if (!pair.isEmpty() && !pair.equals("lang") && !pair.startsWith("lang=")) {
          out.append(pair).append('&');
        }
      }
    }
    return out.append("lang=").append(lang).toString();
  }
}
