package io.paperwire.archive;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.IntFunction;

/**
 * One page of a paged listing, newest first: its items, its number (from 1), how many pages there are, and the
 * files of its newer and older neighbours ("" at either end), relative to the page's own folder.
 */
record Page<T>(List<T> items, int number, int count, String newer, String older) {

    static <T> List<Page<T>> split(List<T> all, int perPage, IntFunction<String> file) {
        int count = Math.max(1, (all.size() + perPage - 1) / perPage);
        List<Page<T>> pages = new ArrayList<>();
        for (int n = 1; n <= count; n++) {
            pages.add(new Page<>(all.subList((n - 1) * perPage, Math.min(all.size(), n * perPage)), n, count,
                    n > 1 ? file.apply(n - 1) : "", n < count ? file.apply(n + 1) : ""));
        }
        return pages;
    }

    /** Adds what the pager needs to a page's model: pageNumber, pageCount, newerPage, olderPage. */
    Map<String, Object> model(Map<String, Object> model) {
        model.put("pageNumber", number);
        model.put("pageCount", count);
        model.put("newerPage", newer);
        model.put("olderPage", older);
        return model;
    }
}
