// SPDX-License-Identifier: MIT
#pragma once
// evidence-em: truth discovery that weighs each statement by its provenance (evidence kind and
// interest), counts dependent sources once (one group, or detected copiers), lets an actor's
// later position supersede its earlier one, and learns each actor's accuracy from its record.

#include <narrative/credibility/evidence_options.hpp>
#include <narrative/credibility/truth_discovery.hpp>
#include <narrative/credibility/truth_problem.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <iterator>
#include <limits>
#include <numeric>
#include <optional>
#include <string>
#include <tuple>
#include <unordered_map>
#include <utility>
#include <vector>

namespace narrative {

/// Why one observation weighs what it weighs.
enum class vote_role {
    counted,     ///< the actor's current position on the object: it counts
    repeat,      ///< the same position said again: repetition is not corroboration
    superseded,  ///< replaced by the actor's later position, or by a later finding
};

[[nodiscard]] constexpr std::string_view to_string(vote_role r) noexcept {
    switch (r) {
        case vote_role::counted: return "counted";
        case vote_role::repeat: return "repeat";
        case vote_role::superseded: return "superseded";
    }
    return "counted";
}

/// One observation as evidence-em weighed it. The log-odds it adds to its target claim is
/// `weight` = dependence · (log_actor + log_evidence + log_interest) when counted, else 0;
/// `sign` −1 (a denial of one value among more than two) subtracts it instead.
struct evidence_vote {
    std::uint32_t observation = 0;
    std::uint32_t statement = no_statement;
    std::uint32_t actor = 0;
    std::uint32_t object = 0;
    std::uint32_t claim = 0;  ///< the claim the vote is for (or against, when sign is −1)
    int sign = 1;
    vote_role role = vote_role::counted;
    std::uint32_t superseded_by = no_statement;  ///< the statement that replaced it
    double log_actor = 0.0;     ///< ln(n·A/(1 − A)) of the actor's learned accuracy A
    double log_evidence = 0.0;  ///< ln of the evidence kind's ratio
    double log_interest = 0.0;  ///< ln of the interest's ratio
    double dependence = 1.0;    ///< I ∈ (0, 1]: the share that is independent of stronger voices
    std::uint32_t depends_on = no_statement;  ///< the statement it is most dependent on
    bool same_group = false;    ///< that dependence is declared (same group), not detected
    double weight = 0.0;        ///< the log-odds it adds (0 unless counted)
};

/// evidence-em's scores and, for explanations, how every observation was weighed.
struct evidence_model_result {
    credibility_result scores{};
    std::vector<evidence_vote> votes{};      ///< one per observation, `reports` excluded
    std::vector<double> prior_accuracy{};    ///< per actor
    std::vector<std::uint32_t> positions{};  ///< per actor: distinct positions judged
};

namespace detail {

inline void check_evidence_options(const evidence_model_options& o) {
    auto bad = [](const std::string& what) { throw rule_error("evidence-em option " + what); };
    const auto& w = o.weights;
    for (const auto& [name, x] : {std::pair{"claim", w.claim}, std::pair{"testimony", w.testimony},
                                  std::pair{"document", w.document}, std::pair{"finding", w.finding},
                                  std::pair{"self-serving", w.self_serving},
                                  std::pair{"against-interest", w.against_interest}})
        if (!(x > 0.0 && std::isfinite(x))) bad(std::string("weight ") + name + " must be a finite number > 0");
    if (!(o.default_accuracy > 0.0 && o.default_accuracy < 1.0)) bad("default_accuracy must be in (0, 1)");
    if (!(o.prior_strength >= 0.0 && std::isfinite(o.prior_strength))) bad("prior_strength must be >= 0");
    if (!(o.copy_probability >= 0.0 && o.copy_probability < 1.0)) bad("copy_probability must be in [0, 1)");
    if (!(o.dependence_prior >= 0.0 && o.dependence_prior < 1.0)) bad("dependence_prior must be in [0, 1)");
    if (o.max_compared_providers == 0) bad("max_compared_providers must be at least 1");
    if (o.max_iterations == 0) bad("max_iterations must be at least 1");
    if (!(o.tolerance >= 0.0)) bad("tolerance must be >= 0 (0 runs max_iterations rounds)");
}

inline constexpr double accuracy_floor = 0.01, accuracy_ceiling = 0.99;

}  // namespace detail

/// evidence-em with its explanation (see evidence_em for the model).
/// Throws: rule_error for bad options. Complexity: per EM round O(observations + claims);
/// per dependence round O(Σ_o k_o²) over the k_o ≤ max_compared_providers providers of a value.
[[nodiscard]] inline evidence_model_result evidence_em_detailed(const truth_problem& p,
                                                                const evidence_model_options& o = {}) {
    detail::check_evidence_options(o);
    evidence_model_result out{};
    credibility_result& r = out.scores;
    r = detail::start("evidence-em", p);
    const std::uint32_t S = p.actor_count(), O = p.object_count();

    // 1. Observations as votes: for the target claim (sign +1) or against it (sign −1).
    std::vector<evidence_vote>& votes = out.votes;
    for (std::uint32_t i = 0; i < p.observations.size(); ++i) {
        const auto& ob = p.observations[i];
        if (ob.stance == stance::reports) continue;
        const std::uint32_t object = p.claim_object[ob.claim], first = p.object_offsets[object];
        const std::uint32_t size = p.object_offsets[object + 1] - first;
        std::uint32_t target = ob.claim;
        int sign = 1;
        if (ob.stance == stance::denies) {
            if (p.object_yes_no[object]) target = first + 1;
            else if (size == 2) target = ob.claim == first ? first + 1 : first;
            else sign = -1;
        }
        votes.push_back({.observation = i, .statement = ob.statement, .actor = ob.actor, .object = object,
                         .claim = target, .sign = sign, .role = vote_role::counted,
                         .superseded_by = no_statement,
                         .log_actor = 0.0, .log_evidence = std::log(o.weights.of(ob.details.evidence)),
                         .log_interest = std::log(o.weights.of(ob.details.interest)), .dependence = 1.0,
                         .depends_on = no_statement, .same_group = false, .weight = 0.0});
    }
    if (votes.empty()) return out;
    const auto& obs = p.observations;
    // Time order, for sorting and for the order in which equal providers are discounted: by the
    // start of the time (undated first), then file order. Supersession asks more: see below.
    auto earlier = [&](const evidence_vote& a, const evidence_vote& b) {
        const auto& da = obs[a.observation].details;
        const auto& db = obs[b.observation].details;
        if (da.dated != db.dated) return !da.dated;
        if (da.dated && da.time_start != db.time_start) return da.time_start < db.time_start;
        return a.observation < b.observation;
    };
    // `later` was certainly said after `first`: both dated and their times do not overlap
    // (`2025` and `2025-05` overlap: neither supersedes the other).
    auto certainly_after = [&](const evidence_vote& first, const evidence_vote& later) {
        const auto& df = obs[first.observation].details;
        const auto& dl = obs[later.observation].details;
        return df.dated && dl.dated && df.time_end <= dl.time_start;
    };
    const auto same_position = [&](const evidence_vote& a, const evidence_vote& b) {
        return a.claim == b.claim && a.sign == b.sign;
    };
    const auto strength = [](const evidence_vote& v) { return v.log_evidence + v.log_interest; };

    // 2. Roles, per (actor, object). A statement is superseded when the actor certainly said
    // something else on the object later (the first such statement supersedes it); statements
    // of overlapping or unknown times all stand. Among the standing statements of one position
    // the strongest (then the earliest) is counted and the others are repeats.
    std::vector<std::uint32_t> order(votes.size());
    std::iota(order.begin(), order.end(), 0u);
    std::stable_sort(order.begin(), order.end(), [&](std::uint32_t a, std::uint32_t b) {
        if (votes[a].actor != votes[b].actor) return votes[a].actor < votes[b].actor;
        if (votes[a].object != votes[b].object) return votes[a].object < votes[b].object;
        return earlier(votes[a], votes[b]);
    });
    for (std::size_t i = 0; i < order.size();) {
        std::size_t j = i;
        while (j < order.size() && votes[order[j]].actor == votes[order[i]].actor &&
               votes[order[j]].object == votes[order[i]].object)
            ++j;
        if (o.supersede_positions)
            for (std::size_t k = i; k < j; ++k) {
                evidence_vote& v = votes[order[k]];
                for (std::size_t m = k + 1; m < j; ++m) {
                    const evidence_vote& u = votes[order[m]];
                    if (!same_position(u, v) && certainly_after(v, u)) {
                        v.role = vote_role::superseded;
                        v.superseded_by = u.statement;
                        break;
                    }
                }
            }
        for (std::size_t k = i; k < j; ++k) {
            evidence_vote& v = votes[order[k]];
            if (v.role == vote_role::superseded) continue;
            for (std::size_t m = i; m < j; ++m) {
                const evidence_vote& u = votes[order[m]];
                if (m == k || u.role == vote_role::superseded || !same_position(u, v)) continue;
                if (strength(u) > strength(v) || (strength(u) == strength(v) && m < k)) {
                    v.role = vote_role::repeat;
                    break;
                }
            }
        }
        i = j;
    }
    // A later finding on the object replaces an earlier finding of the opposite position: the
    // later inquiry could weigh what the earlier one knew.
    if (o.supersede_findings) {
        std::vector<std::vector<std::uint32_t>> findings(O);
        for (std::uint32_t k = 0; k < votes.size(); ++k)
            if (votes[k].role == vote_role::counted && obs[votes[k].observation].details.evidence == evidence_kind::finding)
                findings[votes[k].object].push_back(k);
        for (auto& f : findings) {
            if (f.size() < 2) continue;
            std::stable_sort(f.begin(), f.end(), [&](std::uint32_t a, std::uint32_t b) { return earlier(votes[a], votes[b]); });
            const evidence_vote& latest = votes[f.back()];
            if (!obs[latest.observation].details.dated) continue;
            for (const std::uint32_t k : f) {
                evidence_vote& v = votes[k];
                const auto& d = obs[v.observation].details;
                if (same_position(v, latest) || !d.dated || d.time_end > obs[latest.observation].details.time_start) continue;
                v.role = vote_role::superseded;
                v.superseded_by = latest.statement;
            }
        }
    }

    // 3. The counted votes grouped by target (object, claim, sign), strongest first: the
    // order in which a value's providers are discounted against each other.
    std::vector<std::uint32_t> counted{};
    for (std::uint32_t k = 0; k < votes.size(); ++k)
        if (votes[k].role == vote_role::counted) counted.push_back(k);
    std::stable_sort(counted.begin(), counted.end(), [&](std::uint32_t a, std::uint32_t b) {
        const auto& x = votes[a];
        const auto& y = votes[b];
        if (x.claim != y.claim) return x.claim < y.claim;
        if (x.sign != y.sign) return x.sign > y.sign;
        if (strength(x) != strength(y)) return strength(x) > strength(y);
        return earlier(x, y);
    });
    std::vector<std::uint32_t> value_begin{};  // runs of equal (claim, sign) in `counted`
    for (std::uint32_t k = 0; k < counted.size(); ++k)
        if (k == 0 || votes[counted[k]].claim != votes[counted[k - 1]].claim ||
            votes[counted[k]].sign != votes[counted[k - 1]].sign)
            value_begin.push_back(k);
    value_begin.push_back(static_cast<std::uint32_t>(counted.size()));

    // 4. Positions judged for accuracy: every distinct (object, claim, sign) of an actor, its
    // superseded ones included (a retracted claim is still part of the record).
    struct position {
        std::uint32_t actor = 0, claim = 0;
        int sign = 1;
    };
    std::vector<position> judged{};
    {
        std::vector<std::uint32_t> by(votes.size());
        std::iota(by.begin(), by.end(), 0u);
        std::sort(by.begin(), by.end(), [&](std::uint32_t a, std::uint32_t b) {
            const auto& x = votes[a];
            const auto& y = votes[b];
            return std::tie(x.actor, x.claim, x.sign) < std::tie(y.actor, y.claim, y.sign);
        });
        for (std::size_t k = 0; k < by.size(); ++k) {
            const auto& v = votes[by[k]];
            if (k > 0) {
                const auto& u = votes[by[k - 1]];
                if (u.actor == v.actor && u.claim == v.claim && u.sign == v.sign) continue;
            }
            judged.push_back({.actor = v.actor, .claim = v.claim, .sign = v.sign});
        }
    }
    out.positions.assign(S, 0);
    for (const auto& j : judged) ++out.positions[j.actor];

    // Prior accuracy per actor, and ln n_o (n = the number of false values of the object).
    out.prior_accuracy.assign(S, o.default_accuracy);
    for (std::uint32_t s = 0; s < S; ++s)
        if (p.actor_prior[s])
            out.prior_accuracy[s] = std::clamp(*p.actor_prior[s], detail::accuracy_floor, detail::accuracy_ceiling);
    std::vector<double> log_n(O, 0.0);
    for (std::uint32_t ob = 0; ob < O; ++ob)
        log_n[ob] = std::log(std::max(1.0, static_cast<double>(p.object_offsets[ob + 1] - p.object_offsets[ob]) - 1.0));
    std::vector<double> A = out.prior_accuracy;
    std::vector<double> belief(p.claim_count(), 0.0), score(p.claim_count(), 0.0);
    std::vector<char> object_voted(O, 0);
    for (const auto& v : votes) object_voted[v.object] = 1;

    // Pairwise dependence of two providers: 1 within a group, else the copy probability.
    std::unordered_map<std::uint64_t, double> copy_pr{};
    const auto pair_key = [](std::uint32_t a, std::uint32_t b) {
        return a < b ? (std::uint64_t{a} << 32) | b : (std::uint64_t{b} << 32) | a;
    };
    // A problem built by hand may leave actor_group empty: no groups.
    const auto group_of = [&](std::uint32_t a) {
        return o.use_groups && a < p.actor_group.size() ? p.actor_group[a] : no_group;
    };
    const auto same_group = [&](std::uint32_t a, std::uint32_t b) {
        return a == b || (group_of(a) != no_group && group_of(a) == group_of(b));
    };
    const auto assign_dependence = [&]() {
        for (std::size_t g = 0; g + 1 < value_begin.size(); ++g) {
            const std::uint32_t b = value_begin[g], e = value_begin[g + 1];
            for (std::uint32_t k = b; k < e; ++k) {
                evidence_vote& v = votes[counted[k]];
                double independent = 1.0, strongest = 0.0;
                v.depends_on = no_statement;
                v.same_group = false;
                const std::uint32_t compared = std::min(k, b + o.max_compared_providers);
                for (std::uint32_t m = b; m < compared; ++m) {
                    const evidence_vote& u = votes[counted[m]];
                    double d = 0.0;
                    const bool declared = same_group(v.actor, u.actor);
                    if (declared) {
                        d = 1.0;
                    } else if (o.detect_copying) {
                        const auto it = copy_pr.find(pair_key(v.actor, u.actor));
                        d = it == copy_pr.end() ? 0.0 : it->second;
                    }
                    independent *= 1.0 - o.copy_probability * d;
                    if (d > strongest) {
                        strongest = d;
                        v.depends_on = u.statement;
                        v.same_group = declared;
                    }
                }
                v.dependence = independent;
            }
        }
    };
    // Copying between actors of different groups (Dong, Berti-Equille & Srivastava 2009): the
    // posterior that two sources depend, from the values they share (a shared false value is the
    // strong signal) and those on which they differ, with the current accuracies and beliefs.
    const auto detect_copying = [&]() -> double {
        struct tally {
            double log_ind = 0.0, log_dep12 = 0.0, log_dep21 = 0.0;
        };
        std::unordered_map<std::uint64_t, tally> pairs{};
        const double c = o.copy_probability;
        // Current positions per object, in `counted` order (sign +1 only: a vote for a value).
        std::vector<std::vector<std::uint32_t>> on_object(O);
        for (const std::uint32_t k : counted)
            if (votes[k].sign > 0) on_object[votes[k].object].push_back(k);
        for (std::uint32_t ob = 0; ob < O; ++ob) {
            const auto& list = on_object[ob];
            const std::size_t m = std::min<std::size_t>(list.size(), o.max_compared_providers);
            const double n = std::exp(log_n[ob]);
            for (std::size_t x = 0; x < m; ++x)
                for (std::size_t y = x + 1; y < m; ++y) {
                    const evidence_vote& a = votes[list[x]];
                    const evidence_vote& b = votes[list[y]];
                    if (same_group(a.actor, b.actor)) continue;
                    const double a1 = A[a.actor], a2 = A[b.actor];
                    const double pt = a1 * a2, pf = (1.0 - a1) * (1.0 - a2) / n, pd = std::max(1e-300, 1.0 - pt - pf);
                    tally& t = pairs[pair_key(a.actor, b.actor)];
                    const bool a_first = a.actor < b.actor;
                    const double first_acc = a_first ? a1 : a2, second_acc = a_first ? a2 : a1;
                    if (a.claim == b.claim) {
                        const double kt = belief[a.claim], kf = 1.0 - kt;
                        t.log_ind += kt * std::log(pt) + kf * std::log(pf);
                        // dep12: the first copies the second (a copied value is as right as its origin).
                        t.log_dep12 += kt * std::log(c * second_acc + (1 - c) * pt) +
                                       kf * std::log(c * (1 - second_acc) / n + (1 - c) * pf);
                        t.log_dep21 += kt * std::log(c * first_acc + (1 - c) * pt) +
                                       kf * std::log(c * (1 - first_acc) / n + (1 - c) * pf);
                    } else {
                        t.log_ind += std::log(pd);
                        t.log_dep12 += std::log((1 - c) * pd);
                        t.log_dep21 += std::log((1 - c) * pd);
                    }
                }
        }
        double change = 0.0;
        std::unordered_map<std::uint64_t, double> next{};
        next.reserve(pairs.size());
        const double alpha = o.dependence_prior;
        for (const auto& [key, t] : pairs) {
            // Pr(dep | Φ) = α·L_dep / (α·L_dep + (1 − α)·L_ind), L_dep the mean of both directions.
            const double mx = std::max({t.log_ind, t.log_dep12, t.log_dep21});
            const double dep = 0.5 * (std::exp(t.log_dep12 - mx) + std::exp(t.log_dep21 - mx));
            const double ind = std::exp(t.log_ind - mx);
            const double pr = alpha > 0.0 ? alpha * dep / (alpha * dep + (1 - alpha) * ind) : 0.0;
            next[key] = pr;
            const auto it = copy_pr.find(key);
            change = std::max(change, std::abs(pr - (it == copy_pr.end() ? 0.0 : it->second)));
        }
        for (const auto& [key, old] : copy_pr)
            if (!next.contains(key)) change = std::max(change, old);
        copy_pr = std::move(next);
        return change;
    };

    // 5. EM over one compact array of records in claim (hence object) order, so that a round is
    // one streaming pass: per object, the scores of its claims from its counted votes (a gather
    // of the actor term), the softmax, then the accuracy sums of the positions taken on it (a
    // scatter) over the same records, still in cache. A counted vote is also a judged position;
    // a superseded position that is no actor's counted vote is a record with weight 0.
    // E-step: C(v) = Σ σ·w over v's counted votes, P = softmax of C over the object's values (a
    // uniform prior). M-step: A = (a₀·prior + Σ_positions P(position right)) / (a₀ + n).
    struct record {
        std::uint32_t actor = 0;
        std::uint32_t claim = 0;       // the claim; its top bit says "against" (σ = −1)
        double coef = 0.0;             // σ·I (0 for a position that is not counted)
        double coef_const = 0.0;       // σ·I·(ln n_o [σ > 0] + ln ρ_evidence + ln ρ_interest)
    };
    constexpr std::uint32_t against_bit = 0x80000000u;
    std::vector<position> extra{};  // judged positions that are no counted vote
    {
        std::vector<position> counted_positions{};
        counted_positions.reserve(counted.size());
        for (const std::uint32_t k : counted)
            counted_positions.push_back({.actor = votes[k].actor, .claim = votes[k].claim, .sign = votes[k].sign});
        const auto key_less = [](const position& x, const position& y) {
            return std::tie(x.actor, x.claim, x.sign) < std::tie(y.actor, y.claim, y.sign);
        };
        std::sort(counted_positions.begin(), counted_positions.end(), key_less);
        std::set_difference(judged.begin(), judged.end(), counted_positions.begin(), counted_positions.end(),
                            std::back_inserter(extra), key_less);
        std::stable_sort(extra.begin(), extra.end(), [](const position& x, const position& y) { return x.claim < y.claim; });
    }
    std::vector<record> records{};
    std::vector<std::uint32_t> record_vote{};  // the vote behind each record (no_statement: none)
    std::vector<std::uint32_t> record_off(std::size_t{O} + 1, 0);
    records.reserve(counted.size() + extra.size());
    {
        std::size_t k = 0, x = 0;
        for (std::uint32_t ob = 0; ob < O; ++ob) {
            record_off[ob] = static_cast<std::uint32_t>(records.size());
            for (; k < counted.size() && votes[counted[k]].object == ob; ++k) {
                const evidence_vote& v = votes[counted[k]];
                records.push_back({.actor = v.actor, .claim = v.claim | (v.sign < 0 ? against_bit : 0u), .coef = 0.0,
                                   .coef_const = 0.0});
                record_vote.push_back(counted[k]);
            }
            for (; x < extra.size() && p.claim_object[extra[x].claim] == ob; ++x) {
                records.push_back({.actor = extra[x].actor, .claim = extra[x].claim | (extra[x].sign < 0 ? against_bit : 0u),
                                   .coef = 0.0, .coef_const = 0.0});
                record_vote.push_back(no_statement);
            }
        }
        record_off[O] = static_cast<std::uint32_t>(records.size());
    }
    const auto refresh_coefficients = [&]() {
        for (std::size_t i = 0; i < records.size(); ++i) {
            if (record_vote[i] == no_statement) continue;
            const evidence_vote& v = votes[record_vote[i]];
            records[i].coef = v.sign * v.dependence;
            records[i].coef_const = records[i].coef * ((v.sign > 0 ? log_n[v.object] : 0.0) + v.log_evidence + v.log_interest);
        }
    };
    // Per actor, side by side: its term ln(A/(1 − A)) (gathered by the scores) and the sum of its
    // positions' beliefs (scattered to by the M-step sums), so that both touch one cache line.
    struct actor_slot {
        double term = 0.0;
        double sum = 0.0;
    };
    std::vector<actor_slot> actor_state(S);
    // Beliefs of the current accuracies; with `sums`, also the M-step's sums.
    const auto set_actor_term = [&](std::uint32_t s) { actor_state[s].term = std::log(A[s] / (1.0 - A[s])); };
    const auto e_step = [&](bool sums) {
        for (std::uint32_t s = 0; s < S; ++s) set_actor_term(s);
        if (sums)
            for (auto& slot : actor_state) slot.sum = 0.0;
        for (std::uint32_t ob = 0; ob < O; ++ob) {
            if (!object_voted[ob]) continue;
            const std::uint32_t b = p.object_offsets[ob], e = p.object_offsets[ob + 1];
            const std::uint32_t rb = record_off[ob], re = record_off[ob + 1];
            for (std::uint32_t c = b; c < e; ++c) score[c] = 0.0;
            for (std::uint32_t i = rb; i < re; ++i) {
                const record& x = records[i];
                score[x.claim & ~against_bit] += x.coef_const + x.coef * actor_state[x.actor].term;
            }
            if (e - b == 2) {
                // Two values (every yes/no proposition): the logistic with one exponential,
                // t = e^{−|d|}, the smaller belief t/(1 + t) kept to full relative precision.
                const double d = score[b] - score[b + 1];
                const double t = std::exp(-std::abs(d)), big = 1.0 / (1.0 + t), small = t * big;
                belief[b] = d >= 0.0 ? big : small;
                belief[b + 1] = d >= 0.0 ? small : big;
            } else {
                // Softmax; the largest score's term is e⁰ = 1, so m values cost m − 1 exponentials.
                std::uint32_t top = b;
                for (std::uint32_t c = b + 1; c < e; ++c)
                    if (score[c] > score[top]) top = c;
                const double mx = score[top];
                double z = 1.0;
                for (std::uint32_t c = b; c < e; ++c)
                    if (c != top) z += (belief[c] = std::exp(score[c] - mx));
                belief[top] = 1.0;
                const double inv = 1.0 / z;
                for (std::uint32_t c = b; c < e; ++c) belief[c] *= inv;
            }
            if (sums)
                for (std::uint32_t i = rb; i < re; ++i) {
                    // P(position right): the belief, or 1 − belief for a vote against (top bit).
                    const record& x = records[i];
                    const double against = static_cast<double>(x.claim >> 31);
                    actor_state[x.actor].sum += against + (1.0 - 2.0 * against) * belief[x.claim & ~against_bit];
                }
        }
    };
    const auto m_step = [&]() {
        double change = 0.0;
        for (std::uint32_t s = 0; s < S; ++s) {
            if (out.positions[s] == 0) continue;
            const double a = (o.prior_strength * out.prior_accuracy[s] + actor_state[s].sum) /
                             (o.prior_strength + static_cast<double>(out.positions[s]));
            const double clamped = std::clamp(a, detail::accuracy_floor, detail::accuracy_ceiling);
            change = std::max(change, std::abs(clamped - A[s]));
            A[s] = clamped;
        }
        return change;
    };
    std::uint32_t total = 0;
    bool converged = false;
    double last_change = 0.0;
    for (std::uint32_t round = 0; round <= o.max_dependence_rounds && total < o.max_iterations; ++round) {
        assign_dependence();
        refresh_coefficients();
        converged = false;
        while (total < o.max_iterations) {
            e_step(true);
            last_change = m_step();
            ++total;
            if (last_change < o.tolerance) {
                converged = true;
                break;
            }
        }
        if (!converged || !o.detect_copying) break;
        e_step(false);
        if (detect_copying() < 1e-3 && round > 0) break;
        if (round == o.max_dependence_rounds) converged = false;  // dependence still moving
    }
    e_step(false);  // the beliefs of the final accuracies
    for (auto& v : votes) {
        v.log_actor = (v.sign > 0 ? log_n[v.object] : 0.0) + actor_state[v.actor].term;
        v.weight = v.role == vote_role::counted ? v.dependence * (v.log_actor + v.log_evidence + v.log_interest) : 0.0;
    }

    r.belief = belief;
    for (std::uint32_t s = 0; s < S; ++s)
        if (out.positions[s] > 0) r.trust[s] = r.credibility[s] = A[s];
    r.run.iterations = total;
    r.run.residual = last_change;
    if (!detail::all_finite(r.belief)) {
        r.run.status = run_status::numerical_issue;
    } else {
        r.run.converged = converged;
        r.run.status = converged ? run_status::ok : run_status::no_convergence;
    }
    return out;
}

/// evidence-em: a source-accuracy model (Accu, Dong, Berti-Equille & Srivastava 2009) in which
/// each statement's vote is weighed by its provenance, dependent sources count once, and time
/// decides which of an actor's positions stands.
///
/// Each observation is a vote for a claim v of its object (a denial is a vote for the other
/// value of a yes/no or two-valued object, and against v otherwise). Per (actor, object) only
/// the actor's latest position counts (time order, then file order); earlier different
/// positions are *superseded* and repetitions of the standing one are *repeats*. A later
/// finding supersedes an earlier finding of the opposite position. A counted vote adds
///
///     w = I · (ln(n·A/(1 − A)) + ln ρ_evidence + ln ρ_interest)
///
/// to C(v) (n = the object's number of false values, A the actor's accuracy, ρ the
/// evidence_weights, I = Π (1 − c·D) over the stronger providers of v with D = 1 within a
/// group and the copy posterior between groups). P(v) = e^{C(v)} / Σ_{v'} e^{C(v')}; the
/// accuracy A = (a₀·π + Σ P(position right)) / (a₀ + n_positions) over all of the actor's
/// distinct positions, superseded ones included, clamped to [0.01, 0.99]. Rounds alternate
/// until max |ΔA| < tolerance, copying is re-estimated between runs.
/// credibility = trust = A; NaN for an actor with no position (nothing it said can be checked).
/// Throws: rule_error for bad options.
[[nodiscard]] inline credibility_result evidence_em(const truth_problem& p, const evidence_model_options& o = {}) {
    return evidence_em_detailed(p, o).scores;
}

}  // namespace narrative
