/** The subcommands of {@code paperwire}; each loads the settings, starts what it needs and says what it did. */
package io.paperwire.cli;
