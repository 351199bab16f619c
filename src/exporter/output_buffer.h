// Collects an export in memory and hands it to the stream in large chunks.
#pragma once

#include <claimgraph/status.h>

#include <iosfwd>
#include <string>

namespace claimgraph::exporter {

/// A string the writers append to; every 1 MiB or so it goes to the stream.
/// Per-character stream insertion made big exports several times slower.
class OutputBuffer {
public:
    explicit OutputBuffer(std::ostream& out);

    /// The text not yet written; append to it, then call maybe_flush().
    std::string& text() { return m_text; }
    /// Writes the text out when it has grown large.
    void maybe_flush();
    /// Writes the rest and flushes the stream; io_error if the stream failed at any point.
    Status finish();

private:
    std::ostream& m_out;
    std::string m_text;
};

}  // namespace claimgraph::exporter
