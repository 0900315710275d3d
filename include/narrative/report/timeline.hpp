// SPDX-License-Identifier: MIT
#pragma once
// The timeline (`narrative timeline`) as JSON; as text, Markdown and HTML it is a document
// (explain/timeline_report.hpp) written by the document writers.

#include <narrative/model/case_model.hpp>
#include <narrative/report/run_info.hpp>
#include <narrative/timeline/replay.hpp>

#include <nlohmann/json.hpp>

#include <cmath>
#include <cstdint>
#include <string>

namespace narrative::report {

/// The timeline as JSON, format `narrative-timeline/1`: per step the date, the statements that
/// arrived, the verdicts, and credibility and strength by id (null where undefined); then the run.
[[nodiscard]] inline nlohmann::ordered_json timeline_to_json(const case_model& c, const timeline_result& t) {
    using json = nlohmann::ordered_json;
    auto number_or_null = [](double x) { return std::isfinite(x) ? json(x) : json(nullptr); };
    auto steps = json::array();
    for (const auto& s : t.steps) {
        auto arrived = json::array();
        for (auto v : s.arrived) arrived.push_back(c.statement_at(v).id);
        auto props = json::array();
        for (const auto& p : s.propositions)
            props.push_back({{"id", p.id}, {"verdict", p.verdict ? json(*p.verdict) : json(nullptr)},
                             {"belief", number_or_null(p.belief)}});
        json cred = json::object();
        for (std::uint32_t a = 0; a < c.actors().size(); ++a) cred[c.actor_at(a).id] = number_or_null(s.credibility[a]);
        json strength = json::object();
        for (statement_index v = 0; v < c.statement_count(); ++v)
            if (std::isfinite(s.strength[v])) strength[c.statement_at(v).id] = s.strength[v];
        steps.push_back({{"as_of", s.as_of.text()},
                         {"arrived", std::move(arrived)},
                         {"statements", s.statements},
                         {"relations", s.relations},
                         {"propositions", std::move(props)},
                         {"credibility", std::move(cred)},
                         {"strength", std::move(strength)},
                         {"credibility_status", std::string(to_string(s.credibility_run))},
                         {"credibility_converged", s.credibility_converged},
                         {"strength_status", std::string(to_string(s.strength_run))},
                         {"strength_converged", s.strength_converged}});
    }
    return {{"format", "narrative-timeline/1"}, {"semantics", t.semantics}, {"credibility", t.algorithm},
            {"undated", t.undated}, {"converged", t.converged()}, {"steps", std::move(steps)},
            {"run", run_info_json(t.run)}};
}

}  // namespace narrative::report
