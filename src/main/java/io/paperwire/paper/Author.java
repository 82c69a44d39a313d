package io.paperwire.paper;

/** One author of a paper; the affiliation is empty when the source does not give it. */
public record Author(String name, String affiliation) {
    public Author {
        name = name == null ? "" : name.strip();
        affiliation = affiliation == null ? "" : affiliation.strip();
    }

    public static Author named(String name) {
        return new Author(name, "");
    }
}
