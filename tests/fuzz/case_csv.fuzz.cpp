// SPDX-License-Identifier: MIT
// Fuzz target: case tables. The first line of the input is a table mapping (JSON when it
// starts with `{`, else none); the rest holds the statements table, then optionally the
// relations, actors, propositions and case tables, separated by lines `%%`.
//
// Properties checked: only rule_error is thrown (for a mapping naming a key no table has);
// invalid tables give at least one error, each with a source; a valid case written as tables
// and read back is the same case (equal as JSON), and its tables written again are the same
// bytes; the case is valid: written as JSON it reads back unchanged.

#include "fuzz_support.hpp"

#include <narrative/io/case_csv.hpp>

#include <array>
#include <optional>
#include <string>

namespace {

using namespace narrative;

case_csv_input tables_of(const case_csv_output& t) {
    return {.statements = {.text = t.statements, .source = "s"},
            .relations = csv_table_text{.text = t.relations, .source = "r"},
            .actors = csv_table_text{.text = t.actors, .source = "a"},
            .propositions = csv_table_text{.text = t.propositions, .source = "p"},
            .info = csv_table_text{.text = t.info, .source = "c"}};
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    const std::string_view input = fuzz::as_text(data, size);
    const std::size_t newline = input.find('\n');
    const std::string_view first = input.substr(0, newline);
    std::string_view rest = newline == std::string_view::npos ? std::string_view{} : input.substr(newline + 1);
    case_csv_mapping mapping{};
    if (!first.empty() && first.front() == '{') {
        try {
            mapping = parse_table_mapping_json(first);
        } catch (const parse_error&) {
            return 0;
        } catch (const rule_error&) {
            return 0;
        }
    }
    std::array<std::optional<csv_table_text>, 5> tables{};
    for (std::size_t i = 0; i < tables.size() && (i == 0 || !rest.empty()); ++i) {
        const std::size_t cut = rest.find("\n%%\n");
        tables[i] = csv_table_text{.text = std::string(rest.substr(0, cut)), .source = "t" + std::to_string(i)};
        rest = cut == std::string_view::npos ? std::string_view{} : rest.substr(cut + 4);
    }
    case_csv_input in{.statements = *tables[0], .relations = tables[1], .actors = tables[2],
                      .propositions = tables[3], .info = tables[4]};
    check_result r{};
    try {
        r = check_case_tables(in, mapping);
    } catch (const rule_error&) {
        return 0;
    }
    for (const auto& d : r.diagnostics) fuzz::require(!d.source.empty(), "a diagnostic without a source", d.to_string());
    if (!r.model) {
        fuzz::require(r.error_count() > 0, "invalid tables without an error");
        return 0;
    }
    const std::string json = fuzz::require_json_round_trip(*r.model, "case tables");
    for (const char delimiter : {',', '\t'}) {
        const auto written = write_case_tables(*r.model, delimiter);
        case_csv_mapping plain{};
        plain.delimiter = delimiter;
        auto back = check_case_tables(tables_of(written), plain);
        if (!back.model) fuzz::finding("written tables do not read back", fuzz::diagnostics_text(back.diagnostics));
        fuzz::require(nlohmann::json::parse(write_case(*back.model)) == nlohmann::json::parse(json),
                      "case -> tables -> case changed the case", write_case(*back.model));
        fuzz::require(write_case_tables(*back.model, delimiter).statements == written.statements,
                      "tables written twice differ");
    }
    return 0;
}
