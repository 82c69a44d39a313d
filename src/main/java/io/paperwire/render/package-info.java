/**
 * The render stage: FreeMarker templates (editor-owned, under {@code templates/}, overriding the bundled ones file by
 * file and re-read when they change) turn an issue into the email's HTML and text parts, laid out in the sections the
 * editors configure. The HTML's style sheet is inlined into {@code style} attributes for email clients. FreeMarker is
 * configured for untrusted data: auto-escaping by file extension ({@code .ftlh}, {@code .ftlx}), no class
 * resolution, no API built-ins; links from sources are reduced to http(s) before rendering.
 */
package io.paperwire.render;
