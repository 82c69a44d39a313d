package io.paperwire.render;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.TemplateLoader;
import freemarker.core.ParseException;
import freemarker.core.TemplateClassResolver;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.Template;
import freemarker.template.TemplateExceptionHandler;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Renders FreeMarker templates from the editor's folder, falling back file by file to the ones bundled in the jar.
 */
public final class TemplateEngine {

    private static final freemarker.template.Version VERSION = Configuration.VERSION_2_3_34;

    /**
     * The template function that turns LaTeX into Unicode text ({@link MathText}): {@code ${mathText(paper.title)}}.
     * Email, subject and feed templates call it; the site's pages keep the TeX source. Its result is escaped as usual.
     */
    public static final String MATH_TEXT = "mathText";
    private static final freemarker.template.TemplateMethodModelEx MATH_TEXT_METHOD = arguments -> {
        if (arguments.size() != 1) {
            throw new freemarker.template.TemplateModelException(MATH_TEXT + "(text) takes one argument, got "
                    + arguments.size());
        }
        Object argument = arguments.get(0);
        if (argument instanceof freemarker.template.TemplateScalarModel scalar) {
            return MathText.of(scalar.getAsString());
        }
        throw new freemarker.template.TemplateModelException(MATH_TEXT + "(text) takes a string, got "
                + (argument == null ? "nothing (use mathText(x!))" : argument.getClass().getSimpleName()));
    };

    private final Configuration configuration;

    /** @param editorFolder the {@code templates/} folder of the working directory; it need not exist */
    public TemplateEngine(Path editorFolder) {
        configuration = new Configuration(VERSION);
        List<TemplateLoader> loaders = new ArrayList<>();
        loaders.add(new EditorFolderLoader(editorFolder));
        loaders.add(new ClassTemplateLoader(TemplateEngine.class.getClassLoader(), "templates"));
        MultiTemplateLoader loader = new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new));
        loader.setSticky(false); // an editor's copy added later must win over the bundled one found before
        configuration.setTemplateLoader(loader);
        configuration.setRecognizeStandardFileExtensions(true);
        configuration.setDefaultEncoding("UTF-8");
        configuration.setOutputEncoding("UTF-8");
        configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
        configuration.setLogTemplateExceptions(false);
        configuration.setWrapUncheckedExceptions(true);
        configuration.setFallbackOnNullLoopVariable(false);
        configuration.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
        configuration.setAPIBuiltinEnabled(false);
        configuration.setObjectWrapper(new DefaultObjectWrapperBuilder(VERSION).build());
        configuration.setTemplateUpdateDelayMilliseconds(1000);
        configuration.setSharedVariable(MATH_TEXT, MATH_TEXT_METHOD);
    }

    /**
     * Loads and parses a template, so a broken one is found before anything is sent.
     *
     * @throws TemplateException with file:line:column when it does not parse
     */
    public void check(String name) {
        template(name);
    }

    /**
     * Reads a static file (a style sheet, a script) the same way templates are found: the editor's copy first, then
     * the bundled one. It is copied as it is, not processed.
     *
     * @throws TemplateException when neither exists
     */
    public String raw(String name) {
        TemplateLoader loader = configuration.getTemplateLoader();
        try {
            Object source = loader.findTemplateSource(name);
            if (source == null) {
                throw new TemplateException("file " + name + " not found in templates/ nor in the bundled defaults", null);
            }
            try (java.io.Reader reader = loader.getReader(source, "UTF-8")) {
                StringWriter out = new StringWriter();
                reader.transferTo(out);
                return out.toString();
            } finally {
                loader.closeTemplateSource(source);
            }
        } catch (IOException e) {
            throw new TemplateException("file " + name + ": " + e.getMessage(), e);
        }
    }

    /** Renders a template with this model; the editor's copy is re-read when it changed on disk (within a second). */
    public String render(String name, Map<String, ?> model) {
        return process(template(name), name, model);
    }

    /**
     * The template as it is now, to render many times without looking it up again (the "For you" blocks of one
     * send: thousands of renders, from several threads, all of the same version).
     */
    public Function<Map<String, ?>, String> loaded(String name) {
        Template template = template(name);
        return model -> process(template, name, model);
    }

    private String process(Template template, String name, Map<String, ?> model) {
        StringWriter out = new StringWriter();
        try {
            template.process(model, out);
        } catch (freemarker.template.TemplateException e) {
            throw new TemplateException("template " + location(e.getTemplateSourceName(), e.getLineNumber(),
                    e.getColumnNumber()) + ": " + e.getMessageWithoutStackTop().lines().findFirst().orElse("")
                    + (e.getBlamedExpressionString() == null ? "" : " (expression: ${" + e.getBlamedExpressionString() + "})"), e);
        } catch (IOException e) {
            throw new TemplateException("template " + name + ": " + e.getMessage(), e);
        }
        return out.toString();
    }

    private Template template(String name) {
        try {
            return configuration.getTemplate(name);
        } catch (ParseException e) {
            throw new TemplateException("template " + location(e.getTemplateName(), e.getLineNumber(),
                    e.getColumnNumber()) + ": " + e.getEditorMessage(), e);
        } catch (freemarker.template.TemplateNotFoundException e) {
            throw new TemplateException("template " + name + " not found in templates/ nor in the bundled defaults", e);
        } catch (IOException e) {
            throw new TemplateException("template " + name + ": " + e.getMessage(), e);
        }
    }

    /**
     * The editor's folder as a template source, also when it is created after the process started (an editor running
     * {@code preview --serve} or {@code serve} adds {@code templates/} and expects the change to show).
     */
    private static final class EditorFolderLoader implements TemplateLoader {
        private final Path folder;
        private FileTemplateLoader delegate;

        EditorFolderLoader(Path folder) {
            this.folder = folder;
        }

        private synchronized FileTemplateLoader delegate() throws IOException {
            if (delegate == null && Files.isDirectory(folder)) {
                delegate = new FileTemplateLoader(folder.toFile());
            }
            return delegate;
        }

        @Override
        public Object findTemplateSource(String name) throws IOException {
            FileTemplateLoader loader = delegate();
            return loader == null ? null : loader.findTemplateSource(name);
        }

        @Override
        public long getLastModified(Object source) {
            return delegate.getLastModified(source);
        }

        @Override
        public java.io.Reader getReader(Object source, String encoding) throws IOException {
            return delegate.getReader(source, encoding);
        }

        @Override
        public void closeTemplateSource(Object source) throws IOException {
            delegate.closeTemplateSource(source);
        }
    }

    private static String location(String name, Integer line, Integer column) {
        return name + ":" + (line == null ? "?" : line) + ":" + (column == null ? "?" : column);
    }
}
