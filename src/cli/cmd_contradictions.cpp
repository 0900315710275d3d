// SPDX-License-Identifier: MIT
// `narrative contradictions CASE`: direct and derived contradictions, camps, frustration,
// possibly compound statements and per-actor self-contradictions.

#include "commands.hpp"

#include <narrative/infer/infer_relations.hpp>
#include <narrative/report/contradictions.hpp>

#include <cstdint>
#include <limits>
#include <memory>
#include <string>

namespace narrative::cli {

namespace {
// Longer bounds multiply the search (every path of that length from every statement) without
// finding tensions a reader can follow.
constexpr std::uint32_t max_path_limit = 8;
}  // namespace

void register_contradictions(CLI::App& app) {
    struct options {
        std::string input{};
        output_options output{};
        // Numbers read as text and checked here: the option parser takes "-1" for the largest
        // unsigned value.
        std::string max_path = "3";
        std::string limit = "1000";
        std::string witness = "shortest";
        bool no_infer = false;
        std::string exact_max = "30";
        bool summary = false;
        std::string max_work = std::to_string(default_max_work);
    };
    auto opts = std::make_shared<options>();
    CLI::App* cmd = app.add_subcommand(
        "contradictions",
        "Direct and derived contradictions, camps, frustration, self-contradictions and position shifts");
    cmd->add_option("CASE", opts->input, "Case file (narrative/1 JSON), or - for standard input")->required();
    cmd->add_option("--max-path", opts->max_path,
                    "Longest path (in relations) for derived tensions, from 2 to " +
                        std::to_string(max_path_limit))
        ->type_name("UINT")
        ->capture_default_str();
    cmd->add_option("--limit", opts->limit,
                    "Derived tensions listed: the strongest; all are counted (0 lists none)")
        ->type_name("UINT")
        ->capture_default_str();
    cmd->add_option("--max-work", opts->max_work,
                    "States each path search (derived tensions, self-contradictions) may reach before it "
                    "stops (0: no bound); the report says when a search stopped")
        ->type_name("UINT")
        ->capture_default_str();
    cmd->add_option("--witness", opts->witness, "Witness path of a derived tension: shortest|strongest")
        ->capture_default_str();
    cmd->add_flag("--no-infer", opts->no_infer,
                  "Do not add the relations inferred from structured claims (narrative infer)");
    cmd->add_option("--exact-max", opts->exact_max,
                    "Largest component core (statements) whose frustration is computed exactly")
        ->type_name("UINT")
        ->capture_default_str();
    cmd->add_flag("--summary", opts->summary,
                  "Table and markdown: leave out the lists of direct contradictions and derived tensions");
    add_output_options(cmd, opts->output);
    cmd->callback([opts] {
        const auto max_path = static_cast<std::uint32_t>(
            parse_unsigned_option("--max-path", opts->max_path, 2, max_path_limit,
                                  "the search from each statement visits every path of that length"));
        const auto limit = static_cast<std::size_t>(
            parse_unsigned_option("--limit", opts->limit, 0, std::numeric_limits<std::size_t>::max()));
        const auto exact_max = static_cast<std::uint32_t>(
            parse_unsigned_option("--exact-max", opts->exact_max, 0, std::numeric_limits<std::uint32_t>::max()));
        const std::uint64_t max_work = parse_unsigned_option(
            "--max-work", opts->max_work, 0, std::numeric_limits<std::uint64_t>::max());
        if (opts->witness != "shortest" && opts->witness != "strongest")
            throw usage_error("--witness must be shortest or strongest, got \"" + opts->witness + "\"");
        case_model& c = keep_until_exit(load_case_argument(opts->input));
        if (!opts->no_infer) step("inferring relations from claims", [&] { (void)infer_relations(c); });
        contradictions_options o{};
        o.tensions = {.max_length = max_path,
                      .witness = opts->witness == "strongest" ? witness_choice::strongest
                                                              : witness_choice::shortest};
        o.frustration.exact_max_statements = exact_max;
        o.derived_limit = limit;
        o.max_states = max_work_states(max_work);
        const auto report = step("analysing contradictions", [&] { return analyse_contradictions(c, o); });
        const std::string text = step("formatting", [&] {
            return opts->output.format == "json"
                       ? contradictions_json_text(c, report)
                       : format_contradictions(c, report,
                                               opts->output.format == "markdown" ? contradictions_style::markdown
                                                                                 : contradictions_style::table,
                                               opts->summary ? contradictions_detail::summary
                                                             : contradictions_detail::full);
        });
        emit(opts->output, text);
    });
}

}  // namespace narrative::cli
