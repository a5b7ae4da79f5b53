/**
 * Demo data: a realistic, reproducible day of border-enforcement records for demonstrations, tests
 * and benchmarks.
 *
 * <pre>
 * sekisho generate --seed 1 --date 2026-11-27 --scale 1.0 --out ./demo-data
 * </pre>
 *
 * writes {@code declarations.jsonl}, {@code transport-documents.jsonl}, {@code
 * conveyance-movements.jsonl}, {@code postal-items.jsonl} and {@code seizures.jsonl} in the format
 * of {@code docs/formats/intel-records.md} (ready for {@code sekisho ingest}), and {@code
 * networks.json}, which lists the planted networks (shared phone across importers, shared address
 * across consignees, one addressee with many senders, a seized importer that also files
 * declarations, a seized person whose phone is on postal items) and the police-owned seizures with
 * their sharing, each with the ids of the records that carry it.
 *
 * <p>Scale 1.0 is about 3,000 declarations (1 to 4 items each), 800 transport documents, 150
 * conveyance movements, 4,000 postal items and 5 to 10 seizures. The same seed, date and scale give
 * byte-identical files; generation streams, so memory does not grow with scale.
 */
package org.sekisho.app.demo;
