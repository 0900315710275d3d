// SPDX-License-Identifier: MIT
#pragma once
// The classic fact-finders in one framework: Voting, Sums, AverageLog, Investment,
// PooledInvestment, TruthFinder, 2-Estimates and 3-Estimates, each with convergence reporting.

#include <narrative/credibility/evidence_options.hpp>
#include <narrative/credibility/truth_problem.hpp>
#include <narrative/run_info.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <numeric>
#include <optional>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace narrative {

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
    /// stance-em: weight, in statements per class, of the Dirichlet prior centred on the stance
    /// table published for Emergent (0 turns it off).
    double em_stance_prior_strength = 3.0;
    /// stance-em: count repeated (actor, claim, stance) observations once.
    bool em_collapse_repeats = false;
    /// stance-em: strength α of the pooled stance table as a prior on each actor's own table
    /// (hierarchical shrinkage); 0 uses the pooled table alone.
    double em_actor_shrinkage = 0.0;
    /// evidence-em's parameters; max_iterations and tolerance above override theirs when set.
    evidence_model_options evidence{};
};

/// Scores of actors and claims with the run's convergence report.
///
/// `trust` is on the algorithm's own scale; `credibility` maps it into [0, 1] (NaN for an actor
/// without votes: undefined, not zero). `belief` is per claim (see truth_problem).
struct credibility_result {
    std::string algorithm{};
    /// status: `ok` (converged, or ran its published fixed number of rounds to a change ≤
    /// tolerance), `empty` (no votes: nothing to learn), `no_convergence` (stopped at the
    /// iteration limit with a larger change: results are the last iterate), `numerical_issue`
    /// (a NaN or infinity appeared: results are not meaningful); iterations: rounds; residual:
    /// the convergence measure of the last round (the "last change" of the outputs).
    run_info run{.status = run_status::empty, .converged = false};
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
    if (!(o.em_stance_prior_strength >= 0.0) || !std::isfinite(o.em_stance_prior_strength))
        bad("em_stance_prior_strength must be a finite number >= 0");
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

// The maximum of each connected component, for max-normalisation carried as a divisor: the
// maxima are raised while a vector is written, and its readers divide by them, which saves the
// passes of normalising in place (find the maximum, then divide).
struct component_maxima {
    std::vector<double> max{};  ///< per component; 0 until a positive value is written

    void reset() { std::fill(max.begin(), max.end(), 0.0); }
    // A branch rather than std::max: new maxima are rare, so no store waits on the last one.
    void raise(std::uint32_t k, double v) {
        if (v > max[k]) max[k] = v;
    }
    // A component whose maximum is not positive is left alone.
    [[nodiscard]] double divisor(std::uint32_t k) const { return max[k] > 0.0 ? max[k] : 1.0; }
};

[[nodiscard]] inline component_maxima make_component_maxima(const vote_components& vc) {
    return {.max = std::vector<double>(vc.count, 0.0)};
}

// Divides every value by the maximum of its component.
inline void divide_by_component(std::vector<double>& x, const std::vector<std::uint32_t>& comp,
                                const component_maxima& m) {
    for (std::size_t i = 0; i < x.size(); ++i) x[i] /= m.divisor(comp[i]);
}

[[nodiscard]] inline std::vector<double> divided_by_component(std::vector<double> x,
                                                              const std::vector<std::uint32_t>& comp,
                                                              const component_maxima& m) {
    divide_by_component(x, comp, m);
    return x;
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
        r.run.status = run_status::numerical_issue;
        r.run.converged = false;
        return;
    }
    r.run.converged = stopped_by_tolerance || r.run.residual <= tolerance;
    r.run.status = r.run.converged ? run_status::ok : run_status::no_convergence;
    for (std::uint32_t s = 0; s < t.actor_count; ++s)
        if (t.claims_of_size(s) == 0 && (!uses_negative_votes || t.neg_actor_offsets[s + 1] == t.neg_actor_offsets[s])) {
            r.trust[s] = nan;
            r.credibility[s] = nan;
        }
}

// Stores the scores of an algorithm whose credibility is its trust, then fills status fields.
inline void finish(credibility_result& r, const vote_table& t, std::vector<double> belief, std::vector<double> trust,
                   double tolerance, bool stopped_by_tolerance) {
    r.belief = std::move(belief);
    r.credibility = trust;
    r.trust = std::move(trust);
    finish(r, t, tolerance, stopped_by_tolerance);
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

// Rows are handled in blocks: the gathers of a block first, then its arithmetic (log, exp, pow,
// divisions), so that the gathers, bound by memory latency, are not held up by it.
inline constexpr std::uint32_t block_rows = 256;

// The end of a block of whole objects from `ob`: block_rows claims or more, or the last object.
[[nodiscard]] inline std::uint32_t object_block_end(const truth_problem& p, std::uint32_t ob) {
    std::uint32_t end = ob;
    while (end < p.object_count() && p.object_offsets[end] - p.object_offsets[ob] < block_rows) ++end;
    return end;
}

// y(r) = Σ_{k∈[off(r), off(r+1))} x(idx(k)) for the rows r in [first, last).
inline void gather_rows(const std::vector<std::uint32_t>& off, const std::vector<std::uint32_t>& idx,
                        const std::vector<double>& x, std::uint32_t first, std::uint32_t last,
                        std::vector<double>& y) {
    for (std::uint32_t r = first; r < last; ++r) {
        double sum = 0.0;
        for (std::uint32_t k = off[r]; k < off[r + 1]; ++k) sum += x[idx[k]];
        y[r] = sum;
    }
}

// The actor half of a round of the fixed-round methods: for every actor s, in blocks, the sum of
// x over its claims, divided by the maximum of s's component (x is kept unnormalised, see
// component_maxima), becomes T(s) = update(s, sum); t_max is reset and raised with the new T.
template <class Update>
void update_actors(const vote_table& t, const vote_components& comp, const std::vector<double>& x,
                   const component_maxima& x_max, std::vector<double>& T, component_maxima& t_max,
                   Update update) {
    t_max.reset();
    for (std::uint32_t first = 0; first < t.actor_count; first += block_rows) {
        const std::uint32_t last = std::min(t.actor_count, first + block_rows);
        gather_rows(t.actor_offsets, t.actor_claims, x, first, last, T);
        for (std::uint32_t s = first; s < last; ++s) {
            const std::uint32_t ks = comp.of_actor[s];
            T[s] = update(s, T[s] / x_max.divisor(ks));
            t_max.raise(ks, T[s]);
        }
    }
}

// Sums, AverageLog: trust from beliefs (f = identity or ln|C|·mean), beliefs from trust.
// B is kept as raw sums; each actor's sum is divided by the maximum of its component (all its
// claims share it), so that the claims need no normalisation pass until the end. These methods
// run a fixed number of rounds: the change is measured in the last one only.
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
    auto b_max = make_component_maxima(comp), t_max = b_max;  // B⁰ is used as it is (divisor 1)
    for (std::uint32_t it = 0; it < max_it; ++it) {
        if (it + 1 == max_it) {
            Bold = divided_by_component(B, comp.of_claim, b_max);
            Told = T;
        }
        update_actors(t, comp, B, b_max, T, t_max,  // Σ_{c∈C_s} B(c)
                      [&](std::uint32_t s, double sum) { return w[s] * trust_of(sum, t.claims_of_size(s)); });
        divide_by_component(T, comp.of_actor, t_max);
        b_max.reset();
        for (std::uint32_t c = 0; c < t.claim_count; ++c) {
            double sum = 0.0;
            for (std::uint32_t k = t.claim_offsets[c]; k < t.claim_offsets[c + 1]; ++k) sum += T[t.claim_actors[k]];
            B[c] = sum;
            b_max.raise(comp.of_claim[c], sum);
        }
    }
    divide_by_component(B, comp.of_claim, b_max);
    r.run.iterations = max_it;
    r.run.residual = std::max(max_abs_change(B, Bold), max_abs_change(T, Told));
    finish(r, t, std::move(B), std::move(T), o.tolerance.value_or(1e-6), false);
    return r;
}

// The return per unit invested in a claim: its belief over its pool, 0 for an empty pool.
[[nodiscard]] inline double unit_return(double belief, double pool) { return pool > 0.0 ? belief / pool : 0.0; }

// Investment and PooledInvestment: one gather each way per round. Actors collect the returns
// of their stakes, T(s) = stake(s) Σ_{c∈C_s} B(c)/H(c); then the claims gather the new stakes
// T(s)/|C_s| into pools H, and `belief_of` turns an object's pools into beliefs and into the
// returns B(c)/H(c) that the next round pays. B's normalisation is applied once per actor; these
// methods run a fixed number of rounds, so the change is measured in the last one only.
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
    std::vector<double> inv_size(t.actor_count, 0.0), stake(t.actor_count), H(t.claim_count), returns(t.claim_count);
    for (std::uint32_t s = 0; s < t.actor_count; ++s) {
        if (t.claims_of_size(s) > 0) inv_size[s] = 1.0 / t.claims_of_size(s);
        stake[s] = T[s] * inv_size[s];
    }
    gather_rows(t.claim_offsets, t.claim_actors, stake, 0, t.claim_count, H);
    for (std::uint32_t c = 0; c < t.claim_count; ++c) returns[c] = unit_return(B[c], H[c]);
    auto b_max = make_component_maxima(comp), t_max = b_max;  // B⁰ is used as it is (divisor 1)
    const std::uint32_t max_it = o.max_iterations.value_or(rounds);
    for (std::uint32_t it = 0; it < max_it; ++it) {
        if (it + 1 == max_it) {
            Bold = divided_by_component(B, comp.of_claim, b_max);
            Told = T;
        }
        update_actors(t, comp, returns, b_max, T, t_max,  // Σ_{c∈C_s} B(c)/H(c)
                      [&](std::uint32_t s, double sum) { return stake[s] * sum; });
        for (std::uint32_t s = 0; s < t.actor_count; ++s) {
            T[s] /= t_max.divisor(comp.of_actor[s]);
            stake[s] = T[s] * inv_size[s];
        }
        b_max.reset();
        for (std::uint32_t ob = 0; ob < p.object_count();) {
            // The pools of a block of objects, then their beliefs.
            const std::uint32_t end = object_block_end(p, ob);
            gather_rows(t.claim_offsets, t.claim_actors, stake, p.object_offsets[ob], p.object_offsets[end], H);
            for (; ob < end; ++ob) {
                const std::uint32_t first = p.object_offsets[ob], last = p.object_offsets[ob + 1];
                belief_of(first, last, H, B, returns);
                for (std::uint32_t c = first; c < last; ++c) b_max.raise(comp.of_claim[c], B[c]);
            }
        }
    }
    divide_by_component(B, comp.of_claim, b_max);
    r.run.iterations = max_it;
    r.run.residual = std::max(max_abs_change(B, Bold), max_abs_change(T, Told));
    finish(r, t, std::move(B), std::move(T), o.tolerance.value_or(1e-6), false);
    return r;
}

// The bounds of the 2/3-Estimates normalisation x ← λ·z + (1 − λ)·[z ≥ ½],
// z = (x − min)/(max − min), gathered while the values are written.
struct estimates_bounds {
    double lo = std::numeric_limits<double>::infinity();
    double hi = -std::numeric_limits<double>::infinity();

    void include(double x) {
        lo = std::min(lo, x);
        hi = std::max(hi, x);
    }
    // Skipped when max = min (or nothing was included).
    [[nodiscard]] bool active() const { return hi > lo; }
    [[nodiscard]] double normalised(double x, double lambda) const {
        const double z = (x - lo) / (hi - lo);
        // ½ up to rounding; the test as a number, not a branch: z falls either side at random.
        return lambda * z + (1.0 - lambda) * static_cast<double>(z >= 0.5 - 1e-12);
    }
};

// Normalises the entries with mask set.
inline void estimates_normalise(std::vector<double>& x, const std::vector<char>& mask, const estimates_bounds& b,
                                double lambda) {
    if (!b.active()) return;
    for (std::size_t i = 0; i < x.size(); ++i)
        if (mask[i]) x[i] = b.normalised(x[i], lambda);
}

// Σ_{s∈S_c} v(s) and Σ_{s∈neg(c)} v(s): the sums of a per-actor value over a claim's voters and
// deniers.
struct view_sums {
    double pos = 0.0, neg = 0.0;
};

[[nodiscard]] inline view_sums sums_over_views(const vote_table& t, const std::vector<double>& v, std::uint32_t c) {
    view_sums x{};
    for (std::uint32_t k = t.claim_offsets[c]; k < t.claim_offsets[c + 1]; ++k) x.pos += v[t.claim_actors[k]];
    for (std::uint32_t k = t.neg_claim_offsets[c]; k < t.neg_claim_offsets[c + 1]; ++k) x.neg += v[t.neg_claim_actors[k]];
    return x;
}

// What an actor's ε gathers from a claim: for a vote for it, (1 − θ_c)/φ_c + Σ_{d∈M_o, d≠c} θ_d/φ_d;
// for a negative vote, θ_c/φ_c. Side by side, as a claim is read for one or the other.
struct claim_view {
    double pos = 0.0, neg = 0.0;
};

// 2- and 3-Estimates, each round θ, ε (and φ). Every voter of an object has a view on each of
// its claims (+ on the one it votes for, − on the others), so the sums over views are
// per-object totals corrected per claim: a round is O(votes + claims), not O(Σ_votes |M_c|).
// Each estimate is one pass per object that gathers and computes, recording the normalisation
// bounds; θ's normalisation shares a second pass with what the actors read of it, and φ's is
// applied where the next θ first reads it.
template <bool Three>
[[nodiscard]] credibility_result estimates(const truth_problem& p, const credibility_options& o) {
    check_options(o);
    credibility_result r = start(Three ? "3-estimates" : "2-estimates", p);
    const vote_table t = make_vote_table(p, o.duplicates);
    if (t.vote_count() == 0) return r;
    const auto w = weights_of(t, o);
    const double lambda = o.estimates_lambda, fl = o.estimates_floor;
    const std::uint32_t S = t.actor_count, C = t.claim_count, O = p.object_count();
    std::vector<double> theta(C, 0.5), eps(S, o.estimates_initial_error), phi(C, o.estimates_initial_difficulty);
    if (o.use_priors)
        for (std::uint32_t s = 0; s < S; ++s)
            if (p.actor_prior[s]) eps[s] = 1.0 - *p.actor_prior[s];
    // obj_w = Σ_{voters of o} w, cb = Σ_{S_c} w, neg_w = Σ_{neg(c)} w: fixed for the run.
    std::vector<double> obj_w(O, 0.0), cb(C, 0.0), neg_w(C, 0.0);
    std::uint32_t widest = 0;  // the most claims of one object
    for (std::uint32_t ob = 0; ob < O; ++ob) {
        widest = std::max(widest, p.object_offsets[ob + 1] - p.object_offsets[ob]);
        for (std::uint32_t c = p.object_offsets[ob]; c < p.object_offsets[ob + 1]; ++c) {
            const view_sums x = sums_over_views(t, w, c);
            cb[c] = x.pos;
            neg_w[c] = x.neg;
            obj_w[ob] += x.pos;
        }
    }
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
    // Per actor w ε (θ reads it) and w / max(ε, floor) (φ reads it); the sums over one object's
    // claims, in a scratch of the widest object that stays in cache.
    std::vector<double> w_eps(S), w_by_eps(S), eps_next(S);
    std::vector<view_sums> object_sums(widest);
    std::vector<claim_view> views(C);
    auto weigh = [&] {
        for (std::uint32_t s = 0; s < S; ++s) {
            w_eps[s] = w[s] * eps[s];
            if constexpr (Three) w_by_eps[s] = w[s] / std::max(eps[s], fl);
        }
    };
    // Σ_{S_c} v for the claims of one object into the scratch; returns its total.
    auto gather_object = [&](const std::vector<double>& v, std::uint32_t first, std::uint32_t last) {
        double total = 0.0;
        for (std::uint32_t c = first; c < last; ++c) {
            object_sums[c - first] = sums_over_views(t, v, c);
            total += object_sums[c - first].pos;
        }
        return total;
    };
    auto divisor = [&](std::uint32_t c) {
        if constexpr (Three) return std::max(phi[c], fl);
        else return 1.0;
    };
    estimates_bounds phi_bounds{};
    const std::uint32_t max_it = o.max_iterations.value_or(100);
    const double tol = o.tolerance.value_or(1e-6);
    bool stopped = false;
    weigh();
    for (std::uint32_t it = 0; it < max_it; ++it) {
        // θ: Σ_{V⁺} w(1 − f ε) + Σ_{V⁻} w f ε over Σ_V w, with obj_a = Σ_{voters of o} w ε.
        estimates_bounds theta_bounds{};
        for (std::uint32_t ob = 0; ob < O; ++ob) {
            const std::uint32_t first = p.object_offsets[ob], last = p.object_offsets[ob + 1];
            const double obj_a = gather_object(w_eps, first, last);
            for (std::uint32_t c = first; c < last; ++c) {
                if (!claim_mask[c]) continue;
                if (Three && phi_bounds.active()) phi[c] = phi_bounds.normalised(phi[c], lambda);  // last round's φ
                const double f = Three ? phi[c] : 1.0, ca = object_sums[c - first].pos, na = object_sums[c - first].neg;
                const double num = cb[c] - f * ca + f * (obj_a - ca + na);
                theta[c] = num / (obj_w[ob] + neg_w[c]);
                theta_bounds.include(theta[c]);
            }
        }
        // θ normalised, and what the actors' ε reads of each claim.
        for (std::uint32_t ob = 0; ob < O; ++ob) {
            const std::uint32_t first = p.object_offsets[ob], last = p.object_offsets[ob + 1];
            double obj_b = 0.0;
            for (std::uint32_t c = first; c < last; ++c) {
                if (claim_mask[c] && theta_bounds.active()) theta[c] = theta_bounds.normalised(theta[c], lambda);
                views[c].neg = theta[c] / divisor(c);
                obj_b += views[c].neg;
            }
            for (std::uint32_t c = first; c < last; ++c) views[c].pos = (1.0 - theta[c]) / divisor(c) + obj_b - views[c].neg;
        }
        // ε: over |F(s)|.
        estimates_bounds eps_bounds{};
        for (std::uint32_t s = 0; s < S; ++s) {
            eps_next[s] = eps[s];
            if (!actor_mask[s]) continue;
            double num = 0.0;
            for (std::uint32_t k = t.actor_offsets[s]; k < t.actor_offsets[s + 1]; ++k) num += views[t.actor_claims[k]].pos;
            for (std::uint32_t k = t.neg_actor_offsets[s]; k < t.neg_actor_offsets[s + 1]; ++k)
                num += views[t.neg_actor_claims[k]].neg;
            eps_next[s] = num / facts[s];
            eps_bounds.include(eps_next[s]);
        }
        estimates_normalise(eps_next, actor_mask, eps_bounds, lambda);
        eps.swap(eps_next);
        weigh();
        if constexpr (Three) {
            // φ: (1 − θ_c) Σ_{S_c} w/ε + θ_c (Σ_{voters of o} w/ε − Σ_{S_c} w/ε + Σ_{neg(c)} w/ε), over
            // Σ_V w; normalised where the next θ reads it.
            phi_bounds = {};
            for (std::uint32_t ob = 0; ob < O; ++ob) {
                const std::uint32_t first = p.object_offsets[ob], last = p.object_offsets[ob + 1];
                const double obj_a = gather_object(w_by_eps, first, last);
                for (std::uint32_t c = first; c < last; ++c) {
                    if (!claim_mask[c]) continue;
                    const double ca = object_sums[c - first].pos, na = object_sums[c - first].neg;
                    phi[c] = ((1.0 - theta[c]) * ca + theta[c] * (obj_a - ca + na)) / (obj_w[ob] + neg_w[c]);
                    phi_bounds.include(phi[c]);
                }
            }
        }
        r.run.iterations = it + 1;
        r.run.residual = max_abs_change(eps, eps_next);
        if (r.run.residual < tol) {
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
    r.run.iterations = 1;
    r.run.residual = 0.0;
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
                                     [g](std::uint32_t first, std::uint32_t last, const std::vector<double>& H,
                                         std::vector<double>& B, std::vector<double>& returns) {
                                         for (std::uint32_t c = first; c < last; ++c) {
                                             // 0^g = 0 without the call: many claims have no investor.
                                             B[c] = H[c] == 0.0 ? 0.0 : std::pow(H[c], g);
                                             returns[c] = detail::unit_return(B[c], H[c]);
                                         }
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
                                     [g](std::uint32_t first, std::uint32_t last, const std::vector<double>& H,
                                         std::vector<double>& B, std::vector<double>& returns) {
                                         double den = 0.0;
                                         for (std::uint32_t c = first; c < last; ++c) {
                                             B[c] = H[c] > 0.0 ? std::pow(H[c], g) : 0.0;  // G(H), for the numerator
                                             den += B[c];
                                         }
                                         // The return B(c)/H(c) is G(H(c))/den: one division per claim.
                                         for (std::uint32_t c = first; c < last; ++c) {
                                             returns[c] = den > 0.0 ? B[c] / den : 0.0;
                                             B[c] = H[c] * returns[c];
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
    // Implications into each claim: explicit ones, then same-object defaults.
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
    // The claims with implications into them, listed and marked.
    std::vector<std::uint32_t> implied{};
    std::vector<char> is_implied(t.claim_count, 0);
    for (std::uint32_t c = 0; c < t.claim_count; ++c)
        if (!into[c].empty()) {
            implied.push_back(c);
            is_implied[c] = 1;
        }
    std::vector<double> trust(t.actor_count, o.truthfinder_initial_trust);
    if (o.use_priors)
        for (std::uint32_t s = 0; s < t.actor_count; ++s)
            if (p.actor_prior[s]) trust[s] = *p.actor_prior[s];
    auto belief_of = [&](double adjusted) { return 1.0 / (1.0 + std::exp(-o.truthfinder_gamma * adjusted)); };
    // τ(s) weighted: computed where the trust is written, so that σ's gather reads it directly.
    auto weighted_tau = [&](std::uint32_t s, double trust_s) {
        return -w[s] * std::log(1.0 - std::min(trust_s, 1.0 - 1e-12));
    };
    std::vector<double> sigma(t.claim_count), B(t.claim_count, 0.0), tau(t.actor_count, 0.0), next(t.actor_count, 0.0);
    for (std::uint32_t s = 0; s < t.actor_count; ++s) tau[s] = weighted_tau(s, trust[s]);
    const std::uint32_t max_it = o.max_iterations.value_or(100);
    const double tol = o.tolerance.value_or(1e-3);
    bool stopped = false;
    for (std::uint32_t it = 0; it < max_it; ++it) {
        // σ, and B of every claim without implications in the same pass; the others need all σ.
        for (std::uint32_t first = 0; first < t.claim_count; first += detail::block_rows) {
            const std::uint32_t last = std::min(t.claim_count, first + detail::block_rows);
            detail::gather_rows(t.claim_offsets, t.claim_actors, tau, first, last, sigma);
            // Without support the belief is the logistic's midpoint, ½ exactly: no exp needed.
            for (std::uint32_t c = first; c < last; ++c)
                if (!is_implied[c]) B[c] = sigma[c] == 0.0 ? 0.5 : belief_of(sigma[c]);
        }
        for (const std::uint32_t c : implied) {
            double adj = sigma[c];
            for (const auto& [d, imp] : into[c]) adj += o.truthfinder_rho * sigma[d] * imp;
            B[c] = belief_of(adj);
        }
        double dot = 0.0, n1 = 0.0, n2 = 0.0;
        for (std::uint32_t first = 0; first < t.actor_count; first += detail::block_rows) {
            const std::uint32_t last = std::min(t.actor_count, first + detail::block_rows);
            detail::gather_rows(t.actor_offsets, t.actor_claims, B, first, last, next);  // Σ_{c∈C_s} B(c)
            for (std::uint32_t s = first; s < last; ++s) {
                const std::uint32_t n = t.claims_of_size(s);
                if (n > 0) {
                    next[s] /= n;
                    dot += next[s] * trust[s];
                    n1 += next[s] * next[s];
                    n2 += trust[s] * trust[s];
                }
                tau[s] = weighted_tau(s, next[s]);
            }
        }
        trust.swap(next);
        r.run.iterations = it + 1;
        r.run.residual = (n1 > 0.0 && n2 > 0.0) ? 1.0 - dot / std::sqrt(n1 * n2) : 0.0;
        if (r.run.residual < tol) {
            stopped = true;
            break;
        }
    }
    detail::finish(r, t, std::move(B), std::move(trust), tol, stopped);
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
    return detail::estimates<false>(p, o);
}

/// 3-Estimates (Galland et al. 2010): 2-Estimates plus a difficulty φ_c, P(s wrong on c) = ε_s φ_c:
/// θ_c = [Σ_{V⁺} (1 − φ_c ε_s) + Σ_{V⁻} φ_c ε_s] / |V(c)|,
/// ε_s = [Σ_{F⁺} (1 − θ_c)/φ_c + Σ_{F⁻} θ_c/φ_c] / |F(s)|,
/// φ_c = [Σ_{V⁺} (1 − θ_c)/ε_s + Σ_{V⁻} θ_c/ε_s] / |V(c)|, divisors floored at 0.01, the paper's
/// (1 − θ)/φ form (not DAFNA-EA's 1 − θ/φ); order θ, ε, φ, each normalised as in 2-Estimates;
/// φ⁰ = 0.4. Complexity: O(Σ_votes |M_c|) per round.
[[nodiscard]] inline credibility_result three_estimates(const truth_problem& p, const credibility_options& o = {}) {
    return detail::estimates<true>(p, o);
}

}  // namespace narrative
