package io.paperwire.paper;

import java.util.LinkedHashMap;
import java.util.Map;

/** Readable names of the arXiv categories readers most often follow (others are shown by their code). */
public final class ArxivCategories {

    private static final Map<String, String> NAMES = new LinkedHashMap<>();

    static {
        NAMES.put("cs.AI", "Artificial Intelligence");
        NAMES.put("cs.CL", "Computation and Language");
        NAMES.put("cs.CV", "Computer Vision");
        NAMES.put("cs.LG", "Machine Learning");
        NAMES.put("cs.RO", "Robotics");
        NAMES.put("cs.IR", "Information Retrieval");
        NAMES.put("cs.NE", "Neural and Evolutionary Computing");
        NAMES.put("cs.HC", "Human-Computer Interaction");
        NAMES.put("cs.SD", "Sound");
        NAMES.put("cs.CR", "Cryptography and Security");
        NAMES.put("cs.DC", "Distributed Computing");
        NAMES.put("cs.MA", "Multiagent Systems");
        NAMES.put("cs.SE", "Software Engineering");
        NAMES.put("cs.GR", "Graphics");
        NAMES.put("cs.CY", "Computers and Society");
        NAMES.put("eess.AS", "Audio and Speech Processing");
        NAMES.put("eess.IV", "Image and Video Processing");
        NAMES.put("eess.SY", "Systems and Control");
        NAMES.put("stat.ML", "Statistics: Machine Learning");
        NAMES.put("math.OC", "Optimization and Control");
        NAMES.put("q-bio.NC", "Neurons and Cognition");
    }

    private ArxivCategories() {}

    /** "Computer Vision" for {@code cs.CV}; the code itself when it has no name here. */
    public static String name(String category) {
        return NAMES.getOrDefault(category, category);
    }

    /** The categories with a readable name, in a sensible order for a form. */
    public static Map<String, String> known() {
        return Map.copyOf(NAMES);
    }

    /** The codes with names, in display order. */
    public static java.util.List<String> codes() {
        return java.util.List.copyOf(NAMES.keySet());
    }
}
