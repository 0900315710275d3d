// SPDX-License-Identifier: MIT
#pragma once
// The analyses replayed as the story unfolded: for each date on which statements arrive, the
// case as it stood then (the statements said by that date, the relations among them, the
// relations their claims imply), with the verdict on each proposition, each actor's
// credibility and each statement's strength.
//
// A statement belongs to the case from the start of its time: `2025-05` from 1 May 2025, `2025`
// from 1 January 2025 (the earliest it may have been said; its time says no more). Statements
// without a time are part of every snapshot (the case gives no date to hold them back), and
// counted in the result.

#include <narrative/actors/consistency.hpp>
#include <narrative/error.hpp>
#include <narrative/gradual/registry.hpp>
#include <narrative/infer/infer_relations.hpp>
#include <narrative/model/case_model.hpp>
#include <narrative/model/compiled_graph.hpp>
#include <narrative/run_info.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <string>
#include <vector>

namespace narrative {

/// Parameters of replay_timeline.
struct timeline_options {
    actor_consistency_options actors{};  ///< credibility algorithm and its options
    score_options solve{};               ///< for the strengths
    bool infer = true;                   ///< add the relations implied by claims in each snapshot
    /// Largest number of snapshots (distinct statement times); a case with more is refused:
    /// each snapshot runs every analysis.
    std::size_t max_steps = 200;
};

/// A proposition's state in one snapshot.
struct proposition_state {
    std::string id{};
    std::optional<std::string> verdict{};  ///< unset: a tie, or no evidence yet
    double belief = std::numeric_limits<double>::quiet_NaN();  ///< belief in the verdict
};

/// The case as it stood at one date.
struct timeline_step {
    time_point as_of;                        ///< the statement time that opens this snapshot
    std::vector<statement_index> arrived{};  ///< statements first present here (indices of the whole case)
    std::size_t statements = 0;              ///< statements in the snapshot
    std::size_t relations = 0;               ///< relations in it, inferred ones included
    /// Per actor of the whole case: credibility, NaN when undefined (or the actor has not
    /// spoken yet).
    std::vector<double> credibility{};
    /// Per statement of the whole case: strength, NaN when not yet said.
    std::vector<double> strength{};
    /// Every proposition some statement of the snapshot makes a claim about, as the actor
    /// report lists them.
    std::vector<proposition_state> propositions{};
    run_status credibility_run = run_status::empty;
    bool credibility_converged = true;
    run_status strength_run = run_status::ok;
    bool strength_converged = true;
};

/// The replay: one step per distinct statement time, in time order.
struct timeline_result {
    std::vector<timeline_step> steps{};
    std::size_t undated = 0;    ///< statements without a time, in every snapshot
    std::string semantics{};    ///< of the strengths
    std::string algorithm{};    ///< of the credibility
    /// Over every step: the worst status of its solves (a snapshot without claims counts as
    /// `ok`), converged when all converged, their iterations summed, the largest residual, and
    /// a warning for each solve that did not converge; `empty` when no statement has a time.
    run_info run{};
    /// Every step's solvers converged (else see each step's flags).
    [[nodiscard]] bool converged() const noexcept {
        return std::all_of(steps.begin(), steps.end(),
                           [](const timeline_step& s) { return s.credibility_converged && s.strength_converged; });
    }
};

/// The sub-case of `c` holding the statements with `keep[v]` (in case order), every actor and
/// proposition (so that actor indices stay those of `c`), and the asserted relations between
/// kept statements. `index_in_c` receives, per statement of the sub-case, its index in `c`.
[[nodiscard]] inline case_model sub_case(const case_model& c, const std::vector<bool>& keep,
                                         std::vector<statement_index>& index_in_c) {
    case_model s{};
    s.info() = c.info();
    for (const auto& a : c.actors()) (void)s.add_actor(a);
    for (const auto& p : c.propositions()) (void)s.add_proposition(p);
    constexpr statement_index none = std::numeric_limits<statement_index>::max();
    std::vector<statement_index> in_sub(c.statement_count(), none);
    index_in_c.clear();
    for (statement_index v = 0; v < c.statement_count(); ++v) {
        if (!keep[v]) continue;
        in_sub[v] = s.add_statement(c.statement_at(v));
        index_in_c.push_back(v);
    }
    for (const auto h : c.relations()) {
        const relation& r = c.relation_at(h);
        if (r.provenance != provenance::asserted) continue;
        const auto u = in_sub[c.source(h)], w = in_sub[c.target(h)];
        if (u == none || w == none) continue;
        (void)s.relate(u, w, r);
    }
    return s;
}

/// The distinct statement times of `c`, in time order: the dates of replay_timeline's steps.
[[nodiscard]] inline std::vector<time_point> statement_times(const case_model& c) {
    std::vector<time_point> times{};
    for (statement_index v = 0; v < c.statement_count(); ++v)
        if (const auto& t = c.statement_at(v).time) times.push_back(*t);
    std::sort(times.begin(), times.end());
    times.erase(std::unique(times.begin(), times.end()), times.end());
    return times;
}

/// Replays the actor report and the strengths under `semantics` at each distinct statement
/// time of `c` (its asserted relations; inferred ones are derived again in each snapshot when
/// options.infer). Throws rule_error when the case has more distinct times than
/// options.max_steps, or for bad analysis options. Complexity: one actor report and one solve
/// per step.
[[nodiscard]] inline timeline_result replay_timeline(const case_model& c, const any_gradual_semantics& semantics,
                                                     const timeline_options& options = {}) {
    timeline_result out{};
    out.semantics = std::string(semantics.name());
    out.algorithm = options.actors.algorithm;
    const std::vector<time_point> times = statement_times(c);
    for (statement_index v = 0; v < c.statement_count(); ++v) out.undated += !c.statement_at(v).time.has_value();
    if (times.size() > options.max_steps)
        throw rule_error("the case has statements at " + std::to_string(times.size()) +
                         " distinct times, more than the " + std::to_string(options.max_steps) +
                         " snapshots allowed (each runs every analysis); raise the limit to replay them all");
    const double nan = std::numeric_limits<double>::quiet_NaN();
    std::vector<bool> present(c.statement_count(), false);
    for (statement_index v = 0; v < c.statement_count(); ++v) present[v] = !c.statement_at(v).time.has_value();
    for (const auto& t : times) {
        timeline_step step{.as_of = t};
        for (statement_index v = 0; v < c.statement_count(); ++v) {
            const auto& st = c.statement_at(v).time;
            if (st && !present[v] && *st <= t) {
                present[v] = true;
                step.arrived.push_back(v);
            }
        }
        std::vector<statement_index> index_in_c{};
        case_model snapshot = sub_case(c, present, index_in_c);
        if (options.infer) (void)infer_relations(snapshot);
        step.statements = snapshot.statement_count();
        step.relations = snapshot.relation_count();
        const consistency_report rep = actor_consistency_report(snapshot, options.actors);
        step.credibility.assign(c.actors().size(), nan);
        for (const auto& a : rep.actors)
            if (a.credibility.value && !c.statements_of(a.actor).empty() && !snapshot.statements_of(a.actor).empty())
                step.credibility[a.actor] = *a.credibility.value;
        step.credibility_run = rep.credibility.run.status;
        step.credibility_converged = rep.credibility.run.converged || rep.credibility.run.status == run_status::empty;
        for (const auto& p : rep.propositions) {
            proposition_state ps{.id = p.id, .verdict = p.verdict};
            if (p.verdict)
                for (const auto& v : p.values)
                    if (v.value == *p.verdict) ps.belief = v.belief;
            step.propositions.push_back(std::move(ps));
        }
        const score_result sr = semantics.score(compiled_graph::compile(snapshot), options.solve);
        step.strength.assign(c.statement_count(), nan);
        for (std::size_t i = 0; i < index_in_c.size(); ++i) step.strength[index_in_c[i]] = sr.strength[i];
        step.strength_run = sr.run.status;
        step.strength_converged = sr.run.converged;
        const std::string when = "as of " + t.text() + ": ";
        run_info credibility_run = rep.credibility.run;
        if (credibility_run.status == run_status::empty) credibility_run = {};
        credibility_run.warnings.clear();
        if (!credibility_run.converged)
            credibility_run.warnings.push_back(when + "credibility " + std::string(to_string(credibility_run.status)));
        out.run.absorb(credibility_run);
        run_info strength_run = sr.run;
        strength_run.warnings.clear();
        if (!strength_run.converged)
            strength_run.warnings.push_back(when + "strengths " + std::string(to_string(strength_run.status)));
        out.run.absorb(strength_run);
        out.steps.push_back(std::move(step));
    }
    if (out.steps.empty()) out.run.status = run_status::empty;
    return out;
}

}  // namespace narrative
