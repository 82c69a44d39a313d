package io.paperwire;

import io.paperwire.archive.IssueStore;
import io.paperwire.archive.PublishStage;
import io.paperwire.archive.SiteBuilder;
import io.paperwire.archive.SiteEndpoint;
import io.paperwire.archive.WebHeaderFilter;
import io.paperwire.deliver.BounceReports;
import io.paperwire.deliver.ComplaintReports;
import io.paperwire.deliver.DeliverStage;
import io.paperwire.deliver.DeliveryLog;
import io.paperwire.deliver.DeliverySettings;
import io.paperwire.deliver.Mailer;
import io.paperwire.deliver.MessageFactory;
import io.paperwire.deliver.OutboxMailer;
import io.paperwire.deliver.SmtpMailer;
import io.paperwire.ops.Operations;
import io.paperwire.paper.RunRequest;
import io.paperwire.render.PreviewWriter;
import io.paperwire.render.RenderStage;
import io.paperwire.render.TemplateEngine;
import io.paperwire.select.SelectStage;
import io.paperwire.source.AnnouncementCapture;
import io.paperwire.source.LiveSources;
import io.paperwire.source.PaperStore;
import io.paperwire.select.SelectionSettings;
import io.paperwire.select.LlmRelevanceRater;
import io.paperwire.select.RelevanceRater;
import io.paperwire.source.SourceStage;
import io.paperwire.store.Database;
import io.paperwire.subscribers.ConfirmationMail;
import io.paperwire.subscribers.ServerSecret;
import io.paperwire.subscribers.SubscribeRateLimit;
import io.paperwire.subscribers.SubscriberStore;
import io.paperwire.subscribers.SubscriptionPages;
import io.paperwire.subscribers.SubscriptionService;
import io.paperwire.subscribers.ListMailbox;
import io.paperwire.subscribers.SubscriptionTokens;
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
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * Builds every stage from the settings, binds them into Camel's registry under the names the routes use, and runs
 * the routes with Camel Main. Routes come from {@code routes/} in the home folder when it exists, otherwise from
 * the copies bundled in the jar.
 */
public final class PaperwireApplication implements AutoCloseable {

    /** What {@code serve} adds to the pipeline's {@code routes/*.camel.yaml}: schedule and web endpoints. */
    static final String SERVE_FOLDER = "serve";

    private final PaperwireSettings settings;
    private final Database database;
    private final TemplateEngine templates;
    private final Mailer mailer;
    private final DeliverySettings delivery;
    private final Main main = new Main();
    private final SourceStage sources;
    private final AnnouncementCapture announcements;
    private final Operations operations;
    private ProducerTemplate producer;

    public enum Mode { RUN_ONCE, SERVE }

    public PaperwireApplication(PaperwireSettings settings) {
        this(settings, Mode.RUN_ONCE);
    }

    public PaperwireApplication(PaperwireSettings settings, Mode mode) {
        this.settings = settings;
        // First, so that bad source settings stop the start before the database is opened.
        LiveSources live = new LiveSources(settings);
        this.sources = new SourceStage(live);
        this.announcements = new AnnouncementCapture(live.announcementFeed());
        this.database = Database.open(settings.db(), settings.dataDir());
        this.templates = new TemplateEngine(settings.home().resolve("templates"));
        this.delivery = DeliverySettings.from(settings);
        this.mailer = settings.smtp().enabled() ? new SmtpMailer(settings.smtp(), delivery)
                : new OutboxMailer(settings.outDir().resolve("outbox"));
        // Templates are checked now, so a broken one stops the process before anything is published or sent.
        for (String template : Stream.of(RenderStage.TEMPLATES.stream(), SiteBuilder.TEMPLATES.stream(),
                Stream.of(ConfirmationMail.HTML, ConfirmationMail.TEXT, SubscriptionPages.SUBSCRIBE,
                        SubscriptionPages.CONFIRM, SubscriptionPages.UNSUBSCRIBE, SiteEndpoint.NOT_FOUND)).flatMap(s -> s).toList()) {
            templates.check(template);
        }
        SiteBuilder.ASSETS.forEach(templates::raw);
        bindStages();
        // Operations: run log, stage timings, alerts; with serve also schedule, admin API, health and metrics.
        this.operations = new Operations(settings, database, mailer);
        operations.bindTo(main, mode == Mode.SERVE);
        main.configure().withRoutesIncludePattern(String.join(",", routeFiles(mode)));
        main.configure().withName("paperwire");
        if (mode == Mode.SERVE) {
            main.configure().httpServer().withEnabled(true).withPort(settings.http().port());
        }
        // Override, not initial: Camel Main also reads the bundled application.properties, which must not win over
        // paperwire.properties and --set (both already merged into the settings).
        main.setOverrideProperties(settings.asProperties());
    }

    /** The pipeline's route files, plus {@code serve/} for serve: from {@code routes/} in the home folder, else the jar. */
    private List<String> routeFiles(Mode mode) {
        Path editorRoutes = settings.home().resolve("routes");
        List<String> files = new ArrayList<>();
        if (Files.isDirectory(editorRoutes)) {
            files.addAll(RouteFiles.inDirectory(editorRoutes));
            if (mode == Mode.SERVE) {
                files.addAll(RouteFiles.inDirectory(editorRoutes.resolve(SERVE_FOLDER)));
            }
        } else {
            files.addAll(RouteFiles.onClasspath("routes"));
            if (mode == Mode.SERVE) {
                files.addAll(RouteFiles.onClasspath("routes/" + SERVE_FOLDER));
            }
        }
        return files;
    }

    public AnnouncementCapture announcements() {
        return announcements;
    }

    public Database database() {
        return database;
    }

    public PaperwireSettings settings() {
        return settings;
    }

    /** The templates (editor folder over bundled defaults), as every stage renders them. */
    public TemplateEngine templates() {
        return templates;
    }

    /** The run log, run service and metrics (for {@code approve} and the tests). */
    public Operations operations() {
        return operations;
    }

    private void bindStages() {
        IssueStore issues = new IssueStore(database);
        SubscriberStore subscribers = new SubscriberStore(database);
        LlmSettings llm = LlmSettings.from(settings);
        Summarizer summarizer = ChatModels.summarizer(llm, settings.home().resolve("templates"));
        main.bind("sources", sources);
        main.bind("announcements", announcements);
        main.bind("papers", new PaperStore(database));
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
        main.bind("site", new SiteEndpoint(settings.outDir().resolve("site"), templates, settings));
        main.bind("webHeaders", new WebHeaderFilter());
        // Delivery and subscriptions (issue 6).
        SubscriptionTokens tokens = new SubscriptionTokens(ServerSecret.load(settings), Clock.systemUTC());
        DeliveryLog deliveries = new DeliveryLog(database);
        main.bind("deliverer", new DeliverStage(subscribers, deliveries, new MessageFactory(settings, tokens), mailer,
                delivery));
        SettingsReader read = new SettingsReader(settings.values());
        int subscribesPerHour = read.integer("paperwire.subscribe.per-ip-per-hour", 1, 1_000_000);
        int confirmHours = read.integer("paperwire.subscribe.confirm-hours", 1, 24 * 365);
        read.throwIfInvalid();
        SubscriptionService subscriptions = new SubscriptionService(subscribers, tokens,
                new ConfirmationMail(templates, settings), mailer,
                new SubscribeRateLimit(subscribesPerHour, Clock.systemUTC()), settings.site().baseUrl(),
                Duration.ofHours(confirmHours), Clock.systemUTC());
        main.bind("subscriptionPages", new SubscriptionPages(subscriptions, templates, settings));
        BounceReports bounces = new BounceReports(tokens);
        ComplaintReports complaints = new ComplaintReports(tokens);
        main.bind("listMailbox", new ListMailbox(ListMailbox.Settings.from(settings), subscriptions::unsubscribe,
                report -> bounces.record(report, deliveries) || complaints.record(report, subscribers)));
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
        operations.close();
        mailer.close();
        database.close();
    }
}
