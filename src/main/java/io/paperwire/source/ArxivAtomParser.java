package io.paperwire.source;

import io.paperwire.common.ProblemList;
import io.paperwire.paper.ArxivId;
import io.paperwire.paper.Author;
import io.paperwire.paper.Paper;
import io.paperwire.paper.Signals;

import java.io.ByteArrayInputStream;
import java.io.CharConversionException;
import java.io.IOException;
import java.io.InputStream;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Parses one page of the arXiv API's Atom feed ({@code export.arxiv.org/api/query}), current and legacy layouts.
 *
 * <p>Lenient per entry: an entry without a usable id is skipped and reported with its position; a response that is
 * not an Atom feed, or is not well-formed XML, fails as a whole with the line and column.
 */
public final class ArxivAtomParser {

    /** One page: what the feed says about paging, the papers it holds, and the entries it had to skip. */
    public record Page(int totalResults, int startIndex, int itemsPerPage, List<Paper> papers, List<String> problems) {}

    static final int MAX_TITLE_CHARS = 1_000;
    static final int MAX_ABSTRACT_CHARS = 10_000;

    private static final XMLInputFactory FACTORY = newFactory();

    private static XMLInputFactory newFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    /**
     * Parses a page as it came off the wire. The bytes go straight to the XML parser; only a page with bytes that are
     * invalid in its encoding is read again through a lenient decoder, its bad bytes becoming U+FFFD.
     */
    public Page parse(byte[] body) {
        try {
            return parse(FACTORY.createXMLStreamReader(new ByteArrayInputStream(body)));
        } catch (XMLStreamException e) {
            if (!isEncodingError(e)) {
                throw malformed(e);
            }
        }
        try {
            return parse(FACTORY.createXMLStreamReader(Bodies.xmlReader(body)));
        } catch (XMLStreamException e) {
            throw malformed(e);
        }
    }

    private Page parse(XMLStreamReader xml) throws XMLStreamException {
        try {
            return readFeed(xml);
        } finally {
            xml.close();
        }
    }

    private static boolean isEncodingError(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof CharConversionException) {
                return true;
            }
            if (t instanceof XMLStreamException x && x.getNestedException() instanceof CharConversionException) {
                return true;
            }
        }
        String message = String.valueOf(e.getMessage());
        return message.contains("byte") && message.contains("UTF-8");
    }

    private static MalformedResponseException malformed(XMLStreamException e) {
        String where = e.getLocation() == null ? ""
                : " at line " + e.getLocation().getLineNumber() + ", column " + e.getLocation().getColumnNumber();
        return new MalformedResponseException("malformed Atom XML" + where + ": " + firstLine(e.getMessage()), e);
    }

    public Page parse(InputStream in) {
        try {
            return parse(in.readAllBytes());
        } catch (IOException e) {
            throw new MalformedResponseException("unreadable response: " + e.getMessage(), e);
        }
    }

    private Page readFeed(XMLStreamReader xml) throws XMLStreamException {
        xml.nextTag();
        if (!"feed".equals(xml.getLocalName())) {
            throw new MalformedResponseException("expected an Atom <feed> but the document starts with <"
                    + xml.getLocalName() + ">", null);
        }
        int total = -1;
        int start = 0;
        int perPage = 0;
        int position = 0;
        List<Paper> papers = new ArrayList<>();
        ProblemList problems = new ProblemList();
        while (xml.hasNext()) {
            int event = xml.next();
            if (event != XMLStreamConstants.START_ELEMENT) {
                continue;
            }
            switch (xml.getLocalName()) {
                case "totalResults" -> total = parseInt(xml.getElementText(), -1);
                case "startIndex" -> start = parseInt(xml.getElementText(), 0);
                case "itemsPerPage" -> perPage = parseInt(xml.getElementText(), 0);
                case "entry" -> {
                    position++;
                    EntryFields entry = readEntry(xml);
                    if (entry.isApiError()) {
                        throw new MalformedResponseException("the arXiv API answered with an error: " + entry.summary, null);
                    }
                    try {
                        papers.add(entry.toPaper());
                    } catch (RuntimeException e) {
                        problems.add("entry " + position + " skipped: " + e.getMessage());
                    }
                }
                default -> { }
            }
        }
        if (total < 0) {
            throw new MalformedResponseException("the feed has no opensearch:totalResults; is it an arXiv API response?", null);
        }
        return new Page(total, start, perPage, papers, problems.list());
    }

    private EntryFields readEntry(XMLStreamReader xml) throws XMLStreamException {
        EntryFields entry = new EntryFields();
        XmlChildren.each(xml, name -> {
            switch (name) {
                case "id" -> entry.id = xml.getElementText();
                case "title" -> entry.title = xml.getElementText();
                case "summary" -> entry.summary = xml.getElementText();
                case "published" -> entry.published = xml.getElementText();
                case "updated" -> entry.updated = xml.getElementText();
                case "comment" -> entry.comment = xml.getElementText();
                case "journal_ref" -> entry.journalRef = xml.getElementText();
                case "doi" -> entry.doi = xml.getElementText();
                case "author" -> entry.authors.add(readAuthor(xml));
                case "primary_category" -> {
                    entry.primaryCategory = xml.getAttributeValue(null, "term");
                    return false;
                }
                case "category" -> {
                    String term = xml.getAttributeValue(null, "term");
                    if (term != null && !term.isBlank()) {
                        entry.categories.add(term.strip());
                    }
                    return false;
                }
                default -> {
                    return false;
                }
            }
            return true;
        });
        return entry;
    }

    private Author readAuthor(XMLStreamReader xml) throws XMLStreamException {
        StringBuilder name = new StringBuilder();
        List<String> affiliations = new ArrayList<>();
        XmlChildren.each(xml, child -> {
            switch (child) {
                case "name" -> {
                    name.setLength(0);
                    name.append(Text.normalise(xml.getElementText()));
                }
                case "affiliation" -> affiliations.add(Text.normalise(xml.getElementText()));
                default -> {
                    return false;
                }
            }
            return true;
        });
        return new Author(name.toString(), String.join("; ", affiliations));
    }

    private static final class EntryFields {
        String id;
        String title = "";
        String summary = "";
        String published;
        String updated;
        String comment = "";
        String journalRef = "";
        String doi = "";
        String primaryCategory = "";
        final List<String> categories = new ArrayList<>();
        final List<Author> authors = new ArrayList<>();

        boolean isApiError() {
            return id != null && id.contains("/api/errors");
        }

        Paper toPaper() {
            if (id == null || id.isBlank()) {
                throw new IllegalArgumentException("no <id>");
            }
            ArxivId.Versioned versioned = ArxivId.parse(id);
            String cleanTitle = Text.cap(Text.normalise(title), MAX_TITLE_CHARS);
            if (cleanTitle.isEmpty()) {
                throw new IllegalArgumentException(versioned.id() + " has no title");
            }
            return new Paper(versioned.id(), versioned.version(), cleanTitle,
                    Text.cap(Text.normalise(summary), MAX_ABSTRACT_CHARS),
                    authors.stream().filter(a -> !a.name().isEmpty()).toList(),
                    primaryCategory == null ? "" : primaryCategory.strip(),
                    categories.stream().distinct().toList(),
                    instant(published), instant(updated),
                    Text.normalise(comment), Text.normalise(journalRef), Text.normalise(doi), Signals.NONE);
        }
    }

    private static Instant instant(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("unreadable date '" + text.strip() + "'");
        }
    }

    private static int parseInt(String text, int fallback) {
        try {
            return Integer.parseInt(text.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    private static String firstLine(String message) {
        if (message == null) {
            return "";
        }
        String line = message.lines().filter(l -> !l.isBlank()).reduce((a, b) -> b).orElse(message);
        return line.replaceFirst("^Message: ", "").strip();
    }
}
