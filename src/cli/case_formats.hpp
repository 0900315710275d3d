// SPDX-License-Identifier: MIT
#pragma once
// The case formats the tool reads and writes, shared by convert and merge: one table, so that
// a new format is one entry (name, extensions, reader, writer).

#include <narrative/io/case_json.hpp>
#include <narrative/model/case_model.hpp>

#include <string>
#include <string_view>
#include <vector>

namespace CLI {
class App;
}

namespace narrative::cli {

/// How CSV/TSV inputs are read (case tables and stance tables), from the command line.
struct table_options {
    std::string columns{};           ///< statements (or stance) columns: key=column,...
    std::string relation_columns{};  ///< relations columns: key=column,...
    std::string mapping{};           ///< a JSON mapping file
    std::string delimiter{};         ///< one character or `tab`; empty: by extension
    std::string relations{};         ///< the relations table; empty: NAME.relations.EXT beside the input
    bool skip_bad_rows = false;      ///< stance tables: leave bad rows out (reported) instead of failing
};

/// The table options of the running command (one command runs per process).
[[nodiscard]] table_options& current_table_options();

/// Adds --columns, --relation-columns, --mapping, --delimiter, --relations and --skip-bad-rows
/// to a command that reads tables.
void add_table_options(CLI::App* command);

/// The formats that can be read, comma-separated ("json, graphml, aif").
[[nodiscard]] std::string readable_format_list();
/// The formats that can be written, comma-separated ("json, graphml, dot, aif").
[[nodiscard]] std::string writable_format_list();
[[nodiscard]] std::vector<std::string> readable_format_names();
[[nodiscard]] std::vector<std::string> writable_format_names();

/// The format an extension names (`.csv` → csv), empty when none does.
[[nodiscard]] std::string format_by_extension(const std::string& path);

/// The format of an input: `given` when not empty; else by extension, and for `.json` by the
/// content (a top-level `nodes` or `AIF` without `format` is AIF; a file naming the type
/// `"ClaimReview"` or holding `claimReview` entries, without `format`, is ClaimReview; a top-level
/// `arguments` without `format` is Argdown's JSON export; anything else a case file).
/// Throws usage_error when it cannot be told.
[[nodiscard]] std::string input_format(const std::string& path, const std::string& given, std::string_view text);

/// The format of an output: `given` when not empty, else by extension (`.json` is a case file:
/// AIF is written only when asked for with --to aif). Throws usage_error.
[[nodiscard]] std::string output_format(const std::string& path, const std::string& given);

/// Checks `text` read from `source` in `format` (a readable format name) without throwing
/// parse_error: every problem is a diagnostic. Throws usage_error for an unknown format.
[[nodiscard]] check_result check_as(const std::string& text, const std::string& source, const std::string& format);

/// Reads an input (`-` is standard input) in `format` (empty: detected); warnings are printed.
/// Throws parse_error (exit 1), io_error or usage_error.
[[nodiscard]] case_model read_case_as(const std::string& path, const std::string& format);

/// The case as text in `format`. `input` names the case in messages. Throws output_error when
/// the format cannot carry the case (GraphML and some characters), usage_error for an unknown
/// format.
[[nodiscard]] std::string write_case_as(case_model& c, const std::string& format, const std::string& input,
                                        const std::string& output, bool infer_for_drawing);

}  // namespace narrative::cli
