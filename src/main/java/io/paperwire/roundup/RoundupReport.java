package io.paperwire.roundup;

import io.paperwire.deliver.Edition;
import io.paperwire.paper.Roundup;

import java.nio.file.Path;
import java.util.Optional;

/**
 * What {@code paperwire roundup} did: the roundup, where it is, and what its delivery did.
 *
 * @param page        the published page, or for a dry run the preview of the email's HTML
 * @param publishedBefore the period's roundup was published by an earlier run and was not made again
 * @param delivery    the send, empty when nothing was to be mailed (no {@code --send}, a dry run)
 */
public record RoundupReport(RoundupRequest request, Roundup roundup, Path page, boolean publishedBefore,
                            WrittenRoundup written, Optional<Edition.Report> delivery) {

    public boolean isPartial() {
        return delivery.map(Edition.Report::isPartial).orElse(false);
    }
}
