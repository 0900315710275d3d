// SPDX-License-Identifier: MIT
#pragma once
// How much each statement contributes to the strength of one statement (the topic) under a
// gradual semantics: the contribution functions of Kampik, Potyka, Yin, Čyras & Toni (2024),
// "Contribution functions for quantitative bipolar argumentation graphs" (KR 2024).
//
//   removal:  ctrb_x(t) = σ_G(t) − σ_{G↓A∖{x}}(t)      (the strength t loses when x is removed)
//   gradient: ctrb_x(t) = ∂σ_G(t) / ∂τ(x)               (how t moves with x's base score)
//
// Both are computed by re-solving: one solve per contributor for removal, two or three for the
// gradient (central finite differences; one-sided second-order ones at τ(x) = 0 or 1). Only the
// statements with a path of relations to the topic can contribute; every other one is 0 and
// not listed.

#include <narrative/error.hpp>
#include <narrative/gradual/engine.hpp>
#include <narrative/gradual/registry.hpp>
#include <narrative/model/compiled_graph.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace narrative {

/// Which contribution function (Kampik et al. 2024).
enum class contribution_function {
    removal,   ///< σ(t) minus σ(t) in the graph without the contributor
    gradient,  ///< derivative of σ(t) with respect to the contributor's base score
};

[[nodiscard]] constexpr std::string_view to_string(contribution_function f) noexcept {
    return f == contribution_function::removal ? "removal" : "gradient";
}

/// Parses "removal" or "gradient"; throws usage_error otherwise.
[[nodiscard]] inline contribution_function parse_contribution_function(std::string_view text) {
    if (text == "removal") return contribution_function::removal;
    if (text == "gradient") return contribution_function::gradient;
    throw usage_error("unknown contribution function '" + std::string(text) + "' (valid: removal, gradient)");
}

/// One contributor and its contribution to the topic.
struct contribution {
    std::uint32_t contributor = 0;
    double value = 0.0;
};

/// Parameters of a contribution analysis.
struct contribution_options {
    contribution_function function = contribution_function::removal;
    score_options solve{};  ///< for every solve; the gradient tightens the tolerance (see below)
    /// Step of the finite differences for the gradient. With the default the truncation error
    /// is about 1e-10 times the third derivative, and the solver tolerance used for those
    /// solves (at most 1e-13) adds at most 1e-8 on cyclic graphs (exact on acyclic ones).
    double gradient_step = 1e-5;
    /// The analysis refuses topics with more contributors than this (each costs a solve).
    std::size_t max_contributors = 100'000;
};

/// The contributions to one topic.
struct contribution_report {
    std::uint32_t topic = 0;
    contribution_function function = contribution_function::removal;
    double strength = 0.0;                     ///< σ(topic) in the whole graph
    std::vector<contribution> contributions{};  ///< every statement with a path to the topic, by decreasing |value|
    std::size_t solves = 0;                    ///< solves run, the whole graph included
    /// Over every solve: the worst status, converged when all did (otherwise the values are
    /// approximate), their iterations summed, the largest residual, and one warning per solve
    /// that did not converge.
    run_info run{};
};

namespace detail {

// The arcs of a compiled graph, back from its in-CSR (the inverse of compiled_graph::from_arcs).
inline std::vector<compiled_arc> arcs_of(const compiled_graph& g) {
    std::vector<compiled_arc> arcs;
    arcs.reserve(g.arc_count());
    for (std::uint32_t v = 0; v < g.statement_count; ++v)
        for (std::uint32_t p = g.in_offsets[v]; p < g.in_offsets[v + 1]; ++p)
            arcs.push_back({.from = g.in_source[p],
                            .to = v,
                            .weight = g.in_weight[p],
                            .type = p < g.in_split[v] ? relation_type::contradicts : relation_type::supports,
                            .relation = g.in_relation[p]});
    return arcs;
}

// Every statement other than `topic` with a path of relations to it.
inline std::vector<std::uint32_t> ancestors_of(const compiled_graph& g, std::uint32_t topic) {
    std::vector<bool> seen(g.statement_count, false);
    std::vector<std::uint32_t> stack{topic}, out;
    seen[topic] = true;
    while (!stack.empty()) {
        const std::uint32_t v = stack.back();
        stack.pop_back();
        for (std::uint32_t p = g.in_offsets[v]; p < g.in_offsets[v + 1]; ++p) {
            const std::uint32_t u = g.in_source[p];
            if (seen[u]) continue;
            seen[u] = true;
            out.push_back(u);
            stack.push_back(u);
        }
    }
    std::sort(out.begin(), out.end());
    return out;
}

}  // namespace detail

/// The contribution of every statement with a path to `topic` to σ(topic) under `semantics`.
/// Throws usage_error for a topic outside the graph or a gradient step outside (0, 0.25], and
/// rule_error when more than `max_contributors` statements reach the topic or for invalid solve
/// options. Complexity: (1 + k·c) solves for k contributors, c = 1 (removal) or 2 (gradient).
[[nodiscard]] inline contribution_report contributions(const compiled_graph& g, const any_gradual_semantics& semantics,
                                                       std::uint32_t topic, const contribution_options& options = {}) {
    if (topic >= g.statement_count)
        throw usage_error("statement " + std::to_string(topic) + " is outside the graph of " +
                          std::to_string(g.statement_count) + " statements");
    if (!(options.gradient_step > 0.0 && options.gradient_step <= 0.25))
        throw usage_error("the gradient step must be in (0, 0.25]");
    contribution_report r;
    r.topic = topic;
    r.function = options.function;
    const auto solve = [&](const compiled_graph& h, const score_options& o) {
        score_result s = semantics.score(h, o);
        ++r.solves;
        s.run.warnings.clear();  // the same for every solve; the score of the graph reports them
        if (!s.run.converged)
            s.run.warnings.push_back("a solve did not converge (" + std::string(to_string(s.run.status)) +
                                     "); contributions are approximate");
        r.run.absorb(s.run);
        return s.strength[topic];
    };
    r.strength = solve(g, options.solve);
    const std::vector<std::uint32_t> contributors = detail::ancestors_of(g, topic);
    if (contributors.size() > options.max_contributors)
        throw rule_error(std::to_string(contributors.size()) + " statements reach the topic, more than the " +
                         std::to_string(options.max_contributors) + " allowed (one solve each)");
    const std::vector<compiled_arc> arcs = detail::arcs_of(g);
    if (options.function == contribution_function::removal) {
        std::vector<compiled_arc> kept;
        for (const std::uint32_t x : contributors) {
            // x keeps its place (indices stay), without its relations: it bears on nothing.
            kept.clear();
            for (const compiled_arc& a : arcs)
                if (a.from != x && a.to != x) kept.push_back(a);
            const auto without = compiled_graph::from_arcs(g.statement_count, kept, g.base, g.actor);
            r.contributions.push_back({.contributor = x, .value = r.strength - solve(without, options.solve)});
        }
    } else {
        score_options tight = options.solve;
        tight.tolerance = std::min(tight.tolerance, 1e-13);
        const double h = options.gradient_step;
        std::vector<double> base = g.base;
        const auto at = [&](std::uint32_t x, double tau) {
            base[x] = tau;
            const double s = solve(compiled_graph::from_arcs(g.statement_count, arcs, base, g.actor), tight);
            base[x] = g.base[x];
            return s;
        };
        for (const std::uint32_t x : contributors) {
            const double tau = g.base[x];
            double d = 0.0;
            if (tau - h >= 0.0 && tau + h <= 1.0)
                d = (at(x, tau + h) - at(x, tau - h)) / (2 * h);
            else if (tau + 2 * h <= 1.0)  // at the lower end: second-order forward difference
                d = (-3 * at(x, tau) + 4 * at(x, tau + h) - at(x, tau + 2 * h)) / (2 * h);
            else  // at the upper end: second-order backward difference
                d = (3 * at(x, tau) - 4 * at(x, tau - h) + at(x, tau - 2 * h)) / (2 * h);
            r.contributions.push_back({.contributor = x, .value = d});
        }
    }
    std::stable_sort(r.contributions.begin(), r.contributions.end(),
                     [](const contribution& a, const contribution& b) { return std::abs(a.value) > std::abs(b.value); });
    return r;
}

}  // namespace narrative
