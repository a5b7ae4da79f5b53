package org.sekisho.intel.domain;

/**
 * A party, address, phone, e-mail, document, vessel or container named in a record, by its match
 * key.
 *
 * @param type {@code person}, {@code company}, {@code trader}, {@code address}, {@code phone},
 *     {@code email}, {@code document}, {@code vessel} or {@code container}
 * @param key the exact match key (see {@link Normalize})
 * @param display how the record spelled it
 * @param role what it is to the record: {@code importer}, {@code consignee}, {@code sender}, …
 */
public record EntityRef(String type, String key, String display, String role) {}
