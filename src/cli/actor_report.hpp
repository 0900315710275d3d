// SPDX-License-Identifier: MIT
#pragma once
// What `narrative actors` and `narrative explain` share: running the per-actor report with the
// command-line options, and writing scores as JSON.

#include "commands.hpp"

#include <narrative/actors/consistency.hpp>
#include <narrative/infer/infer_relations.hpp>

#include <nlohmann/json.hpp>

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
    if (!o.no_infer) (void)infer_relations(c);
    return actor_consistency_report(c, opts);
}

inline nlohmann::ordered_json json_number(double x) {
    return std::isfinite(x) ? nlohmann::ordered_json(x) : nlohmann::ordered_json(nullptr);
}

inline nlohmann::ordered_json json_score(const actor_score& s) {
    return s.value ? nlohmann::ordered_json(*s.value) : nlohmann::ordered_json(nullptr);
}

/// A relation named by its endpoints, with its provenance and note.
inline nlohmann::ordered_json json_relation(const case_model& c, std::uint32_t index) {
    const relation_handle e = c.relations()[index];
    const relation& r = c.relation_at(e);
    nlohmann::ordered_json j = {{"from", c.statement_at(c.source(e)).id}, {"to", c.statement_at(c.target(e)).id},
                                {"type", std::string(to_string(r.type))},
                                {"provenance", std::string(to_string(r.provenance))}};
    if (!r.rule.empty()) j["rule"] = r.rule;
    if (r.note) j["note"] = *r.note;
    return j;
}

/// The source of a statement, when it has one, under "source".
inline void put_source(nlohmann::ordered_json& j, const statement& s) {
    if (s.source) j["source"] = *s.source;
}

inline nlohmann::ordered_json json_items(const case_model& c, const std::vector<explanation_item>& items) {
    auto out = nlohmann::ordered_json::array();
    for (const auto& it : items) {
        nlohmann::ordered_json j = {{"kind", std::string(to_string(it.kind))},
                                    {"statement", c.statement_at(it.statement).id}};
        put_source(j, c.statement_at(it.statement));
        if (it.other) j["other"] = c.statement_at(*it.other).id;
        auto rels = nlohmann::ordered_json::array();
        for (const auto index : it.relations) rels.push_back(json_relation(c, index));
        j["relations"] = std::move(rels);
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

/// The statements behind a proposition's verdict, as evidence-em weighed them.
inline nlohmann::ordered_json json_evidence(const case_model& c, const proposition_belief& p) {
    auto out = nlohmann::ordered_json::array();
    for (const auto& e : p.evidence) {
        const statement& s = c.statement_at(e.statement);
        nlohmann::ordered_json j = {{"statement", s.id}, {"actor", c.actor_at(e.actor).id},
                                    {"value", e.value}, {"against", e.against},
                                    {"role", std::string(to_string(e.role))}, {"weight", json_number(e.weight)},
                                    {"evidence", std::string(to_string(s.effective_evidence()))},
                                    {"interest", std::string(interest_label(s.interest))},
                                    {"log_actor", json_number(e.log_actor)}, {"log_evidence", json_number(e.log_evidence)},
                                    {"log_interest", json_number(e.log_interest)}, {"dependence", json_number(e.dependence)}};
        j["depends_on"] = e.depends_on ? nlohmann::ordered_json(c.statement_at(*e.depends_on).id) : nlohmann::ordered_json(nullptr);
        if (e.depends_on) j["same_group"] = e.same_group;
        j["superseded_by"] = e.superseded_by ? nlohmann::ordered_json(c.statement_at(*e.superseded_by).id) : nlohmann::ordered_json(nullptr);
        if (s.time) j["time"] = s.time->text();
        put_source(j, s);
        out.push_back(std::move(j));
    }
    return out;
}

/// One proposition as JSON: values with beliefs, the verdict, and (evidence-em) the evidence.
inline nlohmann::ordered_json json_proposition(const case_model& c, const proposition_belief& p) {
    auto values = nlohmann::ordered_json::array();
    for (const auto& v : p.values) values.push_back({{"value", v.value}, {"belief", json_number(v.belief)}});
    nlohmann::ordered_json j = {{"id", p.id}, {"values", std::move(values)},
                                {"verdict", p.verdict ? nlohmann::ordered_json(*p.verdict) : nlohmann::ordered_json(nullptr)}};
    if (!p.evidence.empty()) j["evidence"] = json_evidence(c, p);
    return j;
}

inline std::string format_score(const actor_score& s) {
    if (!s.value) return "-";
    char buf[16];
    std::snprintf(buf, sizeof buf, "%.3f", *s.value);
    return buf;
}

}  // namespace narrative::cli
