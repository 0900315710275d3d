// SPDX-License-Identifier: MIT
#pragma once
// The contradictions report (signed/contradictions.hpp) rendered: as JSON, format
// `narrative-contradictions/1` (the CLI contract), and as a text table or Markdown. Kept out of
// the analysis header, which holds data only.

#include <narrative/signed/contradictions.hpp>
#include <narrative/report/json_stream.hpp>
#include <narrative/report/run_info.hpp>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cstddef>
#include <cstdio>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace narrative {

namespace detail {

[[nodiscard]] inline std::string fixed(double x, int digits = 2) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%.*f", digits, x);
    return buf;
}

[[nodiscard]] inline std::string path_text(const case_model& c, const signed_graph& g,
                                           const std::vector<std::uint32_t>& statements,
                                           const std::vector<std::uint32_t>& edges) {
    std::string out = c.statement_at(statements.front()).id;
    for (std::size_t i = 0; i < edges.size(); ++i) {
        out += g.edges[edges[i]].is_negative() ? " [-] " : " [+] ";
        out += c.statement_at(statements[i + 1]).id;
    }
    return out;
}

[[nodiscard]] inline std::string actor_name(const case_model& c, statement_index v) {
    const auto a = c.statement_at(v).actor_index;
    return a == no_actor ? std::string("anonymous") : c.actor_at(a).id;
}

}  // namespace detail

/// The report as JSON, format `narrative-contradictions/1` (the CLI contract): `direct`,
/// `derived`, `camps`, `frustration`, `self_contradictions`, plus `balanced`, `odd_cycle`,
/// `compound_candidates` and `contradicted`. Ids are the case's. The text of the document, with
/// its final line feed, written element by element (json_stream): it never exists as one JSON value.
[[nodiscard]] inline std::string contradictions_json_text(const case_model& c, const contradictions_report& r) {
    using json = nlohmann::ordered_json;
    const auto id = [&](statement_index v) { return c.statement_at(v).id; };
    const auto relation_json = [&](std::uint32_t edge) {
        const auto& e = r.graph.edges[edge];
        const relation& rel = c.relation_at(e.relation);
        json j = {{"from", id(e.u)}, {"to", id(e.v)}, {"type", std::string(to_string(rel.type))},
                  {"weight", e.weight}, {"provenance", std::string(to_string(rel.provenance))}};
        if (!rel.rule.empty()) j["rule"] = rel.rule;
        return j;
    };
    const auto ids = [&](const auto& vs) {
        json a = json::array();
        for (const auto v : vs) a.push_back(id(v));
        return a;
    };
    std::string text;
    report::json_stream doc(text);
    doc.member("format", "narrative-contradictions/1");
    doc.array_member("direct", [&](auto&& push) {
        for (const auto& d : r.direct) {
            json j = relation_json(d.edge);
            j["first"] = id(d.first);
            j["second"] = id(d.second);
            push(j);
        }
    });
    doc.member("max_path_length", r.tensions.max_length);
    doc.member("derived_total", r.derived_total);
    doc.member("derived_complete", r.derived_search.complete);
    doc.array_member("derived", [&](auto&& push) {
        for (const auto& t : r.derived) {
            json rels = json::array();
            for (const auto e : t.path.edges) rels.push_back(relation_json(e));
            push({{"first", id(t.first)}, {"second", id(t.second)},
                  {"strength", t.path.strength}, {"ambivalent", t.ambivalent},
                  {"path", ids(t.path.statements)}, {"relations", rels}});
        }
    });
    doc.member("balanced", r.balance.balanced);
    doc.member("odd_cycle", ids(r.balance.odd_cycle_statements));
    doc.array_member("camps", [&](auto&& push) {
        for (const auto& split : r.camps)
            for (const camp* cp : {&split.first, &split.second}) {
                if (cp->statements.empty()) continue;
                json actors = json::array();
                for (const auto a : cp->actors) actors.push_back(c.actor_at(a).id);
                push({{"component", split.component}, {"balanced", split.balanced},
                      {"statements", ids(cp->statements)}, {"actors", actors}});
            }
    });
    const auto& f = r.frustration;
    json fr = {{"value", f.exact ? json(f.upper_bound) : json(nullptr)}, {"exact", f.exact},
               {"lower_bound", f.lower_bound}, {"upper_bound", f.upper_bound},
               {"gap", f.gap()}, {"normalised", f.normalised(r.graph.edge_count())}};
    fr["frustrated_relations"] = json::array();
    for (const auto e : f.frustrated_edges) fr["frustrated_relations"].push_back(relation_json(e));
    fr["components"] = json::array();
    for (const auto& k : f.components)
        fr["components"].push_back({{"component", k.component}, {"statements", k.statements},
                                    {"core", k.core}, {"relations", k.relations},
                                    {"lower_bound", k.lower_bound}, {"upper_bound", k.upper_bound},
                                    {"exact", k.exact},
                                    {"lower_method", std::string(to_string(k.lower_method))},
                                    {"upper_method", std::string(to_string(k.upper_method))},
                                    {"lambda_min", k.lower_method == bound_method::branch_and_bound
                                                       ? json(nullptr)
                                                       : json(k.lambda_min)},
                                    {"lambda_certified", k.lambda_certified}});
    doc.member("frustration", fr);
    doc.array_member("compound_candidates", [&](auto&& push) {
        for (const auto& k : r.compound) {
            json s0 = json::array(), s1 = json::array();
            for (const auto e : k.supports_side0) s0.push_back(id(r.graph.edges[e].other(k.statement)));
            for (const auto e : k.supports_side1) s1.push_back(id(r.graph.edges[e].other(k.statement)));
            push({{"statement", id(k.statement)}, {"frustrated_cycles", k.frustrated_cycles},
                  {"tornness", k.tornness}, {"flagged", k.flagged},
                  {"supports_in_camps", json::array({s0, s1})}});
        }
    });
    doc.member("self_contradictions_complete", r.self_contradictions_complete);
    doc.array_member("self_contradictions", [&](auto&& push) {
        for (std::size_t i = 0; i < r.self_contradictions.size();) {
            const std::uint32_t a = r.self_contradictions[i].actor;
            json pairs = json::array();
            for (; i < r.self_contradictions.size() && r.self_contradictions[i].actor == a; ++i) {
                const auto& s = r.self_contradictions[i];
                json rels = json::array();
                for (std::size_t k = 0; k < s.relations.size(); ++k) {
                    const relation& rel = c.relation_at(s.relations[k]);
                    rels.push_back({{"from", id(c.source(c.relations()[s.relations[k]]))},
                                    {"to", id(c.target(c.relations()[s.relations[k]]))},
                                    {"type", std::string(to_string(rel.type))},
                                    {"weight", rel.effective_weight()},
                                    {"provenance", std::string(to_string(rel.provenance))}});
                }
                pairs.push_back({{"first", id(s.earlier)}, {"second", id(s.later)},
                                 {"kind", std::string(to_string(s.kind))},
                                 {"origin", std::string(to_string(s.origin))},
                                 {"strength", s.strength}, {"times_known", s.times_known},
                                 {"path", ids(s.path)}, {"relations", rels}});
            }
            push({{"actor", c.actor_at(a).id}, {"pairs", pairs}});
        }
    });
    doc.array_member("contradicted", [&](auto&& push) {
        for (const auto& k : r.contradicted)
            push({{"statement", id(k.statement)},
                  {"actor", detail::actor_name(c, k.statement)},
                  {"directions", k.directions},
                  {"contradicted_by", ids(k.contradictors)}});
    });
    doc.member("run", report::run_info_json(r.run));
    doc.finish();
    text += '\n';
    return text;
}

/// The report as one JSON value (for programs that read it; the command line writes the text of
/// contradictions_json_text, element by element, instead of building this).
[[nodiscard]] inline nlohmann::ordered_json contradictions_to_json(const case_model& c,
                                                                   const contradictions_report& r) {
    return nlohmann::ordered_json::parse(contradictions_json_text(c, r));
}


/// How format_contradictions lays the report out.
enum class contradictions_style { table, markdown };

/// How much format_contradictions shows: everything, or a summary without the tables of direct
/// contradictions and derived tensions (their counts stay in the header line).
enum class contradictions_detail { full, summary };

/// The report as readable text: the most contradicted statements and where the contradictions
/// come from, direct contradictions, derived tensions with their paths, camps, frustration with
/// its bounds and frustrated relations, possibly compound statements, and self-contradictions
/// per actor. Paths read `a [+] b [-] c` (supports, contradicts; direction ignored).
[[nodiscard]] inline std::string format_contradictions(
    const case_model& c, const contradictions_report& r,
    contradictions_style style = contradictions_style::table,
    contradictions_detail detail = contradictions_detail::full) {
    const bool md = style == contradictions_style::markdown;
    const bool full = detail == contradictions_detail::full;
    std::ostringstream out;
    const auto id = [&](statement_index v) { return c.statement_at(v).id; };
    const auto heading = [&](const std::string& h) {
        out << '\n' << (md ? "## " + h : h + "\n" + std::string(h.size(), '-')) << "\n\n";
    };
    // Tables: markdown pipes, or columns padded to their widest cell.
    const auto table = [&](const std::vector<std::string>& head,
                           const std::vector<std::vector<std::string>>& rows) {
        if (md) {
            out << '|';
            for (const auto& h : head) out << ' ' << h << " |";
            out << "\n|";
            for (std::size_t i = 0; i < head.size(); ++i) out << " --- |";
            out << '\n';
            for (const auto& row : rows) {
                out << '|';
                for (const auto& cell : row) out << ' ' << cell << " |";
                out << '\n';
            }
            return;
        }
        std::vector<std::size_t> width(head.size(), 0);
        for (std::size_t i = 0; i < head.size(); ++i) width[i] = head[i].size();
        for (const auto& row : rows)
            for (std::size_t i = 0; i + 1 < row.size(); ++i) width[i] = std::max(width[i], row[i].size());
        const auto line = [&](const std::vector<std::string>& row) {
            out << "  ";
            for (std::size_t i = 0; i < row.size(); ++i) {
                out << row[i];
                if (i + 1 < row.size()) out << std::string(width[i] - row[i].size() + 2, ' ');
            }
            out << '\n';
        };
        line(head);
        for (const auto& row : rows) line(row);
    };

    out << (md ? "# " : "") << "Contradictions"
        << (c.info().title ? ": " + *c.info().title : std::string()) << '\n';
    std::size_t inferred = 0;
    for (const auto e : r.graph.edges) inferred += c.relation_at(e.relation).provenance == provenance::inferred ? 1 : 0;
    out << (md ? "\n" : "") << c.statement_count() << " statements, " << r.graph.edge_count()
        << " relations (" << inferred << " inferred from claims), " << r.direct.size()
        << " direct contradictions, " << r.derived_total << " derived tensions (paths of at most "
        << r.tensions.max_length << " relations"
        << (r.derived.size() < r.derived_total ? "; the " + std::to_string(r.derived.size()) + " strongest listed" : "")
        << ")\n";
    if (!r.derived_search.complete)
        out << (md ? "\n" : "") << "Derived tensions: the search reached its work limit after the first "
            << r.derived_search.sources_searched << " of " << c.statement_count()
            << " statements; the count is a lower bound\n";

    heading("Most contradicted statements");
    {
        std::vector<std::vector<std::string>> rows{};
        for (const auto& k : r.contradicted) {
            std::string dirs{}, by{};
            for (const auto& d : k.directions) dirs += (dirs.empty() ? "" : ", ") + d;
            for (const auto v : k.contradictors) by += (by.empty() ? "" : ", ") + id(v);
            rows.push_back({id(k.statement), detail::actor_name(c, k.statement),
                            std::to_string(k.directions.size()) + " (" + dirs + ")", by});
        }
        if (rows.empty()) out << "  none\n";
        else table({"statement", "actor", "directions", "contradicted by"}, rows);
    }

    if (full) {
        heading("Direct contradictions");
        std::vector<std::vector<std::string>> rows{};
        for (const auto& d : r.direct) {
            const auto& e = r.graph.edges[d.edge];
            const relation& rel = c.relation_at(e.relation);
            std::string how = std::string(to_string(rel.provenance));
            if (!rel.rule.empty()) how += " (" + rel.rule + ")";
            rows.push_back({id(e.u), rel.is_directed() ? "->" : "<->", id(e.v), detail::fixed(d.weight), how});
        }
        if (rows.empty()) out << "  none\n";
        else table({"from", "", "to", "weight", "provenance"}, rows);
    }

    if (full) {
        heading("Derived tensions");
        std::vector<std::vector<std::string>> rows{};
        for (const auto& t : r.derived)
            rows.push_back({id(t.first), id(t.second), detail::fixed(t.path.strength),
                            detail::path_text(c, r.graph, t.path.statements, t.path.edges) +
                                (t.ambivalent ? "  (also joined by agreement)" : "")});
        if (rows.empty()) out << "  none\n";
        else table({"first", "second", "strength", "path"}, rows);
    }

    heading("Camps (competing narratives)");
    {
        std::size_t shown = 0;
        for (const auto& split : r.camps) {
            ++shown;
            out << (md ? "- " : "  ") << "component " << split.component << " ("
                << split.first.statements.size() + split.second.statements.size() << " statements, "
                << (split.balanced ? "balanced" : "not balanced") << ")\n";
            char name = 'A';
            for (const camp* cp : {&split.first, &split.second}) {
                if (cp->statements.empty()) continue;
                std::string actors{}, members{};
                for (const auto a : cp->actors) actors += (actors.empty() ? "" : ", ") + c.actor_at(a).id;
                for (const auto v : cp->statements) members += (members.empty() ? "" : ", ") + id(v);
                out << (md ? "  - camp " : "    camp ") << name++ << ": actors " << (actors.empty() ? "none" : actors)
                    << "\n" << (md ? "    " : "      ") << "statements " << members << '\n';
            }
        }
        if (shown == 0) out << "  none\n";
    }

    heading("Frustration");
    {
        const auto& f = r.frustration;
        out << (md ? "- " : "  ") << "frustration index L = "
            << (f.exact ? detail::fixed(f.upper_bound, 4) + " (exact)"
                        : "in [" + detail::fixed(f.lower_bound, 4) + ", " + detail::fixed(f.upper_bound, 4) +
                              "], gap " + detail::fixed(f.gap(), 4))
            << "; normalised 1 - 2L/m = " << detail::fixed(f.normalised(r.graph.edge_count()), 4) << '\n';
        out << (md ? "- " : "  ") << "structurally balanced: " << (r.balance.balanced ? "yes" : "no");
        if (!r.balance.balanced && !r.balance.odd_cycle_statements.empty()) {
            std::string cyc{};
            for (const auto v : r.balance.odd_cycle_statements) cyc += (cyc.empty() ? "" : " - ") + id(v);
            out << " (unbalanced cycle: " << cyc << ")";
        }
        out << '\n';
        for (const auto& k : f.components)
            out << (md ? "- " : "  ") << "component " << k.component << ": " << k.statements
                << " statements, L " << (k.exact ? "= " + detail::fixed(k.upper_bound, 4)
                                                  : "in [" + detail::fixed(k.lower_bound, 4) + ", " +
                                                        detail::fixed(k.upper_bound, 4) + "]")
                << " (lower: " << to_string(k.lower_method) << ", upper: " << to_string(k.upper_method)
                << ")\n";
        out << '\n' << (md ? "" : "  ") << "Frustrated relations (removing them splits every component cleanly):\n";
        std::vector<std::vector<std::string>> rows{};
        for (const auto e : f.frustrated_edges) {
            const auto& edge = r.graph.edges[e];
            const relation& rel = c.relation_at(edge.relation);
            rows.push_back({id(edge.u), std::string(to_string(rel.type)), id(edge.v),
                            detail::fixed(edge.weight), std::string(to_string(rel.provenance))});
        }
        if (md) out << '\n';
        if (rows.empty()) out << "  none\n";
        else table({"from", "type", "to", "weight", "provenance"}, rows);
    }

    heading("Possibly compound statements");
    {
        std::size_t shown = 0;
        for (const auto& k : r.compound) {
            if (!k.flagged) continue;
            ++shown;
            std::string a{}, b{};
            for (const auto e : k.supports_side0) a += (a.empty() ? "" : ", ") + id(r.graph.edges[e].other(k.statement));
            for (const auto e : k.supports_side1) b += (b.empty() ? "" : ", ") + id(r.graph.edges[e].other(k.statement));
            out << (md ? "- " : "  ") << id(k.statement) << ": on " << k.frustrated_cycles
                << " frustrated cycle(s), tornness " << detail::fixed(k.tornness)
                << "; consider splitting it into the part supporting " << a << " and the part supporting "
                << b << '\n';
        }
        if (shown == 0) out << "  none\n";
    }

    heading("Self-contradictions and position shifts");
    if (!r.self_contradictions_complete)
        out << (md ? "" : "  ") << "Derived ones: the search reached its work limit after the first "
            << r.derived_search.sources_searched << " of " << c.statement_count()
            << " statements (direct ones are all listed).\n\n";
    {
        std::vector<std::vector<std::string>> rows{};
        for (const auto& s : r.self_contradictions) {
            std::string p = id(s.path.front());
            for (std::size_t i = 0; i < s.relations.size(); ++i) {
                p += c.relation_at(s.relations[i]).type == relation_type::contradicts ? " [-] " : " [+] ";
                p += id(s.path[i + 1]);
            }
            rows.push_back({c.actor_at(s.actor).id, id(s.earlier), id(s.later),
                            std::string(to_string(s.kind)), std::string(to_string(s.origin)),
                            detail::fixed(s.strength), p});
        }
        if (rows.empty()) out << "  none\n";
        else table({"actor", "first", "second", "kind", "origin", "strength", "path"}, rows);
    }
    return out.str();
}

}  // namespace narrative
