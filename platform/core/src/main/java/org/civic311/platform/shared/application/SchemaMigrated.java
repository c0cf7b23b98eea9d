package org.civic311.platform.shared.application;

/**
 * Fired once, after Flyway brought the schema up to date. Start-up work that needs the database
 * (the demo seed, later the outbox pollers) observes this instead of racing the migrator.
 */
public record SchemaMigrated(String version) {}
