package io.paperwire.render;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CssInlinerTest {

    private final CssInliner inliner = new CssInliner();

    private static final String PAGE = """
            <html><head>
            <style data-inline>
              /* a comment { with: braces } */
              p { color: black; font-size: 14px; }
              .note { color: gray; }
              td.note, .other { padding: 4px; }
              #lead { color: red; }
            </style>
            <style>@media (prefers-color-scheme: dark) { .note { color: white !important; } }</style>
            </head><body>
            <p id="lead" class="note">one</p>
            <p class="note" style="color: blue">two</p>
            <table><tr><td class="note">three</td></tr></table>
            <p>four</p>
            </body></html>
            """;

    @Test
    void movesTheMarkedRulesIntoStyleAttributesAndDropsTheirBlock() {
        Document out = Jsoup.parse(inliner.inline(PAGE));

        assertThat(out.select("p").get(2).attr("style")).isEqualTo("color:black;font-size:14px;");
        assertThat(out.select("td").attr("style")).isEqualTo("color:gray;padding:4px;");
        assertThat(out.select("style[data-inline]")).isEmpty();
    }

    @Test
    void appliesRulesInOrderOfSpecificityAndLetsWrittenStylesWin() {
        Document out = Jsoup.parse(inliner.inline(PAGE));

        assertThat(out.getElementById("lead").attr("style")).isEqualTo("color:red;font-size:14px;");
        assertThat(out.select("p").get(1).attr("style")).isEqualTo("color:blue;font-size:14px;");
    }

    @Test
    void keepsMediaQueriesThatCannotBeInlined() {
        Document out = Jsoup.parse(inliner.inline(PAGE));

        assertThat(out.select("style")).singleElement().extracting(e -> e.data()).asString()
                .contains("prefers-color-scheme: dark");
    }

    @Test
    void computesSpecificityAsIdsClassesElements() {
        assertThat(CssInliner.specificity("td.note a")).containsExactly(0, 1, 2);
        assertThat(CssInliner.specificity("#lead")).containsExactly(1, 0, 0);
        assertThat(CssInliner.specificity("a[href]:hover")).containsExactly(0, 2, 1);
    }

    @Test
    void namesASelectorItCannotRead() {
        assertThatThrownBy(() -> inliner.inline("<style data-inline>p:unknown-thing(( { color: red }</style><p>x</p>"))
                .hasMessageContaining("p:unknown-thing((");
    }
}
