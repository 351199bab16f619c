// `ingest` and `extract`: article text in; claims stored, or propositions printed.
#include "cli/commands.h"
#include "cli/output.h"

#include "extract/extractor.h"
#include "ingest/ingest.h"
#include "read/reader.h"
#include "text/sentence_splitter.h"
#include "util/file.h"
#include "util/parallel.h"
#include "util/strings.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <unistd.h>

#include <chrono>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <ostream>

namespace claimgraph::cli {

namespace {

using Json = nlohmann::ordered_json;
using Clock = std::chrono::steady_clock;

constexpr double k_default_max_file_mb = 20.0;

/// The limits every command that reads articles shares: input size, sentence length, parse time.
struct Limits {
    double max_file_mb = k_default_max_file_mb;
    std::size_t max_sentence_bytes = extract::ExtractorOptions{}.max_sentence_bytes;
    double max_parse_seconds = extract::ExtractorOptions{}.max_parse_seconds;

    void add_options(CLI::App& command) {
        command.add_option("--max-file-mb", max_file_mb, "Refuse larger input files")
            ->check(CLI::PositiveNumber)
            ->capture_default_str();
        command.add_option("--max-sentence-bytes", max_sentence_bytes, "Skip (and report) longer sentences")
            ->check(CLI::PositiveNumber)
            ->capture_default_str();
        command.add_option("--max-parse-seconds", max_parse_seconds, "Give up parsing a sentence after this long")
            ->check(CLI::PositiveNumber)
            ->capture_default_str();
    }

    extract::ExtractorOptions extractor() const {
        extract::ExtractorOptions options;
        options.max_sentence_bytes = max_sentence_bytes;
        options.max_parse_seconds = max_parse_seconds;
        return options;
    }
};

read::ReadOptions read_options(double max_file_mb) {
    read::ReadOptions options;
    options.max_file_bytes = static_cast<std::uintmax_t>(std::llround(max_file_mb * 1024.0 * 1024.0));
    return options;
}

Status batch_status(std::size_t failed, std::size_t total, const std::string& what) {
    if (failed == 0) return Status::ok();
    if (failed == total) {
        return Status::invalid_input(total == 1 ? "the input could not be " + what
                                                : "none of the " + std::to_string(total) + " inputs could be " + what);
    }
    return Status::partial(std::to_string(failed) + " of " + std::to_string(total) + " inputs failed; the others were " + what);
}

// ---- ingest -----------------------------------------------------------------

struct IngestCommand {
    std::vector<std::string> paths;
    std::size_t jobs = 0;
    bool progress = false;
    Limits limits;
};

/// The progress line on stderr: redrawn in place on a terminal, a line every few seconds elsewhere.
class Progress {
public:
    Progress(std::ostream& err, bool enabled, bool terminal) : m_err(err), m_enabled(enabled), m_terminal(terminal) {}

    void update(const ingest::Summary& summary) {
        if (!m_enabled) return;
        const auto now = Clock::now();
        const auto interval = m_terminal ? std::chrono::milliseconds(200) : std::chrono::milliseconds(5000);
        if (now - m_last < interval) return;
        m_last = now;
        const std::size_t done = summary.stored + summary.already_present + summary.failed;
        const double seconds = std::chrono::duration<double>(now - m_start).count();
        char rate[32];
        std::snprintf(rate, sizeof rate, "%.1f", seconds > 0 ? static_cast<double>(done) / seconds : 0.0);
        m_err << (m_terminal ? "\r\033[K" : "") << "ingest: " << done << " documents (" << summary.stored << " stored, "
              << summary.already_present << " present, " << summary.failed << " failed), " << rate << "/s"
              << (m_terminal ? "" : "\n") << std::flush;
        m_shown = true;
    }

    /// Removes the line before other output goes to the terminal.
    void clear() {
        if (m_enabled && m_terminal && m_shown) m_err << "\r\033[K" << std::flush;
        m_shown = false;
    }

private:
    std::ostream& m_err;
    bool m_enabled;
    bool m_terminal;
    bool m_shown = false;
    Clock::time_point m_start = Clock::now();
    Clock::time_point m_last = Clock::now();
};

Status run_ingest(Context& context, const IngestCommand& command) {
    // `--jobs` articles at a time, and as many sentences parsed at once: one article's
    // sentences on every core, or one article per core, never more parses than cores
    extract::ExtractorOptions extractor_options = command.limits.extractor();
    extractor_options.threads = command.jobs;
    auto extractor = context.make_extractor(extractor_options);
    if (!extractor) return extractor.status();
    auto store = context.open(store::OpenMode::read_write);
    if (!store) return store.status();

    const bool terminal = &context.err == &std::cerr && isatty(STDERR_FILENO) == 1;
    Progress progress(context.err, command.progress || terminal, terminal);
    ingest::IngestOptions options;
    options.jobs = command.jobs;
    options.read = read_options(command.limits.max_file_mb);
    options.max_sentence_bytes = command.limits.max_sentence_bytes;
    const ingest::Summary summary = ingest::ingest(
        command.paths, **store, **extractor, options,
        [&](const ingest::DocumentReport& report, const ingest::Summary& so_far) {
            progress.clear();
            switch (report.outcome) {
            case ingest::Outcome::stored:
                context.out << report.source << ": " << report.sentences << " sentences, " << report.claims << " claims, "
                            << report.triples_added << " new edges";
                if (report.long_sentences > 0) {
                    context.out << " (" << report.long_sentences << " sentence" << (report.long_sentences == 1 ? "" : "s")
                                << " over the " << command.limits.max_sentence_bytes
                                << "-byte limit skipped; raise it with --max-sentence-bytes)";
                }
                context.out << "\n";
                break;
            case ingest::Outcome::already_present:
                context.out << report.source << ": already stored"
                            << (report.message.empty() ? " (same text)" : " (" + report.message + ")")
                            << ", nothing changed\n";
                break;
            case ingest::Outcome::failed:
                context.err << "claimgraph: error: " << report.source << ": " << report.message << "\n";
                break;
            }
            progress.update(so_far);
        });
    progress.clear();
    context.out << ingest::summary_line(summary) << "\n";
    return batch_status(summary.failed, summary.stored + summary.already_present + summary.failed, "ingested");
}

// ---- extract ----------------------------------------------------------------

enum class ExtractFormat { jsonl, carb, table };

struct ExtractCommand {
    std::vector<std::string> paths;
    std::string format = "jsonl";
    bool lines = false;
    bool sentences_only = false;
    std::size_t jobs = 0;  ///< parser threads; 0: one per core
    Limits limits;
};

/// A proposition as printed: in `--lines` mode its strings are in the original tokens.
Json proposition_json(const std::string& source, const std::string& sentence, const extract::Proposition& p) {
    Json object = Json::object();
    object["source"] = source;
    object["sentence"] = sentence;
    object["subject"] = p.subject;
    object["relation"] = p.relation;
    object["predicate"] = p.predicate;
    object["arguments"] = p.arguments;
    object["negated"] = p.negated;
    object["modality"] = p.modality;
    object["attributed_to"] = p.attributed_to;
    object["condition"] = p.condition;
    object["time"] = p.time;
    object["place"] = p.place;
    object["confidence"] = p.confidence;
    return object;
}

/// One CaRB line: the sentence as given, confidence, relation, then the arguments.
std::string carb_line(const std::string& sentence, const extract::Proposition& p) {
    auto clean = [](std::string text) {
        for (char& c : text) {
            if (c == '\t' || c == '\n' || c == '\r') c = ' ';
        }
        return text;
    };
    std::string line = clean(sentence) + "\t" + std::to_string(p.confidence) + "\t" + clean(p.relation) + "\t" +
                       clean(p.subject);
    for (const std::string& argument : p.arguments) line += "\t" + clean(argument);
    return line;
}

class PropositionPrinter {
public:
    PropositionPrinter(Context& context, ExtractFormat format) : m_context(context), m_format(format) {}

    void print(const std::string& source, const std::string& sentence, const extract::Proposition& p) {
        if (m_format == ExtractFormat::carb) {
            m_context.out << carb_line(sentence, p) << "\n";
        } else if (m_format == ExtractFormat::jsonl) {
            m_context.out << proposition_json(source, sentence, p).dump(-1, ' ', false, Json::error_handler_t::replace)
                          << "\n";
        } else {
            Json row = proposition_json(source, sentence, p);
            row["arguments"] = util::join(p.arguments, " | ");
            m_rows.push_back(std::move(row));
        }
    }

    void finish() {
        if (m_format != ExtractFormat::table) return;
        print_objects(m_context.out, {"subject", "relation", "arguments", "modality", "negated", "attributed_to", "confidence"},
                      m_rows, Format::table);
    }

private:
    Context& m_context;
    ExtractFormat m_format;
    std::vector<Json> m_rows;
};

/// `extract --sentences-only`: the splitter's output, for checking what the extractor will see.
Status print_sentences(Context& context, const ExtractCommand& command, ExtractFormat format) {
    std::size_t total = 0;
    std::size_t failed = 0;
    std::vector<Json> rows;
    read::read_inputs(
        command.paths,
        [&](read::Article&& article) {
            ++total;
            const auto sentences = text::split_sentences(article.text);
            for (std::size_t n = 0; n < sentences.size(); ++n) {
                Json row = Json::object();
                row["source"] = article.source;
                row["index"] = n;
                row["start"] = sentences[n].start;
                row["end"] = sentences[n].end;
                row["text"] = sentences[n].text;
                if (format == ExtractFormat::table) rows.push_back(std::move(row));
                else context.out << row.dump(-1, ' ', false, Json::error_handler_t::replace) << "\n";
            }
        },
        [&](read::ReadError&& error) {
            ++total;
            ++failed;
            context.err << "claimgraph: error: " << error.source << ": " << error.message << "\n";
        },
        read_options(command.limits.max_file_mb));
    if (format == ExtractFormat::table) print_objects(context.out, {"source", "index", "start", "end", "text"}, rows, Format::table, 100);
    return batch_status(failed, total, "read");
}

/// One sentence to extract, with where it came from.
struct SentenceItem {
    std::string source;
    std::string text;
};

/// The sentences of `extract --lines`: one per line. The parse stage reads tokenised
/// text (`do n't`, `` `` ``) through a detokenising map, so propositions come back in
/// the line's own tokens.
std::size_t read_lines(Context& context, const ExtractCommand& command, std::vector<SentenceItem>& items) {
    std::size_t failed = 0;
    for (const std::string& path : command.paths) {
        auto contents = util::read_file(path);
        if (contents && !util::is_valid_utf8(*contents)) contents = Status::invalid_input("'" + path + "' is not valid UTF-8 text");
        if (!contents) {
            ++failed;
            context.err << "claimgraph: error: " << contents.status().message() << "\n";
            continue;
        }
        for (std::string line : util::split(*contents, '\n')) {
            if (!line.empty() && line.back() == '\r') line.pop_back();
            if (util::trim(line).empty()) continue;
            items.push_back({path, std::move(line)});
        }
    }
    return failed;
}

/// The sentences of every article under the paths, split as `ingest` splits them.
std::size_t read_articles(Context& context, const ExtractCommand& command, std::vector<SentenceItem>& items, std::size_t& total) {
    std::size_t failed = 0;
    read::read_inputs(
        command.paths,
        [&](read::Article&& article) {
            ++total;
            for (const auto& sentence : text::split_sentences(article.text)) items.push_back({article.source, sentence.text});
        },
        [&](read::ReadError&& error) {
            ++total;
            ++failed;
            context.err << "claimgraph: error: " << error.source << ": " << error.message << "\n";
        },
        read_options(command.limits.max_file_mb));
    return failed;
}

Status run_extract(Context& context, const ExtractCommand& command) {
    ExtractFormat format = ExtractFormat::jsonl;
    if (command.format == "carb") format = ExtractFormat::carb;
    else if (command.format == "table") format = ExtractFormat::table;
    else if (command.format != "jsonl") {
        return Status::invalid_argument("unknown format '" + command.format + "'; use jsonl, carb or table");
    }
    if (command.sentences_only) {
        if (command.lines) return Status::invalid_argument("--sentences-only and --lines do not go together");
        if (format == ExtractFormat::carb) return Status::invalid_argument("--sentences-only prints jsonl or table");
        return print_sentences(context, command, format);
    }
    extract::ExtractorOptions extractor_options = command.limits.extractor();
    extractor_options.threads = command.jobs;
    auto made = context.make_extractor(extractor_options);
    if (!made) return made.status();
    const extract::Extractor& extractor = **made;

    std::vector<SentenceItem> items;
    std::size_t total = 0;
    std::size_t failed = 0;
    if (command.lines) {
        total = command.paths.size();
        failed = read_lines(context, command, items);
    } else {
        failed = read_articles(context, command, items, total);
    }

    // Sentences are parsed on `--jobs` threads and printed in input order.
    PropositionPrinter printer(context, format);
    util::ordered_parallel_for(
        items.size(), command.jobs, [&](std::size_t i) { return extractor.propositions(items[i].text); },
        [&](std::size_t i, Result<std::vector<extract::Proposition>>& propositions) {
            if (!propositions) {
                context.err << "claimgraph: warning: " << items[i].source << ": " << propositions.status().message() << "\n";
                return;
            }
            for (const auto& p : *propositions) printer.print(items[i].source, items[i].text, p);
        });
    Status status = batch_status(failed, total, "read");
    printer.finish();
    return status;
}

}  // namespace

void add_extract_commands(CLI::App& app, Action& action) {
    auto ingest_command = std::make_shared<IngestCommand>();
    auto* ingest = app.add_subcommand(
        "ingest", "Read articles (.txt, .md, .html, .jsonl files, folders, - for stdin), extract their claims and\n"
                  "store them. The same text ingested twice changes nothing. Prints one line per article and a\n"
                  "summary; exit status 4 when some inputs failed, 1 when all did.");
    ingest->add_option("PATH", ingest_command->paths, "Article files or folders (- for standard input)")->required();
    ingest->add_option("-j,--jobs", ingest_command->jobs, "Sentences parsed at once, from one article or several (default: one per core)")
        ->check(CLI::Range(1, 256));
    ingest->add_flag("--progress", ingest_command->progress, "Show progress on stderr even when it is not a terminal");
    ingest_command->limits.add_options(*ingest);
    ingest->callback([&action, ingest_command] {
        action = [ingest_command](Context& c) { return run_ingest(c, *ingest_command); };
    });

    auto command = std::make_shared<ExtractCommand>();
    auto* extract = app.add_subcommand("extract", "Print the propositions of each sentence without storing anything");
    extract->add_option("PATH", command->paths, "Article files or folders (- for stdin)")->required();
    extract->add_option("--format", command->format, "jsonl, carb (the CaRB benchmark's tab-separated format) or table")
        ->capture_default_str();
    extract->add_flag("--lines", command->lines,
                      "Each line is one tokenised sentence (CaRB style: do n't, `` ''): no sentence splitting;\n"
                      "lines are parsed detokenised and printed verbatim, arguments in the original tokens");
    extract->add_option("-j,--jobs", command->jobs, "Parser threads (default: one per core); output keeps the input order")
        ->check(CLI::Range(1, 256));
    extract->add_flag("--sentences-only", command->sentences_only,
                      "Only split into sentences and print them with their byte offsets (jsonl or table)");
    command->limits.add_options(*extract);
    extract->callback([&action, command] { action = [command](Context& c) { return run_extract(c, *command); }; });
}

}  // namespace claimgraph::cli
