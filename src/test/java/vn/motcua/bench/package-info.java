/**
 * Benchmark harness (issue 7), not part of the test suite: the full dossier lifecycle on the bare engine against the
 * product over HTTP, and tracking lookups at 100k and 1M dossiers against a raw JDBC point select. Run with
 * {@code mvn -B -Pbench verify}; {@link vn.motcua.bench.Benchmark} is the entry point.
 */
package vn.motcua.bench;
