// SPDX-License-Identifier: MIT
#pragma once
// The diff of two case versions (`narrative diff`) as JSON; as text, Markdown and HTML it is a
// document (explain/diff_report.hpp) written by the document writers.

#include <narrative/diff/case_diff.hpp>
#include <narrative/explain/diff_report.hpp>
#include <narrative/report/run_info.hpp>

#include <nlohmann/json.hpp>

#include <string>

namespace narrative::report {

/// The diff as JSON, format `narrative-diff/1`, ending with the run.
[[nodiscard]] inline nlohmann::ordered_json diff_to_json(const case_diff& d) {
    using json = nlohmann::ordered_json;
    auto changes = json::array();
    for (const auto& c : d.changes)
        changes.push_back({{"item", c.item}, {"id", c.id}, {"change", std::string(to_string(c.change))}, {"fields", c.fields}});
    auto moved = json::array();
    for (const auto& m : d.moved)
        moved.push_back({{"result", m.what}, {"of", m.id}, {"before", explain::detail::moved_value(m.before_label, m.before)},
                         {"after", explain::detail::moved_value(m.after_label, m.after)},
                         {"delta", m.delta}, {"related", m.related}});
    return {{"format", "narrative-diff/1"},
            {"before", {{"statements", d.statements_before}, {"relations", d.relations_before},
                        {"frustration", d.frustration_before}, {"balanced", d.balanced_before}}},
            {"after", {{"statements", d.statements_after}, {"relations", d.relations_after},
                       {"frustration", d.frustration_after}, {"balanced", d.balanced_after}}},
            {"side_switches", d.side_switches},
            {"changes", std::move(changes)},
            {"moved", std::move(moved)},
            {"run", run_info_json(d.run)}};
}

}  // namespace narrative::report
