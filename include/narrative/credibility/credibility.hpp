// SPDX-License-Identifier: MIT
#pragma once
// Run a truth-discovery algorithm by name (the CLI's `--credibility NAME`), and read verdicts:
// the value believed most for each proposition.

#include <narrative/credibility/evidence_model.hpp>
#include <narrative/credibility/stance_em.hpp>
#include <narrative/credibility/truth_discovery.hpp>
#include <narrative/credibility/truth_problem.hpp>

#include <algorithm>
#include <array>
#include <cmath>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace narrative {

/// One truth-discovery algorithm of the registry.
struct credibility_algorithm_info {
    std::string_view name{};
    std::string_view summary{};
    credibility_result (*run)(const truth_problem&, const credibility_options&) = nullptr;
};

/// evidence-em's options within credibility_options: `evidence`, with max_iterations and
/// tolerance taken from credibility_options when they are set.
[[nodiscard]] inline evidence_model_options evidence_options_of(const credibility_options& o) {
    evidence_model_options e = o.evidence;
    if (o.max_iterations) e.max_iterations = *o.max_iterations;
    if (o.tolerance) e.tolerance = *o.tolerance;
    return e;
}

/// evidence-em through the registry's signature (see evidence_options_of).
[[nodiscard]] inline credibility_result evidence_em_registered(const truth_problem& p, const credibility_options& o) {
    return evidence_em(p, evidence_options_of(o));
}

/// Every algorithm, in the order of the docs; names are the CLI's exact spellings.
[[nodiscard]] inline const std::array<credibility_algorithm_info, 10>& credibility_algorithms() noexcept {
    static const std::array<credibility_algorithm_info, 10> table{{
        {"voting", "share of actors voting for each value; trust = agreement with the majority", &voting},
        {"sums", "hubs and authorities: trust sums beliefs, belief sums trust (Pasternack & Roth 2010)", &sums},
        {"average-log", "Sums with trust = ln|C_s| times mean belief (Pasternack & Roth 2010)", &average_log},
        {"investment", "actors invest trust in claims and are repaid by their stake (Pasternack & Roth 2010)", &investment},
        {"pooled-investment", "Investment with returns pooled over competing values (Pasternack & Roth 2010)", &pooled_investment},
        {"truthfinder", "probabilistic trust with implication between claims from the graph (Yin, Han & Yu 2007)", &truthfinder},
        {"2-estimates", "truth and error rate estimated from positive and negative views (Galland et al. 2010)", &two_estimates},
        {"3-estimates", "2-Estimates with a difficulty per claim (Galland et al. 2010)", &three_estimates},
        {"stance-em", "EM over stances that learns from hedged reports as a signal of their own (Dawid & Skene 1979)", &stance_em},
        {"evidence-em", "source accuracy with statements weighed by evidence kind and interest, dependent sources counted once, later positions superseding earlier ones (after Dong et al. 2009)", &evidence_em_registered},
    }};
    return table;
}

/// The registry entry of `name`; throws rule_error listing the valid names when unknown.
[[nodiscard]] inline const credibility_algorithm_info& find_credibility_algorithm(std::string_view name) {
    for (const auto& a : credibility_algorithms())
        if (a.name == name) return a;
    std::string valid{};
    for (const auto& a : credibility_algorithms()) valid += (valid.empty() ? "" : ", ") + std::string(a.name);
    throw rule_error("unknown credibility algorithm \"" + std::string(name) + "\"; valid: " + valid);
}

/// Runs the algorithm named `name` (see credibility_algorithms()).
/// Throws rule_error on an unknown name or a bad option.
[[nodiscard]] inline credibility_result run_credibility(std::string_view name, const truth_problem& p,
                                                        const credibility_options& o = {}) {
    return find_credibility_algorithm(name).run(p, o);
}

namespace detail {

// Beliefs equal up to rounding: a tolerance relative to the larger one. Fact-finders leave
// beliefs many orders of magnitude below 1 in large components (10⁻¹⁸ against 10⁻³⁰ on
// Population), so an absolute floor would tie values that are nothing alike.
[[nodiscard]] inline bool beliefs_tied(double a, double b) noexcept {
    return std::abs(a - b) <= 1e-12 * std::max(std::abs(a), std::abs(b));
}

}  // namespace detail

/// The claims of an object tied for the highest positive belief (empty without evidence);
/// used to score ties as 1/k. Tied: |b − best| ≤ 10⁻¹² · best (relative, whatever the scale).
[[nodiscard]] inline std::vector<std::uint32_t> top_claims(const truth_problem& p, const credibility_result& r,
                                                           std::uint32_t object) {
    std::vector<std::uint32_t> top{};
    double best = 0.0;
    for (std::uint32_t c = p.object_offsets[object]; c < p.object_offsets[object + 1]; ++c) best = std::max(best, r.belief[c]);
    if (!(best > 0.0)) return top;
    for (std::uint32_t c = p.object_offsets[object]; c < p.object_offsets[object + 1]; ++c)
        if (detail::beliefs_tied(r.belief[c], best)) top.push_back(c);
    return top;
}

/// The claim of an object believed most, or nullopt when no claim has positive belief or
/// several are tied for the highest (as top_claims).
[[nodiscard]] inline std::optional<std::uint32_t> verdict(const truth_problem& p, const credibility_result& r,
                                                          std::uint32_t object) {
    const auto top = top_claims(p, r, object);
    if (top.size() != 1) return std::nullopt;
    return top.front();
}

}  // namespace narrative
