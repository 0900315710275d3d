// SPDX-License-Identifier: MIT
#pragma once
// The inferred relations (`narrative infer`) as text, Markdown or JSON.

#include <narrative/infer/infer_relations.hpp>
#include <narrative/infer/relation_rule.hpp>
#include <narrative/model/case_model.hpp>
#include <narrative/report/run_info.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <sstream>
#include <string>
#include <vector>

namespace narrative::report {

/// The inferred relations and annotations as tables (text, or Markdown when `markdown`), then
/// the count of skipped duplicates.
[[nodiscard]] inline std::string inference_text(const case_model& c, const inference_result& r, bool markdown) {
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

/// The `narrative-infer/1` document: the rules run, the relations and annotations with their
/// rule and reason, the duplicates skipped, and the run.
[[nodiscard]] inline std::string inference_json(const case_model& c, const inference_result& r,
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
    doc["run"] = run_info_json(r.run);
    return doc.dump(2) + "\n";
}

}  // namespace narrative::report
