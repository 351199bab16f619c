// The parse stage: one sentence in, an immutable link-grammar parse out.
// Only parser.cpp includes link-grammar; everything else sees these values.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace claimgraph::parse {

/// One token of a linkage. Offsets are bytes into Parse::text (end-exclusive).
struct Word {
    std::string text;       ///< surface text taken from the offsets (empty for the walls)
    std::string form;       ///< dictionary form as the parser printed it (`invited.v-d`, `Putin[!]`)
    std::string base;       ///< form without subscript and guess mark (`invited`, `Putin`)
    std::string subscript;  ///< `v-d`, `n`, `t`, ... (empty when none)
    bool guessed = false;   ///< a regex guess (`[!]`), e.g. an unknown capitalised word
    bool null = false;      ///< left unlinked by a null-link parse
    int start = 0;
    int end = 0;
};

/// One link between two words, left < right.
struct Link {
    std::string label;  ///< `Ss*s`, `Os`, `MVp`, ...
    std::size_t left = 0;
    std::size_t right = 0;
};

/// A parsed sentence: words (LEFT-WALL first, RIGHT-WALL last) and links.
struct Parse {
    std::string text;  ///< the text that was parsed (normalised; see Normalised)
    std::vector<Word> words;
    std::vector<Link> links;
    int null_count = 0;
    double cost = 0;
    bool panic = false;  ///< came from the fallback parse
};

/// Text made easier for the parser (ASCII quotes and apostrophes, PTB tokens
/// undone) with a map from every byte back to the original.
struct Normalised {
    std::string text;
    std::vector<int> source_start;  ///< per byte of text: first original byte it came from
    std::vector<int> source_end;    ///< per byte of text: end of the original bytes it came from
    /// The original span of the normalised span [start, end).
    std::pair<int, int> original(int start, int end) const;
};

/// Normalises typography and PTB tokens so the parser sees ordinary English:
/// `‘ ’ ‚ ′` become `'`; `“ ” „ ″ « »` become `"`; the en dash becomes the em
/// dash and `− ‒ ‐ ‑` a hyphen; `…` becomes `...`; Unicode spaces become a space;
/// soft hyphens, zero-width characters and the BOM are dropped; `` `` ``, `''`,
/// ` n't`, ` 's` and `-LRB-`-style brackets of tokenised text are undone.
/// Everything else is kept byte for byte. Thread-safe, never fails.
Normalised normalise(std::string_view text);

}  // namespace claimgraph::parse
