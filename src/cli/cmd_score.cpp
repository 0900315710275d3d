// SPDX-License-Identifier: MIT
// `narrative score CASE --semantics NAME`: statement strengths under a gradual semantics.

#include "commands.hpp"

#include <narrative/gradual/registry.hpp>
#include <narrative/infer/infer_relations.hpp>
#include <narrative/model/compiled_graph.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <iostream>
#include <limits>
#include <memory>
#include <sstream>
#include <string>
#include <system_error>
#include <vector>

namespace narrative::cli {
namespace {

struct score_command {
    std::string input{};
    std::string semantics = "df-quad";
    std::string solver = "auto";
    // Read as text and converted here: the option parser takes "-1" for 2^64 − 1, reads "0x10"
    // as 16 and accepts integers beyond 64 bits.
    std::string tolerance = "1e-9";
    std::string max_iterations = "10000";
    std::string threads = "0";
    bool no_infer = false;
    output_options output{};
};

// The shortest text that reads back as x exactly.
std::string exact(double x) {
    char buf[32];
    return {buf, std::to_chars(buf, buf + sizeof buf, x).ptr};
}

// --tolerance: a finite number of at least min_tolerance (the whole text, no sign or spaces).
double parse_tolerance(const std::string& text) {
    double x = 0.0;
    const char* end = text.data() + text.size();
    const auto [stop, ec] = std::from_chars(text.data(), end, x);
    if (ec != std::errc{} || stop != end || !std::isfinite(x) || !(x >= min_tolerance))
        throw usage_error("invalid --tolerance '" + text + "' (valid: a number from " +
                          exact(min_tolerance) + " to " +
                          exact(std::numeric_limits<double>::max()) +
                          "; a smaller residual cannot be certified in double precision)");
    return x;
}

// --max-iterations: a decimal integer from 1 to the largest std::size_t.
std::size_t parse_max_iterations(const std::string& text) {
    std::size_t n = 0;
    const char* end = text.data() + text.size();
    const auto [stop, ec] = std::from_chars(text.data(), end, n);
    if (ec != std::errc{} || stop != end || n < 1)
        throw usage_error("invalid --max-iterations '" + text + "' (valid: an integer from 1 to " +
                          std::to_string(std::numeric_limits<std::size_t>::max()) + ")");
    return n;
}

std::string fixed(double x, int digits) {
    if (std::isnan(x)) return "nan";
    if (std::isinf(x)) return x > 0 ? "inf" : "-inf";
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", digits, x);
    return buf;
}

std::string signed_fixed(double x, int digits) {
    std::string s = fixed(x, digits);
    if (std::isfinite(x) && s.front() != '-') s.insert(s.begin(), '+');
    // "-0.0000" and "+0.0000" both read as no change
    if (s == "-" + fixed(0.0, digits) || s == "+" + fixed(0.0, digits)) s = " " + fixed(0.0, digits);
    return s;
}

std::string actor_id(const case_model& c, const statement& s) {
    return s.actor_index == no_actor ? std::string() : c.actor_at(s.actor_index).id;
}

std::string solver_line(const score_result& r) {
    std::ostringstream out;
    out << "solver " << to_string(r.solver.method) << ", "
        << (r.solver.converged ? "converged" : "NOT converged") << " after " << r.solver.iterations
        << (r.solver.iterations == 1 ? " iteration" : " iterations") << " (residual "
        << r.solver.residual << "), status " << to_string(r.solver.status);
    return out.str();
}

std::string render_json(const case_model& c, const score_result& r) {
    nlohmann::ordered_json doc = {{"format", "narrative-score/1"}, {"semantics", r.semantics}};
    doc["solver"] = {{"method", std::string(to_string(r.solver.method))},
                     {"converged", r.solver.converged},
                     {"iterations", r.solver.iterations},
                     {"residual", r.solver.residual},
                     {"status", std::string(to_string(r.solver.status))}};
    auto list = nlohmann::ordered_json::array();
    for (statement_index v = 0; v < c.statement_count(); ++v) {
        const statement& s = c.statement_at(v);
        nlohmann::ordered_json row = {{"id", s.id}};
        row["actor"] = s.actor_index == no_actor ? nlohmann::ordered_json(nullptr)
                                                 : nlohmann::ordered_json(actor_id(c, s));
        row["base"] = c.base_of(v);
        row["strength"] = r.strength[v];
        list.push_back(std::move(row));
    }
    doc["statements"] = std::move(list);
    doc["warnings"] = r.warnings;
    return doc.dump(2) + "\n";
}

std::string render_table(const std::string& source, const case_model& c, const score_result& r,
                         bool markdown) {
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

}  // namespace

void register_score(CLI::App& app) {
    auto opts = std::make_shared<score_command>();
    CLI::App* cmd = app.add_subcommand("score", "Statement strengths under a gradual semantics");
    cmd->add_option("CASE", opts->input, "Case file (narrative/1 JSON), or - for standard input")->required();
    cmd->add_option("--semantics", opts->semantics,
                    "Gradual semantics (see `narrative semantics`); default df-quad");
    cmd->add_option("--solver", opts->solver,
                    "auto (exact pass on acyclic graphs, else Jacobi with RK4 fallback), dag, jacobi or rk4");
    cmd->add_option("--tolerance", opts->tolerance,
                    "Stop when the residual is at most this, from 2.220446049250313e-16 (default 1e-9)")
        ->type_name("FLOAT");
    cmd->add_option("--max-iterations", opts->max_iterations,
                    "Limit on Jacobi iterations and on RK4 steps, an integer >= 1 (default 10000)")
        ->type_name("UINT");
    cmd->add_option("--threads", opts->threads,
                    "Threads of the iteration sweeps, 0 for every core (default); results do not depend on it")
        ->type_name("UINT");
    cmd->add_flag("--no-infer", opts->no_infer,
                  "Use only the relations stated in the case (no relations inferred from claims)");
    add_output_options(cmd, opts->output);
    cmd->callback([opts] {
        // Names and parameters first (exit 2), before reading the case.
        const any_gradual_semantics& semantics = find_gradual_semantics(opts->semantics);
        const score_options options{.solver = parse_solver_method(opts->solver),
                                    .tolerance = parse_tolerance(opts->tolerance),
                                    .max_iterations = parse_max_iterations(opts->max_iterations),
                                    .threads = static_cast<unsigned>(parse_unsigned_option(
                                        "--threads", opts->threads, 0, 1024, "0 uses every core"))};
        case_model c = load_case_argument(opts->input);
        // Every analysis command reads the relations the claims imply, as contradictions and actors do.
        if (!opts->no_infer) (void)infer_relations(c);
        const std::string source = opts->input == "-" ? "<stdin>" : opts->input;
        const score_result r = semantics.score(compiled_graph::compile(c), options);
        if (opts->output.format == "json")
            emit(opts->output, render_json(c, r));
        else
            emit(opts->output, render_table(source, c, r, opts->output.format == "markdown"));
        // Warnings go to standard error in every format (JSON also lists them, as data).
        for (const auto& w : r.warnings) std::cerr << "narrative: warning: " << w << '\n';
    });
}

}  // namespace narrative::cli
