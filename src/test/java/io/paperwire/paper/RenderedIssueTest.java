package io.paperwire.paper;

import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class RenderedIssueTest {

    @Test
    void aPreviewFillsEveryPlaceholderWithAStandInAndLeavesThePersonalSectionOut() {
        String body = "<p>" + RenderedIssue.PERSONAL_HTML_SLOT + "</p>" + RenderedIssue.PERSONAL_TEXT_SLOT
                + "<a href=\"https://x.example/feedback?token=" + RenderedIssue.feedbackSlot("2405.12345") + "\">more</a>"
                + "<a href=\"https://x.example/preferences?token=" + RenderedIssue.PREFERENCES_TOKEN_SLOT + "\">prefs</a>"
                + "<a href=\"" + RenderedIssue.UNSUBSCRIBE_URL_SLOT + "\">unsubscribe</a> costs $5";

        String preview = RenderedIssue.forPreview(body, "https://x.example/unsubscribe?token=$preview");

        assertThat(preview).isEqualTo("<p></p><a href=\"https://x.example/feedback?token=preview\">more</a>"
                + "<a href=\"https://x.example/preferences?token=preview\">prefs</a>"
                + "<a href=\"https://x.example/unsubscribe?token=$preview\">unsubscribe</a> costs $5");
    }
}
