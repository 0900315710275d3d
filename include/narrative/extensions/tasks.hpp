// SPDX-License-Identifier: MIT
#pragma once
// The ICCMA reasoning tasks over a crisp semantics: one extension (se), all extensions (ee, with
// a limit), their number (count), credulous (dc) and sceptical (ds) acceptance with a witness.

#include <narrative/error.hpp>
#include <narrative/extensions/attack_graph.hpp>
#include <narrative/extensions/bipolar.hpp>
#include <narrative/extensions/sat_solver.hpp>
#include <narrative/extensions/semantics.hpp>
#include <narrative/run_info.hpp>

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace narrative {

enum class crisp_task { se, ee, count, dc, ds };

[[nodiscard]] constexpr std::string_view to_string(crisp_task t) noexcept {
    switch (t) {
        case crisp_task::se: return "se";
        case crisp_task::ee: return "ee";
        case crisp_task::count: return "count";
        case crisp_task::dc: return "dc";
        case crisp_task::ds: return "ds";
    }
    return "se";
}

/// Parses se, ee, count, dc or ds; throws usage_error otherwise.
[[nodiscard]] inline crisp_task parse_crisp_task(std::string_view text) {
    for (const crisp_task t : {crisp_task::se, crisp_task::ee, crisp_task::count, crisp_task::dc, crisp_task::ds})
        if (text == to_string(t)) return t;
    throw usage_error("unknown task '" + std::string(text) + "' (valid: se, ee, count, dc, ds)");
}

struct task_options {
    std::uint64_t limit = 0;        ///< ee and count: stop after this many extensions (0: none)
    std::uint32_t argument = 0;     ///< dc and ds: the argument asked about
    sat_solver_factory solvers = dpll_solver_factory();
};

/// The answer of a task. `extensions` holds: se, at most one; ee, those found (each sorted, the
/// list sorted); dc, the witness when accepted; ds, the counterexample when not accepted.
struct task_result {
    crisp_task task = crisp_task::ee;
    /// status `ok` (the answer is complete) or `limit_reached` (ee or count stopped at the
    /// limit: more extensions may exist, and a warning says so); a direct computation otherwise.
    run_info run{};
    std::vector<argument_set> extensions{};
    std::uint64_t count = 0;                ///< count and ee: extensions found
    std::optional<bool> accepted{};         ///< dc and ds
};

/// Runs `task` under `semantics` on `g`. Throws usage_error for dc/ds on an argument outside g.
[[nodiscard]] inline task_result run_task(const attack_graph& g, const crisp_semantics& semantics,
                                          crisp_task task, const task_options& options = {}) {
    task_result r;
    r.task = task;
    switch (task) {
        case crisp_task::se:
            if (auto e = semantics.some_extension(g, options.solvers)) r.extensions.push_back(std::move(*e));
            r.count = r.extensions.size();
            break;
        case crisp_task::ee:
        case crisp_task::count: {
            const bool keep = task == crisp_task::ee;
            const bool finished = semantics.enumerate(g, options.solvers, [&](const argument_set& e) {
                if (options.limit != 0 && r.count == options.limit) return false;
                ++r.count;
                if (keep) r.extensions.push_back(e);
                return true;
            });
            if (!finished) {
                r.run.status = run_status::limit_reached;
                r.run.warnings.push_back("stopped at the limit of " + std::to_string(options.limit) +
                                         " extensions: more may exist");
            }
            std::sort(r.extensions.begin(), r.extensions.end());
            break;
        }
        case crisp_task::dc:
        case crisp_task::ds: {
            detail::check_argument(g, options.argument);
            if (task == crisp_task::dc) {
                auto w = semantics.credulous_witness(g, options.solvers, options.argument);
                r.accepted = w.has_value();
                if (w) r.extensions.push_back(std::move(*w));
            } else {
                auto c = semantics.sceptical_counterexample(g, options.solvers, options.argument);
                r.accepted = !c.has_value();
                if (c) r.extensions.push_back(std::move(*c));
            }
            r.count = r.extensions.size();
            break;
        }
    }
    return r;
}

/// Runs `task` on the attack graph of a bipolar reduction and answers about the framework's own
/// arguments: the sentinel of the necessary reading (in every extension, see bipolar_reduction)
/// is left out of the extensions. Throws usage_error for dc/ds on an argument outside the
/// framework (the sentinel included).
[[nodiscard]] inline task_result run_task(const bipolar_reduction& r, const crisp_semantics& semantics,
                                          crisp_task task, const task_options& options = {}) {
    if ((task == crisp_task::dc || task == crisp_task::ds) && options.argument >= r.arguments)
        throw usage_error("argument " + std::to_string(options.argument) + " is outside the framework of " +
                          std::to_string(r.arguments) + " arguments");
    task_result out = run_task(r.graph, semantics, task, options);
    if (r.has_sentinel()) {
        for (argument_set& e : out.extensions) std::erase(e, r.arguments);
        std::sort(out.extensions.begin(), out.extensions.end());  // removing the last member can reorder
    }
    return out;
}

}  // namespace narrative
