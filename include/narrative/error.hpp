// SPDX-License-Identifier: MIT
#pragma once
// The exception types of the library: one per boundary, all derived from narrative::error.
// Catching narrative::error catches everything the library throws on purpose.

#include <cstddef>
#include <stdexcept>
#include <string>
#include <string_view>
#include <system_error>
#include <utility>
#include <vector>

namespace narrative {

/// The stable category of an error; messages may change, categories do not.
enum class errc {
    parse,  ///< malformed or schema-invalid input
    model,  ///< an invalid edit of a case (duplicate or unknown id)
    rule,   ///< unknown rule, semantics or format name, invalid parameter
    io,     ///< a file could not be read or written
    usage,  ///< a command-line usage error
};

/// How serious a diagnostic is: errors make input invalid, warnings do not.
enum class severity { error, warning };

/// One located problem found in an input.
///
/// `location` is either `line:column` (syntax errors, 1-based) or a JSON Pointer
/// (RFC 6901, e.g. `/statements/3/base`) for problems with the content.
struct diagnostic {
    enum severity severity = severity::error;
    std::string source{};    ///< file name, `<stdin>` or `<string>`
    std::string location{};  ///< `line:column` or a JSON Pointer; empty for the whole input
    std::string message{};   ///< lowercase, no trailing period, offending value quoted

    /// `source:location: severity: message`, the form the CLI prints.
    [[nodiscard]] std::string to_string() const {
        std::string out = source;
        if (!location.empty()) {
            if (!out.empty()) out += ':';
            out += location;
        }
        if (!out.empty()) out += ": ";
        out += severity == severity::error ? "error: " : "warning: ";
        out += message;
        return out;
    }
};

/// Base of every exception the library throws on purpose.
class error : public std::runtime_error {
public:
    error(errc code, const std::string& message) : std::runtime_error(message), code_(code) {}
    [[nodiscard]] errc code() const noexcept { return code_; }

private:
    errc code_;
};

/// Malformed or invalid input; carries every diagnostic found, not only the first.
class parse_error : public error {
public:
    explicit parse_error(std::vector<diagnostic> diagnostics)
        : error(errc::parse, join(diagnostics)), diagnostics_(std::move(diagnostics)) {}
    explicit parse_error(diagnostic d) : parse_error(std::vector<diagnostic>{std::move(d)}) {}

    /// Every problem found, in the order met in the input.
    [[nodiscard]] const std::vector<diagnostic>& diagnostics() const noexcept {
        return diagnostics_;
    }

private:
    // The message: the first 100 errors, one per line, then how many more there are.
    static std::string join(const std::vector<diagnostic>& ds) {
        constexpr std::size_t shown = 100;
        std::string out{};
        std::size_t errors = 0;
        for (const auto& d : ds) {
            if (d.severity != severity::error) continue;
            if (++errors > shown) continue;
            if (!out.empty()) out += '\n';
            out += d.to_string();
        }
        if (errors > shown) out += "\nand " + std::to_string(errors - shown) + " more errors";
        return out.empty() ? std::string("invalid input") : out;
    }
    std::vector<diagnostic> diagnostics_{};
};

/// An invalid edit of a case model: a duplicate id, an unknown id, an out-of-range value.
class model_error : public error {
public:
    explicit model_error(const std::string& message) : error(errc::model, message) {}
};

/// An unknown rule, semantics or format name, or an invalid parameter.
class rule_error : public error {
public:
    explicit rule_error(const std::string& message) : error(errc::rule, message) {}
};

/// A file-system failure; the message names the path and the system's reason.
class io_error : public error {
public:
    io_error(const std::string& path, const std::string& what)
        : error(errc::io, path + ": " + what), path_(path) {}
    io_error(const std::string& path, std::error_code ec) : io_error(path, ec.message()) {}
    [[nodiscard]] const std::string& path() const noexcept { return path_; }

private:
    std::string path_{};
};

/// A command-line usage error (unknown command, option or value).
class usage_error : public error {
public:
    explicit usage_error(const std::string& message) : error(errc::usage, message) {}
};

}  // namespace narrative
