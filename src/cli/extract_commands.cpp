// `ingest` and `extract`: article text in; claims stored, or propositions printed.
#include "cli/commands.h"
#include "cli/output.h"

#include "extract/extractor.h"
#include "read/reader.h"
#include "text/sentence_splitter.h"
#include "util/file.h"
#include "util/strings.h"

#include <CLI/CLI.hpp>
#include <nlohmann/json.hpp>

#include <ostream>

namespace claimgraph::cli {

namespace {

using Json = nlohmann::ordered_json;

Status batch_status(std::size_t failed, std::size_t total, const std::string& what) {
    if (failed == 0) return Status::ok();
    if (failed == total) return Status::invalid_input("no input could be " + what);
    return Status::partial(std::to_string(failed) + " of " + std::to_string(total) + " inputs failed; the others were " + what);
}

Status run_ingest(Context& context, const std::vector<std::string>& paths) {
    auto extractor = extract::create_extractor();
    if (!extractor) return extractor.status();
    auto store = context.open(store::OpenMode::read_write);
    if (!store) return store.status();
    std::size_t total = 0;
    std::size_t failed = 0;
    auto on_error = [&](read::ReadError&& error) {
        ++total;
        ++failed;
        context.err << "claimgraph: error: " << error.source << ": " << error.message << "\n";
    };
    auto on_article = [&](read::Article&& article) {
        DocumentRecord document;
        document.source = article.source;
        document.content_hash = util::sha256_hex(article.text);
        document.external_id = article.external_id;
        document.title = article.title;
        document.url = article.url;
        document.published = article.published;
        document.sentences = text::split_sentences(article.text);
        document.text = std::move(article.text);
        Status status = (*extractor)->analyse(document);
        if (status) {
            auto outcome = (*store)->write_document(document);
            if (outcome && outcome->already_stored) {
                context.out << document.source << ": already stored (same text), nothing changed\n";
            } else if (outcome) {
                context.out << document.source << ": " << document.sentences.size() << " sentences, "
                            << document.claims.size() << " claims, " << outcome->triples_added << " new edges\n";
            } else {
                status = outcome.status();
            }
        }
        if (status) {
            ++total;
        } else {
            on_error({document.source, status.message()});
        }
    };
    read::read_inputs(paths, on_article, on_error);
    return batch_status(failed, total, "stored");
}

enum class ExtractFormat { jsonl, carb, table };

struct ExtractOptions {
    std::vector<std::string> paths;
    std::string format = "jsonl";
    bool lines = false;
};

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

Status run_extract(Context& context, const ExtractOptions& options) {
    ExtractFormat format = ExtractFormat::jsonl;
    if (options.format == "carb") format = ExtractFormat::carb;
    else if (options.format == "table") format = ExtractFormat::table;
    else if (options.format != "jsonl") return Status::invalid_argument("unknown format '" + options.format + "'; use jsonl, carb or table");
    auto extractor = extract::create_extractor();
    if (!extractor) return extractor.status();

    std::vector<Json> rows;
    std::size_t total = 0;
    std::size_t failed = 0;
    auto emit_sentence = [&](const std::string& source, const std::string& sentence) {
        auto propositions = (*extractor)->propositions(sentence);
        if (!propositions) {
            context.err << "claimgraph: warning: " << source << ": " << propositions.status().message() << "\n";
            return;
        }
        for (const auto& p : *propositions) {
            if (format == ExtractFormat::carb) context.out << carb_line(sentence, p) << "\n";
            else if (format == ExtractFormat::jsonl) context.out << proposition_json(source, sentence, p).dump(-1, ' ', false, Json::error_handler_t::replace) << "\n";
            else rows.push_back(proposition_json(source, sentence, p));
        }
    };
    if (options.lines) {
        for (const std::string& path : options.paths) {
            ++total;
            auto contents = util::read_file(path);
            if (!contents) {
                ++failed;
                context.err << "claimgraph: error: " << contents.status().message() << "\n";
                continue;
            }
            for (const std::string& line : util::split(*contents, '\n')) {
                if (!util::trim(line).empty()) emit_sentence(path, std::string(util::trim(line)));
            }
        }
    } else {
        read::read_inputs(
            options.paths,
            [&](read::Article&& article) {
                ++total;
                for (const auto& sentence : text::split_sentences(article.text)) emit_sentence(article.source, sentence.text);
            },
            [&](read::ReadError&& error) {
                ++total;
                ++failed;
                context.err << "claimgraph: error: " << error.source << ": " << error.message << "\n";
            });
    }
    if (format == ExtractFormat::table) {
        print_objects(context.out, {"subject", "relation", "arguments", "modality", "negated", "attributed_to", "confidence"},
                      rows, Format::table);
    }
    return batch_status(failed, total, "read");
}

}  // namespace

void add_extract_commands(CLI::App& app, Action& action) {
    auto ingest_paths = std::make_shared<std::vector<std::string>>();
    auto* ingest = app.add_subcommand(
        "ingest", "Read articles (files, folders, - for stdin), extract their claims and store them.\n"
                  "The same text ingested twice changes nothing.");
    ingest->add_option("PATH", *ingest_paths, "Article files or folders")->required();
    ingest->callback([&action, ingest_paths] { action = [ingest_paths](Context& c) { return run_ingest(c, *ingest_paths); }; });

    auto options = std::make_shared<ExtractOptions>();
    auto* extract = app.add_subcommand("extract", "Print the propositions of each sentence without storing anything");
    extract->add_option("PATH", options->paths, "Article files or folders (- for stdin)")->required();
    extract->add_option("--format", options->format, "jsonl, carb (the CaRB benchmark's tab-separated format) or table")
        ->capture_default_str();
    extract->add_flag("--lines", options->lines, "Each line is one sentence: no sentence splitting; lines are copied verbatim");
    extract->callback([&action, options] { action = [options](Context& c) { return run_extract(c, *options); }; });
}

}  // namespace claimgraph::cli
