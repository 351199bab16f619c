// Whole-file reads with messages that name the file.
#include "util/file.h"

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace claimgraph::util {

Result<std::string> read_file(const std::string& path) {
    if (path == "-") {
        std::ostringstream buffer;
        buffer << std::cin.rdbuf();
        return buffer.str();
    }
    std::error_code error;
    if (std::filesystem::is_directory(path, error)) return Status::io_error("'" + path + "' is a directory");
    std::ifstream in(path, std::ios::binary);
    if (!in) return Status::io_error("cannot read '" + path + "': " + std::strerror(errno));
    // One read of the whole size: a character iterator took seconds on a large file.
    std::string contents;
    const auto size = std::filesystem::file_size(path, error);
    if (!error) {
        contents.resize(static_cast<std::size_t>(size));
        in.read(contents.data(), static_cast<std::streamsize>(contents.size()));
        contents.resize(static_cast<std::size_t>(in.gcount()));
    }
    if (in.bad()) return Status::io_error("cannot read '" + path + "': read failed");
    // A file that grew, or is not a regular file (a pipe): read the rest.
    if (in) contents.append(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
    if (in.bad()) return Status::io_error("cannot read '" + path + "': read failed");
    return contents;
}

}  // namespace claimgraph::util
