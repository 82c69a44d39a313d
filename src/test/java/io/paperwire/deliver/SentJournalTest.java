package io.paperwire.deliver;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SentJournalTest {

    @TempDir
    Path folder;

    @Test
    void workersAppendingAtOnceLeaveOneWholeLinePerAcceptance() throws Exception {
        SentJournal journal = SentJournal.start(folder, 7, "run-a");
        ExecutorService workers = Executors.newFixedThreadPool(4);
        List<Future<?>> running = new ArrayList<>();
        for (int w = 0; w < 4; w++) {
            int worker = w;
            running.add(workers.submit(() -> {
                for (int i = 0; i < 2_500; i++) {
                    long subscriber = worker * 10_000L + i;
                    journal.append(subscriber, "<paperwire.2024-W21-1." + subscriber + ".abcdefghijklmnopqrstuv@x.example>");
                }
            }));
        }
        for (Future<?> worker : running) {
            worker.get();
        }
        workers.shutdown();
        journal.close(false);

        List<SentJournal.Entry> replayed = new ArrayList<>();
        assertThat(SentJournal.replayOrphans(folder, replayed::addAll)).isEqualTo(10_000);
        assertThat(replayed).extracting(SentJournal.Entry::subscriberId).doesNotHaveDuplicates().hasSize(10_000);
        assertThat(replayed).allSatisfy(entry -> {
            assertThat(entry.issueId()).isEqualTo(7);
            assertThat(entry.messageId()).isEqualTo("<paperwire.2024-W21-1." + entry.subscriberId()
                    + ".abcdefghijklmnopqrstuv@x.example>");
        });
        assertThat(Files.list(folder)).as("replayed journals are deleted").isEmpty();
    }

    @Test
    void aTornLastLineIsLeftOutAndTheCompleteLinesReplayed() throws Exception {
        SentJournal journal = SentJournal.start(folder, 3, "run-b");
        journal.append(11, "<a@x>");
        journal.append(12, "<b@x>");
        journal.close(false);
        Path file;
        try (var files = Files.list(folder)) {
            file = files.findFirst().orElseThrow();
        }
        Files.writeString(file, "3 13 <c@", StandardCharsets.US_ASCII, StandardOpenOption.APPEND);

        List<SentJournal.Entry> replayed = new ArrayList<>();
        SentJournal.replayOrphans(folder, replayed::addAll);

        assertThat(replayed).containsExactly(new SentJournal.Entry(3, 11, "<a@x>"), new SentJournal.Entry(3, 12, "<b@x>"));
    }

    @Test
    void aGarbledLineIsSkippedAndTheLinesAroundItKept() {
        byte[] text = "3 11 <a@x>\n\u0000\u0000\u0000\n3 12 <b@x>\n".getBytes(StandardCharsets.US_ASCII);

        assertThat(SentJournal.parse(folder.resolve("j"), text))
                .containsExactly(new SentJournal.Entry(3, 11, "<a@x>"), new SentJournal.Entry(3, 12, "<b@x>"));
    }

    @Test
    void theJournalOfALiveSendIsNotReplayed() {
        SentJournal journal = SentJournal.start(folder, 5, "run-c");
        journal.append(1, "<a@x>");
        List<SentJournal.Entry> replayed = new ArrayList<>();

        assertThat(SentJournal.replayOrphans(folder, replayed::addAll)).isZero();
        assertThat(replayed).isEmpty();

        journal.close(true);
        assertThat(SentJournal.replayOrphans(folder, replayed::addAll)).as("a finished send deleted its journal").isZero();
        assertThat(folder).isEmptyDirectory();
    }

    @Test
    void aJournalWhoseReplayCouldNotBeCommittedIsKeptForTheNextTry() {
        SentJournal journal = SentJournal.start(folder, 5, "run-d");
        journal.append(1, "<a@x>");
        journal.close(false);

        assertThatThrownBy(() -> SentJournal.replayOrphans(folder, entries -> {
            throw new IllegalStateException("database gone");
        })).hasMessageContaining("database gone");

        List<SentJournal.Entry> replayed = new ArrayList<>();
        assertThat(SentJournal.replayOrphans(folder, replayed::addAll)).isEqualTo(1);
        assertThat(replayed).containsExactly(new SentJournal.Entry(5, 1, "<a@x>"));
    }
}
