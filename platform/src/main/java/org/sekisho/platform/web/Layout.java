package org.sekisho.platform.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import io.javalin.http.Context;
import java.util.List;

/**
 * Renders module pages inside the shared frame (precompiled JTE templates of the platform module).
 */
public final class Layout {
  private final TemplateEngine engine =
      TemplateEngine.createPrecompiled(
          null, ContentType.Html, Layout.class.getClassLoader(), "org.sekisho.platform.web.jte");
  private final List<NavItem> nav;

  public Layout(List<NavItem> nav) {
    this.nav = List.copyOf(nav);
  }

  public String render(Context ctx, String title, String bodyHtml) {
    var user = Web.maybePrincipal(ctx).orElse(null);
    List<NavItem> visible =
        user == null ? List.of() : nav.stream().filter(n -> n.offeredTo(user)).toList();
    return template(
        "layout.jte",
        new Frame(
            title,
            Web.messages(ctx),
            user,
            Web.csrf(ctx),
            visible,
            ctx.path(),
            bodyHtml,
            ctx.queryString()));
  }

  String template(String name, Object param) {
    StringOutput out = new StringOutput();
    engine.render(name, param, out);
    return out.toString();
  }

  String template(String name, java.util.Map<String, Object> params) {
    StringOutput out = new StringOutput();
    engine.render(name, params, out);
    return out.toString();
  }
}
