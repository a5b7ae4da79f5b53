package org.sekisho.platform.web;

import java.util.List;
import org.sekisho.platform.auth.Principal;
import org.sekisho.platform.i18n.Messages;

/** Everything the page frame template needs. {@code user} is null on public pages. */
public record Frame(
    String title,
    Messages t,
    Principal user,
    String csrf,
    List<NavItem> nav,
    String path,
    String bodyHtml) {}
