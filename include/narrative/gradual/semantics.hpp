// SPDX-License-Identifier: MIT
#pragma once
// Gradual semantics as (aggregation, influence) pairs, the concept the engine runs, and the ten
// named semantics of the library (semantics reference §3–4).

#include <narrative/gradual/components.hpp>

#include <concepts>
#include <span>
#include <string_view>

namespace narrative {

/// What the engine runs: a copyable type with `static constexpr std::string_view name` and a
/// const member `strength(tau, sigma, attackers, supporters)` giving the new strength of one
/// statement from its base score τ and the current strengths of its parents (the update f of
/// the semantics reference, §1). Optional static members the engine reads when present:
/// `bool bounded` (default true: values outside [0, 1] are then a numerical issue rather than
/// an expected `unbounded` status) and `bool uses_supports` (default true; false makes the
/// engine warn that supports are ignored).
///
/// A semantics must be stateless between calls: the engine evaluates statements concurrently.
template <class S>
concept gradual_semantics = std::copy_constructible<S> &&
    requires(const S& s, double tau, std::span<const double> sigma, parent_view parents) {
        { S::name } -> std::convertible_to<std::string_view>;
        { s.strength(tau, sigma, parents, parents) } -> std::convertible_to<double>;
    };

/// Whether S declares itself bounded (strengths in [0, 1]); true when S says nothing.
template <class S>
[[nodiscard]] constexpr bool is_bounded_semantics() noexcept {
    if constexpr (requires { S::bounded; })
        return static_cast<bool>(S::bounded);
    else
        return true;
}

/// Whether S reads supporters; true when S says nothing.
template <class S>
[[nodiscard]] constexpr bool semantics_uses_supports() noexcept {
    if constexpr (requires { S::uses_supports; })
        return static_cast<bool>(S::uses_supports);
    else
        return true;
}

/// The modular form σ(a) = ι(τ(a), α(σ|Att(a), σ|Sup(a))) for any aggregation and influence.
/// Its `name` is "modular"; derive from it (or use the named semantics below) to give the
/// combination a name of its own:
///
///     struct my_rule : narrative::modular_semantics<narrative::sum_aggregation,
///                                                   narrative::linear_influence> {
///         static constexpr std::string_view name = "sum-linear";
///     };
template <aggregation Agg, influence Inf>
struct modular_semantics {
    static constexpr std::string_view name = "modular";
    static constexpr bool bounded = Inf::bounded;
    static constexpr bool uses_supports = [] {
        if constexpr (requires { Agg::uses_supports; })
            return static_cast<bool>(Agg::uses_supports);
        else
            return true;
    }();

    using aggregation_type = Agg;
    using influence_type = Inf;

    Agg aggregation_part{};
    Inf influence_part{};

    [[nodiscard]] double strength(double tau, std::span<const double> sigma, parent_view attackers,
                                  parent_view supporters) const noexcept {
        return influence_part.apply(tau, aggregation_part.aggregate(sigma, attackers, supporters));
    }
};

/// True when S evaluates exactly as its modular parts: S is (or derives from) a
/// modular_semantics and does not replace `strength`. The engine then aggregates a block of
/// statements before applying the influence to the block (see detail::sweep_rows).
template <class S>
concept modular_form =
    requires {
        typename S::aggregation_type;
        typename S::influence_type;
    } &&
    std::derived_from<S, modular_semantics<typename S::aggregation_type, typename S::influence_type>> &&
    std::same_as<decltype(&S::strength),
                 decltype(&modular_semantics<typename S::aggregation_type,
                                             typename S::influence_type>::strength)>;

/// `df-quad`: product aggregation + linear(1) (Rago, Toni, Aurisicchio & Baroni 2016; Rago,
/// Čyras & Toni 2016). σ = τ − τ·(v_att − v_sup) if v_att ≥ v_sup, else
/// τ + (1 − τ)·(v_sup − v_att), v_X = 1 − Π_X(1 − w·σ). Bounded in [0, 1].
struct df_quad : modular_semantics<product_aggregation, linear_influence> {
    static constexpr std::string_view name = "df-quad";
};

/// `quadratic-energy`: sum aggregation + 2-max(1) (Potyka 2018). E = Σ_Sup w·σ − Σ_Att w·σ,
/// h(E) = E²/(1 + E²); σ = τ + (1 − τ)·h(E) if E > 0, else τ − τ·h(−E). Bounded in [0, 1].
struct quadratic_energy : modular_semantics<sum_aggregation, p_max_influence> {
    static constexpr std::string_view name = "quadratic-energy";
};

/// `euler-based`: sum aggregation + euler (Amgoud & Ben-Naim 2018).
/// σ = 1 − (1 − τ²)/(1 + τ·e^E), E = Σ_Sup w·σ − Σ_Att w·σ. Bounded in [τ², 1].
struct euler_based : modular_semantics<sum_aggregation, euler_influence> {
    static constexpr std::string_view name = "euler-based";
};

/// `euler-based-top`: top aggregation + euler (QBAF-Py, Kampik et al.).
/// σ = 1 − (1 − τ²)/(1 + τ·e^E), E = max_Sup w·σ − max_Att w·σ (empty maximum 0).
struct euler_based_top : modular_semantics<top_aggregation, euler_influence> {
    static constexpr std::string_view name = "euler-based-top";
};

/// `sd-df-quad`: product aggregation + 1-max(1) (QBAF-Py's SquaredDFQuAD_model; not
/// Uncertainpy's semantics of the same name). σ = τ − τ·s⁻/(1 + s⁻) + (1 − τ)·s⁺/(1 + s⁺).
/// Bounded in [τ/2, τ + (1 − τ)/2].
struct sd_df_quad : modular_semantics<product_aggregation, p_max_influence> {
    static constexpr std::string_view name = "sd-df-quad";
    sd_df_quad() noexcept { influence_part.p = 1.0; }
};

/// `naive-additive`: sum aggregation + naive influence (QBAF-Py's basic model).
/// σ = τ + Σ_Sup w·σ − Σ_Att w·σ. UNBOUNDED: values outside [0, 1] are reported (status
/// `unbounded`), never clipped; the iteration may diverge on cycles (status `no_convergence`).
struct naive_additive : modular_semantics<sum_aggregation, naive_influence> {
    static constexpr std::string_view name = "naive-additive";
};

/// `h-categorizer` (Besnard & Hunter 2001): σ = 1 / (1 + Σ_Att w·σ). Attack-only; the base
/// score is not used (every statement starts at 1). Unique fixpoint on every finite graph
/// (Pu et al. 2014).
struct h_categorizer : modular_semantics<attack_sum_aggregation, unit_categorizer_influence> {
    static constexpr std::string_view name = "h-categorizer";
};

/// `weighted-h-categorizer` (Hbs; Amgoud, Ben-Naim, Doder & Vesic 2017):
/// σ = τ / (1 + Σ_Att w·σ). Attack-only; τ is the argument's weight. Satisfies compensation.
struct weighted_h_categorizer
    : modular_semantics<attack_sum_aggregation, categorizer_influence> {
    static constexpr std::string_view name = "weighted-h-categorizer";
};

/// `weighted-max-based` (Mbs; Amgoud et al. 2017): σ = τ / (1 + max_Att w·σ), max ∅ = 0.
/// Attack-only. Satisfies quality precedence.
struct weighted_max_based : modular_semantics<attack_max_aggregation, categorizer_influence> {
    static constexpr std::string_view name = "weighted-max-based";
};

/// `weighted-card-based` (Cbs; Amgoud et al. 2017): with F the attackers of positive strength,
/// σ = τ if F = ∅, else τ / (1 + |F| + Σ_F w·σ / |F|). Attack-only. Satisfies cardinality
/// precedence.
struct weighted_card_based : modular_semantics<attack_card_aggregation, categorizer_influence> {
    static constexpr std::string_view name = "weighted-card-based";
};

}  // namespace narrative
