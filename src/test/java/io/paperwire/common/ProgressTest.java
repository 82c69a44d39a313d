package io.paperwire.common;

import org.junit.jupiter.api.Test;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import org.slf4j.LoggerFactory;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.atomic.AtomicLong;

import static org.assertj.core.api.Assertions.assertThat;

class ProgressTest {

    final AtomicLong clock = new AtomicLong();

    @Test
    void reportsDoneTotalRateAndTimeLeft() {
        Progress progress = new Progress("papers summarised", 20, null, clock::get);
        for (int i = 0; i < 5; i++) {
            clock.addAndGet(500_000_000L);
            progress.step();
        }
        assertThat(progress.line()).isEqualTo("papers summarised 5/20 (25%), 2.0/s, ETA 8s");
    }

    @Test
    void onATerminalRewritesOneLineAndEndsItWhenDone() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Progress progress = new Progress("messages sent", 3, new PrintStream(bytes, true, StandardCharsets.UTF_8),
                clock::get);
        for (int i = 0; i < 3; i++) {
            clock.addAndGet(1_000_000_000L);
            progress.step();
        }
        String drawn = bytes.toString(StandardCharsets.UTF_8);
        assertThat(drawn).startsWith("\rmessages sent 1/3").contains("\rmessages sent 3/3 (100%), 1.0/s, done")
                .endsWith(System.lineSeparator());
        assertThat(drawn.chars().filter(c -> c == '\n').count()).as("one finished line").isEqualTo(1);
    }

    @Test
    void inALogEachStepIsALineUpToOneLinePerPercent() {
        assertThat(loggedLines(20)).hasSize(20).first().asString().contains("messages sent 1/20 (5%)");
        assertThat(loggedLines(10_000)).hasSize(100).last().asString().contains("messages sent 10000/10000 (100%)");
    }

    private java.util.List<String> loggedLines(int total) {
        Logger logger = (Logger) LoggerFactory.getLogger(Progress.class);
        ListAppender<ILoggingEvent> appender = new ListAppender<>();
        appender.start();
        logger.addAppender(appender);
        try {
            Progress progress = new Progress("messages sent", total, null, clock::get);
            for (int i = 0; i < total; i++) {
                clock.addAndGet(1_000_000L);
                progress.step();
            }
            return appender.list.stream().map(ILoggingEvent::getFormattedMessage).toList();
        } finally {
            logger.detachAppender(appender);
        }
    }
}
