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
            "only $50$ tests and $25\\%$ of them|only 50 tests and 25% of them",
            "$ \\alpha $-divergence|α-divergence",
            "$$E = mc^2$$|E = mc²",
    })
    void turnsLatexIntoReadableUnicode(String latex, String expected) {
        assertEquals(expected, MathText.of(latex));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "\\textbf{a {b} c}|a b c",
            "\\emph{the {\\em inner} word} stays|the inner word stays",
            "\\text{if $x$}|if x",
            "$f(x) = 1 \\text{ if $x > 0$, else } 0$|f(x) = 1  if x > 0, else  0",
            "$\\mathrm{KL}(p, \\text{$q$-model})$|KL(p, q-model)",
    })
    void nestedBracesAndMathInsideTextCommandsReadAsTheirContent(String latex, String expected) {
        assertEquals(expected, MathText.of(latex));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', value = {
            "costs $5 and $10|costs $5 and $10",
            "between $5 and $10 per run, with $\\alpha$ fixed|between $5 and $10 per run, with α fixed",
            "testing costs over $800 per sample and is limited|testing costs over $800 per sample and is limited",
            "a $3M budget and a $2M one|a $3M budget and a $2M one",
            "$5 and $x$|$5 and x",
    })
    void aDollarInProseStaysAsWritten(String text, String expected) {
        assertEquals(expected, MathText.of(text));
    }

    @Test
    void pairsOnlyTheDollarsThatReadAsMath() {
        assertEquals(Map.of(), MathDelimiters.of("costs $5 and $10"));
        assertEquals(Map.of(7, 1, 9, 1), MathDelimiters.of("$5 and $x$"));
        assertEquals(Map.of(0, 2, 10, 2), MathDelimiters.of("$$E = mc^2$$"));
        assertEquals(Map.of(0, 1, 18, 1), MathDelimiters.of("$a \\text{if $x$} b$"), "inner dollars sit in braces");
        assertEquals(Map.of(), MathDelimiters.of("a \\$ sign and $5"), "an escaped dollar opens nothing");
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
