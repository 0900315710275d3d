// SPDX-License-Identifier: MIT
#pragma once
// The result of `narrative check` as a table, Markdown or JSON.

#include <narrative/error.hpp>
#include <narrative/model/case_model.hpp>
#include <narrative/model/case_summary.hpp>

#include <nlohmann/json.hpp>

#include <sstream>
#include <string>
#include <vector>

namespace narrative::report {

/// The summary of a valid case (text, or Markdown when `markdown`): title, counts, time span
/// and the number of warnings.
[[nodiscard]] inline std::string check_table(const std::string& source, const case_model& c, const case_summary& n,
                                             std::size_t warnings, bool markdown) {
    std::ostringstream out;
    const auto row = [&](const std::string& what, const std::string& value) {
        if (markdown)
            out << "| " << what << " | " << value << " |\n";
        else
            out << "  " << what << std::string(what.size() < 14 ? 14 - what.size() : 1, ' ') << value << '\n';
    };
    if (markdown)
        out << "## " << (c.info().title ? *c.info().title : source) << "\n\n| | |\n| --- | --- |\n";
    else
        out << source << ": valid case" << (c.info().title ? " \"" + *c.info().title + "\"" : std::string()) << '\n';
    row("actors", std::to_string(n.actors));
    row("propositions", std::to_string(n.propositions));
    row("statements", std::to_string(n.statements) + " (" + std::to_string(n.claims) + " with a claim, " +
                          std::to_string(n.timed) + " dated)");
    row("relations", std::to_string(n.relations) + " (" + std::to_string(n.supports) + " supports, " +
                         std::to_string(n.contradicts) + " contradicts, " + std::to_string(n.mutual) + " mutual)");
    if (n.first) row("time span", n.first->text() + " to " + n.last->text());
    row("warnings", std::to_string(warnings));
    return out.str();
}

/// The `narrative-check/1` document: whether the case is valid (`c` null when not), its counts,
/// and every diagnostic.
[[nodiscard]] inline std::string check_json(const std::string& source, const case_model* c,
                                            const std::vector<diagnostic>& diagnostics) {
    nlohmann::ordered_json doc = {{"format", "narrative-check/1"}, {"source", source}, {"valid", c != nullptr}};
    if (c) {
        const auto n = summarise_case(*c);
        doc["counts"] = {{"actors", n.actors}, {"propositions", n.propositions}, {"statements", n.statements},
                         {"relations", n.relations}, {"supports", n.supports}, {"contradicts", n.contradicts},
                         {"claims", n.claims}};
    }
    doc["diagnostics"] = nlohmann::ordered_json::array();
    for (const auto& d : diagnostics)
        doc["diagnostics"].push_back({{"severity", d.severity == severity::error ? "error" : "warning"},
                                      {"location", d.location}, {"message", d.message}});
    return doc.dump(2) + "\n";
}

}  // namespace narrative::report
