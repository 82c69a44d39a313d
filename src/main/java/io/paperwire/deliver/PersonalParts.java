package io.paperwire.deliver;

import io.paperwire.paper.RenderedIssue;
import io.paperwire.subscribers.Subscriber;

import java.util.Optional;

/**
 * What differs between the subscribers' copies of one issue besides the unsubscribe link: the "For you" section,
 * the tokens of the preferences and feedback links, and whether the reader gets the whole issue or its TL;DRs only.
 * Prepared once per issue (ranking every reader at once), then asked per subscriber while the workers send.
 */
public interface PersonalParts {

    /** No personal parts: the issue as rendered (and empty tokens, for tests of the shared parts alone). */
    PersonalParts NONE = issue -> ForIssue.NONE;

    /** Prepares the personal parts of one issue for every subscriber. */
    ForIssue prepare(RenderedIssue issue);

    /** The personal parts of an edition without picks (a roundup): each reader's preferences link, no more. */
    default ForIssue linksOnly() {
        return ForIssue.NONE;
    }

    /** The personal parts of one issue. Safe for concurrent use. */
    interface ForIssue {

        ForIssue NONE = new ForIssue() {
            @Override
            public Optional<RenderedIssue> shortIssue() {
                return Optional.empty();
            }

            @Override
            public Parts of(Subscriber subscriber) {
                return Parts.NONE;
            }
        };

        /** The issue rendered with TL;DRs only, when some reader asked for the short format. */
        Optional<RenderedIssue> shortIssue();

        /** This subscriber's parts. */
        Parts of(Subscriber subscriber);
    }

    /**
     * One subscriber's parts: the short format or not, the "For you" section as HTML and text (empty: none), the
     * token of their preferences link, and a source of the tokens of their feedback links by arXiv id.
     */
    record Parts(boolean shortFormat, QuotedPrintableTemplate.Splice html, QuotedPrintableTemplate.Splice text,
                 String preferencesToken, FeedbackTokens feedback) {

        static final Parts NONE = new Parts(false, QuotedPrintableTemplate.NOTHING, QuotedPrintableTemplate.NOTHING,
                "", arxivId -> "");
    }

    /** The signed token of one subscriber's feedback link on one paper. */
    @FunctionalInterface
    interface FeedbackTokens {
        String of(String arxivId);
    }
}
