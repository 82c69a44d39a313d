package io.paperwire.testing;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

/**
 * Builds arXiv API Atom pages and Hugging Face daily-papers JSON for tests, in the real wire formats, with invented
 * papers. Titles and abstracts are given as plain text and escaped here the way the services escape them.
 */
public final class FakeWeek {

    /** One invented paper; {@code upvotes < 0} means Hugging Face did not feature it. */
    public record FakePaper(String id, int version, String title, String abstractText, List<String> authors,
                            String primaryCategory, Instant published, int upvotes, LocalDate featuredOn) {}

    private final List<FakePaper> papers = new ArrayList<>();

    public FakeWeek add(FakePaper paper) {
        papers.add(paper);
        return this;
    }

    public List<FakePaper> papers() {
        return papers;
    }

    /**
     * {@code count} plausible papers of the week starting {@code monday}, the first {@code featured} on Hugging Face.
     * Each is listed on one of the week's listing days (Monday to Friday): submitted the working day before it, between
     * 09:00 and 17:59 UTC (before arXiv's 14:00 US Eastern deadline), and featured on Hugging Face on its listing day.
     */
    public static FakeWeek generated(LocalDate monday, int count, int featured) {
        FakeWeek week = new FakeWeek();
        for (int i = 0; i < count; i++) {
            LocalDate day = monday.plusDays(i % 5);
            LocalDate submitted = day.minusDays(i % 5 == 0 ? 3 : 1);
            Instant published = submitted.atTime(9 + i % 9, i % 60).toInstant(ZoneOffset.UTC);
            String id = String.format("%02d%02d.%05d", monday.getYear() % 100, monday.getMonthValue(), 20000 + i);
            week.add(new FakePaper(id, 1, "Generated Study " + i + " of Efficient Reasoning in Language Models",
                    "We study problem " + i + " in language models. Prior methods are slow and brittle. "
                            + "We propose method " + i + ", which reasons over " + (i % 7 + 2) + " steps. "
                            + "Experiments on four benchmarks show it improves accuracy by " + (i % 9 + 1) + ".5%. "
                            + "Code and data are released for others to build on.",
                    List.of("Author " + i + " One", "Author " + i + " Two"), i % 2 == 0 ? "cs.LG" : "cs.CL",
                    published, i < featured ? 1000 - i * 7 : -1, i < featured ? day : null));
        }
        return week;
    }

    public String atomPage(int start, int size, int totalResults) {
        StringBuilder xml = new StringBuilder("""
                <?xml version='1.0' encoding='UTF-8'?>
                <feed xmlns:opensearch="http://a9.com/-/spec/opensearch/1.1/" xmlns:arxiv="http://arxiv.org/schemas/atom" xmlns="http://www.w3.org/2005/Atom">
                  <id>https://arxiv.org/api/fake</id>
                  <title>arXiv Query: fake</title>
                  <updated>2024-05-27T00:00:00Z</updated>
                """);
        xml.append("  <opensearch:itemsPerPage>").append(size).append("</opensearch:itemsPerPage>\n");
        xml.append("  <opensearch:totalResults>").append(totalResults).append("</opensearch:totalResults>\n");
        xml.append("  <opensearch:startIndex>").append(start).append("</opensearch:startIndex>\n");
        for (FakePaper p : papers.subList(Math.min(start, papers.size()), Math.min(start + size, papers.size()))) {
            xml.append("  <entry>\n")
                    .append("    <id>http://arxiv.org/abs/").append(p.id()).append('v').append(p.version()).append("</id>\n")
                    .append("    <title>").append(xmlText(p.title())).append("</title>\n")
                    .append("    <updated>").append(p.published()).append("</updated>\n")
                    .append("    <link href=\"https://arxiv.org/abs/").append(p.id()).append("\" rel=\"alternate\" type=\"text/html\"/>\n")
                    .append("    <summary>").append(xmlText(p.abstractText())).append("</summary>\n")
                    .append("    <category term=\"").append(p.primaryCategory()).append("\" scheme=\"http://arxiv.org/schemas/atom\"/>\n")
                    .append("    <published>").append(p.published()).append("</published>\n")
                    .append("    <arxiv:primary_category term=\"").append(p.primaryCategory()).append("\"/>\n");
            for (String author : p.authors()) {
                xml.append("    <author>\n      <name>").append(xmlText(author)).append("</name>\n    </author>\n");
            }
            xml.append("  </entry>\n");
        }
        return xml.append("</feed>\n").toString();
    }

    public String allInOneAtomPage() {
        return atomPage(0, Math.max(1, papers.size()), papers.size());
    }

    public String huggingFaceDay(LocalDate day) {
        List<String> items = new ArrayList<>();
        for (FakePaper p : papers) {
            if (p.upvotes() < 0 || !day.equals(p.featuredOn())) {
                continue;
            }
            StringBuilder authors = new StringBuilder();
            for (String a : p.authors()) {
                authors.append(authors.isEmpty() ? "" : ",").append("{\"_id\":\"x\",\"name\":").append(jsonText(a)).append(",\"hidden\":false}");
            }
            items.add("{\"paper\":{\"id\":\"" + p.id() + "\",\"authors\":[" + authors + "],\"publishedAt\":\""
                    + p.published() + "\",\"submittedOnDailyAt\":\"" + day + "T00:00:00.000Z\",\"title\":"
                    + jsonText(p.title()) + ",\"summary\":" + jsonText(p.abstractText()) + ",\"upvotes\":" + p.upvotes()
                    + ",\"discussionId\":\"d\"},\"publishedAt\":\"" + p.published() + "\",\"title\":" + jsonText(p.title())
                    + ",\"summary\":" + jsonText(p.abstractText()) + ",\"thumbnail\":\"\",\"numComments\":2,"
                    + "\"submittedBy\":{\"_id\":\"u\",\"name\":\"n\"},\"isAuthorParticipating\":false}");
        }
        return "[" + String.join(",", items) + "]";
    }

    static String xmlText(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    static String jsonText(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                case '\n' -> out.append("\\n");
                default -> out.append(c < 0x20 ? String.format("\\u%04x", (int) c) : String.valueOf(c));
            }
        }
        return out.append('"').toString();
    }
}
