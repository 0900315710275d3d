// SPDX-License-Identifier: MIT
#pragma once
// User-defined gradual semantics, written outside the library: a new influence (MLP-based,
// Potyka 2021), a new aggregation (mean) and a whole semantics written from scratch.

#include <narrative/gradual/components.hpp>
#include <narrative/gradual/semantics.hpp>

#include <cmath>
#include <span>
#include <string_view>

namespace my {

/// MLP influence (Potyka 2021): ι(τ, s) = φ(logit(τ) + s), φ the logistic function;
/// τ = 0 and τ = 1 are kept fixed instead of evaluating logit(±∞).
struct mlp_influence {
    static constexpr std::string_view name = "mlp";
    static constexpr bool bounded = true;
    [[nodiscard]] double apply(double tau, double s) const noexcept {
        if (tau <= 0.0 || tau >= 1.0) return tau;
        return 1.0 / (1.0 + std::exp(-(std::log(tau / (1.0 - tau)) + s)));
    }
};

/// Mean aggregation: average weighted supporter strength minus average weighted attacker
/// strength (0 for an empty side), so many weak parents weigh like one of their mean.
struct mean_aggregation {
    static constexpr std::string_view name = "mean";
    [[nodiscard]] double aggregate(std::span<const double> sigma, narrative::parent_view attackers,
                                   narrative::parent_view supporters) const noexcept {
        const auto mean = [&](narrative::parent_view p) {
            if (p.empty()) return 0.0;
            double s = 0.0;
            for (std::size_t i = 0; i < p.size(); ++i) s += p.weight[i] * sigma[p.source[i]];
            return s / static_cast<double>(p.size());
        };
        return mean(supporters) - mean(attackers);
    }
};

/// MLP-based semantics of the semantics reference §3.7: the library's sum aggregation with the
/// new influence. Only a name is needed on top of the modular form.
struct mlp_based : narrative::modular_semantics<narrative::sum_aggregation, mlp_influence> {
    static constexpr std::string_view name = "mlp-based";
};

/// The new aggregation with a library influence: mean + quadratic (2-max) influence.
struct mean_energy : narrative::modular_semantics<mean_aggregation, narrative::p_max_influence> {
    static constexpr std::string_view name = "mean-energy";
};

/// A whole semantics written from scratch (no modular form): the strength is the base score
/// discounted by the strongest attacker and raised by the strongest supporter, each by half.
struct half_top {
    static constexpr std::string_view name = "half-top";
    [[nodiscard]] double strength(double tau, std::span<const double> sigma, narrative::parent_view att,
                                  narrative::parent_view sup) const noexcept {
        double a = 0.0, s = 0.0;
        for (std::size_t i = 0; i < att.size(); ++i) a = std::max(a, att.weight[i] * sigma[att.source[i]]);
        for (std::size_t i = 0; i < sup.size(); ++i) s = std::max(s, sup.weight[i] * sigma[sup.source[i]]);
        return tau * (1.0 - 0.5 * a) + (1.0 - tau * (1.0 - 0.5 * a)) * 0.5 * s;
    }
};

}  // namespace my
