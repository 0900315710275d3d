// SPDX-License-Identifier: MIT
#pragma once
// The two halves of a modular gradual semantics (Mossakowski & Neuhaus 2018): aggregations
// (parents' strengths -> one signed number) and influences (base score x aggregate -> strength).

#include <algorithm>
#include <bit>
#include <cmath>
#include <concepts>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string_view>

namespace narrative {

/// The attackers or the supporters of one statement in a compiled graph: parallel spans of
/// source statement numbers and relation weights w(b, a) in (0, 1].
struct parent_view {
    std::span<const std::uint32_t> source{};
    std::span<const double> weight{};

    [[nodiscard]] std::size_t size() const noexcept { return source.size(); }
    [[nodiscard]] bool empty() const noexcept { return source.empty(); }
};

/// An aggregation turns the current strengths of a statement's attackers and supporters into one
/// signed number s: s > 0 means net support, s < 0 net attack, and s = 0 for a statement without
/// parents (so that "no parents => strength = base" holds for every influence with ι(τ, 0) = τ).
///
/// Requirements: copyable, `static constexpr std::string_view name`, and a const member
/// `aggregate(sigma, attackers, supporters)` returning the aggregate as double, where `sigma`
/// is the whole strength vector indexed by statement number. It must not keep state between calls
/// (the engine calls it concurrently for different statements).
template <class A>
concept aggregation = std::copy_constructible<A> &&
    requires(const A& a, std::span<const double> sigma, parent_view parents) {
        { A::name } -> std::convertible_to<std::string_view>;
        { a.aggregate(sigma, parents, parents) } -> std::convertible_to<double>;
    };

/// An influence turns a base score τ and an aggregate s into a strength. Every built-in
/// influence satisfies ι(τ, 0) = τ and is non-decreasing in s.
///
/// Requirements: copyable, `static constexpr std::string_view name`, and a const member
/// `apply(tau, s)` returning the strength.
template <class I>
concept influence = std::copy_constructible<I> && requires(const I& i, double tau, double s) {
    { I::name } -> std::convertible_to<std::string_view>;
    { i.apply(tau, s) } -> std::convertible_to<double>;
};

// ------------------------------------------------------------------------------- aggregations

namespace detail {

// True when the supporters directly follow the attackers in memory, as in a compiled graph's
// in-CSR; the built-in aggregations then run one fused loop (one loop exit per statement
// instead of two, which keeps more gathers in flight on large graphs).
[[nodiscard]] inline bool is_contiguous(const parent_view& attackers,
                                        const parent_view& supporters) noexcept {
    return supporters.source.data() == attackers.source.data() + attackers.size() &&
           supporters.weight.data() == attackers.weight.data() + attackers.size();
}

// `condition ? if_true : if_false` without a branch. The engine's sweeps are bound by the latency
// of gathering parents' strengths; a mispredicted branch on the sign of an aggregate (random on
// large graphs) flushes the gathers in flight, so sign-dependent formulas select with a mask.
[[nodiscard]] inline double select(bool condition, double if_true, double if_false) noexcept {
    const std::uint64_t mask = std::uint64_t{0} - static_cast<std::uint64_t>(condition);
    return std::bit_cast<double>((std::bit_cast<std::uint64_t>(if_true) & mask) |
                                 (std::bit_cast<std::uint64_t>(if_false) & ~mask));
}

// Σ w·σ(b) over one polarity of parents.
[[nodiscard]] inline double weighted_sum(std::span<const double> sigma, const parent_view& parents) noexcept {
    double s = 0.0;
    for (std::size_t i = 0; i < parents.size(); ++i) s += parents.weight[i] * sigma[parents.source[i]];
    return s;
}

// max w·σ(b) over one polarity of parents, 0 when there is none (compiles to a branch-free maximum).
[[nodiscard]] inline double weighted_max(std::span<const double> sigma, const parent_view& parents) noexcept {
    double m = 0.0;
    for (std::size_t i = 0; i < parents.size(); ++i) m = std::max(m, parents.weight[i] * sigma[parents.source[i]]);
    return m;
}

// Π (1 − w·σ(b)) over one polarity of parents, 1 when there is none.
[[nodiscard]] inline double complement_product(std::span<const double> sigma, const parent_view& parents) noexcept {
    double p = 1.0;
    for (std::size_t i = 0; i < parents.size(); ++i) p *= 1.0 - parents.weight[i] * sigma[parents.source[i]];
    return p;
}

}  // namespace detail

/// Sum aggregation: s = Σ_{b∈Sup(a)} w(b,a)·σ(b) − Σ_{b∈Att(a)} w(b,a)·σ(b).
/// Range unbounded, (−Σ w_att, +Σ w_sup) for strengths in [0, 1]. Lipschitz constant: the
/// weighted in-degree. Complexity: O(in-degree). Reference: Potyka (2018); Amgoud & Ben-Naim
/// (2018). Weights: each parent contributes w·σ (as in Uncertainpy); with w ≡ 1 this is the
/// published energy E(a).
struct sum_aggregation {
    static constexpr std::string_view name = "sum";
    static constexpr bool uses_supports = true;

    [[nodiscard]] double aggregate(std::span<const double> sigma, parent_view attackers,
                                   parent_view supporters) const noexcept {
        if (detail::is_contiguous(attackers, supporters)) {
            const std::size_t split = attackers.size(), end = split + supporters.size();
            const std::uint32_t* src = attackers.source.data();
            const double* w = attackers.weight.data();
            double s = 0.0;
            for (std::size_t i = 0; i < end; ++i) {
                // Branch-free sign (−1 attack, +1 support): a mispredicted branch at the
                // attack/support boundary would flush the gathers in flight.
                const double sign = 2.0 * static_cast<double>(i >= split) - 1.0;
                s += sign * (w[i] * sigma[src[i]]);
            }
            return s;
        }
        double s = detail::weighted_sum(sigma, supporters);
        for (std::size_t i = 0; i < attackers.size(); ++i)
            s -= attackers.weight[i] * sigma[attackers.source[i]];
        return s;
    }
};

/// Product aggregation (DF-QuAD's): s = Π_{Att}(1 − w·σ(b)) − Π_{Sup}(1 − w·σ(b)), i.e.
/// v_sup − v_att with v_X = 1 − Π_X(1 − w·σ) the probabilistic sum of the X-parents.
/// Range [−1, 1]; empty product = 1. Weights: the natural extension Π(1 − w·σ) (not in the
/// literature; w ≡ 1 gives Rago et al. 2016 exactly). Complexity: O(in-degree).
struct product_aggregation {
    static constexpr std::string_view name = "product";
    static constexpr bool uses_supports = true;

    [[nodiscard]] double aggregate(std::span<const double> sigma, parent_view attackers,
                                   parent_view supporters) const noexcept {
        if (detail::is_contiguous(attackers, supporters)) {
            const std::size_t split = attackers.size(), end = split + supporters.size();
            const std::uint32_t* src = attackers.source.data();
            const double* w = attackers.weight.data();
            double p_att = 1.0, p_sup = 1.0;
            for (std::size_t i = 0; i < end; ++i) {
                const double f = 1.0 - w[i] * sigma[src[i]];
                p_att *= i < split ? f : 1.0;
                p_sup *= i < split ? 1.0 : f;
            }
            return p_att - p_sup;
        }
        return detail::complement_product(sigma, attackers) - detail::complement_product(sigma, supporters);
    }
};

/// Top aggregation: s = max_{Sup} w·σ(b) − max_{Att} w·σ(b), empty maximum = 0.
/// Range [−1, 1]. Only the strongest parent of each polarity counts. Weights: max(w·σ) (not in
/// the literature; w ≡ 1 gives QBAF-Py's EulerBasedTop aggregation). Complexity: O(in-degree).
struct top_aggregation {
    static constexpr std::string_view name = "top";
    static constexpr bool uses_supports = true;

    [[nodiscard]] double aggregate(std::span<const double> sigma, parent_view attackers,
                                   parent_view supporters) const noexcept {
        // One plain loop per polarity (a fused loop with a select between the polarities
        // measured slower).
        return detail::weighted_max(sigma, supporters) - detail::weighted_max(sigma, attackers);
    }
};

/// Attack-only sum (h-categorizer family): s = −Σ_{Att} w·σ(b); supporters are ignored.
/// Range (−∞, 0]. Reference: Besnard & Hunter (2001); Amgoud et al. (2017), Hbs.
struct attack_sum_aggregation {
    static constexpr std::string_view name = "attack-sum";
    static constexpr bool uses_supports = false;

    [[nodiscard]] double aggregate(std::span<const double> sigma, parent_view attackers,
                                   parent_view /*supporters*/) const noexcept {
        return -detail::weighted_sum(sigma, attackers);
    }
};

/// Attack-only maximum (max-based): s = −max_{Att} w·σ(b), empty maximum = 0; supporters
/// are ignored. Range [−1, 0]. Reference: Amgoud et al. (2017), Mbs.
struct attack_max_aggregation {
    static constexpr std::string_view name = "attack-max";
    static constexpr bool uses_supports = false;

    [[nodiscard]] double aggregate(std::span<const double> sigma, parent_view attackers,
                                   parent_view /*supporters*/) const noexcept {
        return -detail::weighted_max(sigma, attackers);
    }
};

/// Attack-only cardinality (card-based): with F the founded attackers (σ(b) > 0),
/// s = −(|F| + Σ_{b∈F} w·σ(b) / |F|), and s = 0 when F is empty; supporters are ignored.
/// The integer count dominates the averaged strength. Reference: Amgoud et al. (2017), Cbs
/// (founded = positive weight; under Cbs σ(b) > 0 exactly when w(b) > 0).
struct attack_card_aggregation {
    static constexpr std::string_view name = "attack-card";
    static constexpr bool uses_supports = false;

    [[nodiscard]] double aggregate(std::span<const double> sigma, parent_view attackers,
                                   parent_view /*supporters*/) const noexcept {
        std::size_t founded = 0;
        double s = 0.0;
        for (std::size_t i = 0; i < attackers.size(); ++i) {
            const double x = sigma[attackers.source[i]];
            if (x > 0.0) {
                ++founded;
                s += attackers.weight[i] * x;
            }
        }
        if (founded == 0) return 0.0;
        const auto f = static_cast<double>(founded);
        return -(f + s / f);
    }
};

// ------------------------------------------------------------------------------- influences

/// Linear influence linear(k): ι(τ, s) = τ − (τ/k)·max(0, −s) + ((1 − τ)/k)·max(0, s).
/// In [0, 1] when |s| ≤ k. Lipschitz in s: max(τ, 1 − τ)/k. k = 1 with product aggregation is
/// DF-QuAD (Rago et al. 2016).
struct linear_influence {
    static constexpr std::string_view name = "linear";
    static constexpr bool bounded = true;  ///< with an aggregation bounded by k
    double k = 1.0;

    [[nodiscard]] double apply(double tau, double s) const noexcept {
        // τ + (τ/k)·s below zero, τ + ((1 − τ)/k)·s above, selected without a branch.
        return tau + detail::select(s < 0.0, tau, 1.0 - tau) / k * s;
    }
};

/// p-max(k) influence: ι(τ, s) = τ − τ·h_p(−s/k) + (1 − τ)·h_p(s/k) with
/// h_p(x) = max(0, x)^p / (1 + max(0, x)^p). Always in [0, 1]. p = 2, k = 1: quadratic energy
/// (Potyka 2018); p = 1, k = 1: QBAF-Py's squared DF-QuAD influence.
struct p_max_influence {
    static constexpr std::string_view name = "p-max";
    static constexpr bool bounded = true;
    double p = 2.0;
    double k = 1.0;

    [[nodiscard]] double h(double x) const noexcept {
        x = std::max(x, 0.0);
        const double xp = p == 2.0 ? x * x : (p == 1.0 ? x : std::pow(x, p));
        if (std::isinf(xp)) return 1.0;
        return xp / (1.0 + xp);
    }
    [[nodiscard]] double apply(double tau, double s) const noexcept {
        // One of h(−s/k), h(s/k) is 0, so this is τ − τ·h(|s|/k) below zero and
        // τ + (1 − τ)·h(|s|/k) above, with the factor selected without a branch.
        return tau + detail::select(s < 0.0, -tau, 1.0 - tau) * h(std::abs(s) / k);
    }
};

/// Euler influence: ι(τ, s) = 1 − (1 − τ²) / (1 + τ·e^s). τ = 0 stays 0, τ = 1 stays 1; attack
/// cannot push below τ². Lipschitz in s ≤ 1/4. Reference: Amgoud & Ben-Naim (2018).
struct euler_influence {
    static constexpr std::string_view name = "euler";
    static constexpr bool bounded = true;

    [[nodiscard]] double apply(double tau, double s) const noexcept {
        // At s = 0 the formula equals τ only up to rounding (0.22 gives 0.21999999999999997);
        // a statement without parents keeps its base score exactly.
        const double x = 1.0 - (1.0 - tau * tau) / (1.0 + tau * std::exp(s));
        return detail::select(s == 0.0, tau, x);
    }
};

/// Naive influence: ι(τ, s) = τ + s. Unbounded: the engine flags values outside [0, 1] and
/// never clips them.
struct naive_influence {
    static constexpr std::string_view name = "naive";
    static constexpr bool bounded = false;

    [[nodiscard]] double apply(double tau, double s) const noexcept { return tau + s; }
};

/// Categorizer influence for attack-only aggregates s ≤ 0: ι(τ, s) = τ / (1 − s), i.e.
/// w(a) / (1 + attack) as in the weighted h-categorizer, max-based and card-based semantics
/// (Amgoud et al. 2017). Bounded in [0, τ].
struct categorizer_influence {
    static constexpr std::string_view name = "categorizer";
    static constexpr bool bounded = true;

    [[nodiscard]] double apply(double tau, double s) const noexcept { return tau / (1.0 - s); }
};

/// Unweighted categorizer: ι(τ, s) = 1 / (1 − s), ignoring the base score, i.e. the
/// h-categorizer σ(a) = 1 / (1 + Σ σ(b)) of Besnard & Hunter (2001).
struct unit_categorizer_influence {
    static constexpr std::string_view name = "unit-categorizer";
    static constexpr bool bounded = true;

    [[nodiscard]] double apply(double /*tau*/, double s) const noexcept { return 1.0 / (1.0 - s); }
};

}  // namespace narrative
