package org.sekisho.platform.db;

/**
 * One bounded context's schema and the class-path folder of its Flyway migrations, e.g. schema
 * {@code intel} with {@code classpath:db/intel}.
 */
public record Migrations(String schema, String location) {
  public static Migrations of(String schema) {
    return new Migrations(schema, "classpath:db/" + schema);
  }
}
