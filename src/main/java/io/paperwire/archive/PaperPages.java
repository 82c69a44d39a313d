package io.paperwire.archive;

import io.paperwire.paper.ArxivId;
import io.paperwire.paper.Issue;
import io.paperwire.paper.Paper;
import io.paperwire.paper.SelectedPaper;
import io.paperwire.paper.Summary;
import io.paperwire.render.TemplateEngine;
import io.paperwire.store.Json;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;

/**
 * A page for every paper the archive ever published, {@code papers/<id>.html} ({@link ArxivId#fileSafe()}): what
 * the newsletter said about it, its links, the issues that featured it, its topics, and its {@link RelatedPapers}.
 *
 * <p>Built incrementally when publishing: beside the pages, {@code papers/.pages.json} (a dot-file, which
 * {@code serve} never hands out) records each page's related papers and a hash of everything the page shows. The next
 * build extends those lists with the newly added papers only, and links the published page into the new site instead
 * of rendering it again when its hash did not change; what changes a page is its own issue, a new paper among its
 * nearest, or a template or setting it uses. {@link Reuse#NONE} ({@code archive rebuild}) renders every page.
 */
public final class PaperPages {

    private static final Logger LOG = LoggerFactory.getLogger(PaperPages.class);

    public static final String TEMPLATE = "site/paper.ftlh";
    /** The layout every page uses; an editor's change to it changes every paper page. */
    static final String LAYOUT = "partials/page.ftlh";
    static final String FOLDER = "papers";
    static final String MANIFEST = ".pages.json";

    /** Whether pages whose content did not change are taken over from the published site. */
    public enum Reuse { UNCHANGED_PAGES, NONE }

    /**
     * What a build did.
     *
     * @param pages    every paper page, relative to the site root (for the sitemap)
     * @param rendered the paper pages rendered now; the others were taken over unchanged
     * @param allPairs whether the related papers were found comparing every pair, rather than extending the lists of
     *                 the published site
     */
    public record Written(List<String> pages, List<ArxivId> rendered, boolean allPairs) {}

    /** One related paper as its neighbour's page shows it. */
    public record Related(ArxivId id, String title, String tldr, String page) {}

    /** A topic of a paper with the file of its page under {@code tags/}. */
    public record TopicLink(String slug, String name) {}

    /** A paper with every issue that featured it, newest first; its content is the newest issue's. */
    private record Featured(SelectedPaper selected, List<Issue> issues) {}

    /** What the page of one paper shows: hashed to tell whether the page changed. */
    private record PageInputs(SelectedPaper selected, List<String> issues, List<Related> related,
                              List<TopicLink> topics, Map<String, Object> site, String templates) {}

    /** One page written: its paper, the hash of what it shows, and whether it was rendered now. */
    private record Page(ArxivId id, String hash, boolean rendered) {}

    /** {@code papers/.pages.json}: the published site's pages, keyed by arXiv id. */
    record Manifest(String model, Map<String, Entry> papers) {
        record Entry(String text, String page, List<String> related) {}
    }

    private final TemplateEngine templates;
    private final PaperVectors vectors;

    public PaperPages(TemplateEngine templates, PaperVectors vectors) {
        this.templates = templates;
        this.vectors = vectors;
    }

    /** A paper page's path relative to the site root, e.g. {@code papers/2405.12345.html}. */
    public static String path(ArxivId id) {
        return FOLDER + "/" + file(id);
    }

    static String file(ArxivId id) {
        return id.fileSafe() + ".html";
    }

    /**
     * Writes the page of every paper of these issues into {@code folder/papers/}.
     *
     * @param folder    the site being built
     * @param published the site published now (it may not exist), whose unchanged pages are taken over
     * @param site      the {@code site} model of every page
     * @param issues    every issue of the archive, newest first, its links already made safe
     */
    Written write(Path folder, Path published, Map<String, Object> site, List<Issue> issues, Reuse reuse)
            throws IOException {
        long started = System.nanoTime();
        Path pages = Files.createDirectories(folder.resolve(FOLDER));
        Map<ArxivId, Featured> papers = featured(issues);
        List<ArxivId> ids = List.copyOf(papers.keySet());
        List<Paper> texts = papers.values().stream().map(f -> f.selected().paper()).toList();
        Map<ArxivId, float[]> vectorsOf = vectors.of(texts);
        Map<ArxivId, String> textHashes = new HashMap<>();
        texts.forEach(p -> textHashes.put(p.id(), PaperVectors.hashOf(p)));

        Optional<Manifest> before = readManifest(published);
        Optional<Map<ArxivId, List<ArxivId>>> extended = before.flatMap(m -> extend(m, ids, textHashes, vectorsOf));
        Map<ArxivId, List<ArxivId>> related = extended.orElseGet(() -> RelatedPapers.of(ids, vectorsOf));
        long neighbours = System.nanoTime();

        String layout = hash(templates.raw(TEMPLATE) + "\n" + templates.raw(LAYOUT));
        Map<String, Object> sortedSite = new TreeMap<>(site);
        // Pages are independent of each other and the engine is thread-safe: render them on every core.
        List<Page> written = ids.parallelStream().map(id -> {
            Featured paper = papers.get(id);
            List<Related> nearest = related.get(id).stream().map(r -> related(papers.get(r).selected())).toList();
            List<TopicLink> topics = topics(paper);
            String hash = hash(Json.write(new PageInputs(paper.selected(), paper.issues().stream()
                    .map(i -> i.slug() + " " + i.title()).toList(), nearest, topics, sortedSite, layout)));
            Path target = pages.resolve(file(id));
            Path old = published.resolve(FOLDER).resolve(file(id));
            Manifest.Entry was = before.map(m -> m.papers().get(id.value())).orElse(null);
            boolean render = reuse == Reuse.NONE || was == null || !was.page().equals(hash) || !takeOver(old, target);
            if (render) {
                Map<String, Object> model = new HashMap<>();
                model.put("site", site);
                model.put("root", "../");
                model.put("selected", paper.selected());
                model.put("paper", paper.selected().paper());
                if (paper.selected().summary() != null) {
                    model.put("summary", paper.selected().summary());
                }
                model.put("issues", paper.issues());
                model.put("related", nearest);
                model.put("topics", topics);
                try {
                    Files.writeString(target, templates.render(TEMPLATE, model), StandardCharsets.UTF_8);
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot write " + target, e);
                }
            }
            return new Page(id, hash, render);
        }).toList();
        Map<String, Manifest.Entry> entries = new TreeMap<>();
        List<String> paths = new ArrayList<>();
        List<ArxivId> rendered = new ArrayList<>();
        for (Page page : written) {
            entries.put(page.id().value(), new Manifest.Entry(textHashes.get(page.id()), page.hash(),
                    related.get(page.id()).stream().map(ArxivId::value).toList()));
            paths.add(path(page.id()));
            if (page.rendered()) {
                rendered.add(page.id());
            }
        }
        Files.writeString(pages.resolve(MANIFEST), Json.write(new Manifest(PaperVectors.MODEL, entries)),
                StandardCharsets.UTF_8);
        LOG.info("Paper pages: {} of {} rendered, the others unchanged; related papers {} in {} ms, pages in {} ms",
                rendered.size(), ids.size(), extended.isPresent() ? "extended" : "compared pair by pair",
                (neighbours - started) / 1_000_000, (System.nanoTime() - neighbours) / 1_000_000);
        return new Written(paths, rendered, extended.isEmpty());
    }

    /** Every paper once, in the order of the issues (newest first), with the issues that featured it. */
    private static Map<ArxivId, Featured> featured(List<Issue> issues) {
        Map<ArxivId, SelectedPaper> newest = new LinkedHashMap<>();
        Map<ArxivId, List<Issue>> issuesOf = new HashMap<>();
        for (Issue issue : issues) {
            for (SelectedPaper selected : issue.papers().toList()) {
                ArxivId id = selected.paper().id();
                newest.putIfAbsent(id, selected);
                List<Issue> of = issuesOf.computeIfAbsent(id, k -> new ArrayList<>());
                if (!of.contains(issue)) {
                    of.add(issue);
                }
            }
        }
        Map<ArxivId, Featured> papers = new LinkedHashMap<>();
        newest.forEach((id, selected) -> papers.put(id, new Featured(selected, List.copyOf(issuesOf.get(id)))));
        return papers;
    }

    private static Related related(SelectedPaper selected) {
        Summary summary = selected.summary();
        return new Related(selected.paper().id(), selected.paper().title(), summary == null ? "" : summary.tldr(),
                file(selected.paper().id()));
    }

    /** The topics of a paper over all its issues, as the topic pages file it. */
    private static List<TopicLink> topics(Featured paper) {
        Map<String, TopicLink> topics = new LinkedHashMap<>();
        for (Issue issue : paper.issues()) {
            issue.papers().filter(s -> s.paper().id().equals(paper.selected().paper().id())).forEach(selected -> {
                for (String name : Tag.namesOf(selected)) {
                    topics.putIfAbsent(Tag.slug(name), new TopicLink(Tag.slug(name), name));
                }
            });
        }
        return List.copyOf(topics.values());
    }

    /**
     * The published lists extended with the added papers, when the published site knew papers of the same texts,
     * all of them still in the archive.
     */
    private static Optional<Map<ArxivId, List<ArxivId>>> extend(Manifest before, List<ArxivId> ids,
                                                                Map<ArxivId, String> textHashes,
                                                                Map<ArxivId, float[]> vectorsOf) {
        if (!PaperVectors.MODEL.equals(before.model()) || before.papers() == null) {
            return Optional.empty();
        }
        Map<ArxivId, List<ArxivId>> lists = new HashMap<>();
        for (Map.Entry<String, Manifest.Entry> e : before.papers().entrySet()) {
            ArxivId id = new ArxivId(e.getKey());
            Manifest.Entry entry = e.getValue();
            if (entry == null || entry.related() == null || !entry.text().equals(textHashes.get(id))) {
                return Optional.empty();
            }
            lists.put(id, entry.related().stream().map(ArxivId::new).toList());
        }
        Set<ArxivId> added = ids.stream().filter(id -> !lists.containsKey(id)).collect(Collectors.toSet());
        return RelatedPapers.extend(lists, added, ids, vectorsOf);
    }

    private static Optional<Manifest> readManifest(Path published) {
        Path file = published.resolve(FOLDER).resolve(MANIFEST);
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            return Optional.of(Json.read(Files.readString(file, StandardCharsets.UTF_8), Manifest.class));
        } catch (IOException | RuntimeException unreadable) {
            LOG.warn("{} is unreadable ({}); every paper page is built afresh", file, unreadable.getMessage());
            return Optional.empty();
        }
    }

    /**
     * Puts the published page into the new site: a hard link (the published file is never written again, only
     * replaced with the whole site), or a copy where links are not possible. Both keep its modification time, so its
     * ETag stays and browsers revalidate it with a 304.
     */
    private static boolean takeOver(Path old, Path target) {
        if (!Files.isRegularFile(old)) {
            return false;
        }
        try {
            Files.createLink(target, old);
            return true;
        } catch (IOException | UnsupportedOperationException | SecurityException noLink) {
            try {
                Files.copy(old, target, StandardCopyOption.COPY_ATTRIBUTES, StandardCopyOption.REPLACE_EXISTING);
                return true;
            } catch (IOException e) {
                return false;
            }
        }
    }

    private static String hash(String text) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JVM", e);
        }
    }
}
