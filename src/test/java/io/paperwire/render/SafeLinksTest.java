package io.paperwire.render;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class SafeLinksTest {

    @Test
    void keepsWebAddresses() {
        assertThat(SafeLinks.httpOnly(" https://github.com/a/b ")).isEqualTo("https://github.com/a/b");
        assertThat(SafeLinks.httpOnly("http://example.org/x?y=1")).isEqualTo("http://example.org/x?y=1");
    }

    @Test
    void dropsScriptDataRelativeAndBrokenLinks() {
        assertThat(SafeLinks.httpOnly("javascript:alert(1)")).isEmpty();
        assertThat(SafeLinks.httpOnly("JaVaScRiPt:alert(1)")).isEmpty();
        assertThat(SafeLinks.httpOnly("data:text/html,<script>")).isEmpty();
        assertThat(SafeLinks.httpOnly("//evil.example/x")).isEmpty();
        assertThat(SafeLinks.httpOnly("https://exa mple.org")).isEmpty();
        assertThat(SafeLinks.httpOnly(null)).isEmpty();
    }
}
