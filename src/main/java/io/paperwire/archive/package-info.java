/**
 * The publish stage: stores each issue and publishes the static web archive ({@code index.html}, one page per issue,
 * {@code feed.xml}) under {@code <out-dir>/site}. The site is built in a temporary folder and swapped in whole, so a
 * failed build leaves the previous site as it was.
 */
package io.paperwire.archive;
