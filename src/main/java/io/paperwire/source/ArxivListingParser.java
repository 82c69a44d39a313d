package io.paperwire.source;

import io.paperwire.common.ProblemList;
import io.paperwire.paper.ArxivId;
import io.paperwire.paper.Author;
import io.paperwire.paper.Paper;
import io.paperwire.paper.Signals;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses an arXiv listing page ({@code arxiv.org/list/<category>/new}) with Jsoup: the fallback when the RSS feed
 * fails or is empty on an announcement day. Reads the current and the legacy layout: {@code <dt>} with the abs link,
 * {@code <dd>} with {@code .list-title}, {@code .list-authors}, {@code .list-comments}, {@code .list-journal-ref},
 * {@code .list-subjects} and the abstract; the section heading before an entry gives its announce type.
 */
public final class ArxivListingParser {

    private static final Pattern SUBJECT_CODE = Pattern.compile("\\(([a-z-]+(?:\\.[A-Za-z-]+)?)\\)");
    private static final Pattern CURRENT_DATE = Pattern.compile("(?i)listings? for \\w+,?\\s+(\\d{1,2} \\w+ \\d{4})");
    private static final Pattern LEGACY_DATE = Pattern.compile("(?i)submissions for \\w+,?\\s+(\\d{1,2} \\w+ \\d{2,4})");

    /** @param fallbackDate the day the page was fetched, used when the page does not say which day it lists */
    public AnnouncementDay parse(byte[] body, String baseUri, LocalDate fallbackDate) {
        Document page = Jsoup.parse(Bodies.utf8(body), baseUri);
        if (page.select("dl dt, dt").isEmpty() && page.selectFirst("h3") == null) {
            throw new MalformedResponseException("not an arXiv listing page: no <dt> entries and no section heading"
                    + " (title: '" + Text.cap(page.title(), 120) + "')", null);
        }
        LocalDate date = date(page);
        LocalDate day = date != null ? date : fallbackDate;
        List<AnnouncementDay.Announcement> items = new ArrayList<>();
        ProblemList problems = new ProblemList();
        String type = "new";
        int position = 0;
        for (Element element : page.select("h3, dt")) {
            if (element.tagName().equals("h3")) {
                type = type(element.text(), type);
                continue;
            }
            position++;
            try {
                items.add(new AnnouncementDay.Announcement(paper(element, day), type));
            } catch (RuntimeException e) {
                problems.add("entry " + position + " skipped: " + e.getMessage());
            }
        }
        return new AnnouncementDay(date, items, problems.list());
    }

    private static Paper paper(Element dt, LocalDate day) {
        Element link = dt.selectFirst("a[href*=/abs/]");
        if (link == null) {
            throw new IllegalArgumentException("no /abs/ link");
        }
        ArxivId.Versioned id = ArxivId.parse(link.attr("href").replaceFirst("^.*/abs/", ""));
        Element dd = dt.nextElementSibling();
        if (dd == null || !dd.tagName().equals("dd")) {
            throw new IllegalArgumentException(id.id() + " has no <dd> with its details");
        }
        String title = Text.cap(Text.normalise(withoutDescriptor(dd.selectFirst(".list-title"))),
                ArxivAtomParser.MAX_TITLE_CHARS);
        if (title.isEmpty()) {
            throw new IllegalArgumentException(id.id() + " has no title");
        }
        List<Author> authors = dd.select(".list-authors a").stream()
                .map(a -> Text.normalise(a.text())).filter(n -> !n.isEmpty()).map(Author::named).toList();
        Set<String> categories = new LinkedHashSet<>();
        Element subjects = dd.selectFirst(".list-subjects");
        Element primary = subjects == null ? null : subjects.selectFirst(".primary-subject");
        if (primary != null) {
            categories.addAll(codes(primary.text()));
        }
        if (subjects != null) {
            categories.addAll(codes(subjects.text()));
        }
        Element abstractElement = dd.selectFirst("p.mathjax, p");
        var announced = day.atStartOfDay(ZoneOffset.UTC).toInstant();
        List<String> cats = List.copyOf(categories);
        return new Paper(id.id(), id.version(), title,
                Text.cap(Text.normalise(abstractElement == null ? "" : abstractElement.text()),
                        ArxivAtomParser.MAX_ABSTRACT_CHARS),
                authors, cats.isEmpty() ? "" : cats.get(0), cats, announced, announced,
                Text.normalise(withoutDescriptor(dd.selectFirst(".list-comments"))),
                Text.normalise(withoutDescriptor(dd.selectFirst(".list-journal-ref"))), "", Signals.NONE);
    }

    private static String withoutDescriptor(Element element) {
        if (element == null) {
            return "";
        }
        Element copy = element.clone();
        copy.select(".descriptor").remove();
        return copy.text();
    }

    private static List<String> codes(String subjects) {
        List<String> codes = new ArrayList<>();
        Matcher m = SUBJECT_CODE.matcher(subjects);
        while (m.find()) {
            codes.add(m.group(1));
        }
        return codes;
    }

    private static String type(String heading, String current) {
        String h = heading.toLowerCase(Locale.ROOT);
        if (h.startsWith("new submission")) {
            return "new";
        }
        if (h.startsWith("cross")) {
            return "cross";
        }
        if (h.startsWith("replacement")) {
            return "replace";
        }
        return current;
    }

    private static LocalDate date(Document page) {
        String text = page.select(".list-dateline, h3").text();
        for (Pattern pattern : List.of(CURRENT_DATE, LEGACY_DATE)) {
            Matcher m = pattern.matcher(text);
            if (m.find()) {
                for (String format : List.of("d MMMM yyyy", "d MMM yyyy", "d MMM yy")) {
                    try {
                        return LocalDate.parse(m.group(1), DateTimeFormatter.ofPattern(format, Locale.ENGLISH));
                    } catch (DateTimeParseException e) {
                        // try the next layout
                    }
                }
            }
        }
        return null;
    }
}
