package io.paperwire.app;

import io.paperwire.archive.ArchiveRebuilder;
import io.paperwire.archive.EditorPreview;
import io.paperwire.archive.IssueStore;
import io.paperwire.archive.PaperVectors;
import io.paperwire.archive.PublishStage;
import io.paperwire.archive.RoundupStore;
import io.paperwire.archive.SiteBuilder;
import io.paperwire.archive.SiteEndpoint;
import io.paperwire.archive.WebHeaderFilter;
import io.paperwire.deliver.BounceReports;
import io.paperwire.deliver.ComplaintReports;
import io.paperwire.deliver.DeliverStage;
import io.paperwire.deliver.DeliveryLog;
import io.paperwire.deliver.MessageFactory;
import io.paperwire.deliver.OutboxMailer;
import io.paperwire.deliver.PersonalEditions;
import io.paperwire.personalise.PersonaliseStage;
import io.paperwire.personalise.ReaderProfiles;
import io.paperwire.personalise.StoredPicks;
import io.paperwire.deliver.SmtpMailer;
import io.paperwire.mail.Mailer;
import io.paperwire.ops.AdminApi;
import io.paperwire.ops.DeliveryRetry;
import io.paperwire.ops.HealthCheck;
import io.paperwire.ops.Operations;
import io.paperwire.ops.QuartzSetup;
import io.paperwire.render.PreviewWriter;
import io.paperwire.render.RenderStage;
import io.paperwire.render.TemplateEngine;
import io.paperwire.roundup.RoundupPublisher;
import io.paperwire.roundup.RoundupRenderer;
import io.paperwire.roundup.RoundupRetry;
import io.paperwire.roundup.RoundupSchedule;
import io.paperwire.roundup.RoundupStage;
import io.paperwire.roundup.RoundupWriter;
import io.paperwire.select.CandidateVectors;
import io.paperwire.select.LlmRelevanceRater;
import io.paperwire.select.MiniLmEmbedder;
import io.paperwire.select.RelevanceRater;
import io.paperwire.select.SelectStage;
import io.paperwire.settings.PaperwireSettings;
import io.paperwire.source.AnnouncementCapture;
import io.paperwire.source.LiveSources;
import io.paperwire.source.PaperStore;
import io.paperwire.source.SourceStage;
import io.paperwire.store.Database;
import io.paperwire.subscribers.ConfirmationMail;
import io.paperwire.subscribers.ListMailbox;
import io.paperwire.subscribers.PersonalTokens;
import io.paperwire.subscribers.PreferencesPages;
import io.paperwire.subscribers.PreferencesStore;
import io.paperwire.subscribers.ServerSecret;
import io.paperwire.subscribers.SubscribeRateLimit;
import io.paperwire.subscribers.SubscriberStore;
import io.paperwire.subscribers.SubscriptionPages;
import io.paperwire.subscribers.SubscriptionService;
import io.paperwire.subscribers.SubscriptionTokens;
import io.paperwire.summarize.ChatModels;
import io.paperwire.summarize.LlmCalls;
import io.paperwire.summarize.LlmUsage;
import io.paperwire.summarize.PromptTemplate;
import io.paperwire.summarize.SummarizeStage;
import io.paperwire.summarize.SummaryCache;

import java.time.Clock;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;

/**
 * The composition root: every store, stage, mailer and service of Paperwire is built here, once, from the
 * {@link Configuration}, when it is first asked for. {@link io.paperwire.app.PaperwireApplication} binds
 * {@link #routeBeans()} into Camel's registry under the names the routes use; commands that need no routes (the
 * subscriber list, an archive rebuild) ask for the part they need, so {@code subscribers list} opens the database and
 * nothing else. Closing releases what was built, in reverse order.
 */
public final class Components implements AutoCloseable {

    private final Configuration configuration;
    private final Clock clock;
    private final Deque<AutoCloseable> opened = new ArrayDeque<>();
    private final Map<String, Object> built = new LinkedHashMap<>();

    public Components(Configuration configuration) {
        this(configuration, Clock.systemUTC());
    }

    public Components(Configuration configuration, Clock clock) {
        this.configuration = configuration;
        this.clock = clock;
    }

    public Configuration configuration() {
        return configuration;
    }

    public PaperwireSettings settings() {
        return configuration.settings();
    }

    @SuppressWarnings("unchecked")
    private synchronized <T> T once(String name, Supplier<T> build) {
        Object existing = built.get(name);
        if (existing == null) {
            existing = build.get();
            built.put(name, existing);
            if (existing instanceof AutoCloseable closeable) {
                opened.push(closeable);
            }
        }
        return (T) existing;
    }

    // --- below the stages ---------------------------------------------------------------------------------------

    public Database database() {
        return once("database", () -> Database.open(settings().db(), settings().dataDir()));
    }

    /** The templates (editor folder over the bundled ones), every one checked, so a broken one stops the start. */
    public TemplateEngine templates() {
        return once("templates", () -> {
            TemplateEngine templates = new TemplateEngine(settings().home().resolve("templates"));
            Stream.of(RenderStage.TEMPLATES.stream(), SiteBuilder.TEMPLATES.stream(), RoundupRenderer.TEMPLATES.stream(),
                            PersonalEditions.TEMPLATES.stream(), PreferencesPages.TEMPLATES.stream(),
                            Stream.of(ConfirmationMail.HTML, ConfirmationMail.TEXT, SubscriptionPages.SUBSCRIBE,
                                    SubscriptionPages.CONFIRM, SubscriptionPages.UNSUBSCRIBE, SiteEndpoint.NOT_FOUND))
                    .flatMap(s -> s).forEach(templates::check);
            SiteBuilder.ASSETS.forEach(templates::raw);
            return templates;
        });
    }

    /** SMTP when a host is configured, else the outbox of {@code .eml} files. */
    public Mailer mailer() {
        return once("mailer", () -> settings().smtp().enabled()
                ? new SmtpMailer(settings().smtp(), configuration.delivery())
                : new OutboxMailer(settings().outDir().resolve("outbox")));
    }

    public SubscriberStore subscriberStore() {
        return once("subscriberStore", () -> new SubscriberStore(database()));
    }

    public IssueStore issueStore() {
        return once("issueStore", () -> new IssueStore(database()));
    }

    public RoundupStore roundupStore() {
        return once("roundupStore", () -> new RoundupStore(database()));
    }

    public DeliveryLog deliveryLog() {
        return once("deliveryLog", () -> new DeliveryLog(database(), settings().dataDir()));
    }

    public SubscriptionTokens tokens() {
        return once("tokens", () -> new SubscriptionTokens(ServerSecret.load(settings()), clock));
    }

    public PersonalTokens personalTokens() {
        return once("personalTokens", () -> new PersonalTokens(tokens()));
    }

    public PreferencesStore preferencesStore() {
        return once("preferencesStore", () -> new PreferencesStore(database()));
    }

    /** The week's candidate vectors (all-MiniLM-L6-v2), embedded once per week for personal picks. */
    public CandidateVectors candidateVectors() {
        return once("candidateVectors", () -> new CandidateVectors(database(), MiniLmEmbedder::shared,
                configuration.personal().enabled()));
    }

    // --- the stages, in the order of the pipeline ---------------------------------------------------------------

    public LiveSources liveSources() {
        return once("liveSources", () -> new LiveSources(settings(), configuration.source(), clock));
    }

    public SourceStage sources() {
        return once("sources", () -> new SourceStage(liveSources()));
    }

    public AnnouncementCapture announcements() {
        return once("announcements", () -> new AnnouncementCapture(liveSources().announcementFeed()));
    }

    public SelectStage selector() {
        return once("selector", () -> new SelectStage(configuration.selection(),
                configuration.selection().llmRatingTop() > 0 && configuration.llm().usesLlm()
                        ? new LlmRelevanceRater(ChatModels.chatModel(configuration.llm())) : RelevanceRater.NONE));
    }

    public SummarizeStage summarizer() {
        return once("summarizer", () -> new SummarizeStage(
                ChatModels.summarizer(configuration.llm(), settings().home().resolve("templates")),
                new SummaryCache(database()), configuration.llm().usesLlm() ? configuration.llm().concurrency() : 1,
                () -> LlmUsage.of(configuration.llm())));
    }

    public RenderStage renderer() {
        return once("renderer", () -> new RenderStage(templates(), settings(),
                selection -> issueStore().nextEdition(selection.request().week(), selection.request().force()), clock));
    }

    /** The archive, keeping the published roundups through every build of the issues. */
    public SiteBuilder siteBuilder() {
        return once("siteBuilder", () -> new SiteBuilder(templates(), settings(), settings().outDir().resolve("site"),
                paperVectors(), roundupStore()::all));
    }

    /** Each archived paper's embedding, kept in the database; the model is loaded only when one is missing. */
    public PaperVectors paperVectors() {
        return once("paperVectors", () -> PaperVectors.stored(database(), MiniLmEmbedder::shared));
    }

    public PublishStage publisher() {
        return once("publisher", () -> new PublishStage(database(), issueStore(), siteBuilder()));
    }

    public ArchiveRebuilder archiveRebuilder() {
        return once("archiveRebuilder", () -> new ArchiveRebuilder(issueStore(), siteBuilder()));
    }

    /** The editor's preview of a stored issue, rendered with the current templates (as edition 1). */
    public EditorPreview editorPreview() {
        return once("editorPreview", () -> new EditorPreview(templates(), settings(), issueStore(),
                new RenderStage(templates(), settings(), selection -> 1, clock), paperVectors(), roundupStore()::all));
    }

    public DeliverStage deliverer() {
        return once("deliverer", () -> new DeliverStage(subscriberStore(), deliveryLog(),
                new MessageFactory(settings(), tokens()), mailer(), configuration.delivery(), personalEditions()));
    }

    /** Each subscriber's own parts of an issue: "For you" picks, preferences and feedback links, the short form. */
    public PersonalEditions personalEditions() {
        return once("personalEditions", () -> new PersonalEditions(preferencesStore(), personalTokens(),
                personaliser(), templates(), renderer()::renderShortEmail, settings().site().baseUrl().toString()));
    }

    /** Ranks and stores every reader's picks of an issue before it is mailed. */
    public PersonaliseStage personaliser() {
        return once("personaliser", () -> new PersonaliseStage(subscriberStore(), preferencesStore(),
                candidateVectors(), configuration.personal(), new ReaderProfiles(configuration.personal(),
                new ReaderProfiles.DefaultInterests(configuration.selection().categories(),
                        configuration.selection().keywords(), configuration.selection().authors())),
                new StoredPicks(database())));
    }

    // --- roundups: above the stages they use (archive, summarize's LLM machinery, render, deliver) ---------------

    /** The roundups' text: by the configured LLM with the editor's prompt (checked now), else composed. */
    public RoundupWriter roundupWriter() {
        return once("roundupWriter", () -> configuration.llm().usesLlm()
                ? RoundupWriter.withLlm(LlmCalls.of(configuration.llm()),
                        PromptTemplate.load(settings().home().resolve("templates"), RoundupWriter.PROMPT), database(),
                        configuration.llm().maxOutputTokens(), () -> LlmUsage.of(configuration.llm()))
                : RoundupWriter.composed());
    }

    /** The steps of routes/roundup.camel.yaml (bean {@code roundups}). */
    public RoundupStage roundups() {
        return once("roundups", () -> {
            PaperStore papers = new PaperStore(database());
            RoundupPublisher publisher = new RoundupPublisher(database(), issueStore(), roundupStore(), siteBuilder(),
                    new SiteBuilder(templates(), settings(), settings().outDir().resolve("preview/site"), paperVectors(),
                            roundupStore()::all),
                    settings().outDir().resolve("preview"));
            String base = settings().site().baseUrl().toString().replaceAll("/+$", "");
            return new RoundupStage(new RoundupStage.Parts(issueStore(), roundupStore(), papers::latest,
                    configuration.selection().overrides(), configuration.roundup(), roundupWriter(),
                    new RoundupRenderer(templates(), settings()), publisher, deliverer(), settings().site().title(),
                    base + "/unsubscribe?token=preview"), clock);
        });
    }

    // --- subscriptions and operations ---------------------------------------------------------------------------

    public SubscriptionService subscriptions() {
        return once("subscriptions", () -> new SubscriptionService(subscriberStore(), tokens(),
                new ConfirmationMail(templates(), settings()), mailer(),
                new SubscribeRateLimit(configuration.subscribe().perIpPerHour(), clock), settings().site().baseUrl(),
                configuration.subscribe().confirmFor(), clock));
    }

    public ListMailbox listMailbox() {
        return once("listMailbox", () -> {
            BounceReports bounces = new BounceReports(tokens());
            ComplaintReports complaints = new ComplaintReports(tokens());
            return new ListMailbox(configuration.listMailbox(), subscriptions()::unsubscribe,
                    report -> bounces.record(report, deliveryLog()) || complaints.record(report, subscriberStore()));
        });
    }

    /** The run log, stage timings, alerts, schedule and the service endpoints' beans. */
    public Operations operations() {
        return once("operations", () -> new Operations(settings(), database(), mailer()));
    }

    /** The beans of runs that every mode binds: the run steps (bean {@code runs}) and the stages' timer. */
    public Map<String, Object> runBeans() {
        Map<String, Object> beans = new LinkedHashMap<>();
        beans.put("runs", operations().runSteps());
        beans.put("stageRecorder", operations().stageRecorder());
        return beans;
    }

    /** What only {@code serve} binds: the schedule, the admin API, health, metrics, delivery retries, Quartz. */
    public Map<String, Object> serviceBeans() {
        Operations ops = operations();
        Map<String, Object> beans = new LinkedHashMap<>();
        beans.put("schedule", ops.schedule());
        beans.put("adminApi", new AdminApi(settings().ops().adminToken(), ops.runService(), clock));
        beans.put("health", new HealthCheck(database(), settings().smtp(), ops.runs()));
        beans.put("metrics", ops.metrics());
        beans.put("deliveryRetry", new DeliveryRetry(ops.runs(), ops.runService(), configuration.delivery().retryEvery(),
                configuration.delivery().retryFor(), clock));
        beans.put("quartz", QuartzSetup.component(database(), settings().ops().nodeId()));
        beans.put("roundupSchedule", new RoundupSchedule(clock, settings().ops().schedule().timeZone()));
        beans.put("roundupRetry", new RoundupRetry(roundupStore(), deliveryLog(), roundups(),
                configuration.delivery().retryEvery(), configuration.delivery().retryFor(), clock));
        return beans;
    }

    /** The beans the pipeline's routes call, by the names the routes use. */
    public Map<String, Object> routeBeans() {
        Map<String, Object> beans = new LinkedHashMap<>();
        beans.put("sources", sources());
        beans.put("announcements", announcements());
        beans.put("papers", new PaperStore(database()));
        beans.put("candidateVectors", candidateVectors());
        beans.put("selector", selector());
        beans.put("summarizer", summarizer());
        beans.put("renderer", renderer());
        beans.put("previewer", new PreviewWriter(settings().outDir().resolve("preview"),
                settings().site().baseUrl().toString().replaceAll("/+$", "") + "/unsubscribe?token=preview"));
        beans.put("publisher", publisher());
        beans.put("personaliser", personaliser());
        beans.put("deliverer", deliverer());
        beans.put("roundups", roundups());
        beans.put("subscriptionPages", new SubscriptionPages(subscriptions(), templates(), settings()));
        beans.put("preferencesPages", new PreferencesPages(subscriberStore(), preferencesStore(), personalTokens(),
                templates(), settings()));
        beans.put("site", new SiteEndpoint(settings().outDir().resolve("site"), templates(), settings()));
        beans.put("webHeaders", new WebHeaderFilter());
        beans.put("listMailbox", listMailbox());
        return beans;
    }

    /** Closes what was built, the last first (the database after everything that uses it). */
    @Override
    public synchronized void close() {
        while (!opened.isEmpty()) {
            try {
                opened.pop().close();
            } catch (Exception ignored) {
                // Closing is best effort; the next ones (the database last) are closed regardless.
            }
        }
        built.clear();
    }
}
