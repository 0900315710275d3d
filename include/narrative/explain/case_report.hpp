// SPDX-License-Identifier: MIT
#pragma once
// The report of a whole case as a document: what contradicts what and from how many
// directions, the camps and their frustration, each statement's strength and what moved it,
// each actor's consistency and credibility with the items behind them, the verdicts on the
// propositions with the statements that decided them, each actor's statements in time order
// with position shifts and self-contradictions, and every statement with its source.
//
// Input is the results of the analyses (case_analysis), run by the caller; this header only
// turns them into a document (explain/document.hpp). Writers are in report/.

#include <narrative/actors/consistency.hpp>
#include <narrative/explain/document.hpp>
#include <narrative/explain/graph_view.hpp>
#include <narrative/explain/references.hpp>
#include <narrative/explain/timeline_report.hpp>
#include <narrative/gradual/contributions.hpp>
#include <narrative/gradual/engine.hpp>
#include <narrative/model/case_model.hpp>
#include <narrative/signed/contradictions.hpp>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <limits>
#include <map>
#include <optional>
#include <stdexcept>
#include <string>
#include <tuple>
#include <utility>
#include <vector>

namespace narrative::explain {

/// The results a case report is built from. `c` must be the case the analyses ran on (with
/// any inferred relations already added).
struct case_analysis {
    contradictions_report contradictions{};
    consistency_report actors{};
    score_result strengths{};  ///< indexed like the statements (compiled_graph order = case order)
    /// Contributions to the strength of some statements, any order: at most
    /// `contribution_topics_limit` of them, chosen by the caller (the CLI takes those receiving
    /// the most relations).
    std::vector<contribution_report> contributions{};
    std::size_t contribution_topics_limit = 0;
    /// Statements left out of the contributions because too many statements reach them.
    std::size_t contributions_left_out = 0;
    /// The analyses replayed at each date (timeline/replay.hpp); unset: no timeline section.
    std::optional<timeline_result> timeline{};
    /// Why there is no timeline when it was left out (e.g. too many dates); shown in the report.
    std::string timeline_note{};
};

struct case_report_options {
    /// Statements drawn one by one in the graph; a larger case is drawn condensed: one node
    /// per camp of each component (the largest components first), edges counting relations.
    std::size_t graph_limit = 300;
    /// Components drawn in a condensed graph; the rest are summed into one node.
    std::size_t condensed_components = 40;
    /// Rows of the derived-tension table (the report counts them all).
    std::size_t derived_rows = 50;
    /// Contributions listed per statement in the strength table.
    std::size_t contributions_shown = 3;
};

namespace detail {

[[nodiscard]] inline std::string score_text(const actor_score& s) {
    return s.value ? number(*s.value) : std::string("-");
}

[[nodiscard]] inline std::string claim_text(const statement& s) {
    if (!s.claim) return {};
    return narrative::detail::claim_label(s);
}

/// Statements in time order (undated last, then case order).
[[nodiscard]] inline bool earlier(const case_model& c, statement_index a, statement_index b) {
    const auto& ta = c.statement_at(a).time;
    const auto& tb = c.statement_at(b).time;
    if (ta && tb) {
        if (ta->start() != tb->start()) return ta->start() < tb->start();
        return a < b;
    }
    if (ta.has_value() != tb.has_value()) return ta.has_value();
    return a < b;
}

/// Camp (0 or 1) of each statement in a component of at least two statements; none otherwise.
[[nodiscard]] inline std::vector<std::optional<std::uint8_t>> camps_of(const case_model& c,
                                                                       const contradictions_report& r) {
    std::vector<std::optional<std::uint8_t>> camp(c.statement_count());
    for (const auto& split : r.camps) {
        for (auto v : split.first.statements) camp[v] = 0;
        for (auto v : split.second.statements) camp[v] = 1;
    }
    return camp;
}

[[nodiscard]] inline std::string camp_letter(std::uint8_t side) { return side == 0 ? "A" : "B"; }

inline graph_view full_graph(const case_model& c, const case_analysis& a) {
    const auto& r = a.contradictions;
    graph_view g{};
    const auto camp = camps_of(c, r);
    // Clusters: one per component of two or more statements, by component number; the lone
    // statements share one unboxed cluster.
    std::map<std::uint32_t, std::uint32_t> cluster_of{};
    std::vector<std::uint32_t> size(r.frustration.component_count, 0);
    for (std::uint32_t v = 0; v < c.statement_count(); ++v)
        if (v < r.frustration.component.size()) ++size[r.frustration.component[v]];
    g.clusters.push_back({});  // cluster 0: statements without relations
    for (std::uint32_t k = 0; k < r.frustration.component_count; ++k) {
        if (size[k] < 2) continue;
        cluster_of[k] = static_cast<std::uint32_t>(g.clusters.size());
        g.clusters.push_back({"component " + std::to_string(g.clusters.size()) + " (" + std::to_string(size[k]) +
                              " statements)"});
    }
    std::vector<bool> emphasised(c.statement_count(), false);
    for (const auto& k : r.contradicted)
        if (k.directions.size() >= 2) emphasised[k.statement] = true;
    for (std::uint32_t v = 0; v < c.statement_count(); ++v) {
        graph_node n{};
        n.id = c.statement_at(v).id;
        n.label = n.id;
        n.tooltip = statement_title(c, v);
        n.link = statement_anchor(v);
        n.camp = camp[v];
        if (v < a.strengths.strength.size() && std::isfinite(a.strengths.strength[v])) {
            n.strength = std::clamp(a.strengths.strength[v], 0.0, 1.0);
            n.label += "\n" + number(a.strengths.strength[v], 2);
        }
        if (v < r.frustration.component.size()) {
            const auto it = cluster_of.find(r.frustration.component[v]);
            n.cluster = it == cluster_of.end() ? 0 : it->second;
        }
        n.emphasised = emphasised[v];
        g.nodes.push_back(std::move(n));
    }
    std::vector<bool> frustrated(c.relation_count(), false);
    for (auto e : r.frustration.frustrated_edges)
        if (e < r.graph.edge_count()) {
            const auto rel = r.graph.edges[e].relation;
            if (rel < frustrated.size()) frustrated[rel] = true;
        }
    for (std::size_t i = 0; i < c.relation_count(); ++i) {
        const auto h = c.relations()[i];
        const relation& rel = c.relation_at(h);
        graph_edge e{};
        e.from = static_cast<std::uint32_t>(c.source(h));
        e.to = static_cast<std::uint32_t>(c.target(h));
        e.contradicts = rel.type == relation_type::contradicts;
        e.mutual = e.contradicts && !rel.is_directed();
        e.inferred = rel.provenance == provenance::inferred;
        e.frustrated = frustrated[i];
        if (rel.weight && *rel.weight != 1.0) e.label = number(*rel.weight, 2);
        g.edges.push_back(std::move(e));
    }
    return g;
}

/// One node per camp of the largest components; relations between and within them counted.
inline graph_view condensed_graph(const case_model& c, const case_analysis& a, const case_report_options& o) {
    const auto& r = a.contradictions;
    graph_view g{};
    g.condensed = true;
    std::vector<const camp_split*> splits{};
    for (const auto& s : r.camps) splits.push_back(&s);
    std::stable_sort(splits.begin(), splits.end(), [](const camp_split* x, const camp_split* y) {
        return x->first.statements.size() + x->second.statements.size() >
               y->first.statements.size() + y->second.statements.size();
    });
    if (splits.size() > o.condensed_components) splits.resize(o.condensed_components);
    constexpr std::uint32_t none = std::numeric_limits<std::uint32_t>::max();
    std::vector<std::uint32_t> node_of(c.statement_count(), none);
    g.clusters.push_back({});
    auto actors_label = [&](const camp& k) {
        std::string out{};
        for (std::size_t i = 0; i < k.actors.size() && i < 3; ++i)
            out += (i ? ", " : "") + c.actor_at(k.actors[i]).id;
        if (k.actors.size() > 3) out += ", +" + std::to_string(k.actors.size() - 3);
        return out;
    };
    for (const auto* s : splits) {
        const auto cluster = static_cast<std::uint32_t>(g.clusters.size());
        g.clusters.push_back({"component " + std::to_string(cluster) + " (" +
                              std::to_string(s->first.statements.size() + s->second.statements.size()) +
                              " statements)"});
        for (std::uint8_t side = 0; side < 2; ++side) {
            const camp& k = side == 0 ? s->first : s->second;
            if (k.statements.empty()) continue;
            const auto index = static_cast<std::uint32_t>(g.nodes.size());
            graph_node n{};
            n.id = "c" + std::to_string(cluster) + camp_letter(side);
            n.label = "camp " + camp_letter(side) + ": " + std::to_string(k.statements.size()) + " statements";
            const std::string who = actors_label(k);
            if (!who.empty()) n.label += "\n" + who;
            n.tooltip = n.label;
            n.camp = side;
            n.cluster = cluster;
            n.link = "camps";
            for (auto v : k.statements) node_of[v] = index;
            g.nodes.push_back(std::move(n));
        }
    }
    std::size_t rest = 0;
    for (std::uint32_t v = 0; v < c.statement_count(); ++v) rest += node_of[v] == none;
    if (rest > 0) {
        const auto index = static_cast<std::uint32_t>(g.nodes.size());
        graph_node n{};
        n.id = "rest";
        n.label = std::to_string(rest) + " other statements\n(smaller components)";
        n.tooltip = n.label;
        g.nodes.push_back(std::move(n));
        for (auto& x : node_of)
            if (x == none) x = index;
    }
    // Edge counts per (from node, to node, sign, provenance).
    std::map<std::tuple<std::uint32_t, std::uint32_t, bool, bool, bool>, std::size_t> count{};
    for (std::size_t i = 0; i < c.relation_count(); ++i) {
        const auto h = c.relations()[i];
        const relation& rel = c.relation_at(h);
        auto u = node_of[c.source(h)], v = node_of[c.target(h)];
        const bool neg = rel.type == relation_type::contradicts;
        if (neg && !rel.is_directed() && u > v) std::swap(u, v);
        ++count[{u, v, neg, neg && !rel.is_directed(), rel.provenance == provenance::inferred}];
    }
    for (const auto& [key, n] : count) {
        const auto [u, v, neg, mutual, inferred] = key;
        graph_edge e{};
        e.from = u;
        e.to = v;
        e.contradicts = neg;
        e.mutual = mutual;
        e.inferred = inferred;
        // Within one camp a contradiction, and across camps a support, break the balance.
        e.frustrated = g.nodes[u].camp && g.nodes[v].camp && g.nodes[u].cluster == g.nodes[v].cluster &&
                       ((u == v) == neg);
        e.label = "\u00d7" + std::to_string(n);
        g.edges.push_back(std::move(e));
    }
    return g;
}

[[nodiscard]] inline table statement_table_header(std::vector<std::string> header, std::vector<bool> numeric) {
    table t{};
    t.header = std::move(header);
    t.numeric = std::move(numeric);
    return t;
}

}  // namespace detail

/// The report of a case. Throws std::invalid_argument when the analyses do not match the case
/// (a strength vector of another length).
[[nodiscard]] inline document case_report(const case_model& c, const case_analysis& a,
                                          const case_report_options& o = {}) {
    using namespace detail;
    const auto n = static_cast<std::uint32_t>(c.statement_count());
    if (a.strengths.strength.size() != n)
        throw std::invalid_argument("case_report: " + std::to_string(a.strengths.strength.size()) +
                                    " strengths for " + std::to_string(n) + " statements");
    const auto& r = a.contradictions;
    const auto& rep = a.actors;
    document doc{};
    doc.title = c.info().title ? *c.info().title : std::string("Narrative report");

    std::size_t supports = 0, contradicts = 0, inferred = 0;
    for (std::size_t i = 0; i < c.relation_count(); ++i) {
        const relation& rel = c.relation_at(i);
        (rel.type == relation_type::supports ? supports : contradicts) += 1;
        inferred += rel.provenance == provenance::inferred;
    }
    doc.preamble.push_back({text(std::to_string(n) + " statements by " + std::to_string(c.actors().size()) +
                                 " actors; " + std::to_string(c.relation_count()) + " relations (" +
                                 std::to_string(supports) + " supports, " + std::to_string(contradicts) +
                                 " contradicts; " + std::to_string(inferred) + " inferred from claims).")});
    doc.preamble.push_back({text("Strengths: " + a.strengths.semantics + " (" +
                                 std::string(to_string(a.strengths.run.status)) + ", " +
                                 std::to_string(a.strengths.run.iterations) + " iterations). Credibility: " +
                                 rep.credibility.algorithm + " (" + std::string(to_string(rep.credibility.run.status)) +
                                 ", " + std::to_string(rep.credibility.run.iterations) + " iterations).")});
    for (const auto& w : a.strengths.run.warnings) doc.preamble.push_back({strong("warning: "), text(w)});

    // ------------------------------------------------------------------ findings
    {
        section s{"findings", "Findings", {}, {}, false};
        item_list items{};
        std::size_t listed = 0;
        for (const auto& k : r.contradicted) {
            if (k.directions.size() < 2 || listed == 10) continue;
            ++listed;
            inline_text line{sref(c, k.statement), text(" ("), statement_actor(c, k.statement),
                             text(") is contradicted from " + std::to_string(k.directions.size()) + " directions: ")};
            for (std::size_t i = 0; i < k.directions.size(); ++i)
                line.push_back(text((i ? ", " : "") + k.directions[i]));
            line.push_back(text(" (" + std::to_string(k.contradictors.size()) + " statements)."));
            items.items.push_back(std::move(line));
        }
        // Actors: most and least credible, and self-consistency below one half.
        std::vector<const actor_consistency*> ranked{};
        for (const auto& x : rep.actors)
            if (x.credibility.value) ranked.push_back(&x);
        std::stable_sort(ranked.begin(), ranked.end(), [](const auto* x, const auto* y) {
            return *x->credibility.value > *y->credibility.value;
        });
        if (ranked.size() >= 2) {
            const auto* top = ranked.front();
            const auto* low = ranked.back();
            items.items.push_back({text("Most credible: "), aref(c, top->actor),
                                   text(" (" + number(*top->credibility.value) + "); least credible: "),
                                   aref(c, low->actor), text(" (" + number(*low->credibility.value) + ").")});
        }
        for (const auto& x : rep.actors) {
            if (x.self_consistency.value && *x.self_consistency.value < 0.5)
                items.items.push_back({aref(c, x.actor), text(" is in tension with itself: self-consistency " +
                                                              number(*x.self_consistency.value) + ".")});
            else if (x.self_consistency.value && *x.self_consistency.value >= 0.999 && x.positions >= 2 &&
                     x.external_consistency.value && *x.external_consistency.value >= 0.9)
                items.items.push_back({aref(c, x.actor), text(" is consistent: self-consistency " +
                                                              number(*x.self_consistency.value) +
                                                              ", external consistency " +
                                                              number(*x.external_consistency.value) + ".")});
        }
        std::size_t decided = 0;
        for (const auto& p : rep.propositions) decided += p.verdict.has_value();
        items.items.push_back({text(std::to_string(decided) + " of " + std::to_string(rep.propositions.size()) +
                                    " propositions have a verdict (see Verdicts); " +
                                    std::to_string(r.direct.size()) + " direct contradictions, " +
                                    std::to_string(r.derived_total) + " derived tensions.")});
        if (r.balance.balanced)
            items.items.push_back({text("The graph is balanced: every component splits cleanly into two camps.")});
        else
            items.items.push_back({text("The graph is not balanced: frustration between " +
                                        number(r.frustration.lower_bound) + " and " +
                                        number(r.frustration.upper_bound) + " (relations' weight to remove for "
                                        "a clean split of every component into two camps).")});
        s.blocks.emplace_back(std::move(items));
        doc.sections.push_back(std::move(s));
    }

    // ------------------------------------------------------------------ graph
    {
        section s{"graph", "Graph", {}, {}, false};
        figure f{};
        if (n <= o.graph_limit) {
            f.graph = full_graph(c, a);
            f.caption = "Each statement with its strength under " + a.strengths.semantics +
                        "; fill colour is its camp (A blue, B orange, none grey), the stronger the darker; "
                        "red edges contradict, green edges support, dashed edges were inferred from claims, "
                        "bold edges break the balance of the camps; a thick border marks a statement "
                        "contradicted from several directions. Boxes are connected components.";
        } else {
            f.graph = condensed_graph(c, a, o);
            f.caption = "The case has " + std::to_string(n) + " statements, more than the " +
                        std::to_string(o.graph_limit) +
                        " drawn one by one: each node is one camp of a component (the largest " +
                        std::to_string(o.condensed_components) +
                        " components), edges count the relations between them; bold edges break the balance.";
        }
        s.blocks.emplace_back(std::move(f));
        doc.sections.push_back(std::move(s));
    }

    // ------------------------------------------------------------------ contradictions
    {
        section s{"contradictions", "Contradictions", {}, {}, false};
        s.blocks.emplace_back(paragraph{{text(std::to_string(r.direct.size()) + " direct contradictions; " +
                                              std::to_string(r.derived_total) +
                                              " derived tensions (odd number of contradictions on a path of at most " +
                                              std::to_string(r.tensions.max_length) + " relations)" +
                                              (r.derived_search.complete ? "." : ", search stopped early: the count is a lower bound."))}});
        section most{"contradicted", "Statements contradicted directly", {}, {}, false};
        table t = statement_table_header({"statement", "actor", "directions", "contradicted by"}, {false, false, true, false});
        for (const auto& k : r.contradicted) {
            inline_text by{};
            for (std::size_t i = 0; i < k.contradictors.size(); ++i) {
                if (i) by.push_back(text(", "));
                by.push_back(sref(c, k.contradictors[i]));
            }
            t.rows.push_back({{sref(c, k.statement)}, {statement_actor(c, k.statement)},
                              {text(std::to_string(k.directions.size()))}, std::move(by)});
        }
        most.blocks.emplace_back(std::move(t));
        s.subsections.push_back(std::move(most));

        section direct{"direct", "Direct contradictions", {}, {}, r.direct.size() > 30};
        table d = statement_table_header({"statement", "contradicted by", "weight", "provenance", "note"},
                                         {false, false, true, false, false});
        for (const auto& x : r.direct) {
            const auto& e = r.graph.edges[x.edge];
            const relation& rel = c.relation_at(e.relation);
            std::string note = rel.note ? *rel.note : rel.reason;
            const auto h = c.relations()[e.relation];
            d.rows.push_back({{sref(c, c.target(h))}, {sref(c, c.source(h))}, {text(number(x.weight, 2))},
                              {text(std::string(to_string(rel.provenance)))}, {text(note)}});
        }
        direct.blocks.emplace_back(std::move(d));
        s.subsections.push_back(std::move(direct));

        if (!r.derived.empty()) {
            section derived{"derived", "Derived tensions", {}, {}, true};
            derived.blocks.emplace_back(paragraph{{text(
                "Pairs of statements joined by a path with an odd number of contradictions: if the path's "
                "relations hold, the two cannot both be true. The strongest " +
                std::to_string(std::min(o.derived_rows, r.derived.size())) + " of " + std::to_string(r.derived_total) + ".")}});
            table t2 = statement_table_header({"first", "second", "strength", "path"}, {false, false, true, false});
            std::vector<const tension*> order{};
            for (const auto& x : r.derived) order.push_back(&x);
            std::stable_sort(order.begin(), order.end(),
                             [](const tension* x, const tension* y) { return x->path.strength > y->path.strength; });
            for (std::size_t i = 0; i < order.size() && i < o.derived_rows; ++i) {
                const tension& x = *order[i];
                inline_text path{};
                for (std::size_t k = 0; k < x.path.statements.size(); ++k) {
                    if (k) {
                        const bool neg = r.graph.edges[x.path.edges[k - 1]].is_negative();
                        path.push_back(text(neg ? " \u2014contradicts\u2014 " : " \u2014supports\u2014 "));
                    }
                    path.push_back(sref(c, x.path.statements[k]));
                }
                t2.rows.push_back({{sref(c, x.first)}, {sref(c, x.second)}, {text(number(x.path.strength, 2))},
                                   std::move(path)});
            }
            derived.blocks.emplace_back(std::move(t2));
            s.subsections.push_back(std::move(derived));
        }
        doc.sections.push_back(std::move(s));
    }

    // ------------------------------------------------------------------ camps
    {
        section s{"camps", "Camps and frustration", {}, {}, r.camps.size() > 20};
        s.blocks.emplace_back(paragraph{{text(
            "Each connected component split in two camps so that as little relation weight as possible "
            "goes against the split (contradictions inside a camp, supports across). Frustration: " +
            number(r.frustration.lower_bound) + " to " + number(r.frustration.upper_bound) +
            (r.frustration.exact ? " (exact)" : " (bounds)") + "; normalised " +
            number(r.frustration.normalised(static_cast<std::uint32_t>(r.graph.edge_count()))) +
            " (1 is balanced).")}});
        table t = statement_table_header({"component", "balanced", "camp A", "camp B"}, {true, false, false, false});
        std::size_t index = 0;
        for (const auto& split : r.camps) {
            ++index;
            auto list = [&](const camp& k) {
                inline_text line{};
                for (std::size_t i = 0; i < k.actors.size(); ++i) {
                    if (i) line.push_back(text(", "));
                    line.push_back(aref(c, k.actors[i]));
                }
                line.push_back(text((k.actors.empty() ? "" : " \u2014 ") + std::to_string(k.statements.size()) +
                                    " statements"));
                return line;
            };
            t.rows.push_back({{text(std::to_string(index))}, {text(split.balanced ? "yes" : "no")},
                              list(split.first), list(split.second)});
        }
        s.blocks.emplace_back(std::move(t));
        if (!r.frustration.frustrated_edges.empty()) {
            item_list against{};
            for (auto e : r.frustration.frustrated_edges) {
                if (e >= r.graph.edge_count()) continue;
                const auto& edge = r.graph.edges[e];
                const auto h = c.relations()[edge.relation];
                against.items.push_back({sref(c, c.source(h)),
                                         text(edge.is_negative() ? " contradicts " : " supports "),
                                         sref(c, c.target(h)),
                                         text(edge.is_negative() ? " within one camp" : " across the camps")});
            }
            s.blocks.emplace_back(paragraph{{text("Relations against the split:")}});
            s.blocks.emplace_back(std::move(against));
        }
        doc.sections.push_back(std::move(s));
    }

    // ------------------------------------------------------------------ strengths
    {
        section s{"strengths", "Statement strengths", {}, {}, n > 60};
        std::map<std::uint32_t, const contribution_report*> why{};
        for (const auto& x : a.contributions) why[x.topic] = &x;
        std::string how = "removal";
        if (!a.contributions.empty()) how = std::string(to_string(a.contributions.front().function));
        s.blocks.emplace_back(paragraph{{text(
            "Strength under " + a.strengths.semantics + " (`narrative score --semantics " + a.strengths.semantics +
            "`), from the base score and the statements bearing on it. \"Moved most by\" lists the largest " +
            how + " contributions (Kampik et al. 2024): " +
            (how == "removal" ? "the strength minus the strength without that statement"
                              : "the change of strength per unit of that statement's base score") +
            "; `narrative explain --statement ID` lists them all. They are weighed for the " +
            std::to_string(a.contributions.size()) + " statements receiving the most relations (at most " +
            std::to_string(a.contribution_topics_limit) + ")" +
            (a.contributions_left_out ? "; " + std::to_string(a.contributions_left_out) +
                                            " statements reached by too many others were left out."
                                      : ".")) }});
        table t = statement_table_header({"statement", "actor", "base", "strength", "moved most by"},
                                         {false, false, true, true, false});
        std::vector<statement_index> order(n);
        for (std::uint32_t v = 0; v < n; ++v) order[v] = v;
        std::stable_sort(order.begin(), order.end(), [&](auto x, auto y) {
            return a.strengths.strength[x] > a.strengths.strength[y];
        });
        for (auto v : order) {
            inline_text moved{};
            if (const auto it = why.find(static_cast<std::uint32_t>(v)); it != why.end()) {
                const auto& list = it->second->contributions;
                for (std::size_t i = 0; i < list.size() && i < o.contributions_shown; ++i) {
                    if (i) moved.push_back(text(", "));
                    moved.push_back(sref(c, list[i].contributor));
                    moved.push_back(text(" " + signed_number(list[i].value)));
                }
                if (list.size() > o.contributions_shown)
                    moved.push_back(text(" (+" + std::to_string(list.size() - o.contributions_shown) + " more)"));
                if (!it->second->run.converged) moved.push_back(text(" (approximate: a solve did not converge)"));
            }
            t.rows.push_back({{sref(c, v)}, {statement_actor(c, v)}, {text(number(c.base_of(v)))},
                              {text(number(a.strengths.strength[v]))}, std::move(moved)});
        }
        s.blocks.emplace_back(std::move(t));
        doc.sections.push_back(std::move(s));
    }

    // ------------------------------------------------------------------ actors
    {
        section s{"actors", "Actors", {}, {}, false};
        s.blocks.emplace_back(paragraph{{text(
            "Self-consistency: how free an actor's own statements are of tension with one another. External "
            "consistency: how well its claims agree with what the evidence supports. Credibility: " +
            rep.credibility.algorithm + "'s estimate of how often its claims are right.")}});
        table t = statement_table_header({"actor", "statements", "self", "external", "credibility"},
                                         {false, true, true, true, true});
        for (const auto& x : rep.actors)
            t.rows.push_back({{aref(c, x.actor)}, {text(std::to_string(x.statements))},
                              {text(score_text(x.self_consistency))}, {text(score_text(x.external_consistency))},
                              {text(score_text(x.credibility))}});
        s.blocks.emplace_back(std::move(t));
        for (const auto& x : rep.actors) {
            const actor& who = c.actor_at(x.actor);
            section one{actor_anchor(x.actor), who.id + (who.name ? " (" + *who.name + ")" : std::string{}), {}, {},
                        rep.actors.size() > 12};
            auto explain_score = [&](const char* label, const actor_score& sc,
                                     const std::vector<explanation_item>& items) {
                inline_text head{strong(std::string(label) + ": " + score_text(sc))};
                if (!sc.value && !sc.reason.empty()) head.push_back(text(" (" + sc.reason + ")"));
                one.blocks.emplace_back(paragraph{std::move(head)});
                if (items.empty()) return;
                item_list l{};
                for (const auto& it : items) {
                    inline_text line{sref(c, it.statement)};
                    if (it.other) {
                        line.push_back(text(" / "));
                        line.push_back(sref(c, *it.other));
                    }
                    line.push_back(text(" (effect " + signed_number(it.effect) + "): " + it.detail));
                    l.items.push_back(std::move(line));
                }
                one.blocks.emplace_back(std::move(l));
            };
            explain_score("Self-consistency", x.self_consistency, x.self_explanation);
            explain_score("External consistency", x.external_consistency, x.external_explanation);
            explain_score("Credibility", x.credibility, x.credibility_explanation);
            s.subsections.push_back(std::move(one));
        }
        doc.sections.push_back(std::move(s));
    }

    // ------------------------------------------------------------------ verdicts
    {
        section s{"verdicts", "Verdicts", {}, {}, false};
        if (rep.propositions.empty())
            s.blocks.emplace_back(paragraph{{text("No statement with an actor makes a structured claim: no verdicts.")}});
        else
            s.blocks.emplace_back(paragraph{{text(
                "The belief in each value of a proposition (" + rep.credibility.algorithm +
                "), the value believed most, and the statements that weighed most for and against it.")}});
        for (std::size_t pi = 0; pi < rep.propositions.size(); ++pi) {
            const auto& p = rep.propositions[pi];
            section one{proposition_anchor(pi), p.id, {}, {}, false};
            inline_text head{};
            for (std::size_t i = 0; i < p.values.size(); ++i)
                head.push_back(text((i ? ", " : "") + p.values[i].value + " " + number(p.values[i].belief)));
            head.push_back(text(" \u2192 "));
            head.push_back(p.verdict ? strong(*p.verdict) : text("no verdict (a tie or no evidence)"));
            one.blocks.emplace_back(paragraph{std::move(head)});
            std::vector<const proposition_evidence*> ev{};
            for (const auto& e : p.evidence) ev.push_back(&e);
            std::stable_sort(ev.begin(), ev.end(), [](const auto* x, const auto* y) {
                return std::abs(x->weight) > std::abs(y->weight);
            });
            item_list l{};
            for (const auto* e : ev) {
                const bool decides = p.verdict && e->value == *p.verdict && !e->against && e->weight > 0;
                inline_text line{sref(c, e->statement), text(" ("), statement_actor(c, e->statement), text(")")};
                if (decides) line.push_back(strong(" decides"));
                // The detail line names the statement and its actor first ("ID (time) by
                // ACTOR: …"): shown from its first colon, the rest being in the link.
                std::string why = e->detail;
                if (why.rfind(c.statement_at(e->statement).id, 0) == 0) {
                    const auto colon = why.find(": ");
                    if (colon != std::string::npos) why.erase(0, colon + 2);
                }
                line.push_back(text(": " + (why.empty() ? std::string(e->against ? "against " : "for ") + e->value +
                                                              ", weight " + signed_number(e->weight)
                                                        : why)));
                l.items.push_back(std::move(line));
            }
            if (!l.items.empty()) one.blocks.emplace_back(std::move(l));
            s.subsections.push_back(std::move(one));
        }
        doc.sections.push_back(std::move(s));
    }

    // ------------------------------------------------------------------ as the story unfolded
    {
        section s{"unfolding", "As the story unfolded", {}, {}, false};
        if (a.timeline) {
            s.blocks.emplace_back(paragraph{{text(
                "The analyses replayed at each date on which statements arrive (`narrative timeline`).")}});
            s.subsections = timeline_sections(c, *a.timeline, {}, "report-");
        } else {
            s.blocks.emplace_back(paragraph{{text(a.timeline_note.empty() ? std::string("No timeline was computed.")
                                                                           : a.timeline_note)}});
        }
        doc.sections.push_back(std::move(s));
    }

    // ------------------------------------------------------------------ timeline
    {
        section s{"timeline", "Timeline of each actor", {}, {}, c.actors().size() > 12};
        s.blocks.emplace_back(paragraph{{text(
            "Each actor's statements in time order (undated last). A position shift is a later statement in "
            "tension with an earlier one of the same actor; a simultaneous tension is one whose times do not "
            "tell which came first.")}});
        std::vector<std::vector<const self_contradiction*>> marks(n);
        for (const auto& x : r.self_contradictions) {
            marks[x.earlier].push_back(&x);
            marks[x.later].push_back(&x);
        }
        for (std::uint32_t ai = 0; ai < c.actors().size(); ++ai) {
            const auto said = c.statements_of(ai);
            if (said.empty()) continue;
            section one{"timeline-" + std::to_string(ai), c.actor_at(ai).id, {}, {}, false};
            std::vector<statement_index> order(said.begin(), said.end());
            std::stable_sort(order.begin(), order.end(), [&](auto x, auto y) { return earlier(c, x, y); });
            table t = statement_table_header({"time", "statement", "claim", "tension"}, {false, false, false, false});
            for (auto v : order) {
                const statement& st = c.statement_at(v);
                inline_text mark{};
                for (const auto* x : marks[v]) {
                    if (!mark.empty()) mark.push_back(text("; "));
                    const bool shift = x->kind == self_contradiction_kind::position_shift;
                    if (shift && x->later == v) mark.push_back(strong("position shift from "));
                    else if (shift) mark.push_back(text("position shifted later to "));
                    else mark.push_back(strong("in tension with "));
                    mark.push_back(sref(c, x->earlier == v ? x->later : x->earlier));
                    mark.push_back(text(" (" + std::string(to_string(x->origin)) + ")"));
                }
                t.rows.push_back({{text(st.time ? st.time->text() : std::string("undated"))}, {sref(c, v)},
                                  {text(claim_text(st))}, std::move(mark)});
            }
            one.blocks.emplace_back(std::move(t));
            s.subsections.push_back(std::move(one));
        }
        doc.sections.push_back(std::move(s));
    }

    // ------------------------------------------------------------------ statements
    {
        section s{"statements", "Statements", {}, {}, n > 60};
        table t = statement_table_header({"id", "actor", "time", "evidence", "text", "source"},
                                         {false, false, false, false, false, false});
        for (std::uint32_t v = 0; v < n; ++v) {
            const statement& st = c.statement_at(v);
            t.rows.push_back({{strong(st.id)}, {statement_actor(c, v)},
                              {text(st.time ? st.time->text() : std::string{})},
                              {text(std::string(to_string(st.evidence.value_or(evidence_kind::claim))))},
                              {text(st.text.value_or(std::string{}))}, {text(st.source.value_or(std::string{}))}});
            t.anchors.push_back(statement_anchor(v));
        }
        s.blocks.emplace_back(std::move(t));
        std::vector<inline_text> notes{};
        for (std::size_t i = 0; i < c.relation_count(); ++i) {
            const relation& rel = c.relation_at(i);
            const std::string note = rel.note ? *rel.note : rel.reason;
            if (note.empty()) continue;
            const auto h = c.relations()[i];
            notes.push_back({sref(c, c.source(h)), text(std::string(" ") + std::string(to_string(rel.type)) + " "),
                             sref(c, c.target(h)), text(": " + note)});
        }
        if (!notes.empty()) {
            section rn{"relation-notes", "Notes on relations", {}, {}, notes.size() > 30};
            rn.blocks.emplace_back(item_list{std::move(notes)});
            s.subsections.push_back(std::move(rn));
        }
        doc.sections.push_back(std::move(s));
    }
    return doc;
}

}  // namespace narrative::explain
