// SPDX-License-Identifier: MIT
#pragma once
// Direct contradictions and derived tensions: statement pairs joined by a signed path with an
// odd number of contradictions (A supports B, B contradicts C: A and C are in tension).

#include <narrative/error.hpp>
#include <narrative/signed/signed_graph.hpp>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <string>
#include <vector>

namespace narrative {

/// Which witness path a derived tension reports.
enum class witness_choice {
    shortest,   ///< fewest relations (ties: first found in breadth-first order)
    strongest,  ///< largest product of weights among paths of at most max_length relations
};

/// Parameters of the tension search.
struct tension_options {
    /// Longest path considered, in relations (≥ 2; a path of one relation is a direct
    /// contradiction). The search from each statement visits only what lies this close.
    std::uint32_t max_length = 3;
    witness_choice witness = witness_choice::shortest;
};

/// A path of the signed graph: `statements[0] … statements[k]` joined by `edges[0 … k−1]`
/// (indices into signed_graph::edges).
struct signed_path {
    std::vector<std::uint32_t> statements{};
    std::vector<std::uint32_t> edges{};
    double strength = 1.0;              ///< product of the edges' weights
    std::uint32_t contradictions = 0;   ///< number of negative edges; odd for a tension
};

/// A derived tension between `first` < `second` (vertex numbers), with its witness path from
/// `first` to `second`.
struct tension {
    std::uint32_t first = 0;
    std::uint32_t second = 0;
    signed_path path{};
    /// True when a path with an even number of contradictions (a chain of agreement) of at most
    /// max_length relations joins them too: the pair is pulled both ways.
    bool ambivalent = false;
};

/// A direct contradiction: a negative edge of the signed graph.
struct direct_contradiction {
    std::uint32_t first = 0;   ///< the smaller vertex number
    std::uint32_t second = 0;
    std::uint32_t edge = 0;    ///< index into signed_graph::edges
    double weight = 1.0;
};

/// Every negative edge, ordered by edge index. Complexity: O(m).
[[nodiscard]] inline std::vector<direct_contradiction> direct_contradictions(const signed_graph& g) {
    std::vector<direct_contradiction> out{};
    for (std::uint32_t i = 0; i < g.edge_count(); ++i) {
        const auto& e = g.edges[i];
        if (!e.is_negative()) continue;
        out.push_back({.first = std::min(e.u, e.v), .second = std::max(e.u, e.v), .edge = i,
                       .weight = e.weight});
    }
    return out;
}

/// The search for derived tensions from one source statement at a time; reusable buffers make
/// repeated searches cost only what they visit.
///
/// From source s it explores states (vertex, parity of contradictions so far) breadth-first up
/// to `max_length` relations (shortest witness), or by a layered max-product recursion
/// (strongest witness). A target t is in derived tension with s when an odd state of t is
/// reached, no contradiction joins s and t directly, and the witness is a simple path (a
/// walk that revisits a statement goes around a frustrated cycle and says nothing about s
/// and t; such witnesses are skipped).
///
/// Throws: rule_error when max_length < 2. Complexity per source: O(visited states × degree);
/// the whole graph costs O(n · d^k) for average degree d and max_length k.
class tension_finder {
public:
    tension_finder(const signed_graph& g, tension_options options)
        : g_(&g), options_(options) {
        if (options.max_length < 2)
            throw rule_error("tension_options.max_length must be at least 2, got " +
                             std::to_string(options.max_length));
        const std::size_t states = std::size_t{2} * g.vertex_count;
        const std::size_t layers = options.witness == witness_choice::shortest
                                       ? 1
                                       : std::size_t{options.max_length} + 1;
        dist_.assign(states, unreached);
        parent_.assign(states * layers, no_parent);
        parent_edge_.assign(states * layers, 0);
        value_.assign(layers == 1 ? 0 : states * layers, 0.0);
        direct_.assign(g.vertex_count, 0);
        on_path_.assign(g.vertex_count, 0);
    }

    /// Calls `visit(const tension&)` for every derived tension (s, t) with `accept(t)` true;
    /// with `only_greater` only for t > s (so that a sweep over all s reports each pair once).
    template <class Accept, class Visit>
    void from(std::uint32_t s, bool only_greater, Accept&& accept, Visit&& visit) {
        if (options_.witness == witness_choice::shortest)
            search_shortest(s);
        else
            search_strongest(s);
        for (const std::uint32_t e : g_->incident_edges(s))
            if (g_->edges[e].is_negative()) direct_[g_->edges[e].other(s)] = 1;
        for (const std::uint32_t state : touched_) {
            const std::uint32_t t = state >> 1;
            if ((state & 1u) == 0 || t == s || (only_greater && t < s) || direct_[t]) continue;
            if (!accept(t)) continue;
            // One tension object reused: its path vectors keep their capacity.
            tension& out = scratch_;
            out.first = std::min(s, t);
            out.second = std::max(s, t);
            out.ambivalent = dist_[std::size_t{t} * 2] != unreached;
            if (!build_path(s, state, out.path)) continue;
            if (t < s) {
                std::reverse(out.path.statements.begin(), out.path.statements.end());
                std::reverse(out.path.edges.begin(), out.path.edges.end());
            }
            visit(out);
        }
        for (const std::uint32_t e : g_->incident_edges(s)) direct_[g_->edges[e].other(s)] = 0;
        last_visited_ = touched_.size();
        reset();
    }

    /// States (statement, parity) the last search from() reached: its cost.
    [[nodiscard]] std::size_t last_visited() const noexcept { return last_visited_; }

private:
    static constexpr std::uint32_t unreached = std::numeric_limits<std::uint32_t>::max();
    static constexpr std::uint32_t no_parent = std::numeric_limits<std::uint32_t>::max();

    void search_shortest(std::uint32_t s) {
        const std::uint32_t start = s * 2;
        dist_[start] = 0;
        touched_.push_back(start);
        for (std::size_t head = 0; head < touched_.size(); ++head) {
            const std::uint32_t state = touched_[head];
            const std::uint32_t d = dist_[state];
            if (d == options_.max_length) continue;
            const std::uint32_t v = state >> 1, p = state & 1u;
            const auto nb = g_->neighbours(v);
            const auto ed = g_->incident_edges(v);
            for (std::size_t i = 0; i < nb.size(); ++i) {
                const std::uint32_t next =
                    nb[i] * 2 + (p ^ (g_->edges[ed[i]].is_negative() ? 1u : 0u));
                if (dist_[next] != unreached) continue;
                dist_[next] = d + 1;
                parent_[next] = state;
                parent_edge_[next] = ed[i];
                touched_.push_back(next);
            }
        }
    }

    // Layered recursion: value_[ℓ][state] = best product of weights over walks of exactly ℓ
    // relations; dist_ keeps the first layer a state is reached in (for `touched_`), and the
    // layer of the best value is found again in build_path.
    void search_strongest(std::uint32_t s) {
        const std::size_t states = std::size_t{2} * g_->vertex_count;
        const std::uint32_t start = s * 2;
        dist_[start] = 0;
        touched_.push_back(start);
        value_[start] = 1.0;
        std::vector<std::uint32_t>& frontier = frontier_;
        std::vector<std::uint32_t>& next_frontier = next_frontier_;
        frontier.assign(1, start);
        for (std::uint32_t layer = 1; layer <= options_.max_length && !frontier.empty(); ++layer) {
            next_frontier.clear();
            const std::size_t base = states * layer, prev = states * (layer - 1);
            for (const std::uint32_t state : frontier) {
                const std::uint32_t v = state >> 1, p = state & 1u;
                const auto nb = g_->neighbours(v);
                const auto ed = g_->incident_edges(v);
                for (std::size_t i = 0; i < nb.size(); ++i) {
                    const auto& e = g_->edges[ed[i]];
                    const std::uint32_t next = nb[i] * 2 + (p ^ (e.is_negative() ? 1u : 0u));
                    const double val = value_[prev + state] * e.weight;
                    if (parent_[base + next] == no_parent) {
                        next_frontier.push_back(next);
                        if (dist_[next] == unreached) {
                            dist_[next] = layer;
                            touched_.push_back(next);
                        }
                    } else if (val <= value_[base + next]) {
                        continue;
                    }
                    value_[base + next] = val;
                    parent_[base + next] = state;
                    parent_edge_[base + next] = ed[i];
                }
            }
            layer_states_.push_back(next_frontier);
            std::swap(frontier, next_frontier);
        }
    }

    bool build_path(std::uint32_t s, std::uint32_t state, signed_path& path) {
        path.statements.clear();
        path.edges.clear();
        if (options_.witness == witness_choice::shortest) {
            std::uint32_t x = state;
            while (x != s * 2) {
                path.statements.push_back(x >> 1);
                path.edges.push_back(parent_edge_[x]);
                x = parent_[x];
            }
        } else {
            const std::size_t states = std::size_t{2} * g_->vertex_count;
            std::uint32_t best_layer = 0;
            double best = -1.0;
            for (std::uint32_t layer = 1; layer <= options_.max_length; ++layer) {
                const std::size_t at = states * layer + state;
                if (parent_[at] != no_parent && value_[at] > best) {
                    best = value_[at];
                    best_layer = layer;
                }
            }
            std::uint32_t x = state;
            for (std::uint32_t layer = best_layer; layer > 0; --layer) {
                const std::size_t at = states * layer + x;
                path.statements.push_back(x >> 1);
                path.edges.push_back(parent_edge_[at]);
                x = parent_[at];
            }
        }
        path.statements.push_back(s);
        std::reverse(path.statements.begin(), path.statements.end());
        std::reverse(path.edges.begin(), path.edges.end());
        bool simple = true;
        for (const std::uint32_t v : path.statements) {
            if (on_path_[v]) simple = false;
            on_path_[v] = 1;
        }
        for (const std::uint32_t v : path.statements) on_path_[v] = 0;
        if (!simple) return false;
        path.strength = 1.0;
        path.contradictions = 0;
        for (const std::uint32_t e : path.edges) {
            path.strength *= g_->edges[e].weight;
            path.contradictions += g_->edges[e].is_negative() ? 1u : 0u;
        }
        return true;
    }

    void reset() {
        for (const std::uint32_t state : touched_) dist_[state] = unreached;
        if (options_.witness == witness_choice::shortest) {
            for (const std::uint32_t state : touched_) parent_[state] = no_parent;
        } else {
            const std::size_t states = std::size_t{2} * g_->vertex_count;
            parent_[touched_.front()] = no_parent;
            for (std::size_t layer = 0; layer < layer_states_.size(); ++layer)
                for (const std::uint32_t state : layer_states_[layer]) {
                    parent_[states * (layer + 1) + state] = no_parent;
                    value_[states * (layer + 1) + state] = 0.0;
                }
            value_[touched_.front()] = 0.0;
            layer_states_.clear();
        }
        touched_.clear();
    }

    const signed_graph* g_;
    tension_options options_{};
    std::vector<std::uint32_t> dist_{};
    std::vector<std::uint32_t> parent_{};
    std::vector<std::uint32_t> parent_edge_{};
    std::vector<double> value_{};
    std::vector<std::uint32_t> touched_{};
    std::vector<std::uint32_t> frontier_{};
    std::vector<std::uint32_t> next_frontier_{};
    std::vector<std::vector<std::uint32_t>> layer_states_{};
    std::vector<char> direct_{};
    std::vector<char> on_path_{};
    std::size_t last_visited_ = 0;
    tension scratch_{};
};

/// How far a tension search went when its work was bounded.
struct tension_search_extent {
    /// Sources searched completely, the first ones in statement order (all of them when
    /// `complete`).
    std::uint32_t sources_searched = 0;
    std::uint64_t states_visited = 0;  ///< the work done: states reached, summed over sources
    bool complete = true;              ///< every source was searched
};

/// No bound on the work of a tension search.
inline constexpr std::uint64_t unlimited_states = std::numeric_limits<std::uint64_t>::max();

/// Calls `visit(const tension&)` once for every derived tension of the graph (pairs in
/// increasing order of `first`), without storing them: the form for large graphs.
///
/// The number of tensions can grow as n·d^k (average degree d, max_length k): `max_states`
/// bounds the work. Sources are searched in statement order while fewer than `max_states`
/// states have been reached in total; the extent says where the search stopped, and the
/// tensions visited are then those of the first `sources_searched` sources (each pair is
/// reported from its smaller statement).
/// Throws: rule_error when options.max_length < 2. Complexity: see tension_finder; at most
/// max_states plus one source's search.
template <class Visit>
tension_search_extent for_each_tension(const signed_graph& g, tension_options options, Visit&& visit,
                                       std::uint64_t max_states = unlimited_states) {
    tension_finder finder(g, options);
    tension_search_extent extent{};
    for (std::uint32_t s = 0; s < g.vertex_count; ++s) {
        if (extent.states_visited >= max_states) {
            extent.complete = false;
            break;
        }
        finder.from(s, true, [](std::uint32_t) { return true; }, visit);
        extent.states_visited += finder.last_visited();
        extent.sources_searched = s + 1;
    }
    return extent;
}

/// Every derived tension, ordered by (first, second). Throws: rule_error when
/// options.max_length < 2.
[[nodiscard]] inline std::vector<tension> derived_tensions(const signed_graph& g,
                                                           tension_options options = {}) {
    std::vector<tension> out{};
    for_each_tension(g, options, [&](const tension& t) { out.push_back(t); });
    std::sort(out.begin(), out.end(), [](const tension& a, const tension& b) {
        return a.first != b.first ? a.first < b.first : a.second < b.second;
    });
    return out;
}

}  // namespace narrative
