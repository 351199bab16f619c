// Temporary file plus rename: a failed write never leaves a partial target.
#include "util/atomic_file.h"

#include <cerrno>
#include <cstring>
#include <random>

namespace claimgraph::util {

AtomicFile::AtomicFile(std::filesystem::path path) : m_path(std::move(path)) {
    std::error_code error;
    if (std::filesystem::is_directory(m_path, error)) {
        m_status = Status::io_error("cannot write '" + m_path.string() + "': it is a directory");
        return;
    }
    // Beside the target, so the rename stays within one file system.
    std::random_device random;
    const std::filesystem::path folder = m_path.parent_path();
    for (int attempt = 0; attempt < 10 && !m_stream.is_open(); ++attempt) {
        m_temporary = folder / ("." + m_path.filename().string() + ".tmp-" + std::to_string(random()));
        if (std::filesystem::exists(m_temporary, error)) continue;
        m_stream.open(m_temporary, std::ios::binary | std::ios::trunc);
    }
    if (!m_stream.is_open()) {
        m_status = Status::io_error("cannot write '" + m_path.string() + "': " + std::strerror(errno) +
                                    " (does the folder exist and is it writable?)");
        m_temporary.clear();
    }
}

AtomicFile::~AtomicFile() {
    if (m_committed || m_temporary.empty()) return;
    m_stream.close();
    std::error_code ignored;
    std::filesystem::remove(m_temporary, ignored);
}

Status AtomicFile::commit() {
    if (!m_status) return m_status;
    m_stream.close();
    if (m_stream.fail()) return Status::io_error("cannot write '" + m_path.string() + "': writing failed (disk full?)");
    std::error_code error;
    std::filesystem::rename(m_temporary, m_path, error);
    if (error) return Status::io_error("cannot write '" + m_path.string() + "': " + error.message());
    m_committed = true;
    return Status::ok();
}

}  // namespace claimgraph::util
