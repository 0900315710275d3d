// SPDX-License-Identifier: MIT
#pragma once
// The answer of a crisp task (`narrative extensions`) as text, Markdown or JSON.

#include <narrative/extensions/bipolar.hpp>
#include <narrative/extensions/tasks.hpp>
#include <narrative/model/case_model.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace narrative::report {

/// An extension as its statement ids, sorted.
[[nodiscard]] inline std::vector<std::string> extension_ids(const case_model& c, const argument_set& e) {
    std::vector<std::string> ids;
    ids.reserve(e.size());
    for (const auto v : e) ids.push_back(c.statement_at(v).id);
    std::sort(ids.begin(), ids.end());
    return ids;
}

namespace detail {

inline std::string braces(const std::vector<std::string>& ids) {
    std::string s = "{";
    for (std::size_t i = 0; i < ids.size(); ++i) s += (i ? ", " : "") + ids[i];
    return s + "}";
}

}  // namespace detail

/// A crisp task's answer with what the writers name: where the case came from, the semantics,
/// task, support reading and solver, and the extensions as ids.
struct extensions_outcome {
    std::string source{};
    std::string semantics{};
    crisp_task task = crisp_task::ee;
    support_reading support = support_reading::none;
    std::string solver{};
    task_result result{};
    std::vector<std::vector<std::string>> extensions{};  // as ids, each sorted, the list sorted
    std::string statement{};
    const bipolar_reduction* reduction = nullptr;
};

namespace detail {

// The status names of the narrative-extensions/1 format, which predate run_status and stay.
inline std::string_view extensions_status_name(run_status s) {
    return s == run_status::limit_reached ? "limit-reached" : "done";
}

}  // namespace detail

/// The `narrative-extensions/1` document.
[[nodiscard]] inline std::string extensions_json(const case_model& c, const extensions_outcome& o) {
    nlohmann::ordered_json doc = {{"format", "narrative-extensions/1"},
                                  {"semantics", o.semantics},
                                  {"task", std::string(to_string(o.task))},
                                  {"support", std::string(to_string(o.support))},
                                  {"solver", o.solver},
                                  {"status", std::string(detail::extensions_status_name(o.result.run.status))}};
    if (o.task == crisp_task::dc || o.task == crisp_task::ds) {
        doc["statement"] = o.statement;
        doc["accepted"] = *o.result.accepted;
        const char* key = o.task == crisp_task::dc ? "witness" : "counterexample";
        doc[key] = o.extensions.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(o.extensions[0]);
    } else {
        doc["count"] = o.result.count;
    }
    if (o.task != crisp_task::count) doc["extensions"] = o.extensions;
    if (o.support != support_reading::none) {
        auto list = nlohmann::ordered_json::array();
        for (const auto& d : o.reduction->derived)
            list.push_back({{"from", c.statement_at(d.from).id},
                            {"to", c.statement_at(d.to).id},
                            {"pattern", std::string(to_string(d.pattern))},
                            {"via", c.statement_at(d.via).id}});
        doc["derived_attacks"] = std::move(list);
    }
    if (o.support == support_reading::necessary) {
        auto list = nlohmann::ordered_json::array();
        for (const std::uint32_t a : o.reduction->unfounded) list.push_back(c.statement_at(a).id);
        doc["unfounded"] = std::move(list);
    }
    return doc.dump(2) + "\n";
}

/// The answer as text (or Markdown when `markdown`): the extensions or the decision, then the
/// derived attacks and unfounded statements of a bipolar reading.
[[nodiscard]] inline std::string extensions_text(const case_model& c, const extensions_outcome& o, bool markdown) {
    using detail::braces;
    std::ostringstream out;
    const std::string head = o.semantics + " extensions of " + o.source + " (task " +
                             std::string(to_string(o.task)) + ", support " +
                             std::string(to_string(o.support)) + ", solver " + o.solver + ")";
    out << (markdown ? "## " : "") << head << '\n';
    if (markdown) out << '\n';
    const std::string item = markdown ? "- " : "  ";
    switch (o.task) {
        case crisp_task::se:
        case crisp_task::ee:
            if (o.task == crisp_task::se)
                out << (o.extensions.empty() ? "no extension" : "one extension") << '\n';
            else
                out << o.result.count << (o.result.count == 1 ? " extension" : " extensions")
                    << (o.result.run.status == run_status::limit_reached ? " (limit reached: there are more)" : "")
                    << '\n';
            for (const auto& e : o.extensions) out << item << braces(e) << '\n';
            break;
        case crisp_task::count:
            out << o.result.count << (o.result.count == 1 ? " extension" : " extensions")
                << (o.result.run.status == run_status::limit_reached ? " at least (limit reached)" : "") << '\n';
            break;
        case crisp_task::dc:
            out << o.statement << " is " << (*o.result.accepted ? "" : "not ") << "credulously accepted";
            if (!o.extensions.empty()) out << "; witness " << braces(o.extensions[0]);
            out << '\n';
            break;
        case crisp_task::ds:
            out << o.statement << " is " << (*o.result.accepted ? "" : "not ") << "sceptically accepted";
            if (!o.extensions.empty()) out << "; counterexample " << braces(o.extensions[0]);
            else if (*o.result.accepted && o.result.extensions.empty() && o.semantics == "stable")
                out << " (every stable extension contains it, possibly because there is none)";
            out << '\n';
            break;
    }
    if (o.support != support_reading::none) {
        out << (markdown ? "\n" : "") << o.reduction->derived.size() << " derived attacks ("
            << to_string(o.support) << " support)" << (o.reduction->derived.empty() ? "" : ":") << '\n';
        for (const auto& d : o.reduction->derived)
            out << item << c.statement_at(d.from).id << " attacks " << c.statement_at(d.to).id << " ("
                << to_string(d.pattern) << ", via " << c.statement_at(d.via).id << ")\n";
    }
    if (!o.reduction || o.reduction->unfounded.empty()) return out.str();
    const std::size_t k = o.reduction->unfounded.size();
    out << (markdown ? "\n" : "") << k << (k == 1 ? " statement" : " statements")
        << " in no extension (what it needs loops back on itself through necessary supports):\n";
    for (const std::uint32_t a : o.reduction->unfounded) out << item << c.statement_at(a).id << '\n';
    return out.str();
}

}  // namespace narrative::report
