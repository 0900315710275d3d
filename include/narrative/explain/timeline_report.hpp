// SPDX-License-Identifier: MIT
#pragma once
// The timeline replay (timeline/replay.hpp) as a document: what arrived at each date and what
// it moved (verdicts, credibility, strengths), then the verdicts, credibility and strengths at
// every date as tables and a chart. Also as JSON, format `narrative-timeline/1`.

#include <narrative/explain/document.hpp>
#include <narrative/explain/references.hpp>
#include <narrative/timeline/replay.hpp>


#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <string>
#include <vector>

namespace narrative::explain {

/// Changes smaller than these are not listed as moves (the tables show every value).
struct timeline_report_options {
    double credibility_move = 0.05;
    double strength_move = 0.1;
};

namespace detail {

[[nodiscard]] inline std::string verdict_text(const proposition_state& p) {
    if (!p.verdict) return "no verdict";
    return *p.verdict + " (" + number(p.belief) + ")";
}

[[nodiscard]] inline const proposition_state* find_state(const timeline_step& s, const std::string& id) {
    for (const auto& p : s.propositions)
        if (p.id == id) return &p;
    return nullptr;
}

}  // namespace detail

/// The sections of a timeline: "What each date changed" and "Over time" (verdicts, credibility
/// with a chart, strengths). `id_prefix` keeps anchors distinct when the sections are part of a
/// larger document.
[[nodiscard]] inline std::vector<section> timeline_sections(const case_model& c, const timeline_result& t,
                                                            const timeline_report_options& o = {},
                                                            const std::string& id_prefix = "") {
    using namespace detail;
    std::vector<section> out{};
    section changes{id_prefix + "timeline-steps", "What each date changed", {}, {}, false};
    changes.blocks.emplace_back(paragraph{{text(
        "Each date on which statements arrive, with the case as it stood then: the statements said by that date "
        "(a time counts from its start: 2025-05 from 1 May 2025), the relations among them and those their claims "
        "imply. Moves of credibility of at least " + number(o.credibility_move, 2) + " and of strength of at least " +
        number(o.strength_move, 2) + " are listed" +
        (t.undated ? "; " + std::to_string(t.undated) + " statements without a time are in every snapshot." : "."))}});
    for (std::size_t k = 0; k < t.steps.size(); ++k) {
        const timeline_step& s = t.steps[k];
        const timeline_step* before = k ? &t.steps[k - 1] : nullptr;
        section one{id_prefix + "timeline-step-" + std::to_string(k), s.as_of.text(), {}, {}, false};
        item_list items{};
        inline_text arrived{text(std::to_string(s.arrived.size()) + (s.arrived.size() == 1 ? " statement" : " statements") +
                                 " arrive (the case now has " + std::to_string(s.statements) + " statements and " +
                                 std::to_string(s.relations) + (s.relations == 1 ? " relation): " : " relations): "))};
        for (std::size_t i = 0; i < s.arrived.size(); ++i) {
            if (i) arrived.push_back(text(", "));
            arrived.push_back(sref(c, s.arrived[i]));
            arrived.push_back(text(" ("));
            arrived.push_back(statement_actor(c, s.arrived[i]));
            arrived.push_back(text(")"));
        }
        items.items.push_back(std::move(arrived));
        for (const auto& p : s.propositions) {
            const proposition_state* was = before ? find_state(*before, p.id) : nullptr;
            if (!was)
                items.items.push_back({text("verdict on " + p.id + ": "), strong(verdict_text(p)), text(" (first evidence)")});
            else if (was->verdict != p.verdict)
                items.items.push_back({text("verdict on " + p.id + " changes: " + verdict_text(*was) + " \u2192 "),
                                       strong(verdict_text(p))});
        }
        for (std::uint32_t a = 0; a < c.actors().size(); ++a) {
            const double now = s.credibility[a];
            const double then = before ? before->credibility[a] : std::numeric_limits<double>::quiet_NaN();
            if (std::isfinite(now) && !std::isfinite(then))
                items.items.push_back({text("credibility of "), aref(c, a), text(": " + number(now) + " (first estimate)")});
            else if (std::isfinite(now) && std::abs(now - then) >= o.credibility_move)
                items.items.push_back({text("credibility of "), aref(c, a),
                                       text(": " + number(then) + " \u2192 " + number(now))});
        }
        if (before)
            for (statement_index v = 0; v < c.statement_count(); ++v) {
                const double now = s.strength[v], then = before->strength[v];
                if (std::isfinite(now) && std::isfinite(then) && std::abs(now - then) >= o.strength_move)
                    items.items.push_back({text("strength of "), sref(c, v),
                                           text(": " + number(then) + " \u2192 " + number(now))});
            }
        if (!s.credibility_converged || !s.strength_converged)
            items.items.push_back({strong("warning: "), text(std::string(!s.credibility_converged ? "credibility" : "strength") +
                                                             " did not converge at this date; its values are the last iterate")});
        one.blocks.emplace_back(std::move(items));
        changes.subsections.push_back(std::move(one));
    }
    out.push_back(std::move(changes));

    section over{id_prefix + "timeline-over-time", "Over time", {}, {}, false};
    std::vector<std::string> dates{};
    for (const auto& s : t.steps) dates.push_back(s.as_of.text());
    // Verdicts: every proposition that has a state at some date, in order of first appearance.
    std::vector<std::string> ids{};
    for (const auto& s : t.steps)
        for (const auto& p : s.propositions)
            if (std::find(ids.begin(), ids.end(), p.id) == ids.end()) ids.push_back(p.id);
    if (!ids.empty()) {
        table v{};
        v.header.push_back("proposition");
        for (const auto& d : dates) v.header.push_back(d);
        v.numeric.assign(v.header.size(), false);
        for (const auto& id : ids) {
            std::vector<inline_text> row{{text(id)}};
            for (const auto& s : t.steps) {
                const proposition_state* p = find_state(s, id);
                row.push_back({text(p ? verdict_text(*p) : std::string("-"))});
            }
            v.rows.push_back(std::move(row));
        }
        over.blocks.emplace_back(paragraph{{strong("Verdicts"), text(" (the value believed most, and its belief):")}});
        over.blocks.emplace_back(std::move(v));
    }
    table cred{};
    cred.header.push_back("actor");
    for (const auto& d : dates) cred.header.push_back(d);
    cred.numeric.assign(cred.header.size(), true);
    cred.numeric[0] = false;
    chart ch{};
    ch.caption = "Credibility (" + t.algorithm + ") of each actor at each date; a line starts when the actor first "
                 "has a defined credibility.";
    ch.x_labels = dates;
    for (std::uint32_t a = 0; a < c.actors().size(); ++a) {
        series line{c.actor_at(a).id, {}};
        std::vector<inline_text> row{{aref(c, a)}};
        bool any = false;
        for (const auto& s : t.steps) {
            line.values.push_back(s.credibility[a]);
            row.push_back({text(number(s.credibility[a]))});
            any = any || std::isfinite(s.credibility[a]);
        }
        if (!any) continue;
        cred.rows.push_back(std::move(row));
        ch.lines.push_back(std::move(line));
    }
    over.blocks.emplace_back(paragraph{{strong("Credibility"), text(" (" + t.algorithm + "):")}});
    over.blocks.emplace_back(std::move(ch));
    over.blocks.emplace_back(std::move(cred));
    section strengths{id_prefix + "timeline-strengths", "Strength of each statement (" + t.semantics + ")", {}, {},
                      c.statement_count() > 40};
    table st{};
    st.header.push_back("statement");
    for (const auto& d : dates) st.header.push_back(d);
    st.numeric.assign(st.header.size(), true);
    st.numeric[0] = false;
    for (statement_index v = 0; v < c.statement_count(); ++v) {
        std::vector<inline_text> row{{sref(c, v)}};
        for (const auto& s : t.steps) row.push_back({text(number(s.strength[v]))});
        st.rows.push_back(std::move(row));
    }
    strengths.blocks.emplace_back(std::move(st));
    over.subsections.push_back(std::move(strengths));
    out.push_back(std::move(over));
    return out;
}

/// The timeline as a document of its own.
[[nodiscard]] inline document timeline_document(const case_model& c, const timeline_result& t,
                                                const timeline_report_options& o = {}) {
    document d{};
    d.title = (c.info().title ? *c.info().title + ": " : std::string{}) + "timeline";
    d.preamble.push_back({text(std::to_string(t.steps.size()) + " dates, " + std::to_string(c.statement_count()) +
                               " statements (" + std::to_string(t.undated) + " without a time). Strengths: " +
                               t.semantics + "; credibility: " + t.algorithm +
                               (t.converged() ? "; every solve converged." : "; some solves did not converge (see the dates)."))});
    d.sections = timeline_sections(c, t, o);
    return d;
}

}  // namespace narrative::explain
