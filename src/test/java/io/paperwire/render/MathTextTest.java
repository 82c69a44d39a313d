package io.paperwire.render;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.nio.file.Path;
import java.util.Map;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

class MathTextTest {

    @ParameterizedTest(name = "{0} -> {1}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "$\\alpha$-Entmax|α-Entmax",
            "$O(n \\log n)$ sorting|O(n log n) sorting",
            "$64 \\times 64$ images|64 × 64 images",
            "$\\mathcal{O}(1/\\sqrt{T})$ regret|𝒪(1/√T) regret",
            "$\\ell_2$ norm|ℓ₂ norm",
            "$L^2$ space|L² space",
            "$x^{2n}$|x²ⁿ",
            "$\\epsilon \\leq 0.1$ and $k \\geq 3$|ϵ ≤ 0.1 and k ≥ 3",
            "$T \\to \\infty$|T → ∞",
            "$\\mathbb{R}^d$|ℝᵈ",
            "$\\Omega(\\sqrt{n \\log n})$|Ω(√(n log n))",
            "\\textbf{Bold} and \\emph{new}|Bold and new",
            "Mat\\'ern kernels|Matérn kernels",
            "Schr\\\"{o}dinger|Schrödinger",
            "50\\% fewer|50% fewer",
            "Fig.~3|Fig.\u00a03",
            "pages 3--5|pages 3–5",
            "$\\frac{1}{2}$|1/2",
            "$x_{\\text{max}}$|xₘₐₓ",
            "$x_{\\text{bad}}$|x_(bad)",
            "$\\hat{y}$|ŷ",
            "$\\mathrm{softmax}(z)$|softmax(z)",
            "$\\unknowncmd{inner}$ and $\\weird$|inner and weird",
            "costs $5 today|costs $5 today",
            "plain title|plain title",
            "hostile ${7*7} stays|hostile ${7*7} stays",
    })
    void turnsLatexIntoReadableUnicode(String latex, String expected) {
        assertEquals(expected, MathText.of(latex));
    }

    @Test
    void leavesNoDollarNorCommandInAnyConversion() {
        String converted = MathText.of("$\\mathcal{L}_{\\mathrm{CE}} + \\lambda \\|\\theta\\|_2^2 \\approx \\sum_{i=1}^{N}$");
        assertFalse(converted.contains("$"), converted);
        assertFalse(converted.matches("(?s).*\\\\[a-zA-Z]+.*"), converted);
        assertFalse(converted.contains("{") || converted.contains("}"), converted);
    }

    @Test
    void aHostileTitleInMathStaysInertInTheEmailHtml(@org.junit.jupiter.api.io.TempDir Path dir) throws Exception {
        java.nio.file.Files.writeString(dir.resolve("t.ftlh"), "<p>${mathText(title)}</p>");
        TemplateEngine engine = new TemplateEngine(dir);
        String html = engine.render("t.ftlh", Map.of("title", "$<script>alert(1)</script> \\alpha$ & co"));
        assertEquals("<p>&lt;script&gt;alert(1)&lt;/script&gt; α &amp; co</p>", html);
        assertTrue(MathText.of("$<script>x</script>$").contains("<script>"), "the conversion itself does not escape");
    }

    @Test
    void nullStaysNull() {
        assertEquals(null, MathText.of(null));
    }
}
