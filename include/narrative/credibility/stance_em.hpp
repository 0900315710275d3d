// SPDX-License-Identifier: MIT
#pragma once
// stance-em: a stance-aware truth-discovery model (Dawid–Skene EM with one pooled stance table)
// that learns from `reports` (hedged relaying) as a signal of its own.

#include <narrative/credibility/truth_discovery.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <cstdint>
#include <limits>
#include <tuple>
#include <vector>

namespace narrative {

namespace detail {

// The stance table learned on Emergent by the published unsupervised model (truth-discovery
// reference, §7): P(asserts, denies, reports | the claim is true), resp. false. The only
// published estimate of what a stance says; centre of stance-em's weak Dirichlet prior.
inline constexpr std::array<double, 3> published_stance_table_true{0.738, 0.039, 0.223};
inline constexpr std::array<double, 3> published_stance_table_false{0.203, 0.271, 0.526};

}  // namespace detail


/// The learned stance likelihoods of stance-em: P(stance | the claim referred to is true) and
/// P(stance | it is false), indexed asserts, denies, reports; and the learned prior π that a
/// yes/no proposition is true.
struct stance_likelihoods {
    std::array<double, 3> if_true{1.0 / 3, 1.0 / 3, 1.0 / 3};
    std::array<double, 3> if_false{1.0 / 3, 1.0 / 3, 1.0 / 3};
    double prior_true = 0.5;
};

/// stance-em with its learned likelihoods.
struct stance_em_result {
    credibility_result scores{};
    stance_likelihoods likelihoods{};
};

/// stance-em (Dawid & Skene 1979 with one pooled confusion table, as in the Emergent baseline of
/// the truth-discovery reference, §7).
///
/// Each object o has one true claim h (a yes/no object: "true" or "false"); every observation
/// (actor, claim c, stance k) — statements, not reduced votes: `reports` is kept — is drawn from
/// θ_T(k) when c = h and θ_F(k) otherwise; a yes/no observation always refers to "true".
/// - init: q_o(h) ∝ 1 + (number of statements for h) (yes/no: (n_asserts + 1)/(n_asserts + n_denies + 2));
/// - E-step: q_o(h) ∝ π(h) Π_obs ℓ_h(obs)^{w_s} with ℓ_h = θ_T(k) when c = h and
///   θ_F(k)/(m_o − 1) otherwise (m_o = number of values of o: a wrong value is spread evenly over
///   the m_o − 1 wrong ones, as in Accu; m_o − 1 = 1 for yes/no objects); π(true) = π for yes/no
///   objects, uniform over the values otherwise;
/// - M-step: θ_T(k) ∝ α + β·θ⁰_T(k) + Σ_obs w_s q(c)[k], θ_F(k) ∝ α + β·θ⁰_F(k) + Σ_obs w_s (1 − q(c))[k],
///   α = 10⁻³, β = em_stance_prior_strength (3): a Dirichlet prior worth β statements per class
///   centred on the published Emergent table θ⁰, so that a table learned from a few statements
///   neither collapses to certainty nor to "stances say nothing";
///   π = (Σ q(true) + 1) / (n + 2) over the n yes/no objects with observations (the posterior
///   mean under a uniform Beta(1, 1) prior, so that a few objects cannot drive π to 0 or 1);
/// - stop when max |Δq| < 10⁻⁸ or after 1000 rounds.
/// w_s = 2·prior for actors with a declared prior, else 1. `belief` = q (posterior that the claim
/// is the true value); an actor's `credibility` is the expected accuracy of its `asserts` and
/// `denies` statements (q(c), resp. 1 − q(c)); NaN for an actor who only reports.
/// Complexity: O(claims) per round with the pooled table; O(observations + claims) with
/// per-actor tables (em_actor_shrinkage > 0).
[[nodiscard]] inline stance_em_result stance_em_detailed(const truth_problem& p,
                                                         const credibility_options& o = {}) {
    detail::check_options(o);
    stance_em_result out{};
    credibility_result& r = out.scores;
    r = detail::start("stance-em", p);
    // Observations, optionally with repeats of (actor, claim, stance) collapsed.
    std::vector<truth_observation> obs = p.observations;
    if (o.em_collapse_repeats) {
        std::vector<truth_observation> sorted = obs;
        std::stable_sort(sorted.begin(), sorted.end(), [](const auto& a, const auto& b) {
            return std::tie(a.actor, a.claim, a.stance) < std::tie(b.actor, b.claim, b.stance);
        });
        obs.clear();
        for (const auto& x : sorted)
            if (obs.empty() || obs.back().actor != x.actor || obs.back().claim != x.claim || obs.back().stance != x.stance)
                obs.push_back(x);
    }
    if (obs.empty()) return out;
    std::vector<double> w(p.actor_count(), 1.0);
    if (o.use_priors)
        for (std::uint32_t s = 0; s < p.actor_count(); ++s)
            if (p.actor_prior[s]) w[s] = 2.0 * *p.actor_prior[s];
    const std::uint32_t C = p.claim_count(), O = p.object_count();
    std::vector<char> object_seen(O, 0);
    std::vector<double> q(C, 0.0), pos(C, 0.0);
    for (const auto& x : obs) {
        const std::uint32_t ob = p.claim_object[x.claim];
        object_seen[ob] = 1;
        if (x.stance == stance::asserts) pos[x.claim] += 1.0;
        else if (x.stance == stance::denies && p.object_yes_no[ob]) pos[p.object_offsets[ob] + 1] += 1.0;
    }
    for (std::uint32_t ob = 0; ob < O; ++ob) {
        double total = 0.0;
        for (std::uint32_t c = p.object_offsets[ob]; c < p.object_offsets[ob + 1]; ++c) total += 1.0 + pos[c];
        for (std::uint32_t c = p.object_offsets[ob]; c < p.object_offsets[ob + 1]; ++c)
            q[c] = object_seen[ob] ? (1.0 + pos[c]) / total : 0.0;
    }
    auto k_of = [](enum stance s) { return static_cast<std::size_t>(s); };
    stance_likelihoods& L = out.likelihoods;
    const std::uint32_t max_it = o.max_iterations.value_or(1000);
    const double tol = o.tolerance.value_or(1e-8);
    bool stopped = false;
    const bool per_actor = o.em_actor_shrinkage > 0.0;
    // delta(c) per claim from the actors' own rows; the pooled model derives it from the counts.
    std::vector<double> delta(per_actor ? C : 0, 0.0), qn(C, 0.0);
    std::vector<double> at(per_actor ? 3 * std::size_t{p.actor_count()} : 0), af(at.size()), lt(at.size()), lf(at.size());
    // ln(m_o − 1): a wrong value's likelihood is spread over the m_o − 1 wrong values.
    std::vector<double> spread_of(O, 0.0), log_uniform(O, 0.0);
    for (std::uint32_t ob = 0; ob < O; ++ob) {
        const double m = p.object_offsets[ob + 1] - p.object_offsets[ob];
        spread_of[ob] = std::log(std::max(1.0, m - 1.0));
        log_uniform[ob] = -std::log(std::max(1.0, m));
    }
    // The weighted stance counts of each claim are the sufficient statistics of the pooled
    // model: with them a round costs O(claims) instead of O(observations).
    std::vector<std::array<double, 3>> counts(C, std::array<double, 3>{0.0, 0.0, 0.0});
    for (const auto& x : obs) counts[x.claim][k_of(x.stance)] += w[x.actor];
    // What the M-step needs from q: Σ_c q(c)·counts(c), Σ_c (1 − q(c))·counts(c), and the sum
    // and number of q(true) over the yes/no objects with observations. Gathered while q is
    // written, so that a round is one pass over the claims.
    struct m_step_sums {
        std::array<double, 3> if_true{}, if_false{};
        double true_sum = 0.0, yes_no = 0.0;
    };
    auto add_claim = [&](m_step_sums& sums, std::uint32_t c) {
        for (std::size_t k = 0; k < 3; ++k) {
            sums.if_true[k] += q[c] * counts[c][k];
            sums.if_false[k] += (1.0 - q[c]) * counts[c][k];
        }
    };
    auto add_object = [&](m_step_sums& sums, std::uint32_t ob) {
        for (std::uint32_t c = p.object_offsets[ob]; c < p.object_offsets[ob + 1]; ++c) add_claim(sums, c);
        if (p.object_yes_no[ob]) {
            sums.true_sum += q[p.object_offsets[ob]];
            sums.yes_no += 1.0;
        }
    };
    m_step_sums sums{};
    for (std::uint32_t ob = 0; ob < O; ++ob)
        if (object_seen[ob]) add_object(sums, ob);
    const double alpha = o.em_actor_shrinkage;
    for (std::uint32_t it = 0; it < max_it; ++it) {
        // M-step from the current q: θ_T(k) ∝ α₀ + Σ q·n_k, θ_F(k) ∝ α₀ + Σ (1 − q)·n_k, π.
        std::array<double, 3> nt{}, nf{};
        for (std::size_t k = 0; k < 3; ++k) {
            nt[k] = o.em_smoothing + o.em_stance_prior_strength * detail::published_stance_table_true[k] + sums.if_true[k];
            nf[k] = o.em_smoothing + o.em_stance_prior_strength * detail::published_stance_table_false[k] + sums.if_false[k];
        }
        const double st = nt[0] + nt[1] + nt[2], sf = nf[0] + nf[1] + nf[2];
        std::array<double, 3> log_ratio{}, pooled_t{}, pooled_f{};
        for (std::size_t k = 0; k < 3; ++k) {
            L.if_true[k] = nt[k] / st;
            L.if_false[k] = nf[k] / sf;
            pooled_t[k] = std::log(L.if_true[k]);
            pooled_f[k] = std::log(L.if_false[k]);
            log_ratio[k] = pooled_t[k] - pooled_f[k];
        }
        // π under a uniform Beta(1, 1) prior (Laplace): the plain mean collapses to 0 or 1 when few
        // yes/no objects carry it (with one object, q → 0 drives π → 0 drives q → 0), which made
        // a belief of 1.000 out of two denials against one assertion.
        L.prior_true = (sums.true_sum + 1.0) / (sums.yes_no + 2.0);
        // Per-actor rows shrunk towards the pooled ones (α = em_actor_shrinkage; 0: pooled only).
        if (per_actor) {
            std::fill(at.begin(), at.end(), 0.0);
            std::fill(af.begin(), af.end(), 0.0);
            for (const auto& x : obs) {
                at[3 * x.actor + k_of(x.stance)] += w[x.actor] * q[x.claim];
                af[3 * x.actor + k_of(x.stance)] += w[x.actor] * (1.0 - q[x.claim]);
            }
            for (std::uint32_t s = 0; s < p.actor_count(); ++s) {
                const double tt = at[3 * s] + at[3 * s + 1] + at[3 * s + 2];
                const double tf = af[3 * s] + af[3 * s + 1] + af[3 * s + 2];
                for (std::size_t k = 0; k < 3; ++k) {
                    lt[3 * s + k] = std::log((alpha * L.if_true[k] + at[3 * s + k]) / (alpha + tt));
                    lf[3 * s + k] = std::log((alpha * L.if_false[k] + af[3 * s + k]) / (alpha + tf));
                }
            }
            // delta(c) = Σ_obs w·(ln ℓ_T − ln ℓ_F) over c's observations with the actors' rows.
            std::fill(delta.begin(), delta.end(), 0.0);
            for (const auto& x : obs) {
                const std::size_t k = k_of(x.stance);
                delta[x.claim] += w[x.actor] * (lt[3 * x.actor + k] - lf[3 * x.actor + k]);
            }
        }
        // E-step: ln q_o(h) = ln π(h) + Σ_{obs of h} w·(ln ℓ_T − ln ℓ_F + ln(m_o − 1)) + const(o);
        // the terms every value of o shares (the ln ℓ_F of all o's observations) cancel.
        const double log_true = std::log(L.prior_true), log_false = std::log(1.0 - L.prior_true);
        double change = 0.0;
        m_step_sums next{};
        for (std::uint32_t ob = 0; ob < O; ++ob) {
            if (!object_seen[ob]) continue;
            const std::uint32_t b = p.object_offsets[ob], e = p.object_offsets[ob + 1];
            const double spread = spread_of[ob];
            double mx = -std::numeric_limits<double>::infinity();
            for (std::uint32_t c = b; c < e; ++c) {
                double d = 0.0;
                if (per_actor) {
                    d = delta[c] + spread * (counts[c][0] + counts[c][1] + counts[c][2]);
                } else {
                    for (std::size_t k = 0; k < 3; ++k) d += counts[c][k] * (log_ratio[k] + spread);
                }
                const double log_prior = p.object_yes_no[ob] ? (c == b ? log_true : log_false) : log_uniform[ob];
                qn[c] = log_prior + d;
                mx = std::max(mx, qn[c]);
            }
            double z = 0.0;
            for (std::uint32_t c = b; c < e; ++c) z += (qn[c] = std::exp(qn[c] - mx));
            for (std::uint32_t c = b; c < e; ++c) {
                qn[c] /= z;
                change = std::max(change, std::abs(qn[c] - q[c]));
                q[c] = qn[c];
            }
            add_object(next, ob);
        }
        sums = next;
        r.run.iterations = it + 1;
        r.run.residual = change;
        if (change < tol) {
            stopped = true;
            break;
        }
    }
    r.belief = q;
    std::vector<double> acc(p.actor_count(), 0.0), cnt(p.actor_count(), 0.0);
    for (const auto& x : obs) {
        if (x.stance == stance::reports) continue;
        acc[x.actor] += x.stance == stance::asserts ? q[x.claim] : 1.0 - q[x.claim];
        cnt[x.actor] += 1.0;
    }
    for (std::uint32_t s = 0; s < p.actor_count(); ++s)
        if (cnt[s] > 0.0) r.trust[s] = r.credibility[s] = acc[s] / cnt[s];
    if (!detail::all_finite(r.belief)) {
        r.run.status = run_status::numerical_issue;
    } else {
        r.run.converged = stopped;
        r.run.status = stopped ? run_status::ok : run_status::no_convergence;
    }
    return out;
}

/// stance-em's scores alone (see stance_em_detailed).
[[nodiscard]] inline credibility_result stance_em(const truth_problem& p, const credibility_options& o = {}) {
    return stance_em_detailed(p, o).scores;
}

}  // namespace narrative
