package io.paperwire.roundup;

import io.paperwire.paper.Roundup;

import java.util.List;

/**
 * The write step's result: the roundup with its text, and how the text came about.
 *
 * @param calls     LLM calls made for it (0 from the cache or without an LLM)
 * @param fromCache the text came from the roundup text cache
 * @param notes     for the editor: fallbacks and overrides that named papers the period did not feature
 */
public record WrittenRoundup(RoundupRequest request, Roundup roundup, long calls, boolean fromCache,
                             List<String> notes) {
    public WrittenRoundup {
        notes = List.copyOf(notes);
    }
}
