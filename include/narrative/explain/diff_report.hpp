// SPDX-License-Identifier: MIT
#pragma once
// A case diff (diff/case_diff.hpp) as a document: the changes to the case, then the results
// that moved with the changes related to each; and as JSON, format `narrative-diff/1`.

#include <narrative/diff/case_diff.hpp>
#include <narrative/explain/document.hpp>
#include <narrative/explain/references.hpp>


#include <cmath>
#include <optional>
#include <string>

namespace narrative::explain {

namespace detail {

[[nodiscard]] inline std::string change_label(const item_change& c) {
    std::string out = c.item + " " + c.id + " " + std::string(to_string(c.change));
    if (!c.fields.empty()) {
        out += " (";
        for (std::size_t i = 0; i < c.fields.size(); ++i) out += (i ? ", " : "") + c.fields[i];
        out += ")";
    }
    return out;
}

}  // namespace detail

namespace detail {

// A moved result's value as the diff writes it: "0.379", "true (0.556)", "no verdict", "side 1",
// "-" when absent.
inline std::string moved_value(const std::optional<std::string>& label, double x) {
    if (!label) return number(x);
    return std::isfinite(x) ? *label + " (" + number(x) + ")" : *label;
}

}  // namespace detail

/// The diff as a document. `before_name` and `after_name` name the two versions (file names).
[[nodiscard]] inline document diff_document(const case_diff& d, const std::string& before_name,
                                            const std::string& after_name) {
    using detail::number;
    document doc{};
    doc.title = "What changed: " + before_name + " \u2192 " + after_name;
    doc.preamble.push_back({text("Statements " + std::to_string(d.statements_before) + " \u2192 " +
                                 std::to_string(d.statements_after) + "; relations (inferred included) " +
                                 std::to_string(d.relations_before) + " \u2192 " + std::to_string(d.relations_after) +
                                 "; frustration (upper bound) " + number(d.frustration_before) + " \u2192 " +
                                 number(d.frustration_after) + "; balanced " + (d.balanced_before ? "yes" : "no") +
                                 " \u2192 " + (d.balanced_after ? "yes" : "no") + "; " +
                                 std::to_string(d.side_switches) + " statements switched camps.")});
    section changes{"changes", "Changes to the case", {}, {}, d.changes.size() > 60};
    if (d.changes.empty()) {
        changes.blocks.emplace_back(paragraph{{text("The two versions hold the same items.")}});
    } else {
        table t{};
        t.header = {"#", "item", "id", "change", "fields"};
        t.numeric = {true, false, false, false, false};
        for (std::size_t i = 0; i < d.changes.size(); ++i) {
            const auto& c = d.changes[i];
            std::string fields{};
            for (std::size_t k = 0; k < c.fields.size(); ++k) fields += (k ? ", " : "") + c.fields[k];
            t.rows.push_back({{text(std::to_string(i + 1))}, {text(c.item)}, {text(c.id)},
                              {text(std::string(to_string(c.change)))}, {text(fields)}});
        }
        changes.blocks.emplace_back(std::move(t));
    }
    doc.sections.push_back(std::move(changes));
    section moved{"moved", "Results that moved", {}, {}, false};
    moved.blocks.emplace_back(paragraph{{text(
        "Verdicts that changed, credibility that moved by 0.02 or more, strengths by 0.05 or more (largest first), "
        "statements that switched camps. \"Related changes\" are the changes at the item and around it (for a strength: "
        "the statement, the statements bearing on it and their relations; for a verdict: the statements claiming about "
        "it; for a credibility: the actor's statements and the propositions it speaks to), by number in the table "
        "above; `narrative explain --statement ID` gives the exact contribution of each statement to a strength.")}});
    if (d.moved.empty()) {
        moved.blocks.emplace_back(paragraph{{text("No result moved beyond these thresholds.")}});
    } else {
        table t{};
        t.header = {"result", "of", "before", "after", "related changes"};
        t.numeric = {false, false, true, true, false};
        for (const auto& m : d.moved) {
            std::string rel{};
            for (std::size_t k = 0; k < m.related.size() && k < 8; ++k)
                rel += (k ? "; " : "") + std::string("#") + std::to_string(m.related[k] + 1) + " " +
                       detail::change_label(d.changes[m.related[k]]);
            if (m.related.size() > 8) rel += "; and " + std::to_string(m.related.size() - 8) + " more";
            if (m.related.empty()) rel = "none nearby: moved through the rest of the graph or the credibility model";
            t.rows.push_back({{text(m.what)}, {text(m.id)}, {text(detail::moved_value(m.before_label, m.before))},
                              {text(detail::moved_value(m.after_label, m.after))}, {text(rel)}});
        }
        moved.blocks.emplace_back(std::move(t));
    }
    doc.sections.push_back(std::move(moved));
    return doc;
}

}  // namespace narrative::explain
