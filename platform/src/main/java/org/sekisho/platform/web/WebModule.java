package org.sekisho.platform.web;

/**
 * A bounded context's web adapter: declares its routes; the composition root hands it to the
 * server.
 */
@FunctionalInterface
public interface WebModule {
  void routes(Routes routes);
}
