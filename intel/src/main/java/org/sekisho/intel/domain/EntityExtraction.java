package org.sekisho.intel.domain;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The entities a record names, keyed for resolution. Pure and deterministic. */
public final class EntityExtraction {
  private EntityExtraction() {}

  public static List<EntityRef> of(IntelRecord record) {
    List<EntityRef> out = new ArrayList<>();
    switch (record) {
      case Declaration d -> {
        party(out, d.declarant(), "declarant");
        party(out, d.importer(), d.type().equals("EX") ? "exporter" : "importer");
        party(out, d.exporter(), d.type().equals("EX") ? "consignee" : "seller");
        if (!d.transportDocument().isEmpty()) {
          add(
              out,
              "transport-document",
              Normalize.idKey(d.transportDocument()),
              d.transportDocument(),
              "transport-document");
        }
      }
      case TransportDocument t -> {
        party(out, t.shipper(), "shipper");
        party(out, t.consignee(), "consignee");
        party(out, t.notifyParty(), "notify");
        for (String c : t.containers()) {
          add(out, "container", c, c, "container");
        }
        if (!t.masterNumber().isEmpty()) {
          add(
              out,
              "transport-document",
              Normalize.idKey(t.masterNumber()),
              t.masterNumber(),
              "master");
        }
        add(out, "transport-document", Normalize.idKey(t.number()), t.number(), "self");
      }
      case ConveyanceMovement m ->
          vessel(out, m.imo(), m.mmsi(), m.conveyanceName(), m.flag(), m.mode());
      case PostalItem p -> {
        party(out, p.sender(), "sender");
        party(out, p.addressee(), "addressee");
      }
      case Seizure s -> {
        s.persons().forEach(p -> party(out, p, "suspect"));
        s.companies().forEach(p -> party(out, p, "company"));
        if (!s.conveyance().isEmpty()) {
          add(
              out,
              "vessel",
              "NAME:" + Normalize.companyKey(s.conveyance()),
              s.conveyance(),
              "conveyance");
        }
      }
    }
    // One link per (type, key, role): a party named twice in a record is one link.
    Map<String, EntityRef> unique = new LinkedHashMap<>();
    for (EntityRef r : out) {
      unique.putIfAbsent(r.type() + "\u0000" + r.key() + "\u0000" + r.role(), r);
    }
    return List.copyOf(unique.values());
  }

  private static void vessel(
      List<EntityRef> out, String imo, String mmsi, String name, String flag, String mode) {
    if (!mode.equals("sea")) {
      return;
    }
    if (CheckDigits.isValidImo(imo)) {
      add(out, "vessel", "IMO" + imo.replace("IMO", "").strip(), name, "conveyance");
    } else if (mmsi.matches("\\d{9}")) {
      add(out, "vessel", "MMSI" + mmsi, name, "conveyance");
    } else if (!name.isEmpty()) {
      add(out, "vessel", "NAME:" + Normalize.companyKey(name) + "|" + flag, name, "conveyance");
    }
  }

  private static void party(List<EntityRef> out, Party p, String role) {
    if (p == null || p.isEmpty()) {
      return;
    }
    if (!p.name().isEmpty()) {
      boolean person = p.kind().equals("person");
      String key = person ? Normalize.personKey(p.name()) : Normalize.companyKey(p.name());
      if (person && !p.dateOfBirth().isEmpty()) {
        key = key + "|" + p.dateOfBirth();
      }
      add(out, person ? "person" : "company", key, p.name(), role);
    }
    if (!p.id().isEmpty()) {
      add(out, "trader", Normalize.idKey(p.id()), p.id(), role);
    }
    if (!p.address().isEmpty()) {
      add(out, "address", Normalize.addressKey(p.address()), p.address(), role);
    }
    if (!p.phone().isEmpty()) {
      add(out, "phone", Normalize.phoneKey(p.phone(), p.country()), p.phone(), role);
    }
    if (!p.email().isEmpty()) {
      add(out, "email", Normalize.emailKey(p.email()), p.email(), role);
    }
    if (!p.document().isEmpty()) {
      add(out, "document", Normalize.idKey(p.document()), p.document(), role);
    }
  }

  private static void add(
      List<EntityRef> out, String type, String key, String display, String role) {
    if (key != null && !key.isBlank()) {
      out.add(new EntityRef(type, key, display, role));
    }
  }
}
