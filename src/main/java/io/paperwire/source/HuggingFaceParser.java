package io.paperwire.source;

import com.fasterxml.jackson.core.JsonParseException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paperwire.common.ProblemList;
import io.paperwire.paper.ArxivId;
import io.paperwire.paper.Author;
import io.paperwire.paper.Paper;
import io.paperwire.paper.Signals;

import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/**
 * Parses the Hugging Face Daily Papers JSON ({@code /api/daily_papers?date=…}): an array of items, each with a
 * {@code paper} object carrying the arXiv id, title, summary, authors and upvotes.
 *
 * <p>Lenient per item (a bad item is skipped and reported with its position, unknown fields are ignored); a body that
 * is not a JSON array fails as a whole.
 */
public final class HuggingFaceParser {

    /** The featured papers of one response and the items that had to be skipped. */
    public record Page(List<Paper> papers, List<String> problems) {}

    private static final ObjectMapper MAPPER = new ObjectMapper();

    /** Parses a response as it came off the wire; bytes that are not UTF-8 become U+FFFD. */
    public Page parse(byte[] body) {
        return parse(() -> MAPPER.readTree(Bodies.utf8Reader(body)));
    }

    public Page parse(InputStream in) {
        return parse(() -> MAPPER.readTree(in));
    }

    private interface TreeReader {
        JsonNode read() throws IOException;
    }

    private Page parse(TreeReader reader) {
        JsonNode root;
        try {
            root = reader.read();
        } catch (JsonParseException e) {
            var where = e.getLocation();
            throw new MalformedResponseException("malformed JSON at line " + where.getLineNr()
                    + ", column " + where.getColumnNr() + ": " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new MalformedResponseException("unreadable JSON: " + e.getMessage(), e);
        }
        if (root == null || !root.isArray()) {
            throw new MalformedResponseException("expected a JSON array of daily papers but got "
                    + (root == null ? "an empty body" : root.getNodeType().toString().toLowerCase()), null);
        }
        List<Paper> papers = new ArrayList<>();
        ProblemList problems = new ProblemList();
        int position = 0;
        for (JsonNode item : root) {
            position++;
            try {
                papers.add(toPaper(item));
            } catch (RuntimeException e) {
                problems.add("item " + position + " skipped: " + e.getMessage());
            }
        }
        return new Page(papers, problems.list());
    }

    private static Paper toPaper(JsonNode item) {
        JsonNode paper = item.path("paper");
        if (!paper.isObject()) {
            throw new IllegalArgumentException("no \"paper\" object");
        }
        String rawId = paper.path("id").asText("");
        if (rawId.isBlank()) {
            throw new IllegalArgumentException("no paper.id");
        }
        ArxivId.Versioned id = ArxivId.parse(rawId);
        String title = Text.cap(Text.normalise(firstText(item.path("title"), paper.path("title"))),
                ArxivAtomParser.MAX_TITLE_CHARS);
        if (title.isEmpty()) {
            throw new IllegalArgumentException(id.id() + " has no title");
        }
        List<Author> authors = new ArrayList<>();
        for (JsonNode author : paper.path("authors")) {
            if (!author.path("hidden").asBoolean(false)) {
                String name = Text.normalise(author.path("name").asText(""));
                if (!name.isEmpty()) {
                    authors.add(Author.named(name));
                }
            }
        }
        List<String> keywords = new ArrayList<>();
        paper.path("ai_keywords").forEach(k -> keywords.add(Text.normalise(k.asText(""))));
        Signals signals = new Signals(true,
                Math.max(0, paper.path("upvotes").asInt(0)),
                Math.max(0, item.path("numComments").asInt(0)),
                url(paper.path("githubRepo").asText("")),
                url(paper.path("projectPage").asText("")),
                Text.cap(Text.normalise(paper.path("ai_summary").asText("")), 1_000),
                keywords.stream().filter(k -> !k.isEmpty()).limit(20).toList());
        Instant published = instant(firstText(paper.path("publishedAt"), item.path("publishedAt")));
        return new Paper(id.id(), id.version(), title,
                Text.cap(Text.normalise(firstText(paper.path("summary"), item.path("summary"))),
                        ArxivAtomParser.MAX_ABSTRACT_CHARS),
                authors, "", List.of(), published, published, "", "", "", signals);
    }

    private static String firstText(JsonNode first, JsonNode second) {
        String text = first.asText("");
        return text.isBlank() ? second.asText("") : text;
    }

    /** Only http(s) links are kept; anything else (javascript:, data:) is dropped. */
    private static String url(String text) {
        String trimmed = text.strip();
        return trimmed.startsWith("https://") || trimmed.startsWith("http://") ? trimmed : "";
    }

    private static Instant instant(String text) {
        if (text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
