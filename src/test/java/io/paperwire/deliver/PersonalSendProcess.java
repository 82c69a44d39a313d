package io.paperwire.deliver;

import io.paperwire.archive.IssueStore;
import io.paperwire.mail.Mailer;
import io.paperwire.paper.RenderedIssue;
import io.paperwire.paper.RunRequest;
import io.paperwire.render.RenderStage;
import io.paperwire.render.TemplateEngine;
import io.paperwire.select.CandidateVectors;
import io.paperwire.personalise.PersonaliseStage;
import io.paperwire.personalise.ReaderProfiles;
import io.paperwire.personalise.StoredPicks;
import io.paperwire.select.personal.PersonalSettings;
import io.paperwire.subscribers.PersonalTokens;
import io.paperwire.subscribers.PreferencesStore;
import io.paperwire.subscribers.Subscriber;
import io.paperwire.subscribers.SubscriberStore;

import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The personal-picks benchmark's worker, in its own JVM: on a home prepared by {@link PersonalWeek}, either ranks
 * every reader once ({@code rank}: prints {@code RANKED <readers> IN <ms> HEAP <peak MB> LIVE <MB after GC>}) or runs
 * the whole deliver stage of the week's issue to the SMTP port given, with ({@code personal}) or without
 * ({@code shared}) the personal parts (prints {@code SENT <n> IN <ms> HEAP <peak MB> BYTES <message bytes>
 * PERSONALISED <ms ranking and storing the picks first> LIVE <most MB in use after a collection (young ones
 * included, so old garbage counts)> CPU <ms of CPU the process used while delivering>}).
 *
 * <p>Arguments: {@code HOME SMTP_PORT WORKERS rank|personal|shared [warm]}; {@code warm} sends the issue once, untimed,
 * then times the send of its next edition, as in a {@code serve} process that has sent a week before.
 */
public final class PersonalSendProcess {

    public static void main(String[] args) throws Exception {
        samplePeakHeap();
        Path home = Path.of(args[0]);
        int port = Integer.parseInt(args[1]);
        int workers = Integer.parseInt(args[2]);
        String mode = args[3];
        boolean warm = args.length > 4 && args[4].equals("warm");
        DeliverySettings delivery = DeliverySettings.defaults().withConcurrency(workers)
                .withRetries(3, Duration.ofMillis(50), 50).withTimeout(Duration.ofSeconds(120));
        try (DeliveryFixture fixture = new DeliveryFixture(home, Map.of());
             Mailer mailer = fixture.smtp(port, delivery)) {
            TemplateEngine templates = new TemplateEngine(Path.of("no-editor-templates"));
            RenderStage renderer = new RenderStage(templates, fixture.settings, selection -> 1, Clock.systemUTC());
            PreferencesStore preferences = new PreferencesStore(fixture.database);
            SubscriberStore subscribers = new SubscriberStore(fixture.database);
            PersonalSettings settings = new PersonalSettings(true, 3);
            PersonaliseStage personaliser = new PersonaliseStage(subscribers, preferences,
                    new CandidateVectors(fixture.database, () -> null, true), settings, new ReaderProfiles(settings,
                    new ReaderProfiles.DefaultInterests(List.of("cs.CL", "cs.LG"), List.of("language model"), List.of())),
                    new StoredPicks(fixture.database));
            PersonalEditions editions = new PersonalEditions(preferences, new PersonalTokens(fixture.tokens),
                    personaliser, templates, renderer::renderShortEmail, fixture.settings.site().baseUrl().toString());
            RenderedIssue issue = new IssueStore(fixture.database).latest(RunRequest.of(DeliveryFixture.WEEK)).orElseThrow();
            if (mode.equals("rank")) {
                com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                        ManagementFactory.getOperatingSystemMXBean();
                long cpuBefore = os.getProcessCpuTime();
                long start = System.nanoTime();
                int readers = personaliser.rank(issue, subscribers.inState(Subscriber.State.ACTIVE)).size();
                long millis = (System.nanoTime() - start) / 1_000_000;
                long cpuMillis = (os.getProcessCpuTime() - cpuBefore) / 1_000_000;
                long peak = peakHeapMb();
                System.gc();
                long live = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed() / (1024 * 1024);
                System.out.println("RANKED " + readers + " IN " + millis + " HEAP " + peak + " LIVE " + live + " CPU "
                        + cpuMillis);
            } else {
                MessageFactory messages = new MessageFactory(fixture.settings, fixture.tokens);
                DeliverStage stage = new DeliverStage(new SubscriberStore(fixture.database),
                        new DeliveryLog(fixture.database, fixture.settings.dataDir()), messages, mailer, delivery,
                        mode.equals("personal") ? editions : PersonalParts.NONE);
                if (warm) {
                    // As in serve, whose JVM has sent a week's issue before: the same work once, untimed, then
                    // the timed send of a new edition.
                    if (mode.equals("personal")) {
                        personaliser.personalise(issue);
                    }
                    stage.deliver(issue);
                    issue = nextEdition(fixture, issue);
                    PEAK.set(0);
                    PEAK_LIVE.set(0);
                }
                long ranking = System.nanoTime();
                if (mode.equals("personal")) {
                    personaliser.personalise(issue);
                }
                com.sun.management.OperatingSystemMXBean os = (com.sun.management.OperatingSystemMXBean)
                        ManagementFactory.getOperatingSystemMXBean();
                long cpuBefore = os.getProcessCpuTime();
                long start = System.nanoTime();
                int sent = stage.deliver(issue).sent();
                long millis = (System.nanoTime() - start) / 1_000_000;
                long cpuMillis = (os.getProcessCpuTime() - cpuBefore) / 1_000_000;
                long rankMillis = (start - ranking) / 1_000_000;
                int bytes = size(messages.forIssue(issue, mode.equals("personal") ? editions.prepare(issue)
                        : PersonalParts.ForIssue.NONE).to(fixture.subscriber(1)));
                System.out.println("SENT " + sent + " IN " + millis + " HEAP " + peakHeapMb() + " BYTES " + bytes
                        + " PERSONALISED " + rankMillis + " LIVE " + PEAK_LIVE.get() / (1024 * 1024) + " CPU " + cpuMillis);
            }
        }
        System.exit(0);
    }

    /** The issue again as its next edition, published (a send per edition: the delivery log sends each once). */
    private static RenderedIssue nextEdition(DeliveryFixture fixture, RenderedIssue issue) {
        io.paperwire.paper.Issue next = new io.paperwire.paper.Issue(issue.issue().week(), issue.issue().edition() + 1,
                issue.issue().title(), java.time.Instant.now(), issue.issue().sections());
        RenderedIssue draft = new RenderedIssue(issue.request(), 0, next, issue.subject(), issue.html(), issue.text());
        long id = fixture.database.inTransaction(c -> new IssueStore(fixture.database).insert(c, draft));
        return new RenderedIssue(draft.request(), id, next, draft.subject(), draft.html(), draft.text());
    }

    private static final java.util.concurrent.atomic.AtomicLong PEAK = new java.util.concurrent.atomic.AtomicLong();

    /**
     * The most heap in use at once, sampled every 5 ms from the start (the sum of each pool's own peak would count
     * the young generation's peak and the old one's as if they came at the same time).
     */
    private static void samplePeakHeap() {
        Thread sampler = new Thread(() -> {
            java.lang.management.MemoryMXBean memory = ManagementFactory.getMemoryMXBean();
            while (true) {
                PEAK.accumulateAndGet(memory.getHeapMemoryUsage().getUsed(), Math::max);
                try {
                    Thread.sleep(5);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }, "peak-heap");
        sampler.setDaemon(true);
        sampler.start();
        for (java.lang.management.GarbageCollectorMXBean gc : ManagementFactory.getGarbageCollectorMXBeans()) {
            ((javax.management.NotificationEmitter) gc).addNotificationListener((notification, handback) -> {
                com.sun.management.GcInfo info = com.sun.management.GarbageCollectionNotificationInfo
                        .from((javax.management.openmbean.CompositeData) notification.getUserData()).getGcInfo();
                long live = info.getMemoryUsageAfterGc().entrySet().stream()
                        .filter(e -> HEAP_POOLS.contains(e.getKey()))
                        .mapToLong(e -> e.getValue().getUsed()).sum();
                PEAK_LIVE.accumulateAndGet(live, Math::max);
            }, null, null);
        }
    }

    private static final java.util.Set<String> HEAP_POOLS = ManagementFactory.getMemoryPoolMXBeans().stream()
            .filter(pool -> pool.getType() == java.lang.management.MemoryType.HEAP)
            .map(java.lang.management.MemoryPoolMXBean::getName).collect(java.util.stream.Collectors.toSet());
    private static final java.util.concurrent.atomic.AtomicLong PEAK_LIVE = new java.util.concurrent.atomic.AtomicLong();

    private static long peakHeapMb() {
        return PEAK.get() / (1024 * 1024);
    }

    private static int size(jakarta.mail.internet.MimeMessage message) throws Exception {
        java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
        message.writeTo(out);
        return out.size();
    }
}
