package io.paperwire;

import io.paperwire.archive.IssueStore;
import io.paperwire.archive.PublishStage;
import io.paperwire.archive.SiteBuilder;
import io.paperwire.deliver.DeliverStage;
import io.paperwire.deliver.DeliveryLog;
import io.paperwire.deliver.Mailer;
import io.paperwire.deliver.MessageFactory;
import io.paperwire.deliver.OutboxMailer;
import io.paperwire.deliver.SmtpMailer;
import io.paperwire.ops.RunLog;
import io.paperwire.paper.RunRequest;
import io.paperwire.render.PreviewWriter;
import io.paperwire.render.RenderStage;
import io.paperwire.render.TemplateEngine;
import io.paperwire.select.SelectStage;
import io.paperwire.select.SelectionSettings;
import io.paperwire.select.LlmRelevanceRater;
import io.paperwire.select.RelevanceRater;
import io.paperwire.source.ArxivApiSource;
import io.paperwire.source.HttpFetcher;
import io.paperwire.source.HuggingFaceSource;
import io.paperwire.source.JdkHttpFetcher;
import io.paperwire.source.SampleFetcher;
import io.paperwire.source.SourceStage;
import io.paperwire.store.Database;
import io.paperwire.subscribers.SubscriberStore;
import io.paperwire.summarize.ChatModels;
import io.paperwire.summarize.LlmSettings;
import io.paperwire.summarize.LlmUsage;
import io.paperwire.summarize.SummarizeStage;
import io.paperwire.summarize.Summarizer;
import io.paperwire.summarize.SummaryCache;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.Main;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

/**
 * Builds every stage from the settings, binds them into Camel's registry under the names the routes use, and runs
 * the routes with Camel Main. Routes come from {@code routes/} in the home folder when it exists, otherwise from
 * the copies bundled in the jar.
 */
public final class PaperwireApplication implements AutoCloseable {

    /** The pipeline, one file per stage, used by every command. */
    static final String PIPELINE_ROUTES = "*.camel.yaml";
    /** What {@code serve} adds: schedule and web endpoints. */
    static final String SERVE_ROUTES = "serve/*.camel.yaml";

    private final PaperwireSettings settings;
    private final Database database;
    private final TemplateEngine templates;
    private final Mailer mailer;
    private final Main main = new Main();
    private ProducerTemplate producer;

    public enum Mode { RUN_ONCE, SERVE }

    public PaperwireApplication(PaperwireSettings settings) {
        this(settings, Mode.RUN_ONCE);
    }

    public PaperwireApplication(PaperwireSettings settings, Mode mode) {
        this.settings = settings;
        this.database = Database.open(settings.db(), settings.dataDir());
        this.templates = new TemplateEngine(settings.home().resolve("templates"));
        this.mailer = settings.smtp().enabled() ? new SmtpMailer(settings.smtp())
                : new OutboxMailer(settings.outDir().resolve("outbox"));
        for (String template : List.of(RenderStage.EMAIL_HTML, RenderStage.EMAIL_TEXT, SiteBuilder.INDEX,
                SiteBuilder.ISSUE, SiteBuilder.FEED)) {
            templates.check(template);
        }
        bindStages();
        Path editorRoutes = settings.home().resolve("routes");
        String routes = Files.isDirectory(editorRoutes) ? "file:" + editorRoutes.toAbsolutePath() + "/" : "classpath:routes/";
        main.configure().withRoutesIncludePattern(mode == Mode.SERVE
                ? routes + PIPELINE_ROUTES + "," + routes + SERVE_ROUTES : routes + PIPELINE_ROUTES);
        main.configure().withName("paperwire");
        if (mode == Mode.SERVE) {
            main.configure().httpServer().withEnabled(true).withPort(settings.http().port());
        }
        main.setInitialProperties(settings.asProperties());
    }

    public Database database() {
        return database;
    }

    public PaperwireSettings settings() {
        return settings;
    }

    private void bindStages() {
        IssueStore issues = new IssueStore(database);
        SubscriberStore subscribers = new SubscriberStore(database);
        LlmSettings llm = LlmSettings.from(settings);
        Summarizer summarizer = ChatModels.summarizer(llm, settings.home().resolve("templates"));
        main.bind("runs", new RunLog(database));
        main.bind("sources", new SourceStage(new SourceStage.Sources() {
            @Override
            public ArxivApiSource arxiv(RunRequest request) {
                return request.sample()
                        ? new ArxivApiSource(new SampleFetcher(), settings.arxiv(), Duration.ZERO)
                        : new ArxivApiSource(liveFetcher(), settings.arxiv(), settings.arxiv().delay());
            }

            @Override
            public HuggingFaceSource huggingFace(RunRequest request) {
                return new HuggingFaceSource(request.sample() ? new SampleFetcher() : liveFetcher(), settings.hf());
            }
        }));
        SelectionSettings selecting = SelectionSettings.from(settings);
        main.bind("selector", new SelectStage(selecting, selecting.llmRatingTop() > 0 && llm.usesLlm()
                ? new LlmRelevanceRater(ChatModels.chatModel(llm)) : RelevanceRater.NONE));
        main.bind("summarizer", new SummarizeStage(summarizer, new SummaryCache(database),
                llm.usesLlm() ? llm.concurrency() : 1, () -> LlmUsage.of(llm)));
        main.bind("renderer", new RenderStage(templates, settings,
                selection -> issues.nextEdition(selection.request().week(), selection.request().force()),
                Clock.systemUTC()));
        main.bind("previewer", new PreviewWriter(settings.outDir().resolve("preview")));
        main.bind("publisher", new PublishStage(database, issues, new SiteBuilder(templates, settings)));
        main.bind("deliverer", new DeliverStage(subscribers, new DeliveryLog(database), new MessageFactory(settings),
                mailer));
    }

    private HttpFetcher liveFetcher() {
        return new JdkHttpFetcher(settings.http().userAgent(), settings.http().timeout());
    }

    public void start() {
        try {
            main.start();
        } catch (Exception e) {
            throw new IllegalStateException("Camel did not start: " + e.getMessage(), e);
        }
        producer = main.getCamelContext().createProducerTemplate();
    }

    /**
     * Runs the pipeline once for this request and returns the last stage's result (a delivery report, or a preview
     * for a dry run).
     *
     * @throws RuntimeException the stage's own exception (source, template, database …), unwrapped from Camel's
     */
    public Object run(RunRequest request) {
        try {
            return producer.requestBody("direct:run", request);
        } catch (CamelExecutionException e) {
            Throwable cause = e.getCause() == null ? e : e.getCause();
            throw cause instanceof RuntimeException runtime ? runtime : new IllegalStateException(cause.getMessage(), cause);
        }
    }

    /** Blocks until the process is asked to stop (Ctrl-C, SIGTERM). */
    public void serve() throws Exception {
        main.run();
    }

    /** Ends {@link #serve()} as a signal would. */
    public void stopServing() {
        main.completed();
    }

    @Override
    public void close() {
        try {
            main.stop();
        } catch (Exception ignored) {
            // Stopping is best effort; the database below is closed regardless.
        }
        mailer.close();
        database.close();
    }
}
