// SPDX-License-Identifier: MIT
#pragma once
// The case formats the tool reads and writes, shared by convert and merge: one table, so that
// a new format is one entry (name, extensions, reader, writer).

#include <narrative/model/case_model.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace narrative::cli {

/// The formats that can be read, comma-separated ("json, graphml, aif").
[[nodiscard]] std::string readable_format_list();
/// The formats that can be written, comma-separated ("json, graphml, dot, aif").
[[nodiscard]] std::string writable_format_list();
[[nodiscard]] std::vector<std::string> readable_format_names();
[[nodiscard]] std::vector<std::string> writable_format_names();

/// The format of an input: `given` when not empty; else by extension, and for `.json` by the
/// content (a top-level `nodes` or `AIF` without `format` is AIF, anything else a case file).
/// Throws usage_error when it cannot be told.
[[nodiscard]] std::string input_format(const std::string& path, const std::string& given, std::string_view text);

/// The format of an output: `given` when not empty, else by extension (`.json` is a case file:
/// AIF is written only when asked for with --to aif). Throws usage_error.
[[nodiscard]] std::string output_format(const std::string& path, const std::string& given);

/// Reads an input (`-` is standard input) in `format` (empty: detected); warnings are printed.
/// Throws parse_error (exit 1), io_error or usage_error.
[[nodiscard]] case_model read_case_as(const std::string& path, const std::string& format);

/// The case as text in `format`. `input` names the case in messages. Throws output_error when
/// the format cannot carry the case (GraphML and some characters), usage_error for an unknown
/// format.
[[nodiscard]] std::string write_case_as(case_model& c, const std::string& format, const std::string& input,
                                        const std::string& output, bool infer_for_drawing);

}  // namespace narrative::cli
