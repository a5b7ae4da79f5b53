package org.sekisho.platform;

import java.util.List;
import org.sekisho.platform.db.Migrations;
import org.sekisho.platform.web.NavItem;
import org.sekisho.platform.web.WebModule;

/**
 * What one bounded context contributes to a running Sekisho: its schema migrations, web modules,
 * navigation entries, message bundles, and background work. The composition root builds each
 * context with {@code new}, migrates, then starts them; constructors must not touch the database.
 */
public interface BoundedContext extends AutoCloseable {
  /** Flyway migrations of this context's schema(s), applied after the platform's. */
  List<Migrations> migrations();

  List<WebModule> webModules();

  default List<NavItem> nav() {
    return List.of();
  }

  /** Message bundle base names, e.g. {@code i18n.intel}. */
  default List<String> messageBundles() {
    return List.of();
  }

  /** Starts background work (feeds, scheduled jobs) once migrations have run. */
  default void start() {}

  /** Stops background work; must not throw. */
  @Override
  default void close() {}
}
