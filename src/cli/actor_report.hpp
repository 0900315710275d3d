// SPDX-License-Identifier: MIT
#pragma once
// What `narrative actors` and `narrative explain` share: running the per-actor report with the
// command-line options, and writing scores as JSON.

#include "commands.hpp"

#include <narrative/actors/consistency.hpp>
#include <narrative/infer/infer_relations.hpp>

#include <cmath>
#include <cstdlib>
#include <vector>
#include <string>

namespace narrative::cli {

/// Options common to `actors` and `explain`.
struct actor_report_options {
    std::string credibility = "evidence-em";
    bool no_infer = false;
    std::vector<std::string> evidence_weights{};  ///< KEY=RATIO, evidence-em's table
    std::string max_work = std::to_string(default_max_work);  ///< self-contradiction search bound (0: none)
};

/// Applies `--evidence-weight KEY=RATIO` settings; throws usage_error naming a bad one.
inline void apply_evidence_weights(const std::vector<std::string>& settings, evidence_weights& w) {
    for (const auto& setting : settings) {
        const auto eq = setting.find('=');
        const std::string key = setting.substr(0, eq);
        double* target = key == "claim"              ? &w.claim
                         : key == "testimony"        ? &w.testimony
                         : key == "document"         ? &w.document
                         : key == "finding"          ? &w.finding
                         : key == "self-serving"     ? &w.self_serving
                         : key == "against-interest" ? &w.against_interest
                                                     : nullptr;
        if (eq == std::string::npos || !target)
            throw usage_error("--evidence-weight: expected KEY=RATIO with KEY one of claim, testimony, document, "
                              "finding, self-serving, against-interest; got \"" + setting + "\"");
        const std::string number = setting.substr(eq + 1);
        char* end = nullptr;
        const double x = std::strtod(number.c_str(), &end);
        if (number.empty() || end != number.c_str() + number.size() || !(x > 0.0) || !std::isfinite(x))
            throw usage_error("--evidence-weight " + key + ": the ratio must be a finite number > 0, got \"" + number + "\"");
        *target = x;
    }
}

inline void add_actor_report_options(CLI::App* cmd, actor_report_options& o) {
    std::string names{};
    for (const auto& a : credibility_algorithms()) names += (names.empty() ? "" : ", ") + std::string(a.name);
    cmd->add_option("--credibility", o.credibility, "Truth-discovery algorithm: " + names)->capture_default_str();
    cmd->add_flag("--no-infer", o.no_infer, "Use only the relations stated in the case (no relations inferred from claims)");
    cmd->add_option("--evidence-weight", o.evidence_weights,
                    "evidence-em likelihood ratio, KEY=RATIO (repeatable); KEY: claim (default 1), testimony (2), "
                    "document (4), finding (8), self-serving (0.5), against-interest (4)");
    cmd->add_option("--max-work", o.max_work,
                    "States the self-contradiction search may reach before it stops (0: no bound); actors "
                    "left unsearched have no self-consistency")
        ->type_name("UINT")
        ->capture_default_str();
}

/// The library's options for the command-line options; throws rule_error (exit 2) on an
/// unknown algorithm, usage_error on a bad number.
inline actor_consistency_options actor_options(const actor_report_options& o, std::size_t items = 5) {
    (void)find_credibility_algorithm(o.credibility);
    const std::uint64_t max_states = max_work_states(
        parse_unsigned_option("--max-work", o.max_work, 0, std::numeric_limits<std::uint64_t>::max()));
    actor_consistency_options opts{};
    apply_evidence_weights(o.evidence_weights, opts.credibility.evidence.weights);
    opts.algorithm = o.credibility;
    opts.explanation_items = items;
    opts.tensions.max_states = max_states;
    return opts;
}

/// Infers relations from claims (unless --no-infer) and runs the report; throws rule_error
/// (exit 2) on an unknown algorithm.
inline consistency_report run_actor_report(case_model& c, const actor_report_options& o, std::size_t items) {
    const actor_consistency_options opts = actor_options(o, items);
    if (!o.no_infer) step("inferring relations from claims", [&] { (void)infer_relations(c); });
    return step("analysing actors", [&] { return actor_consistency_report(c, opts); });
}

}  // namespace narrative::cli
