// SPDX-License-Identifier: MIT
// Fuzz target: a stance table and its mapping. The first line of the input is the mapping
// (JSON when it starts with `{`, else the command line's `key=column,...` spec); the rest is
// the table, imported strictly and then leniently.
//
// Properties checked: only parse_error and rule_error are thrown (the documented errors); a
// lenient import accounts for every data row (read = kept + skipped); a strict import that
// succeeds skips nothing; the case built is valid: written as JSON it reads back unchanged.

#include "fuzz_support.hpp"

#include <narrative/infer/infer_relations.hpp>
#include <narrative/io/stance_csv.hpp>

#include <optional>
#include <string>

namespace {

using namespace narrative;

std::optional<stance_csv_mapping> mapping_of(std::string_view line) {
    try {
        return !line.empty() && line.front() == '{' ? parse_stance_csv_mapping_json(line)
                                                    : parse_stance_csv_mapping(line);
    } catch (const parse_error&) {
        return std::nullopt;
    } catch (const rule_error&) {
        return std::nullopt;
    }
}

void check_import(const stance_csv_result& r, bool strict) {
    fuzz::require(r.skipped <= r.rows, "more rows skipped than read");
    fuzz::require(r.model.statement_count() == r.rows - r.skipped, "a row kept is not one statement");
    fuzz::require(r.diagnostics.size() == r.skipped, "a skipped row without its diagnostic");
    if (strict) fuzz::require(r.skipped == 0, "a strict import skipped a row");
    case_model c = r.model;
    (void)fuzz::require_json_round_trip(c, strict ? "stance CSV (strict)" : "stance CSV (lenient)");
    (void)infer_relations(c);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input = fuzz::as_text(data, size);
    const std::size_t newline = input.find('\n');
    const std::string_view first = input.substr(0, newline);
    const std::string_view table = newline == std::string_view::npos ? std::string_view{} : input.substr(newline + 1);
    const auto mapping = mapping_of(first);
    if (!mapping) return 0;
    for (const bool strict : {true, false}) {
        try {
            check_import(import_stance_csv(table, *mapping, {.source_name = "<fuzz>", .strict = strict}), strict);
        } catch (const parse_error& e) {
            fuzz::require(!e.diagnostics().empty(), "a parse_error without a diagnostic");
        } catch (const rule_error&) {
        }
    }
    return 0;
}
