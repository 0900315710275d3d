// SPDX-License-Identifier: MIT
// `narrative explain`: why an actor has its consistency and credibility scores, or why a
// statement's claim is believed as it is: the statements and relations that moved it most.

#include "actor_report.hpp"
#include "commands.hpp"

#include <narrative/gradual/contributions.hpp>
#include <narrative/gradual/registry.hpp>

#include <narrative/detail/closest_id.hpp>

#include <algorithm>
#include <memory>
#include <sstream>

namespace narrative::cli {
namespace {

std::string fixed3(double x) {
    char buf[32];
    std::snprintf(buf, sizeof buf, "%.3f", x);
    return buf;
}

std::string suggest(const std::vector<std::string>& ids, const std::string& wanted) {
    // The same suggestion as the case-file reader gives for a dangling id.
    const auto best = detail::closest_id(wanted, ids);
    return best ? "; did you mean \"" + *best + "\"?" : std::string{};
}

// The text and source of a cited statement, indented under its line.
void cited(std::ostringstream& out, const case_model& c, statement_index v, const char* indent) {
    const statement& s = c.statement_at(v);
    if (s.text) out << indent << "\"" << *s.text << "\"\n";
    if (s.source) out << indent << "source: " << *s.source << '\n';
}

std::string explain_proposition_text(const case_model& c, const consistency_report& rep, const proposition_belief& p) {
    std::ostringstream out;
    out << "proposition " << p.id;
    if (const auto index = c.find_proposition(p.id); index && c.propositions()[*index].text)
        out << ": " << *c.propositions()[*index].text;
    out << "\nbeliefs (" << rep.credibility.algorithm << "):";
    for (const auto& v : p.values) out << ' ' << v.value << ' ' << fixed3(v.belief);
    out << "\nverdict: " << (p.verdict ? *p.verdict : std::string("none (a tie or no evidence)")) << "\n\n";
    if (p.evidence.empty()) {
        out << "the statements behind it (" << rep.credibility.algorithm << " does not weigh single statements):\n";
        for (const auto& ob : rep.problem.observations) {
            if (ob.statement == no_statement || rep.problem.object_ids[rep.problem.claim_object[ob.claim]] != p.id) continue;
            out << "  " << detail::statement_label(c, ob.statement) << " by " << rep.problem.actor_ids[ob.actor] << ": "
                << detail::claim_label(c.statement_at(ob.statement)) << '\n';
            cited(out, c, ob.statement, "      ");
        }
        return out.str();
    }
    out << "log-odds each statement adds to the value it speaks for: dependence x (actor accuracy term + evidence + "
           "interest); P(value) = exp(sum) / sum over values\n";
    for (const auto& e : p.evidence) {
        out << "  " << e.detail << '\n';
        cited(out, c, e.statement, "      ");
    }
    return out.str();
}

std::string explain_actor_text(const case_model& c, const consistency_report& rep, const actor_consistency& a) {
    std::ostringstream out;
    const actor& who = c.actor_at(a.actor);
    out << who.display_name() << " (" << who.id << "): " << a.statements << " statements, " << a.positions
        << " distinct positions; credibility algorithm " << rep.credibility.algorithm << "\n\n";
    auto section = [&](const char* title, const actor_score& s, const std::vector<explanation_item>& items,
                       const char* how) {
        out << title << ": " << (s.value ? fixed3(*s.value) : "undefined (" + s.reason + ")") << '\n';
        if (s.value) out << "  " << how << '\n';
        for (const auto& it : items) {
            out << "  " << (it.effect >= 0 ? "+" : "") << fixed3(it.effect) << "  " << it.detail << '\n';
            cited(out, c, it.statement, "         ");
            for (const auto index : it.relations) {
                const relation_handle e = c.relations()[index];
                const relation& r = c.relation_at(e);
                out << "         relation " << c.statement_at(c.source(e)).id << " " << to_string(r.type) << " "
                    << c.statement_at(c.target(e)).id << " (" << to_string(r.provenance)
                    << (r.rule.empty() ? "" : " by " + r.rule) << ")" << (r.note ? ": " + *r.note : std::string{}) << '\n';
            }
        }
        if (s.value && items.empty()) out << "  nothing moved it from its neutral value\n";
        out << '\n';
    };
    section("self-consistency", a.self_consistency, a.self_explanation,
            "1 minus the mean over positions of the heaviest own tension (position shifts count half):");
    section("external consistency", a.external_consistency, a.external_explanation,
            "mean agreement of each position with the belief in its claim and in the statements related to it:");
    section("credibility", a.credibility, a.credibility_explanation,
            "learned with the beliefs; the actor's claims and how far the evidence believes them:");
    return out.str();
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
        case_model c = load_case_argument(*path);
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
            if (output->format == "json") {
                nlohmann::ordered_json doc = {{"format", "narrative-explain/1"}, {"credibility", json_run(rep.credibility)},
                                              {"proposition", json_proposition(c, *it)}};
                emit(*output, doc.dump(2) + "\n");
            } else {
                emit(*output, explain_proposition_text(c, rep, *it));
            }
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
            if (output->format == "json") {
                nlohmann::ordered_json doc = {{"format", "narrative-explain/1"}, {"credibility", json_run(rep.credibility)},
                                              {"actor", json_actor(c, ac)}};
                emit(*output, doc.dump(2) + "\n");
            } else {
                emit(*output, explain_actor_text(c, rep, ac));
            }
            return;
        }
        const auto v = c.find_statement(*statement_id);
        if (!v) {
            std::vector<std::string> ids{};
            for (std::uint32_t i = 0; i < c.statement_count(); ++i) ids.push_back(c.statement_at(i).id);
            throw usage_error("explain: unknown statement \"" + *statement_id + "\"" + suggest(ids, *statement_id));
        }
        const auto rep = run_actor_report(c, *options, 0);
        const truth_problem& p = rep.problem;
        const statement& st = c.statement_at(*v);
        // The claim's object and its competing values with their beliefs and who stands where.
        std::optional<std::uint32_t> object{};
        for (const auto& ob : p.observations)
            if (ob.statement == *v) object = p.claim_object[ob.claim];
        std::ostringstream out;
        nlohmann::ordered_json doc = {{"format", "narrative-explain/1"}, {"credibility", json_run(rep.credibility)}};
        nlohmann::ordered_json js = {{"id", st.id}, {"actor", st.actor ? nlohmann::ordered_json(*st.actor) : nlohmann::ordered_json(nullptr)}};
        out << st.id << (st.actor ? " by " + *st.actor : std::string(" (anonymous)"))
            << (st.time ? ", " + st.time->text() : std::string{}) << '\n';
        if (st.text) out << "  \"" << *st.text << "\"\n";
        out << "  claim: " << detail::claim_label(st) << "\n\n";
        js["claim"] = detail::claim_label(st);
        // Two numbers belong to a statement: its strength (narrative score) and the belief in
        // its claim (truth discovery). The strength first, with what moved it.
        const compiled_graph graph = compiled_graph::compile(c);
        const contribution_report why = contributions(graph, semantics, static_cast<std::uint32_t>(*v),
                                                      {.function = function});
        const auto link = [&](std::uint32_t u) -> std::string {
            for (std::uint32_t q = graph.in_offsets[*v]; q < graph.in_offsets[*v + 1]; ++q)
                if (graph.in_source[q] == u) return q < graph.in_split[*v] ? "contradicts it" : "supports it";
            return "through other statements";
        };
        out << "strength under " << semantics.name() << ": " << fixed3(why.strength) << " (base "
            << fixed3(graph.base[*v]) << "; the number `narrative score --semantics " << semantics.name()
            << "` gives)\n";
        for (const auto& w : why.warnings) out << "  warning: " << w << '\n';
        constexpr std::size_t shown = 10;
        if (why.contributions.empty()) {
            out << "  no statement bears on it: the strength is its base score\n\n";
        } else {
            out << "  contributions (" << to_string(function)
                << (function == contribution_function::removal ? ": strength minus strength without the statement"
                                                               : ": change of strength per unit of the statement's base score")
                << "), largest first:\n";
            for (std::size_t i = 0; i < why.contributions.size() && i < shown; ++i) {
                const auto& k = why.contributions[i];
                std::string shown_value = fixed3(k.value);
                if (shown_value == "-0.000" || shown_value == "0.000") shown_value = " 0.000";
                if (shown_value != " 0.000" && k.value > 0) shown_value = "+" + shown_value;
                out << "  " << shown_value << "  " << c.statement_at(k.contributor).id
                    << " (" << link(k.contributor) << ")\n";
            }
            if (why.contributions.size() > shown)
                out << "  ... and " << why.contributions.size() - shown << " more (--format json lists them all)\n";
            out << '\n';
        }
        auto listed = nlohmann::ordered_json::array();
        for (const auto& k : why.contributions)
            listed.push_back({{"statement", c.statement_at(k.contributor).id}, {"value", json_number(k.value)},
                              {"link", link(k.contributor)}});
        js["strength"] = {{"semantics", semantics.name()},     {"value", json_number(why.strength)},
                          {"base", json_number(graph.base[*v])}, {"converged", why.converged},
                          {"contribution", std::string(to_string(function))}, {"contributions", std::move(listed)}};
        if (object) {
            out << "belief in " << p.object_ids[*object] << " (" << rep.credibility.algorithm << "):\n";
            auto values = nlohmann::ordered_json::array();
            for (std::uint32_t k = p.object_offsets[*object]; k < p.object_offsets[*object + 1]; ++k) {
                out << "  " << p.claim_values[k] << ": " << fixed3(rep.credibility.belief[k]) << '\n';
                auto who = nlohmann::ordered_json::array();
                for (const auto& ob : p.observations) {
                    if (p.claim_object[ob.claim] != *object) continue;
                    // Which value this observation stands for.
                    std::uint32_t target = ob.claim;
                    if (ob.stance == stance::denies && p.object_yes_no[*object]) target = p.object_offsets[*object] + 1;
                    if (target != k) continue;
                    const std::string sid = ob.statement != no_statement ? c.statement_at(ob.statement).id : std::string("?");
                    const double cred = rep.credibility.credibility[ob.actor];
                    out << "    " << to_string(ob.stance) << " by " << p.actor_ids[ob.actor] << " (" << sid
                        << ", credibility " << (std::isfinite(cred) ? fixed3(cred) : std::string("undefined")) << ")\n";
                    who.push_back({{"statement", sid}, {"actor", p.actor_ids[ob.actor]},
                                   {"stance", std::string(to_string(ob.stance))}, {"credibility", json_number(cred)}});
                }
                values.push_back({{"value", p.claim_values[k]}, {"belief", json_number(rep.credibility.belief[k])},
                                  {"statements", std::move(who)}});
            }
            js["values"] = std::move(values);
        } else {
            out << "no claim with an actor: not part of truth discovery\n";
        }
        out << "\nrelations:\n";
        auto rels = nlohmann::ordered_json::array();
        auto show = [&](statement_index other, const relation& r, bool incoming) {
            const std::string dir = incoming ? (r.type == relation_type::supports ? "supported by " : "contradicted by ")
                                             : (r.type == relation_type::supports ? "supports " : "contradicts ");
            out << "  " << dir << c.statement_at(other).id << " (weight " << fixed3(r.effective_weight()) << ", "
                << to_string(r.provenance) << (r.rule.empty() ? "" : " by " + r.rule) << ")\n";
            rels.push_back({{"relation", r.index}, {"direction", incoming ? "in" : "out"}, {"type", std::string(to_string(r.type))},
                            {"other", c.statement_at(other).id}, {"weight", r.effective_weight()},
                            {"provenance", std::string(to_string(r.provenance))}});
        };
        for (auto [e, end] = boost::in_edges(*v, c.graph()); e != end; ++e) show(boost::source(*e, c.graph()), c.graph()[*e], true);
        for (auto [e, end] = boost::out_edges(*v, c.graph()); e != end; ++e) show(boost::target(*e, c.graph()), c.graph()[*e], false);
        if (rels.empty()) out << "  none\n";
        js["relations"] = std::move(rels);
        doc["statement"] = std::move(js);
        emit(*output, output->format == "json" ? doc.dump(2) + "\n" : out.str());
    });
}

}  // namespace narrative::cli
