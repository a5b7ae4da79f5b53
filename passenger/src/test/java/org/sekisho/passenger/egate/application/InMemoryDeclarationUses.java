package org.sekisho.passenger.egate.application;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.sekisho.core.Outcome;

/** Declaration uses in memory: the first claim of a declaration and passport holds it. */
final class InMemoryDeclarationUses implements DeclarationUses {
  private final Map<String, Use> held = new ConcurrentHashMap<>();

  @Override
  public Outcome<Use> claim(Use use) {
    return Outcome.accepted(
        held.computeIfAbsent(use.declarationId() + "|" + use.passport(), k -> use));
  }

  int size() {
    return held.size();
  }
}
