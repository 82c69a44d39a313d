/**
 * The publish stage and the static web archive: stores each issue and publishes {@code <out-dir>/site} (paged index,
 * one page per issue with an anchor per paper, topic pages, client-side search, Atom and JSON feeds, sitemap) with
 * relative links only. The site is built in a temporary folder and swapped in whole, so a failed build leaves the
 * previous site as it was. Also here: {@code archive rebuild} from the database, the editor's preview, and a small
 * loopback HTTP server for previews and browser tests.
 */
package io.paperwire.archive;
