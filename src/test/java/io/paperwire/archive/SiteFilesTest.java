package io.paperwire.archive;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class SiteFilesTest {

    @TempDir
    Path home;

    private Path site() throws Exception {
        Path site = Files.createDirectories(home.resolve("out/site"));
        Files.createDirectories(site.resolve("issues"));
        Files.createDirectories(site.resolve("assets"));
        Files.writeString(site.resolve("index.html"), "<h1>home</h1>");
        Files.writeString(site.resolve("issues/2024-W21.html"), "<h1>issue</h1>");
        Files.writeString(site.resolve("assets/style.css"), "body{}");
        Files.writeString(home.resolve("out/secret.txt"), "secret");
        return site;
    }

    @Test
    void findsPagesAndTheFolderIndex() throws Exception {
        Path site = site();
        assertThat(SiteFiles.find(site, "/")).get().extracting(SiteFiles.Found::file)
                .isEqualTo(site.toRealPath().resolve("index.html"));
        assertThat(SiteFiles.find(site, "/issues/2024-W21.html")).isPresent();
        assertThat(SiteFiles.find(site, "/issues/2024%2DW21.html")).as("an encoded dash is a dash").isPresent();
        assertThat(SiteFiles.find(site, "/issues")).as("a folder is no file").isEmpty();
        assertThat(SiteFiles.find(site, "/missing.html")).isEmpty();
    }

    @Test
    void nothingOutsideTheFolderIsReachable() throws Exception {
        Path site = site();
        Files.createSymbolicLink(site.resolve("leak.txt"), home.resolve("out/secret.txt"));
        Files.createSymbolicLink(site.resolve("assets/outside"), home.resolve("out"));
        for (String path : new String[] {"/../secret.txt", "/%2e%2e/secret.txt", "/%2E%2E/secret.txt",
                "/..%2fsecret.txt", "/..%2Fsecret.txt", "/..%5csecret.txt", "/..\\secret.txt", "/issues/../../secret.txt",
                "/leak.txt", "/assets/outside/secret.txt", "/%00index.html", "/index.html%00", "/%zz", "//index.html",
                home.resolve("out/secret.txt").toString(), "/C:%5csecret.txt", "relative.html"}) {
            assertThat(SiteFiles.find(site, path)).as(path).isEmpty();
        }
    }

    @Test
    void refusesDotSegmentsAndEncodedSeparatorsEvenWhereTheyWouldStayInside() throws Exception {
        Path site = site();
        for (String path : new String[] {"/issues/../index.html", "/issues/%2e%2e/index.html", "/./index.html",
                "/issues%2f2024-W21.html", "/issues%2F2024-W21.html", "/issues%5c2024-W21.html"}) {
            assertThat(SiteFiles.find(site, path)).as(path).isEmpty();
        }
    }

    @Test
    void symlinksThatStayInsideTheFolderAreServed() throws Exception {
        Path site = site();
        Files.createSymbolicLink(site.resolve("latest.html"), site.resolve("issues/2024-W21.html"));
        assertThat(SiteFiles.find(site, "/latest.html")).isPresent();
    }

    @Test
    void typesFeedsByTheirFormat() {
        assertThat(SiteFiles.contentType("feed.xml")).isEqualTo("application/atom+xml; charset=utf-8");
        assertThat(SiteFiles.contentType("feed.json")).isEqualTo("application/feed+json; charset=utf-8");
        assertThat(SiteFiles.contentType("sitemap.xml")).isEqualTo("application/xml; charset=utf-8");
        assertThat(SiteFiles.contentType("search.json")).isEqualTo("application/json; charset=utf-8");
        assertThat(SiteFiles.contentType("2024-W21.HTML")).isEqualTo("text/html; charset=utf-8");
        assertThat(SiteFiles.contentType("search.js")).isEqualTo("text/javascript; charset=utf-8");
        assertThat(SiteFiles.contentType("LICENSE")).isEqualTo("application/octet-stream");
        assertThat(SiteFiles.contentType("KaTeX_Main-Regular.woff2")).isEqualTo("font/woff2");
    }

    @Test
    void issuesAndAssetsAreKeptWhatAPublishChangesIsRevalidated() {
        assertThat(SiteFiles.cacheControl("issues/2024-W21.html")).isEqualTo(SiteFiles.KEEP_AN_HOUR);
        assertThat(SiteFiles.cacheControl("assets/style.css")).isEqualTo(SiteFiles.KEEP_AN_HOUR);
        for (String changing : new String[] {"index.html", "index-2.html", "tags.html", "tags/cs-lg.html",
                "search.html", "search.json", "assets/search-index.js", "feed.xml", "feed.json", "sitemap.xml"}) {
            assertThat(SiteFiles.cacheControl(changing)).as(changing).isEqualTo(SiteFiles.REVALIDATE);
        }
    }

    @Test
    void revalidatesByETagFirstThenByDate() throws Exception {
        Path site = site();
        Files.setLastModifiedTime(site.resolve("index.html"), FileTime.from(Instant.parse("2024-05-27T07:00:00.250Z")));
        SiteFiles.Found found = SiteFiles.find(site, "/index.html").orElseThrow();
        assertThat(found.lastModifiedHeader()).isEqualTo("Mon, 27 May 2024 07:00:00 GMT");
        assertThat(found.notModified(found.etag(), null)).isTrue();
        assertThat(found.notModified("\"x\", W/" + found.etag(), null)).isTrue();
        assertThat(found.notModified("\"x\"", null)).isFalse();
        Files.setLastModifiedTime(site.resolve("assets/style.css"), FileTime.from(Instant.parse("2024-06-04T07:00:00Z")));
        assertThat(SiteFiles.find(site, "/assets/style.css").orElseThrow().lastModifiedHeader())
                .isEqualTo("Tue, 04 Jun 2024 07:00:00 GMT");
        assertThat(found.notModified("\"x\"", "Mon, 27 May 2024 07:00:00 GMT")).as("ETag wins").isFalse();
        assertThat(found.notModified(null, "Mon, 27 May 2024 07:00:00 GMT")).isTrue();
        assertThat(found.notModified(null, "Mon, 27 May 2024 06:59:59 GMT")).isFalse();
        assertThat(found.notModified(null, "yesterday")).isFalse();
        assertThat(found.notModified(null, null)).isFalse();

        Files.writeString(site.resolve("index.html"), "<h1>home, with a new issue</h1>");
        assertThat(SiteFiles.find(site, "/index.html").orElseThrow().etag()).isNotEqualTo(found.etag());
    }
}
