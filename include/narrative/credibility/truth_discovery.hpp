// SPDX-License-Identifier: MIT
#pragma once
// The classic fact-finders in one framework: Voting, Sums, AverageLog, Investment,
// PooledInvestment, TruthFinder, 2-Estimates and 3-Estimates, each with convergence reporting.

#include <narrative/credibility/truth_problem.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace narrative {

/// The outcome of a truth-discovery run (a status value, never an exception).
enum class credibility_status {
    ok,               ///< converged (or ran its published fixed number of rounds to a change ≤ tolerance)
    empty,            ///< no votes: nothing to learn
    no_convergence,   ///< stopped at the iteration limit with a larger change; results are the last iterate
    numerical_issue,  ///< a NaN or infinity appeared; results are not meaningful
};

[[nodiscard]] constexpr std::string_view to_string(credibility_status s) noexcept {
    switch (s) {
        case credibility_status::ok: return "ok";
        case credibility_status::empty: return "empty";
        case credibility_status::no_convergence: return "no_convergence";
        case credibility_status::numerical_issue: return "numerical_issue";
    }
    return "ok";
}

/// Parameters of every truth-discovery algorithm; each reads only its own. Defaults are the
/// published ones (see each function). Bad values throw rule_error when the run starts.
struct credibility_options {
    /// Rounds: unset = the algorithm's default (Voting 1, Sums / AverageLog / Investment 20,
    /// PooledInvestment 10, TruthFinder and 2/3-Estimates 100, stance-em 1000).
    std::optional<std::uint32_t> max_iterations{};
    /// Convergence threshold: unset = the algorithm's default (TruthFinder 1e-3 on 1 − cos of
    /// successive trust vectors; 2/3-Estimates 1e-6 on max |Δε|; stance-em 1e-8 on max |Δq|;
    /// the fixed-round methods 1e-6 on the last max |Δ|, for reporting only).
    std::optional<double> tolerance{};
    duplicate_policy duplicates = duplicate_policy::majority;  ///< one vote per (actor, object)
    bool use_priors = true;             ///< declared actor priors as initial trust and vote weight
    double investment_exponent = 1.2;   ///< g of Investment
    double pooled_exponent = 1.4;       ///< g of PooledInvestment
    double truthfinder_rho = 0.5;       ///< ρ: weight of implications
    double truthfinder_gamma = 0.3;     ///< γ: dampening of the logistic
    double truthfinder_initial_trust = 0.9;  ///< t⁰ of actors without a declared prior
    /// imp between two different values of one object when no explicit implication is given
    /// (TruthFinder); 0 leaves competing values independent, −1 makes them exclude each other.
    double exclusive_implication = 0.0;
    double estimates_lambda = 0.5;           ///< λ of the 2/3-Estimates normalisation
    double estimates_floor = 0.01;           ///< floor of the divisors φ and ε (3-Estimates)
    double estimates_initial_error = 0.2;    ///< ε⁰ of actors without a declared prior
    double estimates_initial_difficulty = 0.4;  ///< φ⁰
    double em_smoothing = 1e-3;              ///< stance-em: pseudo-count of every likelihood cell
    /// stance-em: count repeated (actor, claim, stance) observations once.
    bool em_collapse_repeats = false;
    /// stance-em: strength α of the pooled stance table as a prior on each actor's own table
    /// (hierarchical shrinkage); 0 uses the pooled table alone.
    double em_actor_shrinkage = 0.0;
};

/// Scores of actors and claims with the run's convergence report.
///
/// `trust` is on the algorithm's own scale; `credibility` maps it into [0, 1] (NaN for an actor
/// without votes: undefined, not zero). `belief` is per claim (see truth_problem).
struct credibility_result {
    std::string algorithm{};
    credibility_status status = credibility_status::empty;
    bool converged = false;
    std::uint32_t iterations = 0;
    double last_change = 0.0;             ///< the convergence measure of the last round
    std::vector<double> trust{};          ///< per actor
    std::vector<double> credibility{};    ///< per actor, in [0, 1] or NaN
    std::vector<double> belief{};         ///< per claim
};

namespace detail {

inline constexpr double nan = std::numeric_limits<double>::quiet_NaN();

inline void check_options(const credibility_options& o) {
    auto bad = [](const std::string& what) { throw rule_error("credibility option " + what); };
    if (o.max_iterations && *o.max_iterations == 0) bad("max_iterations must be at least 1");
    if (o.tolerance && !(*o.tolerance >= 0.0)) bad("tolerance must be >= 0");
    if (!(o.investment_exponent > 0.0)) bad("investment_exponent must be > 0");
    if (!(o.pooled_exponent > 0.0)) bad("pooled_exponent must be > 0");
    if (!(o.truthfinder_rho >= 0.0 && o.truthfinder_rho <= 1.0)) bad("truthfinder_rho must be in [0, 1]");
    if (!(o.truthfinder_gamma > 0.0)) bad("truthfinder_gamma must be > 0");
    if (!(o.truthfinder_initial_trust > 0.0 && o.truthfinder_initial_trust < 1.0))
        bad("truthfinder_initial_trust must be in (0, 1)");
    if (!(o.exclusive_implication >= -1.0 && o.exclusive_implication <= 1.0))
        bad("exclusive_implication must be in [-1, 1]");
    if (!(o.estimates_lambda >= 0.0 && o.estimates_lambda <= 1.0)) bad("estimates_lambda must be in [0, 1]");
    if (!(o.estimates_floor > 0.0)) bad("estimates_floor must be > 0");
    if (!(o.estimates_initial_error >= 0.0 && o.estimates_initial_error <= 1.0))
        bad("estimates_initial_error must be in [0, 1]");
    if (!(o.estimates_initial_difficulty > 0.0)) bad("estimates_initial_difficulty must be > 0");
    if (!(o.em_smoothing > 0.0)) bad("em_smoothing must be > 0");
    if (!(o.em_actor_shrinkage >= 0.0)) bad("em_actor_shrinkage must be >= 0");
}

// Connected components of the actor–claim vote graph in which all claims of one object are
// joined (their beliefs are compared): actors 0..S-1, claims S..S+C-1.
struct vote_components {
    std::vector<std::uint32_t> of_actor{}, of_claim{};
    std::uint32_t count = 0;
};

[[nodiscard]] inline vote_components components_of(const truth_problem& p, const vote_table& t) {
    const std::uint32_t S = t.actor_count, C = t.claim_count;
    std::vector<std::uint32_t> parent(std::size_t{S} + C);
    std::iota(parent.begin(), parent.end(), 0u);
    auto find = [&](std::uint32_t x) {
        while (parent[x] != x) x = parent[x] = parent[parent[x]];
        return x;
    };
    auto unite = [&](std::uint32_t a, std::uint32_t b) {
        a = find(a);
        b = find(b);
        if (a != b) parent[std::max(a, b)] = std::min(a, b);
    };
    for (std::uint32_t s = 0; s < S; ++s)
        for (std::uint32_t k = t.actor_offsets[s]; k < t.actor_offsets[s + 1]; ++k) unite(s, S + t.actor_claims[k]);
    for (std::uint32_t o = 0; o < p.object_count(); ++o)
        for (std::uint32_t c = p.object_offsets[o] + 1; c < p.object_offsets[o + 1]; ++c)
            unite(S + p.object_offsets[o], S + c);
    vote_components vc{};
    std::vector<std::uint32_t> label(parent.size(), std::numeric_limits<std::uint32_t>::max());
    vc.of_actor.resize(S);
    vc.of_claim.resize(C);
    for (std::uint32_t x = 0; x < parent.size(); ++x) {
        const std::uint32_t r = find(x);
        if (label[r] == std::numeric_limits<std::uint32_t>::max()) label[r] = vc.count++;
        if (x < S) vc.of_actor[x] = label[r];
        else vc.of_claim[x - S] = label[r];
    }
    return vc;
}

// Divides every value by the maximum of its component (left alone when that maximum is 0).
inline void normalise_by_component(std::vector<double>& x, const std::vector<std::uint32_t>& comp,
                                   std::uint32_t count) {
    if (count == 1) {  // the common case: one component, no gathers
        double m = 0.0;
        for (const double v : x) m = std::max(m, v);
        if (m > 0.0)
            for (double& v : x) v /= m;
        return;
    }
    std::vector<double> mx(count, 0.0);
    for (std::size_t i = 0; i < x.size(); ++i) mx[comp[i]] = std::max(mx[comp[i]], x[i]);
    for (std::size_t i = 0; i < x.size(); ++i)
        if (mx[comp[i]] > 0.0) x[i] /= mx[comp[i]];
}

[[nodiscard]] inline double max_abs_change(const std::vector<double>& a, const std::vector<double>& b) {
    double d = 0.0;
    for (std::size_t i = 0; i < a.size(); ++i) d = std::max(d, std::abs(a[i] - b[i]));
    return d;
}

[[nodiscard]] inline bool all_finite(const std::vector<double>& x) {
    return std::all_of(x.begin(), x.end(), [](double v) { return std::isfinite(v); });
}

// Fills status fields; trust is masked to NaN for actors without votes (without positive votes
// when the algorithm ignores negative ones).
inline void finish(credibility_result& r, const vote_table& t, double tolerance, bool stopped_by_tolerance,
                   bool uses_negative_votes = false) {
    if (!all_finite(r.belief)) {
        r.status = credibility_status::numerical_issue;
        r.converged = false;
        return;
    }
    r.converged = stopped_by_tolerance || r.last_change <= tolerance;
    r.status = r.converged ? credibility_status::ok : credibility_status::no_convergence;
    for (std::uint32_t s = 0; s < t.actor_count; ++s)
        if (t.claims_of_size(s) == 0 && (!uses_negative_votes || t.neg_actor_offsets[s + 1] == t.neg_actor_offsets[s])) {
            r.trust[s] = nan;
            r.credibility[s] = nan;
        }
}

[[nodiscard]] inline credibility_result start(std::string_view name, const truth_problem& p) {
    credibility_result r{};
    r.algorithm = std::string(name);
    r.trust.assign(p.actor_count(), nan);
    r.credibility.assign(p.actor_count(), nan);
    r.belief.assign(p.claim_count(), 0.0);
    return r;
}

[[nodiscard]] inline std::vector<double> weights_of(const vote_table& t, const credibility_options& o) {
    return o.use_priors ? t.actor_weight : std::vector<double>(t.actor_count, 1.0);
}

// Sums, AverageLog: trust from beliefs (f = identity or ln|C|·mean), beliefs from trust.
template <class TrustOf>
[[nodiscard]] credibility_result hub_authority(std::string_view name, const truth_problem& p,
                                               const credibility_options& o, std::uint32_t rounds,
                                               TrustOf trust_of) {
    check_options(o);
    credibility_result r = start(name, p);
    const vote_table t = make_vote_table(p, o.duplicates);
    if (t.vote_count() == 0) return r;
    const auto comp = components_of(p, t);
    const auto w = weights_of(t, o);
    const std::uint32_t max_it = o.max_iterations.value_or(rounds);
    std::vector<double> B(t.claim_count, 0.5), T(t.actor_count, 0.0), Bold, Told;
    for (std::uint32_t it = 0; it < max_it; ++it) {
        Bold = B;
        Told = T;
        for (std::uint32_t s = 0; s < t.actor_count; ++s) {
            double sum = 0.0;
            for (std::uint32_t k = t.actor_offsets[s]; k < t.actor_offsets[s + 1]; ++k) sum += B[t.actor_claims[k]];
            T[s] = w[s] * trust_of(sum, t.claims_of_size(s));
        }
        normalise_by_component(T, comp.of_actor, comp.count);
        for (std::uint32_t c = 0; c < t.claim_count; ++c) {
            double sum = 0.0;
            for (std::uint32_t k = t.claim_offsets[c]; k < t.claim_offsets[c + 1]; ++k) sum += T[t.claim_actors[k]];
            B[c] = sum;
        }
        normalise_by_component(B, comp.of_claim, comp.count);
        r.iterations = it + 1;
        r.last_change = std::max(max_abs_change(B, Bold), max_abs_change(T, Told));
    }
    r.belief = B;
    r.trust = T;
    r.credibility = T;
    finish(r, t, o.tolerance.value_or(1e-6), false);
    return r;
}

// Investment and PooledInvestment share the trust update. `stake` is T(s)/|C_s| on entry (the
// amounts invested) and `pool` receives H(c) = Σ_{s∈S_c} T(s)/|C_s|.
inline void investment_trust(const vote_table& t, const std::vector<double>& B, std::vector<double>& T,
                             std::vector<double>& stake, std::vector<double>& pool) {
    for (std::uint32_t c = 0; c < t.claim_count; ++c) {
        double h = 0.0;
        for (std::uint32_t k = t.claim_offsets[c]; k < t.claim_offsets[c + 1]; ++k) h += stake[t.claim_actors[k]];
        // Returns per unit invested in c: B(c) / pool(c), 0 for an empty pool.
        pool[c] = h > 0.0 ? B[c] / h : 0.0;
    }
    for (std::uint32_t s = 0; s < t.actor_count; ++s) {
        double sum = 0.0;
        for (std::uint32_t k = t.actor_offsets[s]; k < t.actor_offsets[s + 1]; ++k) sum += pool[t.actor_claims[k]];
        T[s] = stake[s] * sum;
    }
}

// stake(s) = T(s)/|C_s| and H(c) = Σ_{s∈S_c} stake(s).
inline void invested(const vote_table& t, const std::vector<double>& T, const std::vector<double>& inv_size,
                     std::vector<double>& stake, std::vector<double>& H) {
    for (std::uint32_t s = 0; s < t.actor_count; ++s) stake[s] = T[s] * inv_size[s];
    for (std::uint32_t c = 0; c < t.claim_count; ++c) {
        double h = 0.0;
        for (std::uint32_t k = t.claim_offsets[c]; k < t.claim_offsets[c + 1]; ++k) h += stake[t.claim_actors[k]];
        H[c] = h;
    }
}

template <class BeliefOf>
[[nodiscard]] credibility_result investment_family(std::string_view name, const truth_problem& p,
                                                   const credibility_options& o, std::uint32_t rounds,
                                                   std::vector<double> B, BeliefOf belief_of) {
    check_options(o);
    credibility_result r = start(name, p);
    const vote_table t = make_vote_table(p, o.duplicates);
    if (t.vote_count() == 0) return r;
    const auto comp = components_of(p, t);
    std::vector<double> T = weights_of(t, o), Bold, Told;
    std::vector<double> inv_size(t.actor_count, 0.0), stake(t.actor_count), H(t.claim_count), pool(t.claim_count);
    for (std::uint32_t s = 0; s < t.actor_count; ++s)
        if (t.claims_of_size(s) > 0) inv_size[s] = 1.0 / t.claims_of_size(s);
    const std::uint32_t max_it = o.max_iterations.value_or(rounds);
    for (std::uint32_t it = 0; it < max_it; ++it) {
        Bold = B;
        Told = T;
        for (std::uint32_t s = 0; s < t.actor_count; ++s) stake[s] = T[s] * inv_size[s];
        investment_trust(t, B, T, stake, pool);
        invested(t, T, inv_size, stake, H);
        belief_of(H, B);
        normalise_by_component(T, comp.of_actor, comp.count);
        normalise_by_component(B, comp.of_claim, comp.count);
        r.iterations = it + 1;
        r.last_change = std::max(max_abs_change(B, Bold), max_abs_change(T, Told));
    }
    r.belief = B;
    r.trust = T;
    r.credibility = T;
    finish(r, t, o.tolerance.value_or(1e-6), false);
    return r;
}

// x ← λ·z + (1 − λ)·[z ≥ ½], z = (x − min)/(max − min) over the entries with mask set.
inline void estimates_normalise(std::vector<double>& x, const std::vector<char>& mask, double lambda) {
    double lo = std::numeric_limits<double>::infinity(), hi = -lo;
    for (std::size_t i = 0; i < x.size(); ++i)
        if (mask[i]) {
            lo = std::min(lo, x[i]);
            hi = std::max(hi, x[i]);
        }
    if (!(hi > lo)) return;
    for (std::size_t i = 0; i < x.size(); ++i)
        if (mask[i]) {
            const double z = (x[i] - lo) / (hi - lo);
            x[i] = lambda * z + (1.0 - lambda) * (z >= 0.5 - 1e-12 ? 1.0 : 0.0);  // ½ up to rounding
        }
}

[[nodiscard]] inline credibility_result estimates(bool three, const truth_problem& p, const credibility_options& o) {
    check_options(o);
    credibility_result r = start(three ? "3-estimates" : "2-estimates", p);
    const vote_table t = make_vote_table(p, o.duplicates);
    if (t.vote_count() == 0) return r;
    const auto w = weights_of(t, o);
    const double lambda = o.estimates_lambda, fl = o.estimates_floor;
    const std::uint32_t S = t.actor_count, C = t.claim_count, O = p.object_count();
    std::vector<double> theta(C, 0.5), eps(S, o.estimates_initial_error), phi(C, o.estimates_initial_difficulty);
    if (o.use_priors)
        for (std::uint32_t s = 0; s < S; ++s)
            if (p.actor_prior[s]) eps[s] = 1.0 - *p.actor_prior[s];
    // Every voter of an object has a view on each of its claims (+ on the one it votes for, −
    // on the others), so the sums over views are per-object totals corrected per claim: each
    // round is O(votes + claims) instead of O(Σ_votes |M_c|).
    std::vector<double> obj_w(O, 0.0), neg_w(C, 0.0);
    for (std::uint32_t c = 0; c < C; ++c)
        for (std::uint32_t k = t.claim_offsets[c]; k < t.claim_offsets[c + 1]; ++k) obj_w[p.claim_object[c]] += w[t.claim_actors[k]];
    for (std::uint32_t c = 0; c < C; ++c)
        for (std::uint32_t k = t.neg_claim_offsets[c]; k < t.neg_claim_offsets[c + 1]; ++k) neg_w[c] += w[t.neg_claim_actors[k]];
    std::vector<char> claim_mask(C, 0), actor_mask(S, 0);
    for (std::uint32_t c = 0; c < C; ++c) claim_mask[c] = obj_w[p.claim_object[c]] + neg_w[c] > 0.0;
    std::vector<double> facts(S, 0.0);  // |F(s)|: Σ over votes of |M_o|, plus negative votes
    for (std::uint32_t s = 0; s < S; ++s) {
        for (std::uint32_t k = t.actor_offsets[s]; k < t.actor_offsets[s + 1]; ++k) {
            const std::uint32_t ob = p.claim_object[t.actor_claims[k]];
            facts[s] += p.object_offsets[ob + 1] - p.object_offsets[ob];
        }
        facts[s] += t.neg_actor_offsets[s + 1] - t.neg_actor_offsets[s];
        actor_mask[s] = facts[s] > 0.0;
    }
    std::vector<double> obj_a(O), obj_b(O), ca(C), cb(C), na(C);
    const std::uint32_t max_it = o.max_iterations.value_or(100);
    const double tol = o.tolerance.value_or(1e-6);
    bool stopped = false;
    std::vector<double> eps_old(S);
    for (std::uint32_t it = 0; it < max_it; ++it) {
        eps_old = eps;
        // θ: obj_a = Σ_{voters of o} w ε; ca = Σ_{S_c} w ε; cb = Σ_{S_c} w; na = Σ_{neg(c)} w ε.
        std::fill(obj_a.begin(), obj_a.end(), 0.0);
        for (std::uint32_t c = 0; c < C; ++c) {
            double a = 0.0, b = 0.0, n = 0.0;
            for (std::uint32_t k = t.claim_offsets[c]; k < t.claim_offsets[c + 1]; ++k) {
                const std::uint32_t s = t.claim_actors[k];
                a += w[s] * eps[s];
                b += w[s];
            }
            for (std::uint32_t k = t.neg_claim_offsets[c]; k < t.neg_claim_offsets[c + 1]; ++k) {
                const std::uint32_t s = t.neg_claim_actors[k];
                n += w[s] * eps[s];
            }
            ca[c] = a;
            cb[c] = b;
            na[c] = n;
            obj_a[p.claim_object[c]] += a;
        }
        for (std::uint32_t c = 0; c < C; ++c) {
            if (!claim_mask[c]) continue;
            const std::uint32_t ob = p.claim_object[c];
            const double f = three ? phi[c] : 1.0;
            // Σ_{V⁺} w(1 − f ε) + Σ_{V⁻} w f ε over Σ_V w.
            const double num = cb[c] - f * ca[c] + f * (obj_a[ob] - ca[c] + na[c]);
            theta[c] = num / (obj_w[ob] + neg_w[c]);
        }
        estimates_normalise(theta, claim_mask, lambda);
        // ε: a vote for c in o adds (1 − θ_c)/φ_c + Σ_{d∈M_o, d≠c} θ_d/φ_d; a negative vote θ_c/φ_c.
        std::fill(obj_b.begin(), obj_b.end(), 0.0);
        for (std::uint32_t c = 0; c < C; ++c) obj_b[p.claim_object[c]] += theta[c] / (three ? std::max(phi[c], fl) : 1.0);
        for (std::uint32_t s = 0; s < S; ++s) {
            if (!actor_mask[s]) continue;
            double num = 0.0;
            for (std::uint32_t k = t.actor_offsets[s]; k < t.actor_offsets[s + 1]; ++k) {
                const std::uint32_t c = t.actor_claims[k];
                const double div = three ? std::max(phi[c], fl) : 1.0;
                num += (1.0 - theta[c]) / div + obj_b[p.claim_object[c]] - theta[c] / div;
            }
            for (std::uint32_t k = t.neg_actor_offsets[s]; k < t.neg_actor_offsets[s + 1]; ++k) {
                const std::uint32_t c = t.neg_actor_claims[k];
                num += theta[c] / (three ? std::max(phi[c], fl) : 1.0);
            }
            eps[s] = num / facts[s];
        }
        estimates_normalise(eps, actor_mask, lambda);
        if (three) {
            // φ: (1 − θ_c) Σ_{S_c} w/ε + θ_c (Σ_{voters of o} w/ε − Σ_{S_c} w/ε + Σ_{neg(c)} w/ε), over Σ_V w.
            std::fill(obj_a.begin(), obj_a.end(), 0.0);
            for (std::uint32_t c = 0; c < C; ++c) {
                double a = 0.0, n = 0.0;
                for (std::uint32_t k = t.claim_offsets[c]; k < t.claim_offsets[c + 1]; ++k) {
                    const std::uint32_t s = t.claim_actors[k];
                    a += w[s] / std::max(eps[s], fl);
                }
                for (std::uint32_t k = t.neg_claim_offsets[c]; k < t.neg_claim_offsets[c + 1]; ++k) {
                    const std::uint32_t s = t.neg_claim_actors[k];
                    n += w[s] / std::max(eps[s], fl);
                }
                ca[c] = a;
                na[c] = n;
                obj_a[p.claim_object[c]] += a;
            }
            for (std::uint32_t c = 0; c < C; ++c) {
                if (!claim_mask[c]) continue;
                const std::uint32_t ob = p.claim_object[c];
                phi[c] = ((1.0 - theta[c]) * ca[c] + theta[c] * (obj_a[ob] - ca[c] + na[c])) / (obj_w[ob] + neg_w[c]);
            }
            estimates_normalise(phi, claim_mask, lambda);
        }
        r.iterations = it + 1;
        r.last_change = max_abs_change(eps, eps_old);
        if (r.last_change < tol) {
            stopped = true;
            break;
        }
    }
    r.belief = theta;
    r.trust = eps;
    for (std::uint32_t s = 0; s < S; ++s) r.credibility[s] = std::clamp(1.0 - eps[s], 0.0, 1.0);
    finish(r, t, tol, stopped, true);
    return r;
}

}  // namespace detail

/// Voting: B(c) = Σ_{s∈S_c} w_s / max_d Σ_{s∈S_d} w_s (w_s = 1, or 2·prior when declared);
/// T(s) = 1. `credibility` is the actor's mean vote share, (1/|C_s|) Σ_{c∈C_s} B(c)/Σ_{d∈M_c} B(d):
/// how often it sides with the majority. One round; always converged.
/// Complexity: O(observations · log + votes).
[[nodiscard]] inline credibility_result voting(const truth_problem& p, const credibility_options& o = {}) {
    detail::check_options(o);
    credibility_result r = detail::start("voting", p);
    const vote_table t = make_vote_table(p, o.duplicates);
    if (t.vote_count() == 0) return r;
    const auto w = detail::weights_of(t, o);
    double mx = 0.0;
    for (std::uint32_t c = 0; c < t.claim_count; ++c) {
        double sum = 0.0;
        for (std::uint32_t k = t.claim_offsets[c]; k < t.claim_offsets[c + 1]; ++k) sum += w[t.claim_actors[k]];
        r.belief[c] = sum;
        mx = std::max(mx, sum);
    }
    if (mx > 0.0)
        for (auto& b : r.belief) b /= mx;
    std::vector<double> object_total(p.object_count(), 0.0);
    for (std::uint32_t c = 0; c < t.claim_count; ++c) object_total[p.claim_object[c]] += r.belief[c];
    for (std::uint32_t s = 0; s < t.actor_count; ++s) {
        const std::uint32_t n = t.claims_of_size(s);
        if (n == 0) continue;
        double share = 0.0;
        for (std::uint32_t k = t.actor_offsets[s]; k < t.actor_offsets[s + 1]; ++k) {
            const std::uint32_t c = t.actor_claims[k];
            const double tot = object_total[p.claim_object[c]];
            share += tot > 0.0 ? r.belief[c] / tot : 0.0;
        }
        r.trust[s] = 1.0;
        r.credibility[s] = share / n;
    }
    r.iterations = 1;
    r.last_change = 0.0;
    detail::finish(r, t, 0.0, true);
    return r;
}

/// Sums (Pasternack & Roth 2010, after Kleinberg's hubs and authorities):
/// T^i(s) = w_s Σ_{c∈C_s} B^{i−1}(c), B^i(c) = Σ_{s∈S_c} T^i(s), each max-normalised within its
/// connected component of the vote graph (all claims of an object joined), B⁰ = 0.5, 20 rounds.
/// `credibility` = T. Complexity: O(votes) per round.
[[nodiscard]] inline credibility_result sums(const truth_problem& p, const credibility_options& o = {}) {
    return detail::hub_authority("sums", p, o, 20, [](double sum, std::uint32_t) { return sum; });
}

/// AverageLog (Pasternack & Roth 2010): T^i(s) = w_s · ln|C_s| · (1/|C_s|) Σ_{c∈C_s} B^{i−1}(c),
/// B^i(c) = Σ_{s∈S_c} T^i(s); normalised as Sums; B⁰ = 0.5, 20 rounds. A one-claim actor has
/// trust 0 (ln 1 = 0). Complexity: O(votes) per round.
[[nodiscard]] inline credibility_result average_log(const truth_problem& p, const credibility_options& o = {}) {
    return detail::hub_authority("average-log", p, o, 20, [](double sum, std::uint32_t n) {
        return n == 0 ? 0.0 : std::log(static_cast<double>(n)) * sum / n;
    });
}

/// Investment (Pasternack & Roth 2010): actors invest their trust evenly in their claims and are
/// repaid in proportion to their stake:
/// T^i(s) = Σ_{c∈C_s} B^{i−1}(c) · (T^{i−1}(s)/|C_s|) / Σ_{r∈S_c} T^{i−1}(r)/|C_r|,
/// B^i(c) = (Σ_{s∈S_c} T^i(s)/|C_s|)^g, g = 1.2; T⁰ = w_s, B⁰(c) = |S_c| / Σ_{d∈M_c} |S_d|;
/// max-normalised per component; 20 rounds; a claim with an empty pool pays nothing.
/// Complexity: O(votes) per round.
[[nodiscard]] inline credibility_result investment(const truth_problem& p, const credibility_options& o = {}) {
    const vote_table t = make_vote_table(p, o.duplicates);
    std::vector<double> B0(t.claim_count, 0.0);
    for (std::uint32_t ob = 0; ob < p.object_count(); ++ob) {
        double total = 0.0;
        for (std::uint32_t c = p.object_offsets[ob]; c < p.object_offsets[ob + 1]; ++c) total += t.actors_of_size(c);
        for (std::uint32_t c = p.object_offsets[ob]; c < p.object_offsets[ob + 1]; ++c)
            B0[c] = total > 0.0 ? t.actors_of_size(c) / total : 0.0;
    }
    const double g = o.investment_exponent;
    return detail::investment_family("investment", p, o, 20, std::move(B0),
                                     [g](const std::vector<double>& H, std::vector<double>& B) {
                                         for (std::size_t c = 0; c < H.size(); ++c) B[c] = std::pow(H[c], g);
                                     });
}

/// PooledInvestment (Pasternack & Roth 2010): the Investment trust update, with returns pooled
/// within each mutual-exclusion set: H(c) = Σ_{s∈S_c} T(s)/|C_s|,
/// B(c) = H(c) · H(c)^g / Σ_{d∈M_c} H(d)^g, g = 1.4 (0 when the denominator is 0);
/// B⁰(c) = 1/|M_c|; max-normalised per component; 10 rounds. Complexity: O(votes + claims) per round.
[[nodiscard]] inline credibility_result pooled_investment(const truth_problem& p,
                                                          const credibility_options& o = {}) {
    std::vector<double> B0(p.claim_count(), 0.0);
    for (std::uint32_t ob = 0; ob < p.object_count(); ++ob) {
        const std::uint32_t n = p.object_offsets[ob + 1] - p.object_offsets[ob];
        for (std::uint32_t c = p.object_offsets[ob]; c < p.object_offsets[ob + 1]; ++c) B0[c] = 1.0 / n;
    }
    const double g = o.pooled_exponent;
    return detail::investment_family("pooled-investment", p, o, 10, std::move(B0),
                                     [&p, g](const std::vector<double>& H, std::vector<double>& B) {
        for (std::uint32_t ob = 0; ob < p.object_count(); ++ob) {
            double den = 0.0;
            for (std::uint32_t c = p.object_offsets[ob]; c < p.object_offsets[ob + 1]; ++c) {
                B[c] = H[c] > 0.0 ? std::pow(H[c], g) : 0.0;  // G(H), kept for the numerator
                den += B[c];
            }
            for (std::uint32_t c = p.object_offsets[ob]; c < p.object_offsets[ob + 1]; ++c)
                B[c] = den > 0.0 ? H[c] * B[c] / den : 0.0;
        }
    });
}

/// TruthFinder (Yin, Han & Yu 2007/2008), with the logistic of the TKDE version:
/// τ(s) = −ln(1 − t(s)) (t capped at 1 − 10⁻¹²), σ(c) = Σ_{s∈S_c} w_s τ(s),
/// σ*(c) = σ(c) + ρ Σ_{c'} σ(c') imp(c' → c), B(c) = 1/(1 + e^{−γ σ*(c)}),
/// t(s) = (1/|C_s|) Σ_{c∈C_s} B(c). imp comes from truth_problem::implications (e.g. the case's
/// supports / contradicts relations, across propositions too) and, for two values of one object
/// without an explicit one, from `exclusive_implication`. t⁰ = 0.9 (or the declared prior);
/// stops when 1 − cos(t^i, t^{i−1}) < 10⁻³ or after 100 rounds; ρ = 0.5, γ = 0.3.
/// `credibility` = t. Complexity: O(votes + implications) per round.
[[nodiscard]] inline credibility_result truthfinder(const truth_problem& p, const credibility_options& o = {}) {
    detail::check_options(o);
    credibility_result r = detail::start("truthfinder", p);
    const vote_table t = make_vote_table(p, o.duplicates);
    if (t.vote_count() == 0) return r;
    const auto w = detail::weights_of(t, o);
    // Implications into each claim, as CSR: explicit ones, then same-object defaults.
    std::vector<std::vector<std::pair<std::uint32_t, double>>> into(t.claim_count);
    for (const auto& i : p.implications) into[i.to].emplace_back(i.from, i.value);
    if (o.exclusive_implication != 0.0)
        for (std::uint32_t ob = 0; ob < p.object_count(); ++ob)
            for (std::uint32_t c = p.object_offsets[ob]; c < p.object_offsets[ob + 1]; ++c)
                for (std::uint32_t d = p.object_offsets[ob]; d < p.object_offsets[ob + 1]; ++d) {
                    if (c == d) continue;
                    const bool explicit_one = std::any_of(into[c].begin(), into[c].end(),
                                                          [d](const auto& e) { return e.first == d; });
                    if (!explicit_one) into[c].emplace_back(d, o.exclusive_implication);
                }
    std::vector<double> trust(t.actor_count, o.truthfinder_initial_trust);
    if (o.use_priors)
        for (std::uint32_t s = 0; s < t.actor_count; ++s)
            if (p.actor_prior[s]) trust[s] = *p.actor_prior[s];
    std::vector<double> sigma(t.claim_count), B(t.claim_count, 0.0), tau(t.actor_count, 0.0), next(t.actor_count, 0.0);
    const std::uint32_t max_it = o.max_iterations.value_or(100);
    const double tol = o.tolerance.value_or(1e-3);
    bool stopped = false;
    for (std::uint32_t it = 0; it < max_it; ++it) {
        for (std::uint32_t s = 0; s < t.actor_count; ++s) tau[s] = -w[s] * std::log(1.0 - std::min(trust[s], 1.0 - 1e-12));
        for (std::uint32_t c = 0; c < t.claim_count; ++c) {
            double sum = 0.0;
            for (std::uint32_t k = t.claim_offsets[c]; k < t.claim_offsets[c + 1]; ++k) sum += tau[t.claim_actors[k]];
            sigma[c] = sum;
        }
        for (std::uint32_t c = 0; c < t.claim_count; ++c) {
            double adj = sigma[c];
            for (const auto& [d, imp] : into[c]) adj += o.truthfinder_rho * sigma[d] * imp;
            B[c] = 1.0 / (1.0 + std::exp(-o.truthfinder_gamma * adj));
        }
        double dot = 0.0, n1 = 0.0, n2 = 0.0;
        for (std::uint32_t s = 0; s < t.actor_count; ++s) {
            const std::uint32_t n = t.claims_of_size(s);
            next[s] = 0.0;
            if (n == 0) continue;
            double sum = 0.0;
            for (std::uint32_t k = t.actor_offsets[s]; k < t.actor_offsets[s + 1]; ++k) sum += B[t.actor_claims[k]];
            next[s] = sum / n;
            dot += next[s] * trust[s];
            n1 += next[s] * next[s];
            n2 += trust[s] * trust[s];
        }
        trust.swap(next);
        r.iterations = it + 1;
        r.last_change = (n1 > 0.0 && n2 > 0.0) ? 1.0 - dot / std::sqrt(n1 * n2) : 0.0;
        if (r.last_change < tol) {
            stopped = true;
            break;
        }
    }
    r.belief = B;
    r.trust = trust;
    r.credibility = trust;
    detail::finish(r, t, tol, stopped);
    return r;
}

/// 2-Estimates (Galland, Abiteboul, Marian & Senellart 2010). A vote for value x of object o is a
/// + view on (o, x) and a − view on every other (o, y); a `denies` on a valued claim is a − view.
/// θ_c = Σ_{V⁺(c)} w(1 − ε_s) + Σ_{V⁻(c)} w ε_s over Σ w (the number of views when unweighted);
/// ε_s = [Σ_{F⁺(s)} (1 − θ_c) + Σ_{F⁻(s)} θ_c] / |F(s)|; after each estimate
/// x ← λ z + (1 − λ)[z ≥ ½], z = (x − min)/(max − min), λ = 0.5 (skipped when max = min; z ≥ ½
/// is tested up to 10⁻¹² so that an exact midpoint is not lost to rounding).
/// θ first, then ε; ε⁰ = 0.2 (or 1 − declared prior); stop when max |Δε| < 10⁻⁶ or after 100
/// rounds. `credibility` = 1 − ε, `trust` = ε. Complexity: O(Σ_votes |M_c|) per round.
[[nodiscard]] inline credibility_result two_estimates(const truth_problem& p, const credibility_options& o = {}) {
    return detail::estimates(false, p, o);
}

/// 3-Estimates (Galland et al. 2010): 2-Estimates plus a difficulty φ_c, P(s wrong on c) = ε_s φ_c:
/// θ_c = [Σ_{V⁺} (1 − φ_c ε_s) + Σ_{V⁻} φ_c ε_s] / |V(c)|,
/// ε_s = [Σ_{F⁺} (1 − θ_c)/φ_c + Σ_{F⁻} θ_c/φ_c] / |F(s)|,
/// φ_c = [Σ_{V⁺} (1 − θ_c)/ε_s + Σ_{V⁻} θ_c/ε_s] / |V(c)|, divisors floored at 0.01, the paper's
/// (1 − θ)/φ form (not DAFNA-EA's 1 − θ/φ); order θ, ε, φ, each normalised as in 2-Estimates;
/// φ⁰ = 0.4. Complexity: O(Σ_votes |M_c|) per round.
[[nodiscard]] inline credibility_result three_estimates(const truth_problem& p, const credibility_options& o = {}) {
    return detail::estimates(true, p, o);
}

}  // namespace narrative
