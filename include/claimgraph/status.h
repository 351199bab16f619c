// Expected failures as values: Status (success or a coded error) and Result<T>.
#pragma once

#include <string>
#include <utility>
#include <variant>

namespace claimgraph {

/// What kind of failure a Status carries. The CLI maps each code to an exit code.
enum class StatusCode {
    ok,
    invalid_argument,  ///< the request is wrong (bad option, unknown parameter)
    invalid_input,     ///< an input's contents are wrong (malformed line, invalid UTF-8)
    not_found,         ///< unknown entity, query, file or path
    ambiguous,         ///< a name matches more than one thing
    io_error,          ///< a file could not be read or written
    database_error,    ///< SQLite failed, or the file is not a usable claimgraph database
    unsupported,       ///< a valid request this build cannot serve
    partial,           ///< some inputs of a batch failed, the rest succeeded
};

/// Success, or an error code with a message that names the thing and the fix.
/// Cheap to copy; thread-compatible.
class [[nodiscard]] Status {
public:
    Status() = default;

    static Status ok() { return {}; }
    static Status invalid_argument(std::string message) { return {StatusCode::invalid_argument, std::move(message)}; }
    static Status invalid_input(std::string message) { return {StatusCode::invalid_input, std::move(message)}; }
    static Status not_found(std::string message) { return {StatusCode::not_found, std::move(message)}; }
    static Status ambiguous(std::string message) { return {StatusCode::ambiguous, std::move(message)}; }
    static Status io_error(std::string message) { return {StatusCode::io_error, std::move(message)}; }
    static Status database_error(std::string message) { return {StatusCode::database_error, std::move(message)}; }
    static Status unsupported(std::string message) { return {StatusCode::unsupported, std::move(message)}; }
    static Status partial(std::string message) { return {StatusCode::partial, std::move(message)}; }

    bool is_ok() const { return m_code == StatusCode::ok; }
    explicit operator bool() const { return is_ok(); }
    StatusCode code() const { return m_code; }
    const std::string& message() const { return m_message; }

private:
    Status(StatusCode code, std::string message) : m_code(code), m_message(std::move(message)) {}

    StatusCode m_code = StatusCode::ok;
    std::string m_message;
};

/// A value or the Status explaining why there is none. Access to value() on an
/// error (or status() on a value) is a programming error and throws std::bad_variant_access.
template <typename T>
class [[nodiscard]] Result {
public:
    Result(T value) : m_state(std::move(value)) {}  // NOLINT(google-explicit-constructor)
    Result(Status status) : m_state(std::move(status)) {}  // NOLINT(google-explicit-constructor)

    bool is_ok() const { return std::holds_alternative<T>(m_state); }
    explicit operator bool() const { return is_ok(); }

    const T& value() const& { return std::get<T>(m_state); }
    T& value() & { return std::get<T>(m_state); }
    T&& value() && { return std::get<T>(std::move(m_state)); }
    const T& operator*() const& { return value(); }
    T& operator*() & { return value(); }
    const T* operator->() const { return &value(); }
    T* operator->() { return &value(); }

    /// The error; Status::ok() when the result holds a value.
    Status status() const { return is_ok() ? Status::ok() : std::get<Status>(m_state); }

private:
    std::variant<T, Status> m_state;
};

}  // namespace claimgraph
