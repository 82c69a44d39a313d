package io.paperwire.app;

import io.paperwire.app.Components;
import io.paperwire.app.Configuration;
import io.paperwire.ops.Operations;
import io.paperwire.paper.RunRequest;
import io.paperwire.render.TemplateEngine;
import io.paperwire.roundup.RoundupReport;
import io.paperwire.roundup.RoundupRequest;
import io.paperwire.settings.PaperwireSettings;
import io.paperwire.source.AnnouncementCapture;
import io.paperwire.store.Database;
import org.apache.camel.CamelExecutionException;
import org.apache.camel.ProducerTemplate;
import org.apache.camel.main.BaseMainSupport;
import org.apache.camel.main.Main;
import org.apache.camel.main.MainListenerSupport;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Runs Paperwire's routes with Camel Main: binds the beans of {@link Components} into Camel's registry under the names
 * the routes use, and loads the routes from {@code routes/} in the home folder when it exists, otherwise the copies
 * bundled in the jar. {@code serve} adds the routes of {@code routes/serve/}: schedule and web endpoints.
 */
public final class PaperwireApplication implements AutoCloseable {

    /** What {@code serve} adds to the pipeline's {@code routes/*.camel.yaml}: schedule and web endpoints. */
    static final String SERVE_FOLDER = "serve";

    private final Components components;
    private final boolean ownsComponents;
    private final Main main = new Main();
    private ProducerTemplate producer;

    public enum Mode { RUN_ONCE, SERVE }

    /** For settings already loaded (tests, tools): the stages' settings are read and checked now. */
    public PaperwireApplication(PaperwireSettings settings) {
        this(settings, Mode.RUN_ONCE);
    }

    public PaperwireApplication(PaperwireSettings settings, Mode mode) {
        this(new Components(Configuration.of(settings)), mode, true);
    }

    /** Builds its components from the configuration and closes them when it closes. */
    public PaperwireApplication(Configuration configuration, Mode mode) {
        this(new Components(configuration), mode, true);
    }

    /** Runs on components the caller built and closes; the application closes only Camel. */
    public PaperwireApplication(Components components, Mode mode) {
        this(components, mode, false);
    }

    private PaperwireApplication(Components components, Mode mode, boolean ownsComponents) {
        this.components = components;
        this.ownsComponents = ownsComponents;
        PaperwireSettings settings = components.settings();
        // Templates first: a broken one stops the process before anything is fetched, published or sent.
        components.templates();
        components.routeBeans().forEach(main::bind);
        components.runBeans().forEach(main::bind);
        components.operations().runService().attach(main::getCamelContext);
        if (mode == Mode.SERVE) {
            components.serviceBeans().forEach(main::bind);
            main.addMainListener(new MainListenerSupport() {
                @Override
                public void afterStart(BaseMainSupport support) {
                    components.operations().startServing();
                }
            });
        }
        main.configure().withRoutesIncludePattern(String.join(",", routeFiles(settings, mode)));
        main.configure().withName("paperwire");
        if (mode == Mode.SERVE) {
            main.configure().httpServer().withEnabled(true).withPort(settings.http().port());
        }
        // Override, not initial: Camel Main also reads the bundled application.properties, which must not win over
        // paperwire.properties and --set (both already merged into the settings).
        main.setOverrideProperties(settings.asProperties());
    }

    /** The pipeline's route files, plus {@code serve/} for serve: from {@code routes/} in the home folder, else the jar. */
    private static List<String> routeFiles(PaperwireSettings settings, Mode mode) {
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

    public Components components() {
        return components;
    }

    public AnnouncementCapture announcements() {
        return components.announcements();
    }

    public Database database() {
        return components.database();
    }

    public PaperwireSettings settings() {
        return components.settings();
    }

    /** The templates (editor folder over bundled defaults), as every stage renders them. */
    public TemplateEngine templates() {
        return components.templates();
    }

    /** The run log, run service and metrics (for {@code approve} and the tests). */
    public Operations operations() {
        return components.operations();
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
        return request("direct:run", request);
    }

    /**
     * Makes a roundup ({@code routes/roundup.camel.yaml}) and returns its report.
     *
     * @throws RuntimeException the step's own exception (no weekly issues, a period not over, a template …)
     */
    public RoundupReport roundup(RoundupRequest request) {
        if (main.getCamelContext().getRoute("roundup-make") == null) {
            throw new IllegalStateException("the route roundup-make is not loaded: the routes/ folder in "
                    + settings().home() + " has no roundup.camel.yaml; copy it there from the bundled routes");
        }
        return (RoundupReport) request("direct:roundup", request);
    }

    private Object request(String endpoint, Object body) {
        try {
            return producer.requestBody(endpoint, body);
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
        if (ownsComponents) {
            components.close();
        }
    }
}
