package io.paperwire.render;

import io.paperwire.paper.RenderedIssue;

import java.nio.file.Path;

/** A dry run's result: the rendered issue, written to the preview folder instead of being published. */
public record Preview(RenderedIssue rendered, Path html, Path text) {}
