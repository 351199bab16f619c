// Writing a file so that readers see either the old file or the complete new
// one, never a half-written one: write a temporary file beside it, then rename.
#pragma once

#include <claimgraph/status.h>

#include <filesystem>
#include <fstream>
#include <string>

namespace claimgraph::util {

/// A file being written. Output goes to a hidden temporary file in the target's
/// folder; commit() renames it over the target. Destroying an uncommitted
/// AtomicFile removes the temporary file and leaves the target untouched.
/// Not copyable; one thread at a time.
class AtomicFile {
public:
    /// Creates the temporary file for `path`. Check status() before writing.
    explicit AtomicFile(std::filesystem::path path);
    ~AtomicFile();
    AtomicFile(const AtomicFile&) = delete;
    AtomicFile& operator=(const AtomicFile&) = delete;

    /// ok, or io_error naming the target when the temporary file could not be created.
    const Status& status() const { return m_status; }
    /// Where to write the contents.
    std::ostream& stream() { return m_stream; }
    /// Closes the temporary file and renames it to the target; io_error naming
    /// the target if writing, closing or renaming failed (the target is then unchanged).
    Status commit();

private:
    std::filesystem::path m_path;
    std::filesystem::path m_temporary;
    std::ofstream m_stream;
    Status m_status;
    bool m_committed = false;
};

}  // namespace claimgraph::util
