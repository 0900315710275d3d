// SPDX-License-Identifier: MIT
#pragma once
// Statement strengths (`narrative score`) as a table, Markdown or JSON.

#include <narrative/gradual/engine.hpp>
#include <narrative/model/case_model.hpp>
#include <narrative/report/json_stream.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <sstream>
#include <string>

namespace narrative::report {

namespace detail {

inline std::string score_fixed(double x, int digits) {
    if (std::isnan(x)) return "nan";
    if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", digits, x);
    return buf;
}

inline std::string score_signed_fixed(double x, int digits) {
    std::string s = score_fixed(x, digits);
    if (std::isfinite(x) && s.front() != '-') s.insert(s.begin(), '+');
    // "-0.0000" and "+0.0000" both read as no change
    if (s == "-" + score_fixed(0.0, digits) || s == "+" + score_fixed(0.0, digits)) s = " " + score_fixed(0.0, digits);
    return s;
}

inline std::string actor_id(const case_model& c, const statement& s) {
    return s.actor_index == no_actor ? std::string() : c.actor_at(s.actor_index).id;
}

inline std::string solver_line(const score_result& r) {
    std::ostringstream out;
    out << "solver " << to_string(r.solver.method) << ", "
        << (r.run.converged ? "converged" : "NOT converged") << " after " << r.run.iterations
        << (r.run.iterations == 1 ? " iteration" : " iterations") << " (residual "
        << r.run.residual << "), status " << to_string(r.run.status);
    return out.str();
}

}  // namespace detail

/// The `narrative-score/1` document: the semantics, the solver's run, every statement with its
/// actor, base score and strength, and the warnings.
[[nodiscard]] inline std::string score_json(const case_model& c, const score_result& r) {
    using detail::actor_id;
    using json = nlohmann::ordered_json;
    std::string text;
    json_stream doc(text);
    doc.member("format", "narrative-score/1");
    doc.member("semantics", r.semantics);
    doc.member("solver", {{"method", std::string(to_string(r.solver.method))},
                          {"converged", r.run.converged},
                          {"iterations", r.run.iterations},
                          {"residual", r.run.residual},
                          {"status", std::string(to_string(r.run.status))}});
    doc.array_member("statements", [&](auto&& push) {
        for (statement_index v = 0; v < c.statement_count(); ++v) {
            const statement& s = c.statement_at(v);
            json row = {{"id", s.id}};
            row["actor"] = s.actor_index == no_actor ? json(nullptr) : json(actor_id(c, s));
            row["base"] = c.base_of(v);
            row["strength"] = r.strength[v];
            push(row);
        }
    });
    doc.member("warnings", r.run.warnings);
    doc.finish();
    text += '\n';
    return text;
}

/// The strengths as a table (text, or Markdown when `markdown`): base, strength and change per
/// statement, under a line naming the semantics, `source` and the solver's run.
[[nodiscard]] inline std::string score_table(const std::string& source, const case_model& c, const score_result& r,
                                             bool markdown) {
    using detail::actor_id;
    using detail::solver_line;
    const auto fixed = detail::score_fixed;
    const auto signed_fixed = detail::score_signed_fixed;
    std::ostringstream out;
    const std::size_t n = c.statement_count();
    if (markdown) {
        out << "## Statement strength: `" << r.semantics << "`\n\n"
            << source << ": " << n << " statements; " << solver_line(r) << ".\n\n"
            << "| statement | actor | base | strength | change |\n| --- | --- | ---: | ---: | ---: |\n";
        for (statement_index v = 0; v < n; ++v) {
            const statement& s = c.statement_at(v);
            out << "| " << s.id << " | " << actor_id(c, s) << " | " << fixed(c.base_of(v), 4) << " | "
                << fixed(r.strength[v], 4) << " | " << signed_fixed(r.strength[v] - c.base_of(v), 4)
                << " |\n";
        }
        return out.str();
    }
    std::size_t id_w = std::string("statement").size(), actor_w = std::string("actor").size();
    for (statement_index v = 0; v < n; ++v) {
        const statement& s = c.statement_at(v);
        id_w = std::max(id_w, s.id.size());
        actor_w = std::max(actor_w, actor_id(c, s).size());
    }
    const auto pad = [](const std::string& s, std::size_t w) {
        return s + std::string(w > s.size() ? w - s.size() : 0, ' ');
    };
    const auto right = [](const std::string& s, std::size_t w) {
        return std::string(w > s.size() ? w - s.size() : 0, ' ') + s;
    };
    out << r.semantics << " on " << source << ": " << n << " statements; " << solver_line(r) << '\n'
        << pad("statement", id_w) << "  " << pad("actor", actor_w) << "  " << right("base", 7) << "  "
        << right("strength", 9) << "  " << right("change", 8) << '\n';
    for (statement_index v = 0; v < n; ++v) {
        const statement& s = c.statement_at(v);
        out << pad(s.id, id_w) << "  " << pad(actor_id(c, s), actor_w) << "  "
            << right(fixed(c.base_of(v), 4), 7) << "  " << right(fixed(r.strength[v], 4), 9) << "  "
            << right(signed_fixed(r.strength[v] - c.base_of(v), 4), 8) << '\n';
    }
    return out.str();
}

}  // namespace narrative::report
