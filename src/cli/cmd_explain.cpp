// SPDX-License-Identifier: MIT
// `narrative explain`: why an actor has its consistency and credibility scores, or why a
// statement's claim is believed as it is: the statements and relations that moved it most.

#include "actor_report.hpp"
#include "commands.hpp"

#include <narrative/detail/closest_id.hpp>
#include <narrative/explain/statement_explanation.hpp>
#include <narrative/gradual/contributions.hpp>
#include <narrative/gradual/registry.hpp>
#include <narrative/report/actors.hpp>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

namespace narrative::cli {
namespace {

std::string suggest(const std::vector<std::string>& ids, const std::string& wanted) {
    // The same suggestion as the case-file reader gives for a dangling id.
    const auto best = detail::closest_id(wanted, ids);
    return best ? "; did you mean \"" + *best + "\"?" : std::string{};
}

}  // namespace

void register_explain(CLI::App& app) {
    auto output = std::make_shared<output_options>();
    auto options = std::make_shared<actor_report_options>();
    auto path = std::make_shared<std::string>();
    auto actor_id = std::make_shared<std::string>();
    auto statement_id = std::make_shared<std::string>();
    auto proposition_id = std::make_shared<std::string>();
    auto semantics_name = std::make_shared<std::string>("df-quad");
    auto contribution_name = std::make_shared<std::string>("removal");
    CLI::App* cmd = app.add_subcommand("explain", "Why an actor, a statement or a proposition scores as it does");
    cmd->add_option("CASE", *path, "Case file (- for standard input)")->required();
    auto* a = cmd->add_option("--actor", *actor_id, "Explain this actor's consistency and credibility");
    auto* s = cmd->add_option("--statement", *statement_id,
                              "Explain this statement's strength (with the contribution of every statement that "
                              "reaches it) and the belief in its claim");
    auto* pr = cmd->add_option("--proposition", *proposition_id,
                               "Explain this proposition's verdict: the statements that decided it, with their weights");
    a->excludes(s);
    a->excludes(pr);
    s->excludes(a);
    s->excludes(pr);
    pr->excludes(a);
    pr->excludes(s);
    auto* sem = cmd->add_option("--semantics", *semantics_name,
                                "With --statement: the gradual semantics of the strength (see `narrative semantics`)")
                    ->capture_default_str();
    auto* ctrb = cmd->add_option("--contribution", *contribution_name,
                                 "With --statement: removal (strength minus strength without the contributor) or "
                                 "gradient (its derivative in the contributor's base score)")
                     ->capture_default_str();
    add_actor_report_options(cmd, *options);
    add_output_options(cmd, *output);
    cmd->callback([=] {
        if (actor_id->empty() && statement_id->empty() && proposition_id->empty())
            throw usage_error("explain: give --actor ID, --statement ID or --proposition ID");
        if (statement_id->empty() && (sem->count() > 0 || ctrb->count() > 0))
            throw usage_error("explain: --semantics and --contribution go with --statement");
        const any_gradual_semantics& semantics = find_gradual_semantics(*semantics_name);
        const contribution_function function = parse_contribution_function(*contribution_name);
        case_model& c = keep_until_exit(load_case_argument(*path));
        if (!proposition_id->empty()) {
            const auto rep = run_actor_report(c, *options, 0);
            const auto it = std::find_if(rep.propositions.begin(), rep.propositions.end(),
                                         [&](const auto& p) { return p.id == *proposition_id; });
            if (it == rep.propositions.end()) {
                std::vector<std::string> ids{};
                for (const auto& p : rep.propositions) ids.push_back(p.id);
                throw usage_error("explain: no statement with an actor makes a claim about proposition \"" +
                                  *proposition_id + "\"" + suggest(ids, *proposition_id));
            }
            emit(*output, output->format == "json" ? report::proposition_explanation_json(c, rep, *it)
                                                   : report::proposition_explanation_text(c, rep, *it));
            return;
        }
        if (!actor_id->empty()) {
            const auto index = c.find_actor(*actor_id);
            if (!index) {
                std::vector<std::string> ids{};
                for (const auto& x : c.actors()) ids.push_back(x.id);
                throw usage_error("explain: unknown actor \"" + *actor_id + "\"" + suggest(ids, *actor_id));
            }
            const auto rep = run_actor_report(c, *options, 0);
            const auto& ac = rep.actors[*index];
            emit(*output, output->format == "json" ? report::actor_explanation_json(c, rep, ac)
                                                   : report::actor_explanation_text(c, rep, ac));
            return;
        }
        const auto v = c.find_statement(*statement_id);
        if (!v) {
            std::vector<std::string> ids{};
            for (std::uint32_t i = 0; i < c.statement_count(); ++i) ids.push_back(c.statement_at(i).id);
            throw usage_error("explain: unknown statement \"" + *statement_id + "\"" + suggest(ids, *statement_id));
        }
        const auto rep = run_actor_report(c, *options, 0);
        const compiled_graph graph = compiled_graph::compile(c);
        const explain::statement_explanation why = explain::explain_statement(c, rep, graph, semantics, *v, function);
        emit(*output, output->format == "json" ? report::statement_explanation_json(c, rep, why)
                                               : report::statement_explanation_text(c, why));
    });
}

}  // namespace narrative::cli
