// SPDX-License-Identifier: MIT
#pragma once
// How an analysis ended: one status vocabulary and one run report for every result of the
// library (score, credibility, balance, frustration, tensions, contradictions, inference, actors,
// crisp tasks, contributions, timeline). Like Eigen's ComputationInfo, a run that could not
// finish is a status value, never an exception; exceptions are kept for invalid input.

#include <algorithm>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace narrative {

/// The outcome of a run. The order is one of severity: combining runs keeps the worst.
enum class run_status {
    ok,               ///< finished: the result is complete (an iterative method converged)
    empty,            ///< nothing to analyse (no statements, no votes): the result is empty
    limit_reached,    ///< a work or count limit stopped the run: the result is correct but partial
    unbounded,        ///< converged, but some values lie outside their documented range
    no_convergence,   ///< an iterative method stopped at its limit: values are the last iterate
    numerical_issue,  ///< a NaN or infinity appeared: values are not meaningful
};

/// The name used in every output: `ok`, `empty`, `limit_reached`, `unbounded`,
/// `no_convergence`, `numerical_issue`.
[[nodiscard]] constexpr std::string_view to_string(run_status s) noexcept {
    switch (s) {
        case run_status::ok: return "ok";
        case run_status::empty: return "empty";
        case run_status::limit_reached: return "limit_reached";
        case run_status::unbounded: return "unbounded";
        case run_status::no_convergence: return "no_convergence";
        case run_status::numerical_issue: return "numerical_issue";
    }
    return "ok";
}

/// The report every analysis result carries as its member `run`.
///
/// Direct algorithms (balance, inference, path searches) report `converged = true`,
/// `iterations = 0` and `residual = 0`; iterative ones report their rounds and the convergence
/// measure of the last one (a fixpoint residual, or the last change for truth discovery, as each
/// algorithm documents). `warnings` are for people: one sentence each, no trailing period.
struct run_info {
    run_status status = run_status::ok;
    bool converged = true;        ///< an iterative method reached its tolerance (true when not iterative)
    std::uint64_t iterations = 0; ///< iterations, rounds or steps; 0 for direct algorithms
    double residual = 0.0;        ///< the convergence measure at the end; 0 for direct algorithms
    std::vector<std::string> warnings{};

    /// The result is complete and trustworthy (status ok).
    [[nodiscard]] bool ok() const noexcept { return status == run_status::ok; }

    /// Folds the run of a step into this one: the worse status, converged only if both are,
    /// the iterations added, the larger residual, the step's warnings appended.
    run_info& absorb(const run_info& step) {
        status = std::max(status, step.status);
        converged = converged && step.converged;
        iterations += step.iterations;
        residual = std::max(residual, step.residual);
        warnings.insert(warnings.end(), step.warnings.begin(), step.warnings.end());
        return *this;
    }
};

/// A run of a direct algorithm: `empty` when there was nothing to analyse, else `ok`.
[[nodiscard]] inline run_info direct_run(bool nothing_to_analyse) {
    run_info r{};
    if (nothing_to_analyse) r.status = run_status::empty;
    return r;
}

}  // namespace narrative
