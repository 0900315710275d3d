// SPDX-License-Identifier: MIT
// `narrative score CASE --semantics NAME`: statement strengths under a gradual semantics.

#include "commands.hpp"

#include <narrative/gradual/registry.hpp>
#include <narrative/infer/infer_relations.hpp>
#include <narrative/model/compiled_graph.hpp>
#include <narrative/report/scores.hpp>

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
    add_threads_option(cmd, opts->threads);
    cmd->add_flag("--no-infer", opts->no_infer,
                  "Use only the relations stated in the case (no relations inferred from claims)");
    add_output_options(cmd, opts->output);
    cmd->callback([opts] {
        // Names and parameters first (exit 2), before reading the case.
        const any_gradual_semantics& semantics = find_gradual_semantics(opts->semantics);
        const score_options options{.solver = parse_solver_method(opts->solver),
                                    .tolerance = parse_tolerance(opts->tolerance),
                                    .max_iterations = parse_max_iterations(opts->max_iterations),
                                    .threads = parse_threads(opts->threads)};
        case_model& c = keep_until_exit(load_case_argument(opts->input));
        // Every analysis command reads the relations the claims imply, as contradictions and actors do.
        if (!opts->no_infer) step("inferring relations from claims", [&] { (void)infer_relations(c); });
        const std::string source = opts->input == "-" ? "<stdin>" : opts->input;
        const score_result r =
            step("scoring (" + opts->semantics + ")", [&] { return semantics.score(compiled_graph::compile(c), options); });
        const std::string text = step("formatting", [&] {
            return opts->output.format == "json"
                       ? report::score_json(c, r)
                       : report::score_table(source, c, r, opts->output.format == "markdown");
        });
        emit(opts->output, text);
        // Warnings go to standard error in every format (JSON also lists them, as data).
        for (const auto& w : r.run.warnings) std::cerr << "narrative: warning: " << w << '\n';
    });
}

}  // namespace narrative::cli
