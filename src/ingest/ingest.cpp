// The ingest pipeline: workers read and analyse, the calling thread checks
// content hashes and writes; results are put back in input order before writing.
#include "ingest/ingest.h"

#include "extract/extractor.h"
#include "text/sentence_splitter.h"
#include "util/strings.h"

#include <algorithm>
#include <condition_variable>
#include <deque>
#include <exception>
#include <mutex>
#include <optional>
#include <thread>
#include <unordered_map>
#include <utility>
#include <variant>

namespace claimgraph::ingest {

namespace {

constexpr std::size_t k_max_jobs = 256;
constexpr std::size_t k_read_ahead_per_job = 4;

/// One article (to analyse and write) or one read error, in the order its input produced them.
struct Item {
    std::optional<DocumentRecord> document;
    DocumentReport report;
    bool ready = false;  ///< analysed (or resolved without analysis) and waiting to be written or reported
};

struct ReadDone {
    std::size_t input;
    std::vector<Item> items;
};

struct AnalyseTask {
    std::size_t input;
    std::size_t item;
    DocumentRecord document;
};

struct AnalyseDone {
    std::size_t input;
    std::size_t item;
    DocumentRecord document;
    Status status;
};

using Event = std::variant<ReadDone, AnalyseDone>;

/// The work queues the workers take from and the events the writer takes from.
class Queues {
public:
    /// A worker's next task: analysis first (it bounds memory), then reading; nullopt when stopping.
    std::optional<std::variant<std::size_t, AnalyseTask>> take_task() {
        std::unique_lock lock(m_mutex);
        m_work_ready.wait(lock, [&] { return m_stopping || !m_analyse.empty() || !m_read.empty(); });
        if (!m_analyse.empty()) {
            AnalyseTask task = std::move(m_analyse.front());
            m_analyse.pop_front();
            return std::variant<std::size_t, AnalyseTask>(std::move(task));
        }
        if (!m_read.empty()) {
            const std::size_t input = m_read.front();
            m_read.pop_front();
            return std::variant<std::size_t, AnalyseTask>(input);
        }
        return std::nullopt;
    }

    void push_read(std::size_t input) {
        {
            std::lock_guard lock(m_mutex);
            m_read.push_back(input);
        }
        m_work_ready.notify_one();
    }

    void push_analyse(AnalyseTask task) {
        {
            std::lock_guard lock(m_mutex);
            m_analyse.push_back(std::move(task));
        }
        m_work_ready.notify_one();
    }

    void push_event(Event event) {
        {
            std::lock_guard lock(m_mutex);
            m_events.push_back(std::move(event));
        }
        m_event_ready.notify_one();
    }

    /// Every event so far; waits for at least one.
    std::deque<Event> take_events() {
        std::unique_lock lock(m_mutex);
        m_event_ready.wait(lock, [&] { return !m_events.empty(); });
        return std::exchange(m_events, {});
    }

    void stop() {
        {
            std::lock_guard lock(m_mutex);
            m_stopping = true;
        }
        m_work_ready.notify_all();
    }

private:
    std::mutex m_mutex;
    std::condition_variable m_work_ready;
    std::condition_variable m_event_ready;
    std::deque<std::size_t> m_read;
    std::deque<AnalyseTask> m_analyse;
    std::deque<Event> m_events;
    bool m_stopping = false;
};

DocumentReport failure(std::string source, std::string message) {
    DocumentReport report;
    report.source = std::move(source);
    report.outcome = Outcome::failed;
    report.message = std::move(message);
    return report;
}

ReadDone read_one(std::size_t input, const std::string& path, const IngestOptions& options) {
    ReadDone done{input, {}};
    try {
        read::read_input(
            path,
            [&](read::Article&& article) {
                Item item;
                item.report.source = article.source;
                item.document = make_document(std::move(article));
                item.report.sentences = item.document->sentences.size();
                if (options.max_sentence_bytes > 0) {
                    for (const SentenceRecord& sentence : item.document->sentences) {
                        if (sentence.text.size() > options.max_sentence_bytes) ++item.report.long_sentences;
                    }
                }
                done.items.push_back(std::move(item));
            },
            [&](read::ReadError&& error) {
                Item item;
                item.report = failure(std::move(error.source), std::move(error.message));
                item.ready = true;
                done.items.push_back(std::move(item));
            },
            options.read);
    } catch (const std::exception& e) {
        Item item;
        item.report = failure(path, std::string("cannot read: ") + e.what());
        item.ready = true;
        done.items.push_back(std::move(item));
    }
    return done;
}

AnalyseDone analyse_one(AnalyseTask&& task, const extract::Extractor& extractor) {
    AnalyseDone done{task.input, task.item, std::move(task.document), Status::ok()};
    try {
        done.status = extractor.analyse(done.document);
    } catch (const std::exception& e) {
        done.status = Status::invalid_input(std::string("extraction failed: ") + e.what());
    }
    return done;
}

/// The writer's side: input states, hash checks, ordered writes, reports.
class Writer {
public:
    Writer(std::size_t inputs, std::size_t read_ahead, store::Store& store, Queues& queues,
           const ReportCallback& on_report)
        : m_inputs(inputs), m_read_ahead(read_ahead), m_store(store), m_queues(queues), m_on_report(on_report) {}

    /// Hands out read tasks up to `read_ahead` inputs past the first one not yet written: reading
    /// far ahead of a slow document would only fill memory with text waiting to be written.
    void feed_reads() {
        while (m_next_read < m_inputs.size() && m_next_read < m_next_input + m_read_ahead) m_queues.push_read(m_next_read++);
    }

    bool finished() const { return m_next_input == m_inputs.size(); }
    const Summary& summary() const { return m_summary; }

    void handle(Event&& event) {
        if (auto* read = std::get_if<ReadDone>(&event)) {
            on_read(std::move(*read));
        } else {
            on_analysed(std::get<AnalyseDone>(std::move(event)));
        }
        flush();
        feed_reads();
    }

    /// Reports a path that could not even be listed (missing file, empty folder).
    void report_listing_error(read::ReadError&& error) {
        report(failure(std::move(error.source), std::move(error.message)));
    }

private:
    struct Input {
        bool read = false;
        std::vector<Item> items;
        std::size_t next_item = 0;
    };

    void on_read(ReadDone&& done) {
        Input& input = m_inputs[done.input];
        input.items = std::move(done.items);
        input.read = true;
        // Hashes are checked in input order, so that of two copies of a text the first is the one stored.
        while (m_next_checked < m_inputs.size() && m_inputs[m_next_checked].read) check_hashes(m_next_checked++);
    }

    /// Sends each new article of an input to the workers; resolves articles already stored or seen in this run.
    void check_hashes(std::size_t index) {
        Input& input = m_inputs[index];
        for (std::size_t n = 0; n < input.items.size(); ++n) {
            Item& item = input.items[n];
            if (!item.document) continue;
            // Check the hash before extracting: the expensive stage only sees new text.
            const std::string& hash = item.document->content_hash;
            if (auto earlier = m_seen.find(hash); earlier != m_seen.end()) {
                item.report.outcome = Outcome::already_present;
                item.report.message = "same text as " + earlier->second;
                item.document.reset();
                item.ready = true;
                continue;
            }
            auto stored = m_store.has_document(hash);
            if (!stored || *stored) {
                if (!stored) item.report = failure(item.report.source, stored.status().message());
                else item.report.outcome = Outcome::already_present;
                item.document.reset();
                item.ready = true;
                continue;
            }
            m_seen.emplace(hash, item.report.source);
            m_queues.push_analyse({index, n, std::move(*item.document)});
            item.document.reset();
        }
    }

    void on_analysed(AnalyseDone&& done) {
        Item& item = m_inputs[done.input].items[done.item];
        if (done.status) {
            item.document = std::move(done.document);
        } else {
            item.report = failure(item.report.source, done.status.message());
        }
        item.ready = true;
    }

    /// Writes and reports every ready item that has nothing unfinished before it.
    void flush() {
        while (m_next_input < m_inputs.size()) {
            Input& input = m_inputs[m_next_input];
            if (!input.read) return;
            while (input.next_item < input.items.size() && input.items[input.next_item].ready) {
                Item& item = input.items[input.next_item++];
                if (item.document) write(item);
                report(std::move(item.report));
                item = Item{};
            }
            if (input.next_item < input.items.size()) return;
            ++m_next_input;
        }
    }

    void write(Item& item) {
        const DocumentRecord& document = *item.document;
        auto outcome = m_store.write_document(document);
        if (!outcome) {
            item.report = failure(item.report.source, outcome.status().message());
        } else if (outcome->already_stored) {
            item.report.outcome = Outcome::already_present;
        } else {
            item.report.outcome = Outcome::stored;
            item.report.sentences = document.sentences.size();
            item.report.claims = document.claims.size();
            item.report.triples_added = outcome->triples_added;
        }
        item.document.reset();
    }

    void report(DocumentReport&& report) {
        switch (report.outcome) {
        case Outcome::stored:
            ++m_summary.stored;
            m_summary.new_edges += report.triples_added;
            break;
        case Outcome::already_present:
            ++m_summary.already_present;
            break;
        case Outcome::failed:
            ++m_summary.failed;
            break;
        }
        if (m_on_report) m_on_report(report, m_summary);
    }

    std::vector<Input> m_inputs;
    std::size_t m_read_ahead;
    store::Store& m_store;
    Queues& m_queues;
    const ReportCallback& m_on_report;
    std::unordered_map<std::string, std::string> m_seen;  ///< hash → source, for this run's new documents
    std::size_t m_next_checked = 0;  ///< the first input whose hashes are not checked yet
    std::size_t m_next_input = 0;    ///< the first input not completely written and reported
    std::size_t m_next_read = 0;     ///< the next input to hand out for reading
    Summary m_summary;
};

}  // namespace

std::string summary_line(const Summary& summary) {
    return std::to_string(summary.stored) + " documents stored, " + std::to_string(summary.already_present) +
           " already present, " + std::to_string(summary.failed) + " failed; " + std::to_string(summary.new_edges) +
           " new edges";
}

DocumentRecord make_document(read::Article&& article) {
    DocumentRecord document;
    document.source = std::move(article.source);
    document.content_hash = util::sha256_hex(article.text);
    document.external_id = std::move(article.external_id);
    document.title = std::move(article.title);
    document.url = std::move(article.url);
    document.published = std::move(article.published);
    document.sentences = text::split_sentences(article.text);
    document.text = std::move(article.text);
    return document;
}

Summary ingest(const std::vector<std::string>& paths, store::Store& store, const extract::Extractor& extractor,
               const IngestOptions& options, const ReportCallback& on_report) {
    std::vector<read::ReadError> listing_errors;
    const std::vector<std::string> inputs =
        read::list_inputs(paths, [&](read::ReadError&& error) { listing_errors.push_back(std::move(error)); });

    Queues queues;
    const std::size_t jobs =
        std::min<std::size_t>(k_max_jobs, options.jobs != 0 ? options.jobs : std::max(1u, std::thread::hardware_concurrency()));
    Writer writer(inputs.size(), k_read_ahead_per_job * jobs, store, queues, on_report);
    for (read::ReadError& error : listing_errors) writer.report_listing_error(std::move(error));
    if (inputs.empty()) return writer.summary();

    // The workers stop and join however this function is left.
    struct Pool {
        Queues& queues;
        std::vector<std::thread> threads;
        ~Pool() {
            queues.stop();
            for (std::thread& thread : threads) thread.join();
        }
    } pool{queues, {}};
    for (std::size_t n = 0; n < jobs; ++n) {
        pool.threads.emplace_back([&] {
            while (auto task = queues.take_task()) {
                if (auto* input = std::get_if<std::size_t>(&*task)) {
                    queues.push_event(read_one(*input, inputs[*input], options));
                } else {
                    queues.push_event(analyse_one(std::get<AnalyseTask>(std::move(*task)), extractor));
                }
            }
        });
    }
    writer.feed_reads();
    while (!writer.finished()) {
        for (Event& event : queues.take_events()) writer.handle(std::move(event));
    }
    return writer.summary();
}

}  // namespace claimgraph::ingest
