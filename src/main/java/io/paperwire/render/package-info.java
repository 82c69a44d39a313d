/**
 * The render stage: FreeMarker templates (editor-owned, under {@code templates/}, overriding the bundled ones file by
 * file) turn an issue into the email's HTML and text parts. FreeMarker is configured for untrusted data:
 * auto-escaping by file extension ({@code .ftlh}, {@code .ftlx}), no class resolution, no API built-ins.
 */
package io.paperwire.render;
