// SPDX-License-Identifier: MIT
#pragma once
// What the fuzz targets share: a finding is reported on standard error and ends the run with
// abort(), which libFuzzer (and the corpus replay) records as a crash with its input.

#include <narrative/io/case_json.hpp>

#include <cstddef>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>

namespace narrative::fuzz {

/// Reports a broken property of the library and aborts.
[[noreturn]] inline void finding(std::string_view what, std::string_view detail = {}) {
    std::fprintf(stderr, "fuzz finding: %.*s\n", static_cast<int>(what.size()), what.data());
    if (!detail.empty()) std::fprintf(stderr, "%.*s\n", static_cast<int>(detail.size()), detail.data());
    std::abort();
}

/// Aborts with `what` unless `condition` holds.
inline void require(bool condition, std::string_view what, std::string_view detail = {}) {
    if (!condition) finding(what, detail);
}

/// The input as text.
[[nodiscard]] inline std::string_view as_text(const std::uint8_t* data, std::size_t size) {
    return size == 0 ? std::string_view{} : std::string_view(reinterpret_cast<const char*>(data), size);
}

/// Every diagnostic, one per line, for a finding's report.
[[nodiscard]] inline std::string diagnostics_text(const std::vector<diagnostic>& diagnostics) {
    std::string out;
    for (const auto& d : diagnostics) (out += d.to_string()) += '\n';
    return out;
}

/// A valid case written and read back gives the same case (the writer's output is valid and
/// the reader keeps everything the writer writes); returns the written text.
inline std::string require_json_round_trip(const case_model& c, std::string_view where) {
    const std::string written = write_case(c);
    const auto again = check_case(written, "<written>");
    require(again.ok(), std::string(where) + ": the written case does not read back",
            diagnostics_text(again.diagnostics) + written);
    require(write_case(*again.model) == written, std::string(where) + ": the case changes when written and read back",
            written);
    return written;
}

}  // namespace narrative::fuzz
