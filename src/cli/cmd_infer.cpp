// SPDX-License-Identifier: MIT
// `narrative infer CASE`: the relations proposed from structured claims, each with its rule and
// reason, plus the repetition and relay annotations.

#include "commands.hpp"

#include <narrative/infer/infer_relations.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <memory>
#include <sstream>
#include <string>
#include <vector>

namespace narrative::cli {
namespace {

std::string render_text(const case_model& c, const inference_result& r, bool markdown) {
    std::ostringstream out;
    const auto section = [&](const std::string& title, const std::vector<inference>& items) {
        out << (markdown ? "## " : "") << title << " (" << items.size() << ")\n"
            << (markdown ? "\n" : "");
        if (items.empty()) {
            out << "  none\n\n";
            return;
        }
        std::vector<std::vector<std::string>> rows{};
        for (const auto& i : items)
            rows.push_back({c.statement_at(i.from).id, std::string(to_string(i.effect)),
                            c.statement_at(i.to).id, i.rule, i.reason});
        const std::vector<std::string> head{"from", "effect", "to", "rule", "reason"};
        if (markdown) {
            out << "| from | effect | to | rule | reason |\n| --- | --- | --- | --- | --- |\n";
            for (const auto& row : rows)
                out << "| " << row[0] << " | " << row[1] << " | " << row[2] << " | " << row[3]
                    << " | " << row[4] << " |\n";
            out << '\n';
            return;
        }
        std::vector<std::size_t> width(4, 0);
        for (std::size_t k = 0; k < 4; ++k) width[k] = head[k].size();
        for (const auto& row : rows)
            for (std::size_t k = 0; k < 4; ++k) width[k] = std::max(width[k], row[k].size());
        const auto line = [&](const std::vector<std::string>& row) {
            out << "  ";
            for (std::size_t k = 0; k < 4; ++k) out << row[k] << std::string(width[k] - row[k].size() + 2, ' ');
            out << row[4] << '\n';
        };
        line(head);
        for (const auto& row : rows) line(row);
        out << '\n';
    };
    section("Inferred relations", r.added);
    section("Annotations, no relation added", r.annotations);
    out << r.duplicates << " proposal(s) already present in the case were skipped\n";
    return out.str();
}

std::string render_json(const case_model& c, const inference_result& r,
                        const relation_rule_registry& rules) {
    using json = nlohmann::ordered_json;
    json doc = {{"format", "narrative-infer/1"}};
    json names = json::array();
    for (const auto& rule : rules.rules()) names.push_back(std::string(rule.name()));
    doc["rules"] = names;
    const auto item = [&](const inference& i) {
        json j = {{"from", c.statement_at(i.from).id}, {"to", c.statement_at(i.to).id},
                  {"effect", std::string(to_string(i.effect))}, {"rule", i.rule}, {"reason", i.reason}};
        if (i.is_relation()) {
            j["type"] = i.effect == inference_effect::supports ? "supports" : "contradicts";
            j["weight"] = i.weight;
            j["directed"] = i.effect == inference_effect::supports;
        }
        return j;
    };
    doc["relations"] = json::array();
    for (const auto& i : r.added) doc["relations"].push_back(item(i));
    doc["annotations"] = json::array();
    for (const auto& i : r.annotations) doc["annotations"].push_back(item(i));
    doc["duplicates"] = r.duplicates;
    return doc.dump(2) + "\n";
}

}  // namespace

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
        const case_model c = load_case_argument(opts->input);
        const auto result = propose_relations(c, rules);
        if (opts->output.format == "json")
            emit(opts->output, render_json(c, result, rules));
        else
            emit(opts->output, render_text(c, result, opts->output.format == "markdown"));
    });
}

}  // namespace narrative::cli
