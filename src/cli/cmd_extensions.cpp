// SPDX-License-Identifier: MIT
// `narrative extensions CASE --semantics NAME`: crisp (Dung) extensions of the attack graph, with
// the ICCMA tasks and the bipolar reductions.

#include "commands.hpp"

#include <narrative/detail/closest_id.hpp>
#include <narrative/extensions/bipolar.hpp>
#include <narrative/extensions/registry.hpp>
#include <narrative/extensions/tasks.hpp>
#include <narrative/infer/infer_relations.hpp>
#include <narrative/model/compiled_graph.hpp>
#include <narrative/report/extensions.hpp>
#ifdef NARRATIVE_HAS_CADICAL
#include <narrative/extensions/cadical_solver.hpp>
#endif


#include <algorithm>
#include <charconv>
#include <cstdint>
#include <limits>
#include <memory>
#include <optional>
#include <sstream>
#include <string>
#include <system_error>
#include <vector>

namespace narrative::cli {
namespace {

struct extensions_command {
    std::string input{};
    std::string from{};  // input format; empty: by extension
    std::string semantics{};
    std::string task = "ee";
    std::optional<std::string> statement{};
    std::string support = "none";
    std::string limit = "1000";  // read as text: see parse_limit
#ifdef NARRATIVE_HAS_CADICAL
    std::string solver = "cadical";
#else
    std::string solver = "dpll";
#endif
    bool no_infer = false;
    output_options output{};
};

// --limit: a decimal integer, 0 for no limit.
std::uint64_t parse_limit(const std::string& text) {
    std::uint64_t n = 0;
    const char* end = text.data() + text.size();
    const auto [stop, ec] = std::from_chars(text.data(), end, n);
    if (ec != std::errc{} || stop != end)
        throw usage_error("invalid --limit '" + text + "' (valid: an integer from 0, no limit, to " +
                          std::to_string(std::numeric_limits<std::uint64_t>::max()) + ")");
    return n;
}

sat_solver_factory parse_solver(const std::string& name) {
#ifdef NARRATIVE_HAS_CADICAL
    if (name == "cadical") return cadical_solver_factory();
    if (name == "dpll") return dpll_solver_factory();
    throw usage_error("unknown --solver '" + name + "' (valid: cadical, dpll)");
#else
    if (name == "dpll") return dpll_solver_factory();
    throw usage_error("unknown --solver '" + name + "' (valid: dpll; this build has no CaDiCaL)");
#endif
}

}  // namespace

void register_extensions(CLI::App& app) {
    auto opts = std::make_shared<extensions_command>();
    CLI::App* cmd = app.add_subcommand("extensions", "Crisp extensions (grounded, preferred, stable, ...) of the attack graph");
    cmd->add_option("CASE", opts->input,
                    "Case file (narrative/1 JSON, or ICCMA .apx, .tgf or .i23), or - for standard input")
        ->required();
    cmd->add_option("--from", opts->from, "Input format: json, apx, tgf or i23 (default: by extension, else json)")
        ->check(CLI::IsMember({"json", "apx", "tgf", "i23"}));
    cmd->add_option("--semantics", opts->semantics,
                    "grounded, complete, preferred, stable, semi-stable, stage or ideal")
        ->required();
    cmd->add_option("--task", opts->task,
                    "se (one extension), ee (all, default), count, dc (credulous) or ds (sceptical)");
    cmd->add_option("--statement", opts->statement, "The statement asked about by --task dc or ds");
    cmd->add_option("--support", opts->support,
                    "none (supports ignored, default), deductive or necessary (bipolar reduction)");
    cmd->add_option("--limit", opts->limit, "Extensions listed or counted at most, 0 for no limit (default 1000)")
        ->type_name("UINT");
    cmd->add_option("--solver", opts->solver, "SAT solver: cadical (default when built) or dpll");
    cmd->add_flag("--no-infer", opts->no_infer,
                  "Use only the relations stated in the case (no relations inferred from claims)");
    add_output_options(cmd, opts->output);
    cmd->callback([opts] {
        // Names and parameters first (exit 2), before reading the case.
        const crisp_semantics& semantics = find_crisp_semantics(opts->semantics);
        const crisp_task task = parse_crisp_task(opts->task);
        const support_reading support = parse_support_reading(opts->support);
        const std::uint64_t limit = parse_limit(opts->limit);
        const sat_solver_factory solvers = parse_solver(opts->solver);
        const bool decision = task == crisp_task::dc || task == crisp_task::ds;
        if (decision && !opts->statement)
            throw usage_error("extensions: --task " + opts->task + " needs --statement ID");
        if (!decision && opts->statement)
            throw usage_error("extensions: --statement is only for --task dc or ds");
        case_model& c = keep_until_exit(load_case_or_iccma(opts->input, opts->from));
        if (!opts->no_infer) (void)infer_relations(c);
        std::uint32_t argument = 0;
        if (decision) {
            const auto v = c.find_statement(*opts->statement);
            if (!v) {
                std::vector<std::string> ids;
                for (statement_index u = 0; u < c.statement_count(); ++u) ids.push_back(c.statement_at(u).id);
                const auto best = detail::closest_id(*opts->statement, ids);
                throw usage_error("extensions: unknown statement \"" + *opts->statement + "\"" +
                                  (best ? "; did you mean \"" + *best + "\"?" : std::string{}));
            }
            argument = static_cast<std::uint32_t>(*v);
        }
        const bipolar_reduction reduction = reduce_bipolar(compiled_graph::compile(c), support);
        report::extensions_outcome o;
        o.source = opts->input == "-" ? "<stdin>" : opts->input;
        o.semantics = std::string(semantics.name());
        o.task = task;
        o.support = support;
        o.solver = opts->solver;
        o.reduction = &reduction;
        o.result = run_task(reduction, semantics, task,
                            {.limit = limit, .argument = argument, .solvers = solvers});
        for (const auto& e : o.result.extensions) o.extensions.push_back(report::extension_ids(c, e));
        std::sort(o.extensions.begin(), o.extensions.end());
        if (decision) o.statement = *opts->statement;
        if (opts->output.format == "json")
            emit(opts->output, report::extensions_json(c, o));
        else
            emit(opts->output, report::extensions_text(c, o, opts->output.format == "markdown"));
    });
}

}  // namespace narrative::cli
