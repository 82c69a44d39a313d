/**
 * Where state lives: the connection pool, the Flyway migrations (embedded H2 by default, PostgreSQL by JDBC URL),
 * a thin JDBC helper and the JSON mapping of the shared records. Each stage keeps its own tables behind a small
 * store class in its own package.
 */
package io.paperwire.store;
