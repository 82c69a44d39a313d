package io.paperwire.source;

import io.paperwire.common.ProblemList;
import io.paperwire.paper.ArxivId;
import io.paperwire.paper.Author;
import io.paperwire.paper.Paper;
import io.paperwire.paper.Signals;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Parses the arXiv RSS announcement feed ({@code rss.arxiv.org/rss/<categories>}, 2024+ format): one item per
 * announced paper with {@code arxiv:announce_type} new, cross, replace or replace-cross, the abstract inside the
 * description after {@code Abstract:}, authors as one {@code dc:creator} string.
 *
 * <p>Lenient per item (a bad item is skipped and reported with its position); a body that is not RSS, or not
 * well-formed XML, fails as a whole with the line and column.
 */
public final class ArxivRssParser {

    private static final XMLInputFactory FACTORY = newFactory();
    private static final Pattern DESCRIPTION = Pattern.compile(
            "^\\s*arXiv:(\\S+)\\s+Announce Type:\\s*(\\S+)\\s*(?:Abstract:)?", Pattern.CASE_INSENSITIVE);
    private static final Pattern AUTHOR_SEPARATOR = Pattern.compile("\\s*,\\s*(?:and\\s+)?|\\s+and\\s+");

    private static XMLInputFactory newFactory() {
        XMLInputFactory factory = XMLInputFactory.newFactory();
        factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
        factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
        factory.setProperty(XMLInputFactory.IS_COALESCING, true);
        return factory;
    }

    public AnnouncementDay parse(byte[] body) {
        try {
            XMLStreamReader xml = FACTORY.createXMLStreamReader(Bodies.xmlReader(body));
            try {
                return readRss(xml);
            } finally {
                xml.close();
            }
        } catch (XMLStreamException e) {
            String where = e.getLocation() == null ? ""
                    : " at line " + e.getLocation().getLineNumber() + ", column " + e.getLocation().getColumnNumber();
            throw new MalformedResponseException("malformed RSS XML" + where, e);
        }
    }

    private AnnouncementDay readRss(XMLStreamReader xml) throws XMLStreamException {
        xml.nextTag();
        if (!"rss".equals(xml.getLocalName())) {
            throw new MalformedResponseException("expected an RSS <rss> feed but the document starts with <"
                    + xml.getLocalName() + ">", null);
        }
        LocalDate channelDate = null;
        Instant channelInstant = null;
        List<Item> items = new ArrayList<>();
        int depth = 0;
        while (xml.hasNext()) {
            int event = xml.next();
            if (event == XMLStreamConstants.END_ELEMENT) {
                depth--;
            } else if (event == XMLStreamConstants.START_ELEMENT) {
                String name = xml.getLocalName();
                if (depth == 1 && "pubDate".equals(name)) {
                    ZonedDateTime date = date(xml.getElementText());
                    if (date != null) {
                        channelDate = date.toLocalDate();
                        channelInstant = date.toInstant();
                    }
                } else if ("item".equals(name)) {
                    items.add(readItem(xml));
                } else {
                    depth++;
                }
            }
        }
        List<AnnouncementDay.Announcement> announced = new ArrayList<>();
        ProblemList problems = new ProblemList();
        int position = 0;
        for (Item item : items) {
            position++;
            try {
                announced.add(item.toAnnouncement(channelInstant));
            } catch (RuntimeException e) {
                problems.add("item " + position + " skipped: " + e.getMessage());
            }
        }
        return new AnnouncementDay(channelDate, announced, problems.list());
    }

    private Item readItem(XMLStreamReader xml) throws XMLStreamException {
        Item item = new Item();
        XmlChildren.each(xml, name -> {
            switch (name) {
                case "title" -> item.title = xml.getElementText();
                case "link" -> item.link = xml.getElementText();
                case "description" -> item.description = xml.getElementText();
                case "guid" -> item.guid = xml.getElementText();
                case "category" -> item.categories.add(xml.getElementText().strip());
                case "pubDate" -> item.pubDate = xml.getElementText();
                case "announce_type" -> item.announceType = xml.getElementText();
                case "creator" -> item.creator = xml.getElementText();
                case "DOI" -> item.doi = xml.getElementText();
                case "journal_reference" -> item.journalRef = xml.getElementText();
                default -> {
                    return false;
                }
            }
            return true;
        });
        return item;
    }

    private static final class Item {
        String title = "";
        String link = "";
        String description = "";
        String guid = "";
        String pubDate = "";
        String announceType = "";
        String creator = "";
        String doi = "";
        String journalRef = "";
        final List<String> categories = new ArrayList<>();

        AnnouncementDay.Announcement toAnnouncement(Instant channelInstant) {
            Matcher m = DESCRIPTION.matcher(description);
            String rawId = !guid.isBlank() ? guid.strip().replaceFirst("(?i)^oai:arXiv\\.org:", "")
                    : m.find() ? m.group(1) : link;
            if (rawId.isBlank()) {
                throw new IllegalArgumentException("no guid, link or arXiv id in the description");
            }
            ArxivId.Versioned id = ArxivId.parse(rawId);
            m.reset();
            boolean described = m.find();
            String type = Text.normalise(announceType).toLowerCase(Locale.ROOT);
            if (type.isEmpty() && described) {
                type = m.group(2).toLowerCase(Locale.ROOT);
            }
            if (type.isEmpty()) {
                throw new IllegalArgumentException(id.id() + " has no announce type");
            }
            int version = id.version();
            if (version == 0 && described) {
                version = ArxivId.parse(m.group(1)).version();
            }
            String abstractText = described ? description.substring(m.end()) : description;
            String cleanTitle = Text.cap(Text.normalise(title), ArxivAtomParser.MAX_TITLE_CHARS);
            if (cleanTitle.isEmpty()) {
                throw new IllegalArgumentException(id.id() + " has no title");
            }
            ZonedDateTime itemDate = date(pubDate);
            Instant announced = itemDate != null ? itemDate.toInstant() : channelInstant;
            List<Author> authors = Arrays.stream(AUTHOR_SEPARATOR.split(Text.normalise(creator)))
                    .map(Text::normalise).filter(a -> !a.isEmpty()).map(Author::named).toList();
            List<String> cats = categories.stream().filter(c -> !c.isEmpty()).distinct().toList();
            Paper paper = new Paper(id.id(), version, cleanTitle,
                    Text.cap(Text.normalise(abstractText), ArxivAtomParser.MAX_ABSTRACT_CHARS), authors,
                    cats.isEmpty() ? "" : cats.get(0), cats, announced, announced, "",
                    Text.normalise(journalRef), Text.normalise(doi), Signals.NONE);
            return new AnnouncementDay.Announcement(paper, type);
        }
    }

    static ZonedDateTime date(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return ZonedDateTime.parse(text.strip(), DateTimeFormatter.RFC_1123_DATE_TIME);
        } catch (DateTimeParseException e) {
            return null;
        }
    }
}
