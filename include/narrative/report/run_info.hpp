// SPDX-License-Identifier: MIT
#pragma once
// A run report as JSON, the same object in every output that carries one.

#include <narrative/run_info.hpp>

#include <nlohmann/json.hpp>

#include <cmath>
#include <string>

namespace narrative::report {

/// `{"status", "converged", "iterations", "residual", "warnings"}`; a residual that is not a
/// finite number (a run with status numerical_issue) is written as null.
[[nodiscard]] inline nlohmann::ordered_json run_info_json(const run_info& r) {
    nlohmann::ordered_json warnings = nlohmann::ordered_json::array();
    for (const auto& w : r.warnings) warnings.push_back(w);
    return {{"status", std::string(to_string(r.status))},
            {"converged", r.converged},
            {"iterations", r.iterations},
            {"residual", std::isfinite(r.residual) ? nlohmann::ordered_json(r.residual) : nlohmann::ordered_json(nullptr)},
            {"warnings", std::move(warnings)}};
}

}  // namespace narrative::report
