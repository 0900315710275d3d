// SPDX-License-Identifier: MIT
#pragma once
// The contradictions report of a case: direct and derived contradictions, camps, frustration,
// possibly compound statements and per-actor self-contradictions, as data. Its JSON and text
// renderings are in <narrative/report/contradictions.hpp>.

#include <narrative/model/case_model.hpp>
#include <narrative/run_info.hpp>
#include <narrative/signed/balance.hpp>
#include <narrative/signed/frustration.hpp>
#include <narrative/signed/self_contradictions.hpp>
#include <narrative/signed/signed_graph.hpp>
#include <narrative/signed/tensions.hpp>


#include <algorithm>
#include <cstddef>
#include <cstdio>
#include <limits>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

namespace narrative {

/// Parameters of analyse_contradictions.
struct contradictions_options {
    tension_options tensions{};        ///< path bound and witness of derived tensions
    frustration_options frustration{};
    compound_options compound{};
    bool include_inferred = true;      ///< use the case's inferred relations too
    /// Derived tensions kept in the report: the strongest (ties: the first pair in statement
    /// order); all of them are counted in `derived_total`. Memory is O(limit), not O(tensions),
    /// which can be quadratic in the statements.
    std::size_t derived_limit = std::numeric_limits<std::size_t>::max();
    /// Bound on the work of each path search (derived tensions, self-contradictions), in
    /// states reached (see for_each_tension): the number of tensions can grow as n·d^k.
    std::uint64_t max_states = unlimited_states;
};

/// One camp: statements on one side of a component's best two-colouring.
struct camp {
    std::vector<statement_index> statements{};  ///< in case order
    std::vector<std::uint32_t> actors{};        ///< actor indices present, in index order
};

/// The two camps of one connected component with at least two statements.
struct camp_split {
    std::uint32_t component = 0;
    bool balanced = true;      ///< the split is clean (no frustrated relation in the component)
    camp first{};              ///< the camp holding the component's first statement
    camp second{};             ///< the other camp (may be empty)
};

/// A statement contradicted directly, with the distinct directions the contradictions come
/// from: the contradicting statements' actor groups (or actor ids without a group, or
/// statement ids without an actor).
struct contradicted_statement {
    statement_index statement = 0;
    std::vector<std::string> directions{};     ///< sorted, distinct
    std::vector<statement_index> contradictors{};  ///< in case order
};

/// Everything `narrative contradictions` reports.
struct contradictions_report {
    signed_graph graph{};                         ///< the signed view the report refers to
    std::vector<direct_contradiction> direct{};
    std::vector<tension> derived{};               ///< the kept ones (see derived_limit), by pair
    std::size_t derived_total = 0;                ///< every derived tension found
    tension_search_extent derived_search{};       ///< how far the derived-tension search went
    balance_result balance{};
    frustration_result frustration{};
    std::vector<camp_split> camps{};
    std::vector<compound_candidate> compound{};
    std::vector<self_contradiction> self_contradictions{};
    /// Whether the derived self-contradictions are all there: they come from the same search
    /// as the derived tensions (`derived_search`); direct ones are always all listed.
    bool self_contradictions_complete = true;
    /// Statements with at least one direct contradiction, most directions first.
    std::vector<contradicted_statement> contradicted{};
    tension_options tensions{};
    /// `empty` for a case without statements; `limit_reached`, with a warning, when the
    /// derived-tension search stopped at `max_states`; else `ok`; the frustration's warnings.
    run_info run{};
};

/// Runs every signed-graph analysis of the case. To include relations inferred from claims,
/// call infer_relations(c) first.
/// Throws: rule_error when options.tensions.max_length < 2.
/// Complexity: the sum of the analyses' (see tension_finder, compute_frustration).
[[nodiscard]] inline contradictions_report analyse_contradictions(
    const case_model& c, const contradictions_options& options = {}) {
    contradictions_report r{};
    r.tensions = options.tensions;
    r.graph = signed_graph::from_case(c, {.include_inferred = options.include_inferred});
    r.direct = direct_contradictions(r.graph);
    {
        // The strongest `derived_limit` tensions in a heap whose top is the weakest kept.
        const auto stronger = [](const tension& a, const tension& b) {
            if (a.path.strength != b.path.strength) return a.path.strength > b.path.strength;
            return a.first != b.first ? a.first < b.first : a.second < b.second;
        };
        r.derived_search = for_each_tension(r.graph, options.tensions, [&](const tension& t) {
            ++r.derived_total;
            // The same search finds the derived self-contradictions: pairs of one actor.
            const std::uint32_t actor = c.statement_at(t.first).actor_index;
            if (actor != no_actor && actor == c.statement_at(t.second).actor_index)
                r.self_contradictions.push_back(detail::derived_self_contradiction(c, r.graph, actor, t));
            if (options.derived_limit == 0) return;
            if (r.derived.size() < options.derived_limit) {
                r.derived.push_back(t);
                std::push_heap(r.derived.begin(), r.derived.end(), stronger);
            } else if (stronger(t, r.derived.front())) {
                std::pop_heap(r.derived.begin(), r.derived.end(), stronger);
                r.derived.back() = t;
                std::push_heap(r.derived.begin(), r.derived.end(), stronger);
            }
        }, options.max_states);
        std::sort(r.derived.begin(), r.derived.end(), [](const tension& a, const tension& b) {
            return a.first != b.first ? a.first < b.first : a.second < b.second;
        });
    }
    r.balance = test_balance(r.graph);
    r.frustration = compute_frustration(r.graph, options.frustration);
    r.compound = compound_candidates(r.graph, r.frustration, options.compound);
    for (std::uint32_t v = 0; v < r.graph.vertex_count; ++v) {
        const std::uint32_t actor = c.statement_at(v).actor_index;
        if (actor == no_actor) continue;
        detail::direct_self_contradictions_from(
            c, r.graph, actor, v, [&](std::uint32_t t) { return c.statement_at(t).actor_index == actor; },
            r.self_contradictions);
    }
    detail::sort_self_contradictions(r.self_contradictions);
    r.self_contradictions_complete = r.derived_search.complete;
    r.run = direct_run(r.graph.vertex_count == 0);
    r.run.warnings = r.frustration.run.warnings;
    if (!r.derived_search.complete) {
        r.run.status = run_status::limit_reached;
        r.run.warnings.push_back("the derived-tension search stopped at its limit of " +
                                 std::to_string(options.max_states) + " states after " +
                                 std::to_string(r.derived_search.sources_searched) + " of " +
                                 std::to_string(r.graph.vertex_count) +
                                 " statements; derived tensions and self-contradictions are partial");
    }

    // Camps: components with two statements or more, in order of their first statement.
    const auto& f = r.frustration;
    std::vector<std::uint32_t> slot(f.component_count, std::numeric_limits<std::uint32_t>::max());
    std::vector<std::uint32_t> size(f.component_count, 0);
    for (std::uint32_t v = 0; v < r.graph.vertex_count; ++v) ++size[f.component[v]];
    std::vector<std::uint8_t> first_side(f.component_count, 0);
    for (std::uint32_t v = 0; v < r.graph.vertex_count; ++v) {
        const std::uint32_t k = f.component[v];
        if (size[k] < 2) continue;
        if (slot[k] == std::numeric_limits<std::uint32_t>::max()) {
            slot[k] = static_cast<std::uint32_t>(r.camps.size());
            r.camps.push_back({.component = k});
            first_side[k] = f.side[v];
        }
        auto& split = r.camps[slot[k]];
        (f.side[v] == first_side[k] ? split.first : split.second).statements.push_back(v);
    }
    for (const auto e : f.frustrated_edges) {
        const std::uint32_t k = f.component[r.graph.edges[e].u];
        if (slot[k] != std::numeric_limits<std::uint32_t>::max()) r.camps[slot[k]].balanced = false;
    }
    for (auto& split : r.camps)
        for (camp* cp : {&split.first, &split.second}) {
            std::set<std::uint32_t> actors{};
            for (const auto v : cp->statements)
                if (c.statement_at(v).actor_index != no_actor) actors.insert(c.statement_at(v).actor_index);
            cp->actors.assign(actors.begin(), actors.end());
        }

    // Directions of direct contradiction per statement.
    const auto direction = [&](statement_index v) {
        const statement& s = c.statement_at(v);
        if (s.actor_index == no_actor) return s.id;
        const actor& a = c.actor_at(s.actor_index);
        return a.group ? *a.group : a.id;
    };
    std::map<statement_index, contradicted_statement> by_statement{};
    for (const auto& d : r.direct) {
        for (const auto& [x, y] : {std::pair{d.first, d.second}, std::pair{d.second, d.first}}) {
            const auto& e = r.graph.edges[d.edge];
            // A one-way contradiction contradicts its target only.
            const relation& rel = c.relation_at(e.relation);
            if (rel.is_directed() && c.target(c.relations()[e.relation]) != x) continue;
            auto& entry = by_statement[x];
            entry.statement = x;
            entry.contradictors.push_back(y);
            entry.directions.push_back(direction(y));
        }
    }
    for (auto& [v, entry] : by_statement) {
        std::sort(entry.directions.begin(), entry.directions.end());
        entry.directions.erase(std::unique(entry.directions.begin(), entry.directions.end()),
                               entry.directions.end());
        std::sort(entry.contradictors.begin(), entry.contradictors.end());
        entry.contradictors.erase(std::unique(entry.contradictors.begin(), entry.contradictors.end()),
                                  entry.contradictors.end());
        r.contradicted.push_back(entry);
    }
    std::stable_sort(r.contradicted.begin(), r.contradicted.end(),
                     [](const contradicted_statement& a, const contradicted_statement& b) {
                         return a.directions.size() > b.directions.size();
                     });
    return r;
}

}  // namespace narrative
