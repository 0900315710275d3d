// SPDX-License-Identifier: MIT
#pragma once
// Per-actor self-contradictions: pairs of one actor's own statements in tension (a direct
// contradiction or a derived one through a signed path), classified by time.

#include <narrative/model/case_model.hpp>
#include <narrative/run_info.hpp>
#include <narrative/signed/signed_graph.hpp>
#include <narrative/signed/tensions.hpp>

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

namespace narrative {

/// How the two statements of a self-contradiction relate in time (statement time: when each
/// was said; signed-graphs reference §6.2).
enum class self_contradiction_kind {
    /// The statement times overlap at their stated precision ("2025" and "2025-05"), or one is
    /// unknown: the actor holds both positions at once, as far as the case can tell.
    simultaneous,
    /// One statement was certainly said before the other: the actor changed its account.
    position_shift,
};

[[nodiscard]] constexpr std::string_view to_string(self_contradiction_kind k) noexcept {
    return k == self_contradiction_kind::simultaneous ? "simultaneous" : "position-shift";
}

/// Whether the tension is a relation of the case or derived through a path.
enum class tension_origin { direct, derived };

[[nodiscard]] constexpr std::string_view to_string(tension_origin o) noexcept {
    return o == tension_origin::direct ? "direct" : "derived";
}

/// One pair of an actor's own statements in tension.
struct self_contradiction {
    std::uint32_t actor = no_actor;   ///< index in case_model::actors()
    /// The earlier statement for a position shift; for a simultaneous pair, the one first in
    /// the case.
    statement_index earlier = 0;
    statement_index later = 0;
    self_contradiction_kind kind = self_contradiction_kind::simultaneous;
    tension_origin origin = tension_origin::direct;
    /// The path from `earlier` to `later`: its statements (first `earlier`, last `later`) and
    /// the case relations joining them (indices in case_model::relations()). A direct
    /// contradiction has one relation.
    std::vector<statement_index> path{};
    std::vector<std::uint32_t> relations{};
    double strength = 1.0;             ///< product of the path's relation weights, in (0, 1]
    std::uint32_t contradictions = 1;  ///< contradictions on the path (odd)
    bool times_known = false;          ///< both statements carry a time
};

/// Parameters of the self-contradiction search.
struct self_contradiction_options {
    tension_options tensions{};         ///< path bound and witness choice for derived tensions
    bool include_inferred = true;       ///< use inferred relations of the case as well
    /// Bound on the work: actors are searched in index order while fewer than this many
    /// states (statement, parity) have been reached in total (see for_each_tension).
    std::uint64_t max_states = unlimited_states;
};

/// The self-contradictions found and how far the search went.
struct self_contradiction_search {
    std::vector<self_contradiction> found{};  ///< as self_contradictions() orders them
    /// Actors searched completely: the first ones in index order (all when `complete`).
    std::uint32_t actors_searched = 0;
    std::uint64_t states_visited = 0;
    bool complete = true;
    /// `limit_reached`, with a warning, when the search stopped at `max_states`; else `ok`.
    run_info run{};
};

namespace detail {

[[nodiscard]] inline self_contradiction_kind classify_times(const case_model& c,
                                                            statement_index& a,
                                                            statement_index& b, bool& known) {
    const auto& ta = c.statement_at(a).time;
    const auto& tb = c.statement_at(b).time;
    known = ta.has_value() && tb.has_value();
    if (known && tb->certainly_before(*ta)) std::swap(a, b);
    if (known && (ta->certainly_before(*tb) || tb->certainly_before(*ta)))
        return self_contradiction_kind::position_shift;
    if (a > b) std::swap(a, b);
    return self_contradiction_kind::simultaneous;
}

// One self-contradiction of `actor` between a and b, with its path (a to b, signed-graph
// vertices and edges), classified by time and oriented from the earlier statement.
[[nodiscard]] inline self_contradiction make_self_contradiction(
    const case_model& c, const signed_graph& g, std::uint32_t actor, statement_index a,
    statement_index b, tension_origin origin, const std::vector<std::uint32_t>& statements,
    const std::vector<std::uint32_t>& edges, double strength, std::uint32_t contradictions) {
    self_contradiction sc{.actor = actor, .earlier = a, .later = b, .kind = {}, .origin = origin,
                          .path = {}, .relations = {}, .strength = strength,
                          .contradictions = contradictions, .times_known = false};
    statement_index x = a, y = b;
    sc.kind = classify_times(c, x, y, sc.times_known);
    sc.earlier = x;
    sc.later = y;
    sc.path.assign(statements.begin(), statements.end());
    for (const std::uint32_t e : edges) sc.relations.push_back(g.edges[e].relation);
    if (sc.path.front() != x) {
        std::reverse(sc.path.begin(), sc.path.end());
        std::reverse(sc.relations.begin(), sc.relations.end());
    }
    return sc;
}

// The derived self-contradiction of `actor` that a tension between two of its statements is.
[[nodiscard]] inline self_contradiction derived_self_contradiction(const case_model& c, const signed_graph& g,
                                                                   std::uint32_t actor, const tension& t) {
    return make_self_contradiction(c, g, actor, t.first, t.second, tension_origin::derived, t.path.statements,
                                   t.path.edges, t.path.strength, t.path.contradictions);
}

// The direct self-contradictions from statement s: contradictions to statements t ≥ s with
// own(t) (the same actor), in the order of s's incident edges.
template <class Own>
void direct_self_contradictions_from(const case_model& c, const signed_graph& g, std::uint32_t actor,
                                     std::uint32_t s, Own&& own, std::vector<self_contradiction>& out) {
    for (const std::uint32_t e : g.incident_edges(s)) {
        const signed_edge& edge = g.edges[e];
        const std::uint32_t t = edge.other(s);
        if (!edge.is_negative() || !own(t) || t < s) continue;
        out.push_back(make_self_contradiction(c, g, actor, s, t, tension_origin::direct, {s, t}, {e},
                                              edge.weight, 1));
    }
}

// Returns the states reached by the derived-tension searches.
inline std::uint64_t self_contradictions_on(const case_model& c, const signed_graph& g,
                                            tension_finder& finder, std::uint32_t actor,
                                            std::vector<char>& own, std::vector<self_contradiction>& out) {
    const auto mine = c.statements_of(actor);
    if (mine.size() < 2) return 0;
    std::uint64_t visited = 0;
    for (const statement_index v : mine) own[v] = 1;
    const auto is_own = [&](std::uint32_t t) { return own[t] != 0; };
    for (const statement_index v : mine) {
        const auto s = static_cast<std::uint32_t>(v);
        direct_self_contradictions_from(c, g, actor, s, is_own, out);
        finder.from(
            s, true, is_own, [&](const tension& t) { out.push_back(derived_self_contradiction(c, g, actor, t)); });
        visited += finder.last_visited();
    }
    for (const statement_index v : mine) own[v] = 0;
    return visited;
}

// Orders by actor, then by the unordered pair, direct before derived (stable otherwise).
inline void sort_self_contradictions(std::vector<self_contradiction>& out) {
    std::stable_sort(out.begin(), out.end(),
                     [](const self_contradiction& x, const self_contradiction& y) {
                         if (x.actor != y.actor) return x.actor < y.actor;
                         const auto kx = std::minmax(x.earlier, x.later);
                         const auto ky = std::minmax(y.earlier, y.later);
                         if (kx != ky) return kx < ky;
                         return x.origin == tension_origin::direct &&
                                y.origin == tension_origin::derived;
                     });
}

}  // namespace detail

/// Every pair of one actor's own statements in tension, for every actor (ordered by actor,
/// then by the pair's statement indices; a direct contradiction between two statements comes
/// before derived ones, and a pair joined by several direct contradictions appears once per
/// relation), with the extent of the search.
///
/// Direct: a `contradicts` relation between the two statements (either direction). Derived: a
/// simple path of at most `options.tensions.max_length` relations with an odd number of
/// contradictions, between two statements not directly contradicting each other (see
/// tension_finder). Time: `position_shift` when one statement time certainly precedes the
/// other, else `simultaneous` (overlapping precision, or a time unknown: `times_known` false).
/// Statements without actor belong to no actor and are never paired. With `max_states`
/// bounded, actors after the limit is reached are not searched (`complete` false).
///
/// Throws: rule_error when options.tensions.max_length < 2.
/// Complexity: O(Σ_actors |S_a| · visited) where visited ≤ d^k states for average degree d;
/// at most max_states plus one actor's search.
[[nodiscard]] inline self_contradiction_search find_self_contradictions(
    const case_model& c, const self_contradiction_options& options = {}) {
    const signed_graph g =
        signed_graph::from_case(c, {.include_inferred = options.include_inferred});
    tension_finder finder(g, options.tensions);
    std::vector<char> own(c.statement_count(), 0);
    self_contradiction_search out{};
    for (std::uint32_t a = 0; a < c.actors().size(); ++a) {
        if (out.states_visited >= options.max_states) {
            out.complete = false;
            break;
        }
        out.states_visited += detail::self_contradictions_on(c, g, finder, a, own, out.found);
        out.actors_searched = a + 1;
    }
    detail::sort_self_contradictions(out.found);
    if (!out.complete) {
        out.run.status = run_status::limit_reached;
        out.run.warnings.push_back("the self-contradiction search stopped at its limit of " +
                                   std::to_string(options.max_states) + " states after " +
                                   std::to_string(out.actors_searched) + " of " +
                                   std::to_string(c.actors().size()) +
                                   " actors; the others have no self-consistency");
    }
    return out;
}

/// The pairs find_self_contradictions() finds. With `max_states` bounded the list may be
/// partial: call find_self_contradictions() to learn whether it is.
[[nodiscard]] inline std::vector<self_contradiction> self_contradictions(
    const case_model& c, const self_contradiction_options& options = {}) {
    return find_self_contradictions(c, options).found;
}

/// The self-contradictions of one actor (index in case_model::actors()), as
/// self_contradictions() reports them for that actor.
/// Throws: std::out_of_range for an unknown actor index; rule_error as above.
[[nodiscard]] inline std::vector<self_contradiction> self_contradictions_of(
    const case_model& c, std::uint32_t actor, const self_contradiction_options& options = {}) {
    (void)c.actor_at(actor);  // range check
    const signed_graph g =
        signed_graph::from_case(c, {.include_inferred = options.include_inferred});
    tension_finder finder(g, options.tensions);
    std::vector<char> own(c.statement_count(), 0);
    std::vector<self_contradiction> out{};
    detail::self_contradictions_on(c, g, finder, actor, own, out);
    detail::sort_self_contradictions(out);
    return out;
}

}  // namespace narrative
