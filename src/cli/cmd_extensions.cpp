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
#ifdef NARRATIVE_HAS_CADICAL
#include <narrative/extensions/cadical_solver.hpp>
#endif

#include <nlohmann/json.hpp>

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

// An extension as its statement ids, sorted.
std::vector<std::string> ids_of(const case_model& c, const argument_set& e) {
    std::vector<std::string> ids;
    ids.reserve(e.size());
    for (const auto v : e) ids.push_back(c.statement_at(v).id);
    std::sort(ids.begin(), ids.end());
    return ids;
}

std::string braces(const std::vector<std::string>& ids) {
    std::string s = "{";
    for (std::size_t i = 0; i < ids.size(); ++i) s += (i ? ", " : "") + ids[i];
    return s + "}";
}

struct outcome {
    std::string source{};
    std::string semantics{};
    crisp_task task = crisp_task::ee;
    support_reading support = support_reading::none;
    std::string solver{};
    task_result result{};
    std::vector<std::vector<std::string>> extensions{};  // as ids, each sorted, the list sorted
    std::string statement{};
    const bipolar_reduction* reduction = nullptr;
};

// The status names of the narrative-extensions/1 format, which predate run_status and stay.
std::string_view status_name(run_status s) { return s == run_status::limit_reached ? "limit-reached" : "done"; }

std::string render_json(const case_model& c, const outcome& o) {
    nlohmann::ordered_json doc = {{"format", "narrative-extensions/1"},
                                  {"semantics", o.semantics},
                                  {"task", std::string(to_string(o.task))},
                                  {"support", std::string(to_string(o.support))},
                                  {"solver", o.solver},
                                  {"status", std::string(status_name(o.result.run.status))}};
    if (o.task == crisp_task::dc || o.task == crisp_task::ds) {
        doc["statement"] = o.statement;
        doc["accepted"] = *o.result.accepted;
        const char* key = o.task == crisp_task::dc ? "witness" : "counterexample";
        doc[key] = o.extensions.empty() ? nlohmann::ordered_json(nullptr) : nlohmann::ordered_json(o.extensions[0]);
    } else {
        doc["count"] = o.result.count;
    }
    if (o.task != crisp_task::count) doc["extensions"] = o.extensions;
    if (o.support != support_reading::none) {
        auto list = nlohmann::ordered_json::array();
        for (const auto& d : o.reduction->derived)
            list.push_back({{"from", c.statement_at(d.from).id},
                            {"to", c.statement_at(d.to).id},
                            {"pattern", std::string(to_string(d.pattern))},
                            {"via", c.statement_at(d.via).id}});
        doc["derived_attacks"] = std::move(list);
    }
    if (o.support == support_reading::necessary) {
        auto list = nlohmann::ordered_json::array();
        for (const std::uint32_t a : o.reduction->unfounded) list.push_back(c.statement_at(a).id);
        doc["unfounded"] = std::move(list);
    }
    return doc.dump(2) + "\n";
}

std::string render_text(const case_model& c, const outcome& o, bool markdown) {
    std::ostringstream out;
    const std::string head = o.semantics + " extensions of " + o.source + " (task " +
                             std::string(to_string(o.task)) + ", support " +
                             std::string(to_string(o.support)) + ", solver " + o.solver + ")";
    out << (markdown ? "## " : "") << head << '\n';
    if (markdown) out << '\n';
    const std::string item = markdown ? "- " : "  ";
    switch (o.task) {
        case crisp_task::se:
        case crisp_task::ee:
            if (o.task == crisp_task::se)
                out << (o.extensions.empty() ? "no extension" : "one extension") << '\n';
            else
                out << o.result.count << (o.result.count == 1 ? " extension" : " extensions")
                    << (o.result.run.status == run_status::limit_reached ? " (limit reached: there are more)" : "")
                    << '\n';
            for (const auto& e : o.extensions) out << item << braces(e) << '\n';
            break;
        case crisp_task::count:
            out << o.result.count << (o.result.count == 1 ? " extension" : " extensions")
                << (o.result.run.status == run_status::limit_reached ? " at least (limit reached)" : "") << '\n';
            break;
        case crisp_task::dc:
            out << o.statement << " is " << (*o.result.accepted ? "" : "not ") << "credulously accepted";
            if (!o.extensions.empty()) out << "; witness " << braces(o.extensions[0]);
            out << '\n';
            break;
        case crisp_task::ds:
            out << o.statement << " is " << (*o.result.accepted ? "" : "not ") << "sceptically accepted";
            if (!o.extensions.empty()) out << "; counterexample " << braces(o.extensions[0]);
            else if (*o.result.accepted && o.result.extensions.empty() && o.semantics == "stable")
                out << " (every stable extension contains it, possibly because there is none)";
            out << '\n';
            break;
    }
    if (o.support != support_reading::none) {
        out << (markdown ? "\n" : "") << o.reduction->derived.size() << " derived attacks ("
            << to_string(o.support) << " support)" << (o.reduction->derived.empty() ? "" : ":") << '\n';
        for (const auto& d : o.reduction->derived)
            out << item << c.statement_at(d.from).id << " attacks " << c.statement_at(d.to).id << " ("
                << to_string(d.pattern) << ", via " << c.statement_at(d.via).id << ")\n";
    }
    if (!o.reduction || o.reduction->unfounded.empty()) return out.str();
    const std::size_t k = o.reduction->unfounded.size();
    out << (markdown ? "\n" : "") << k << (k == 1 ? " statement" : " statements")
        << " in no extension (what it needs loops back on itself through necessary supports):\n";
    for (const std::uint32_t a : o.reduction->unfounded) out << item << c.statement_at(a).id << '\n';
    return out.str();
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
        case_model c = load_case_or_iccma(opts->input, opts->from);
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
        outcome o;
        o.source = opts->input == "-" ? "<stdin>" : opts->input;
        o.semantics = std::string(semantics.name());
        o.task = task;
        o.support = support;
        o.solver = opts->solver;
        o.reduction = &reduction;
        o.result = run_task(reduction, semantics, task,
                            {.limit = limit, .argument = argument, .solvers = solvers});
        for (const auto& e : o.result.extensions) o.extensions.push_back(ids_of(c, e));
        std::sort(o.extensions.begin(), o.extensions.end());
        if (decision) o.statement = *opts->statement;
        if (opts->output.format == "json")
            emit(opts->output, render_json(c, o));
        else
            emit(opts->output, render_text(c, o, opts->output.format == "markdown"));
    });
}

}  // namespace narrative::cli
