package io.paperwire.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TemplateEngineTest {

    @TempDir
    Path templates;

    private void write(String name, String text) throws Exception {
        Path file = templates.resolve(name);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
    }

    @Test
    void aSyntaxErrorNamesTheFileLineAndColumn() throws Exception {
        write("email/issue.html.ftlh", "<p>ok</p>\n<p>${issue.title</p>\n");

        assertThatThrownBy(() -> new TemplateEngine(templates).check("email/issue.html.ftlh"))
                .isInstanceOf(TemplateException.class)
                .hasMessageMatching("(?s)template email/issue\\.html\\.ftlh:2:\\d+: .*");
    }

    @Test
    void aMissingVariableNamesTheFileLineColumnAndExpression() throws Exception {
        write("site/x.ftlh", "<h1>${site.title}</h1>\n  <p>${issue.subtitle}</p>\n");

        assertThatThrownBy(() -> new TemplateEngine(templates).render("site/x.ftlh",
                Map.of("site", Map.of("title", "T"), "issue", Map.of())))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("site/x.ftlh:2:")
                .hasMessageContaining("issue.subtitle");
    }

    @Test
    void theEditorsCopyOverridesTheBundledOneFileByFile() throws Exception {
        write("site/assets/style.css", "body { color: hotpink; }");
        TemplateEngine engine = new TemplateEngine(templates);

        assertThat(engine.raw("site/assets/style.css")).isEqualTo("body { color: hotpink; }");
        assertThat(engine.raw("site/assets/search.js")).contains("PAPERWIRE_SEARCH");
    }

    @Test
    void aChangedTemplateIsReadAgainWithoutARestart() throws Exception {
        write("site/hello.ftlh", "Hello ${name}");
        TemplateEngine engine = new TemplateEngine(templates);
        assertThat(engine.render("site/hello.ftlh", Map.of("name", "Ada"))).isEqualTo("Hello Ada");

        write("site/hello.ftlh", "Goodbye ${name}");
        Files.setLastModifiedTime(templates.resolve("site/hello.ftlh"), FileTime.from(Instant.now().plusSeconds(5)));
        Thread.sleep(1100);

        assertThat(engine.render("site/hello.ftlh", Map.of("name", "Ada"))).isEqualTo("Goodbye Ada");
    }

    @Test
    void anEditorFolderCreatedAfterStartIsUsed() throws Exception {
        Path later = templates.resolve("later");
        TemplateEngine engine = new TemplateEngine(later);
        assertThat(engine.raw("site/assets/style.css")).doesNotContain("hotpink");

        Files.createDirectories(later.resolve("site/assets"));
        Files.writeString(later.resolve("site/assets/style.css"), "body { color: hotpink; }");

        assertThat(engine.raw("site/assets/style.css")).isEqualTo("body { color: hotpink; }");
    }

    @Test
    void dataIsNeverEvaluatedAndClassesCannotBeInstantiated() throws Exception {
        write("site/evil.ftlh", "${text} <#assign ex=\"freemarker.template.utility.Execute\"?new()>${ex(\"id\")}");
        TemplateEngine engine = new TemplateEngine(templates);

        assertThatThrownBy(() -> engine.render("site/evil.ftlh", Map.of("text", "${7*7}")))
                .isInstanceOf(TemplateException.class)
                .hasMessageContaining("site/evil.ftlh:1:");
        write("site/echo.ftlh", "${text}");
        assertThat(engine.render("site/echo.ftlh", Map.of("text", "${7*7} <b>"))).isEqualTo("${7*7} &lt;b&gt;");
    }
}
