// A deterministic stand-in for the link-grammar extractor, so that the real
// `ingest` pipeline (read, split, hash check, ordered one-transaction writes)
// can be tested end to end before and independently of the parser.
#pragma once

#include "extract/extractor.h"

#include <chrono>
#include <cstddef>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

namespace claimgraph::testing {

/// Per sentence: every run of capitalised words (ASCII capital or any non-ASCII
/// first byte) is an OTHER entity with a mention; the first two entities make a
/// claim whose predicate is the lower-case words between them (`related to` when
/// there are none). Sentences over `max_sentence_bytes` are skipped, as the real
/// extractor does. `delay` is slept once per document to stand in for parse time.
class FakeExtractor final : public extract::Extractor {
public:
    explicit FakeExtractor(const extract::ExtractorOptions& options = {},
                           std::chrono::milliseconds delay = std::chrono::milliseconds(0))
        : m_options(options), m_delay(delay) {}

    Status analyse(DocumentRecord& document) const override {
        if (m_delay.count() > 0) std::this_thread::sleep_for(m_delay);
        for (std::size_t n = 0; n < document.sentences.size(); ++n) {
            const SentenceRecord& sentence = document.sentences[n];
            if (sentence.text.size() > m_options.max_sentence_bytes) continue;
            const std::vector<Span> names = capitalised_runs(sentence.text);
            std::vector<std::size_t> entities;
            for (const Span& name : names) {
                const std::size_t index = entity(document, sentence.text.substr(name.begin, name.end - name.begin));
                entities.push_back(index);
                document.mentions.push_back({index, n, sentence.start + static_cast<std::int64_t>(name.begin),
                                             sentence.start + static_cast<std::int64_t>(name.end),
                                             sentence.text.substr(name.begin, name.end - name.begin)});
            }
            if (entities.size() < 2 || entities[0] == entities[1]) continue;
            ClaimRecord claim;
            claim.subject = entities[0];
            claim.object = entities[1];
            claim.predicate = predicate_between(sentence.text, names[0].end, names[1].begin);
            claim.sentence = n;
            claim.start = sentence.start;
            claim.end = sentence.end;
            claim.confidence = 0.5;
            claim.source = "fake-extractor";
            document.claims.push_back(std::move(claim));
        }
        return Status::ok();
    }

    Result<std::vector<extract::Proposition>> propositions(const std::string& sentence) const override {
        if (sentence.size() > m_options.max_sentence_bytes) {
            return Status::invalid_input("sentence of " + std::to_string(sentence.size()) + " bytes is over the " +
                                         std::to_string(m_options.max_sentence_bytes) + "-byte limit; skipped");
        }
        std::vector<extract::Proposition> found;
        const std::vector<Span> names = capitalised_runs(sentence);
        if (names.size() >= 2) {
            extract::Proposition p;
            p.subject = sentence.substr(names[0].begin, names[0].end - names[0].begin);
            p.relation = predicate_between(sentence, names[0].end, names[1].begin);
            p.predicate = p.relation;
            p.arguments = {sentence.substr(names[1].begin, names[1].end - names[1].begin)};
            found.push_back(std::move(p));
        }
        return found;
    }

private:
    struct Span {
        std::size_t begin;
        std::size_t end;
    };

    static bool is_word_byte(char c) {
        return c != ' ' && c != '\t' && c != '\n' && c != '\r' && c != ',' && c != '.' && c != ';' && c != ':' &&
               c != '!' && c != '?' && c != '"' && c != '(' && c != ')';
    }

    static bool is_capitalised(char c) {
        return (c >= 'A' && c <= 'Z') || static_cast<unsigned char>(c) >= 0xC0;
    }

    /// Runs of capitalised words, at most 16 per sentence.
    static std::vector<Span> capitalised_runs(std::string_view text) {
        std::vector<Span> runs;
        std::size_t i = 0;
        bool joinable = false;  // the previous word was capitalised and only spaces came between
        while (i < text.size() && runs.size() < 16) {
            if (!is_word_byte(text[i])) {
                if (text[i] != ' ') joinable = false;
                ++i;
                continue;
            }
            std::size_t end = i;
            while (end < text.size() && is_word_byte(text[end])) ++end;
            if (is_capitalised(text[i])) {
                if (joinable && !runs.empty()) runs.back().end = end;
                else runs.push_back({i, end});
                joinable = true;
            } else {
                joinable = false;
            }
            i = end;
        }
        return runs;
    }

    static std::string predicate_between(std::string_view text, std::size_t begin, std::size_t end) {
        std::string words;
        for (std::size_t i = begin; i < end && i < text.size(); ++i) {
            const char c = text[i];
            if (c >= 'a' && c <= 'z') words += c;
            else if (!words.empty() && words.back() != ' ') words += ' ';
        }
        while (!words.empty() && words.back() == ' ') words.pop_back();
        return words.empty() ? "related to" : words;
    }

    static std::size_t entity(DocumentRecord& document, const std::string& name) {
        for (std::size_t i = 0; i < document.entities.size(); ++i) {
            if (document.entities[i].name == name) return i;
        }
        document.entities.push_back({name, EntityType::other, {name}});
        return document.entities.size() - 1;
    }

    extract::ExtractorOptions m_options;
    std::chrono::milliseconds m_delay;
};

}  // namespace claimgraph::testing
