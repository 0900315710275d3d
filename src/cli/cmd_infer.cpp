// SPDX-License-Identifier: MIT
// `narrative infer CASE`: the relations proposed from structured claims, each with its rule and
// reason, plus the repetition and relay annotations.

#include "commands.hpp"

#include <narrative/infer/infer_relations.hpp>
#include <narrative/report/inference.hpp>

#include <algorithm>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace narrative::cli {

void register_infer(CLI::App& app) {
    struct options {
        std::string input{};
        output_options output{};
        std::vector<std::string> rules{};
    };
    auto opts = std::make_shared<options>();
    CLI::App* cmd = app.add_subcommand(
        "infer", "Relations proposed from structured claims, each with its rule and reason");
    cmd->add_option("CASE", opts->input, "Case file (narrative/1 JSON), or - for standard input")->required();
    cmd->add_option("--rule", opts->rules,
                    "Run only these rules (repeatable): same-claim, asserts-vs-denies, "
                    "exclusive-values, relay, repetition");
    add_output_options(cmd, opts->output);
    cmd->callback([opts] {
        const relation_rule_registry all = builtin_relation_rules();
        relation_rule_registry chosen{};
        for (const auto& name : opts->rules) {
            const auto& rule = all.find(name);  // rule_error (exit 2) for an unknown name
            if (!chosen.contains(name)) chosen.add(rule);
        }
        const relation_rule_registry& rules = opts->rules.empty() ? all : chosen;
        const case_model& c = keep_until_exit(load_case_argument(opts->input));
        const auto result = step("inferring relations from claims", [&] { return propose_relations(c, rules); });
        if (opts->output.format == "json")
            emit(opts->output, report::inference_json(c, result, rules));
        else
            emit(opts->output, report::inference_text(c, result, opts->output.format == "markdown"));
    });
}

}  // namespace narrative::cli
