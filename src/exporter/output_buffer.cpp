// Chunked writing of export text.
#include "exporter/output_buffer.h"

#include <ostream>

namespace claimgraph::exporter {

namespace {
constexpr std::size_t k_chunk = std::size_t{1} << 20;
}

OutputBuffer::OutputBuffer(std::ostream& out) : m_out(out) { m_text.reserve(k_chunk + k_chunk / 4); }

void OutputBuffer::maybe_flush() {
    if (m_text.size() < k_chunk) return;
    m_out.write(m_text.data(), static_cast<std::streamsize>(m_text.size()));
    m_text.clear();
}

Status OutputBuffer::finish() {
    m_out.write(m_text.data(), static_cast<std::streamsize>(m_text.size()));
    m_text.clear();
    m_out.flush();
    if (!m_out) return Status::io_error("writing the export failed (disk full or output closed?)");
    return Status::ok();
}

}  // namespace claimgraph::exporter
