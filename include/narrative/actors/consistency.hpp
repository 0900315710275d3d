// SPDX-License-Identifier: MIT
#pragma once
// Per-actor consistency report: self-consistency (own statements in tension), external
// consistency (agreement with what the evidence believes) and credibility (truth discovery),
// each in [0, 1] or undefined with a reason, each explained by the items that moved it most.

#include <narrative/credibility/credibility.hpp>
#include <narrative/model/case_model.hpp>
#include <narrative/run_info.hpp>
#include <narrative/signed/self_contradictions.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <map>
#include <optional>
#include <string>
#include <tuple>
#include <vector>

namespace narrative {

/// A score in [0, 1], or undefined with the reason why.
struct actor_score {
    std::optional<double> value{};
    std::string reason{};  ///< why the score is undefined; empty when it has a value
};

/// What one explanation item is about.
enum class explanation_kind {
    tension,   ///< two of the actor's own statements in tension (self-consistency)
    claim,     ///< the belief of what a statement claims (external consistency, credibility)
    relation,  ///< a relation with another actor's statement (external consistency)
};

[[nodiscard]] constexpr std::string_view to_string(explanation_kind k) noexcept {
    switch (k) {
        case explanation_kind::tension: return "tension";
        case explanation_kind::claim: return "claim";
        case explanation_kind::relation: return "relation";
    }
    return "claim";
}

/// One thing that moved a score: `effect` is its signed contribution to the score (its
/// departure from the neutral value, divided by the number of items averaged).
struct explanation_item {
    explanation_kind kind = explanation_kind::claim;
    statement_index statement = 0;              ///< the actor's statement
    std::optional<statement_index> other{};     ///< the other statement (tension, relation)
    std::vector<std::uint32_t> relations{};     ///< case relation indices involved
    double value = 0.0;   ///< tension weight, belief share, or agreement in [0, 1]
    double effect = 0.0;  ///< signed contribution to the score
    std::string detail{};  ///< one human-readable line
};

/// The report of one actor.
struct actor_consistency {
    std::uint32_t actor = 0;
    std::size_t statements = 0;  ///< statements made (repetitions included)
    std::size_t positions = 0;   ///< distinct positions (repetitions collapsed)
    actor_score self_consistency{};
    actor_score external_consistency{};
    actor_score credibility{};
    std::vector<explanation_item> self_explanation{};      ///< strongest first
    std::vector<explanation_item> external_explanation{};  ///< largest |effect| first
    std::vector<explanation_item> credibility_explanation{};
};

/// Belief in one value of a proposition.
struct value_belief {
    std::string value{};
    double belief = 0.0;
};

/// One statement behind a verdict, as evidence-em weighed it (see evidence_vote).
struct proposition_evidence {
    statement_index statement = 0;
    std::uint32_t actor = 0;
    std::string value{};        ///< the value it speaks for (or against, when `against`)
    bool against = false;       ///< a denial of one value among more than two
    vote_role role = vote_role::counted;
    double weight = 0.0;        ///< log-odds added to `value` (0 unless counted)
    double log_actor = 0.0, log_evidence = 0.0, log_interest = 0.0;
    double dependence = 1.0;
    std::optional<statement_index> depends_on{};     ///< the stronger voice it repeats
    bool same_group = false;
    std::optional<statement_index> superseded_by{};  ///< the later statement that replaced it
    std::string detail{};       ///< one human-readable line: weight and why
};

/// What the evidence says about one proposition (object of the truth problem).
struct proposition_belief {
    std::string id{};
    std::vector<value_belief> values{};
    std::optional<std::string> verdict{};  ///< the value believed most; unset on a tie or without evidence
    /// The statements that decided it (evidence-em only): counted ones by |weight|, then the
    /// repeats and superseded ones.
    std::vector<proposition_evidence> evidence{};
};

/// Parameters of the report.
struct actor_consistency_options {
    std::string algorithm = "evidence-em";  ///< a credibility_algorithms() name
    credibility_options credibility{.exclusive_implication = -1.0};
    self_contradiction_options tensions{};
    /// Weight of a position shift (a change of mind over time) relative to a simultaneous
    /// contradiction, in self-consistency.
    double position_shift_weight = 0.5;
    std::size_t explanation_items = 5;  ///< items kept per score (0 = all)
};

/// The whole report.
struct consistency_report {
    credibility_result credibility{};
    truth_problem problem{};
    std::vector<evidence_vote> votes{};  ///< how evidence-em weighed each observation (else empty)
    std::vector<double> prior_accuracy{};  ///< evidence-em's accuracy prior per actor (else empty)
    std::vector<std::uint32_t> positions{};  ///< evidence-em's distinct positions per actor (else empty)
    std::vector<actor_consistency> actors{};          ///< in case order
    std::vector<proposition_belief> propositions{};   ///< objects with at least one statement
    /// Whether every actor was searched for self-contradictions (see
    /// self_contradiction_options::max_states); actors left out have no self-consistency.
    bool self_contradictions_complete = true;
    /// The credibility run (its iterations, residual and status, except that a case without
    /// claims stays `ok` with a warning: the consistency scores are still there), then
    /// `limit_reached` with a warning when the self-contradiction search stopped early; `empty`
    /// for a case without actors.
    run_info run{};
};

namespace detail {

[[nodiscard]] inline std::string statement_label(const case_model& c, statement_index v) {
    const statement& s = c.statement_at(v);
    std::string out = s.id;
    if (s.time) out += " (" + s.time->text() + ")";
    return out;
}

[[nodiscard]] inline std::string claim_label(const statement& s) {
    if (!s.claim) return "no claim";
    std::string out = std::string(to_string(s.claim->effective_stance())) + " " + s.claim->proposition;
    if (s.claim->value) out += " = " + *s.claim->value;
    return out;
}

[[nodiscard]] inline std::string fixed3(double x) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f", x);
    return buf;
}

inline void keep_top(std::vector<explanation_item>& items, std::size_t n, bool by_magnitude) {
    std::stable_sort(items.begin(), items.end(), [by_magnitude](const auto& a, const auto& b) {
        return by_magnitude ? std::abs(a.effect) > std::abs(b.effect) : a.effect < b.effect;
    });
    if (n > 0 && items.size() > n) items.resize(n);
}

}  // namespace detail

/// Builds the per-actor report of a case.
///
/// - **self_consistency** = 1 − (1/n) Σ_u t_u over the actor's n distinct positions (statements
///   with the same claim and stance are one position; a statement without claim is its own),
///   where t_u ∈ [0, 1] is the heaviest tension involving position u: the strength of a direct
///   or derived self-contradiction (signed/self_contradictions.hpp), times
///   `position_shift_weight` for a position shift. Undefined with fewer than two positions.
/// - **external_consistency** = mean over positions of their agreement a_u ∈ [0, 1]: the mean of
///   (i) the belief share of what u claims, b(c)/Σ_{d∈M_c} b(d) (for `denies` on a valued claim
///   1 − that; `reports` claims nothing) and (ii) the weighted agreement of u's relations with
///   other actors' statements t: Σ w·(supports ? β_t : 1 − β_t) / Σ w, β_t the belief share of
///   t's claim (relations with claimless statements are left out). Undefined without either.
/// - **credibility** = the algorithm's credibility of the actor (credibility_result).
///
/// Each explanation item's `effect` is its contribution to the score: −2w/n for a tension of
/// weight w (at most: it lowers both of its positions unless they have a heavier one),
/// (a_u − ½)/n (external), (agreement − ½)/k over the actor's k claims (credibility).
/// Relations inferred and already added to the case (infer_relations) are used as well.
/// Throws: rule_error for an unknown algorithm or bad options. Complexity: the algorithm's, plus
/// the self-contradiction search, plus O(statements + relations).
[[nodiscard]] inline consistency_report actor_consistency_report(const case_model& c,
                                                                 const actor_consistency_options& options = {}) {
    consistency_report rep{};
    rep.problem = make_truth_problem(c);
    if (options.algorithm == "evidence-em") {
        auto detailed = evidence_em_detailed(rep.problem, evidence_options_of(options.credibility));
        rep.credibility = std::move(detailed.scores);
        rep.votes = std::move(detailed.votes);
        rep.prior_accuracy = std::move(detailed.prior_accuracy);
        rep.positions = std::move(detailed.positions);
    } else {
        rep.credibility = run_credibility(options.algorithm, rep.problem, options.credibility);
    }
    const truth_problem& p = rep.problem;
    const credibility_result& r = rep.credibility;
    const bool have_beliefs = r.run.status != run_status::empty;

    // Belief share of each claim within its object.
    std::vector<double> share(p.claim_count(), 0.0);
    for (std::uint32_t o = 0; o < p.object_count(); ++o) {
        double total = 0.0;
        for (std::uint32_t k = p.object_offsets[o]; k < p.object_offsets[o + 1]; ++k) total += std::max(0.0, r.belief[k]);
        for (std::uint32_t k = p.object_offsets[o]; k < p.object_offsets[o + 1]; ++k)
            share[k] = total > 0.0 ? std::max(0.0, r.belief[k]) / total : 0.0;
    }
    // Per statement: the belief share of what it claims (asserts/denies), if any.
    std::vector<std::optional<double>> claimed(c.statement_count());
    for (const auto& ob : p.observations) {
        if (ob.statement == no_statement || ob.stance == stance::reports || !have_beliefs) continue;
        const std::uint32_t o = p.claim_object[ob.claim];
        const bool has_evidence = std::any_of(share.begin() + p.object_offsets[o], share.begin() + p.object_offsets[o + 1],
                                              [](double x) { return x > 0.0; });
        if (!has_evidence) continue;
        if (ob.stance == stance::asserts) claimed[ob.statement] = share[ob.claim];
        else if (p.object_yes_no[o]) claimed[ob.statement] = share[p.object_offsets[o] + 1];
        else claimed[ob.statement] = 1.0 - share[ob.claim];
    }

    // evidence-em's votes by actor and by object, so that each is read once.
    std::vector<std::vector<const evidence_vote*>> votes_of_actor(c.actors().size()), votes_of_object(p.object_count());
    for (const auto& vote : rep.votes) {
        votes_of_actor[vote.actor].push_back(&vote);
        votes_of_object[vote.object].push_back(&vote);
    }

    const auto search = find_self_contradictions(c, options.tensions);
    rep.self_contradictions_complete = search.complete;
    rep.run = direct_run(c.actors().empty());
    if (r.run.status == run_status::empty) {
        if (!c.actors().empty()) rep.run.warnings.push_back("no claims in the case: credibility has nothing to learn from");
    } else {
        rep.run.absorb(r.run);
    }
    rep.run.absorb(search.run);
    const auto& tensions = search.found;
    std::vector<std::vector<const self_contradiction*>> tensions_of(c.actors().size());
    for (const auto& t : tensions)
        if (t.actor < tensions_of.size()) tensions_of[t.actor].push_back(&t);

    for (std::uint32_t a = 0; a < c.actors().size(); ++a) {
        actor_consistency ac{};
        ac.actor = a;
        const auto own = c.statements_of(a);
        ac.statements = own.size();
        // Positions: statements with the same (proposition, value, stance) collapse.
        std::map<std::tuple<std::string, std::string, int>, std::uint32_t> key_to_position{};
        std::map<statement_index, std::uint32_t> position_of{};
        std::vector<statement_index> representative{};
        for (const auto v : own) {
            const statement& s = c.statement_at(v);
            if (s.claim) {
                const auto key = std::make_tuple(s.claim->proposition, s.claim->value.value_or(""),
                                                 static_cast<int>(s.claim->effective_stance()));
                const auto [it, added] = key_to_position.try_emplace(key, static_cast<std::uint32_t>(representative.size()));
                if (added) representative.push_back(v);
                position_of[v] = it->second;
            } else {
                position_of[v] = static_cast<std::uint32_t>(representative.size());
                representative.push_back(v);
            }
        }
        const std::size_t n = representative.size();
        ac.positions = n;
        // The statements of each position, in statement order.
        std::vector<std::vector<statement_index>> members(n);
        for (const auto& [v, pos] : position_of) members[pos].push_back(v);

        // Self-consistency.
        if (n < 2) {
            ac.self_consistency.reason = n == 0 ? "no statements" : "fewer than two distinct positions";
        } else if (a >= search.actors_searched) {
            ac.self_consistency.reason =
                "not searched: the self-contradiction search reached its work limit before this actor";
        } else {
            std::vector<double> worst(n, 0.0);
            for (const auto* t : tensions_of[a]) {
                const std::uint32_t pu = position_of.at(t->earlier), pv = position_of.at(t->later);
                if (pu == pv) continue;
                const bool shift = t->kind == self_contradiction_kind::position_shift;
                const double wt = t->strength * (shift ? options.position_shift_weight : 1.0);
                worst[pu] = std::max(worst[pu], wt);
                worst[pv] = std::max(worst[pv], wt);
                ac.self_explanation.push_back(explanation_item{
                    .kind = explanation_kind::tension, .statement = t->earlier, .other = t->later,
                    .relations = t->relations, .value = wt, .effect = -2.0 * wt / static_cast<double>(n),
                    .detail = detail::statement_label(c, t->earlier) + " vs " + detail::statement_label(c, t->later) +
                              ": " + std::string(to_string(t->kind)) + ", " + std::string(to_string(t->origin)) +
                              (t->origin == tension_origin::derived
                                   ? " through " + std::to_string(t->relations.size()) + " relations"
                                   : std::string{}) +
                              ", weight " + detail::fixed3(wt)});
            }
            double sum = 0.0;
            for (const double x : worst) sum += x;
            ac.self_consistency.value = 1.0 - sum / static_cast<double>(n);
            detail::keep_top(ac.self_explanation, options.explanation_items, false);
        }

        // External consistency.
        {
            double total = 0.0;
            std::size_t counted = 0;
            std::vector<explanation_item> items{};
            for (std::uint32_t u = 0; u < n; ++u) {
                // All statements of this position contribute their relations.
                double parts = 0.0;
                int nparts = 0;
                std::optional<double> claim_part{};
                for (const statement_index v : members[u])
                    if (claimed[v]) claim_part = claimed[v];
                // One link per (other statement, type), the heaviest: an inferred relation that
                // repeats an asserted one is not counted twice.
                std::map<std::pair<statement_index, relation_type>, std::pair<double, std::uint32_t>> links{};
                for (const statement_index v : members[u]) {
                    auto consider = [&](statement_index other, const relation& rel) {
                        if (c.statement_at(other).actor_index == a || !claimed[other]) return;
                        auto& l = links[{other, rel.type}];
                        if (rel.effective_weight() > l.first) l = {rel.effective_weight(), rel.index};
                    };
                    // Either direction: a contradiction is a tension both ways, and a support
                    // agrees with what it supports or is supported by.
                    for (auto [e, end] = boost::in_edges(v, c.graph()); e != end; ++e) consider(boost::source(*e, c.graph()), c.graph()[*e]);
                    for (auto [e, end] = boost::out_edges(v, c.graph()); e != end; ++e) consider(boost::target(*e, c.graph()), c.graph()[*e]);
                }
                double wsum = 0.0, agree = 0.0, wmax = 0.0;
                std::vector<std::uint32_t> rels{};
                std::string who{};
                // Weights relative to the heaviest: a ratio of subnormal weights would underflow.
                for (const auto& [key, l] : links) wmax = std::max(wmax, l.first);
                for (const auto& [key, l] : links) {
                    const auto [other, type] = key;
                    const double ag = type == relation_type::supports ? *claimed[other] : 1.0 - *claimed[other];
                    wsum += l.first / wmax;
                    agree += l.first / wmax * ag;
                    rels.push_back(l.second);
                    who += (who.empty() ? "" : ", ") + std::string(type == relation_type::supports ? "supported by " : "contradicted by ") +
                           c.statement_at(other).id + " (belief " + detail::fixed3(*claimed[other]) + ")";
                }
                if (claim_part) {
                    parts += *claim_part;
                    ++nparts;
                }
                if (wsum > 0.0) {
                    parts += agree / wsum;
                    ++nparts;
                }
                if (nparts == 0) continue;
                const double au = parts / nparts;
                total += au;
                ++counted;
                const statement& s = c.statement_at(representative[u]);
                std::string line = detail::statement_label(c, representative[u]) + " " + detail::claim_label(s);
                if (claim_part) line += ": belief " + detail::fixed3(*claim_part);
                if (!who.empty()) line += (claim_part ? "; " : ": ") + who;
                items.push_back(explanation_item{.kind = wsum > 0.0 && !claim_part ? explanation_kind::relation : explanation_kind::claim,
                                                 .statement = representative[u], .other = std::nullopt,
                                                 .relations = rels, .value = au, .effect = au - 0.5,
                                                 .detail = line + " → agreement " + detail::fixed3(au)});
            }
            if (counted == 0) {
                ac.external_consistency.reason = !have_beliefs ? "no beliefs: the case has no claims with an actor"
                                                               : "no claims and no relations with other actors' claims";
            } else {
                ac.external_consistency.value = total / static_cast<double>(counted);
                for (auto& it : items) it.effect /= static_cast<double>(counted);
                ac.external_explanation = std::move(items);
                detail::keep_top(ac.external_explanation, options.explanation_items, true);
            }
        }

        // Credibility.
        const double cred = a < r.credibility.size() ? r.credibility[a] : std::numeric_limits<double>::quiet_NaN();
        if (std::isnan(cred)) {
            bool only_reports = false, any = false;
            for (const auto v : own)
                if (const auto& s = c.statement_at(v); s.claim) {
                    any = true;
                    only_reports = s.claim->effective_stance() == stance::reports;
                    if (!only_reports) break;
                }
            bool denies_many = false;
            for (const auto v : own)
                if (const auto& s = c.statement_at(v); s.claim && s.claim->effective_stance() == stance::denies)
                    if (const proposition* pr = c.proposition_of(*s.claim); pr && pr->values && pr->values->size() > 2)
                        denies_many = true;
            ac.credibility.reason =
                r.run.status == run_status::empty ? "no claims in the case"
                : !any                                ? "no claims: nothing to check"
                : only_reports                        ? "only reports claims, never asserts or denies"
                : denies_many ? "its claims are denials of one value among several, which " + r.algorithm +
                                    " does not count as votes (evidence-em does)"
                              : "its votes cancel out: on each proposition it took as many positions for one value "
                                "as for another, and " + r.algorithm + " keeps one vote per actor and proposition";
        } else if (!rep.votes.empty()) {
            ac.credibility.value = std::clamp(cred, 0.0, 1.0);
            // evidence-em: A = (a₀·prior + Σ P(position right)) / (a₀ + n); each position moves it
            // by (P − prior)/(a₀ + n).
            const double denominator = options.credibility.evidence.prior_strength + static_cast<double>(rep.positions[a]);
            std::vector<explanation_item> items{};
            for (const auto* vote : votes_of_actor[a]) {
                if (vote->role == vote_role::repeat || vote->statement == no_statement) continue;
                const double right = vote->sign > 0 ? r.belief[vote->claim] : 1.0 - r.belief[vote->claim];
                const statement& st = c.statement_at(vote->statement);
                std::string why = detail::statement_label(c, vote->statement) + " " + detail::claim_label(st) +
                                  ": belief " + detail::fixed3(right) + "; " + std::string(to_string(vote->role));
                if (vote->role == vote_role::counted)
                    why += " with weight " + detail::fixed3(vote->weight) + " (" + std::string(to_string(st.effective_evidence())) +
                           ", " + std::string(interest_label(st.interest)) +
                           (vote->dependence < 1.0 ? ", dependence " + detail::fixed3(vote->dependence) : std::string{}) + ")";
                if (vote->superseded_by != no_statement) why += " by " + c.statement_at(vote->superseded_by).id;
                items.push_back(explanation_item{
                    .kind = explanation_kind::claim, .statement = vote->statement, .other = std::nullopt, .relations = {},
                    .value = right, .effect = (right - rep.prior_accuracy[a]) / denominator,
                    .detail = why});
            }
            ac.credibility_explanation = std::move(items);
            detail::keep_top(ac.credibility_explanation, options.explanation_items, true);
        } else {
            ac.credibility.value = std::clamp(cred, 0.0, 1.0);
            std::vector<explanation_item> items{};
            std::size_t k = 0;
            for (const auto v : own)
                if (claimed[v]) ++k;
            for (const auto v : own) {
                if (!claimed[v]) continue;
                const double ag = *claimed[v];
                items.push_back(explanation_item{
                    .kind = explanation_kind::claim, .statement = v, .other = std::nullopt, .relations = {},
                    .value = ag, .effect = (ag - 0.5) / static_cast<double>(k),
                    .detail = detail::statement_label(c, v) + " " + detail::claim_label(c.statement_at(v)) +
                              ": belief " + detail::fixed3(ag)});
            }
            ac.credibility_explanation = std::move(items);
            detail::keep_top(ac.credibility_explanation, options.explanation_items, true);
        }
        rep.actors.push_back(std::move(ac));
    }

    // Propositions with at least one observation.
    std::vector<char> seen(p.object_count(), 0);
    for (const auto& ob : p.observations) seen[p.claim_object[ob.claim]] = 1;
    for (std::uint32_t o = 0; o < p.object_count(); ++o) {
        if (!seen[o]) continue;
        proposition_belief pb{.id = p.object_ids[o], .values = {}, .verdict = std::nullopt};
        for (std::uint32_t k = p.object_offsets[o]; k < p.object_offsets[o + 1]; ++k)
            pb.values.push_back({.value = p.claim_values[k], .belief = r.belief[k]});
        if (have_beliefs)
            if (const auto best = verdict(p, r, o)) pb.verdict = p.claim_values[*best];
        for (const auto* each : votes_of_object[o]) {
            const evidence_vote& vote = *each;
            if (vote.statement == no_statement) continue;
            proposition_evidence e{.statement = vote.statement, .actor = vote.actor, .value = p.claim_values[vote.claim],
                                   .against = vote.sign < 0, .role = vote.role, .weight = vote.weight,
                                   .log_actor = vote.log_actor, .log_evidence = vote.log_evidence,
                                   .log_interest = vote.log_interest, .dependence = vote.dependence,
                                   .depends_on = std::nullopt, .same_group = vote.same_group,
                                   .superseded_by = std::nullopt, .detail = {}};
            if (vote.depends_on != no_statement) e.depends_on = vote.depends_on;
            if (vote.superseded_by != no_statement) e.superseded_by = vote.superseded_by;
            const statement& st = c.statement_at(vote.statement);
            std::string line = detail::statement_label(c, vote.statement) + " by " + p.actor_ids[vote.actor] + ": " +
                               (e.against ? "against " : "for ") + e.value + ", ";
            if (vote.role == vote_role::counted) {
                line += "weight " + detail::fixed3(vote.weight) + " = " + detail::fixed3(vote.dependence) + " x (actor " +
                        detail::fixed3(vote.log_actor) + " + " + std::string(to_string(st.effective_evidence())) + " " +
                        detail::fixed3(vote.log_evidence) + " + " +
                        std::string(interest_label(st.interest)) + " " +
                        detail::fixed3(vote.log_interest) + ")";
                if (vote.depends_on != no_statement)
                    line += std::string(vote.same_group ? "; same group as " : "; may copy ") + c.statement_at(vote.depends_on).id;
            } else {
                line += std::string(to_string(vote.role));
                if (vote.superseded_by != no_statement) line += " by " + c.statement_at(vote.superseded_by).id;
            }
            e.detail = std::move(line);
            pb.evidence.push_back(std::move(e));
        }
        std::stable_sort(pb.evidence.begin(), pb.evidence.end(), [](const auto& x, const auto& y) {
            if ((x.role == vote_role::counted) != (y.role == vote_role::counted)) return x.role == vote_role::counted;
            return std::abs(x.weight) > std::abs(y.weight);
        });
        rep.propositions.push_back(std::move(pb));
    }
    return rep;
}

}  // namespace narrative
