// SPDX-License-Identifier: MIT
#pragma once
// What `narrative actors` and `narrative explain` share: running the per-actor report with the
// command-line options, and writing scores as JSON.

#include "commands.hpp"

#include <narrative/actors/consistency.hpp>
#include <narrative/infer/infer_relations.hpp>

#include <nlohmann/json.hpp>

#include <cmath>
#include <string>

namespace narrative::cli {

/// Options common to `actors` and `explain`.
struct actor_report_options {
    std::string credibility = "truthfinder";
    bool no_infer = false;
};

inline void add_actor_report_options(CLI::App* cmd, actor_report_options& o) {
    std::string names{};
    for (const auto& a : credibility_algorithms()) names += (names.empty() ? "" : ", ") + std::string(a.name);
    cmd->add_option("--credibility", o.credibility, "Truth-discovery algorithm: " + names)->capture_default_str();
    cmd->add_flag("--no-infer", o.no_infer, "Use only the relations stated in the case (no relations inferred from claims)");
}

/// Infers relations from claims (unless --no-infer) and runs the report; throws rule_error
/// (exit 2) on an unknown algorithm.
inline consistency_report run_actor_report(case_model& c, const actor_report_options& o, std::size_t items) {
    (void)find_credibility_algorithm(o.credibility);
    if (!o.no_infer) (void)infer_relations(c);
    actor_consistency_options opts{};
    opts.algorithm = o.credibility;
    opts.explanation_items = items;
    return actor_consistency_report(c, opts);
}

inline nlohmann::ordered_json json_number(double x) {
    return std::isfinite(x) ? nlohmann::ordered_json(x) : nlohmann::ordered_json(nullptr);
}

inline nlohmann::ordered_json json_score(const actor_score& s) {
    return s.value ? nlohmann::ordered_json(*s.value) : nlohmann::ordered_json(nullptr);
}

inline nlohmann::ordered_json json_items(const case_model& c, const std::vector<explanation_item>& items) {
    auto out = nlohmann::ordered_json::array();
    for (const auto& it : items) {
        nlohmann::ordered_json j = {{"kind", std::string(to_string(it.kind))},
                                    {"statement", c.statement_at(it.statement).id}};
        if (it.other) j["other"] = c.statement_at(*it.other).id;
        j["relations"] = it.relations;
        j["value"] = json_number(it.value);
        j["effect"] = json_number(it.effect);
        j["detail"] = it.detail;
        out.push_back(std::move(j));
    }
    return out;
}

inline nlohmann::ordered_json json_run(const credibility_result& r) {
    return {{"algorithm", r.algorithm}, {"status", std::string(to_string(r.status))},
            {"converged", r.converged}, {"iterations", r.iterations}, {"last_change", json_number(r.last_change)}};
}

/// One actor as JSON: scores (null with a `<score>_reason` when undefined) and explanations.
inline nlohmann::ordered_json json_actor(const case_model& c, const actor_consistency& a) {
    const actor& who = c.actor_at(a.actor);
    nlohmann::ordered_json j = {{"id", who.id}, {"name", who.display_name()}, {"statements", a.statements},
                                {"positions", a.positions}};
    auto score = [&](const char* key, const actor_score& s) {
        j[key] = json_score(s);
        if (!s.value) j[std::string(key) + "_reason"] = s.reason;
    };
    score("self_consistency", a.self_consistency);
    score("external_consistency", a.external_consistency);
    score("credibility", a.credibility);
    j["explanation"] = {{"self_consistency", json_items(c, a.self_explanation)},
                        {"external_consistency", json_items(c, a.external_explanation)},
                        {"credibility", json_items(c, a.credibility_explanation)}};
    return j;
}

inline std::string format_score(const actor_score& s) {
    if (!s.value) return "-";
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.3f", *s.value);
    return buf;
}

}  // namespace narrative::cli
