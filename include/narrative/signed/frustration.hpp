// SPDX-License-Identifier: MIT
#pragma once
// The frustration index (line index of balance): exact by branch and bound on small components,
// certified spectral lower bounds and local-search upper bounds on large ones; the best
// two-colouring gives the camps and the frustrated relations.

#include <narrative/error.hpp>
#include <narrative/run_info.hpp>
#include <narrative/signed/balance.hpp>
#include <narrative/signed/signed_graph.hpp>
#include <narrative/signed/spectral_bound.hpp>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstdint>
#include <limits>
#include <random>
#include <string>
#include <string_view>
#include <vector>

namespace narrative {

/// Parameters of the frustration computation.
struct frustration_options {
    /// Components whose 2-core (what is left after repeatedly removing statements with one
    /// relation, which are never frustrated) has at most this many statements are solved
    /// exactly by branch and bound.
    std::uint32_t exact_max_statements = 30;
    /// Search nodes allowed per exact component; beyond it the component gets bounds only.
    std::uint64_t node_limit = 500'000'000;
    /// Cores up to this size get the smallest eigenvalue from a dense eigensolver (certified);
    /// larger ones from power iteration, certified by an LDLᵀ inertia check up to
    /// `certify_max_statements`.
    std::uint32_t dense_spectral_max = 600;
    std::uint32_t certify_max_statements = 20'000;
    /// The certification is skipped (the bound stays uncertified) when the LDLᵀ factor would
    /// cost more than this many multiply-adds (Σ over columns of their squared counts, known
    /// from the symbolic analysis before any numeric work): a sparse random core fills in
    /// almost completely, and its factorisation costs O(k³).
    double certify_max_flops = 2e9;
    std::uint32_t power_iterations = 300;
    /// Local-search restarts from breadth-first spanning trees with random roots, on
    /// components of at most `certify_max_statements` statements.
    std::uint32_t restarts = 4;
    std::uint64_t seed = 20250510;
};

/// How one end of a component's interval was obtained.
enum class bound_method {
    balanced,          ///< the component is balanced: 0 is exact
    branch_and_bound,  ///< exact search
    spectral,          ///< certified n·λ_min(L̄)/4 (rounded up for unit weights)
    local_search,      ///< best colouring found by greedy local search
    none,              ///< no certified lower bound (only 0 and self-loops)
};

[[nodiscard]] constexpr std::string_view to_string(bound_method m) noexcept {
    switch (m) {
        case bound_method::balanced: return "balanced";
        case bound_method::branch_and_bound: return "branch-and-bound";
        case bound_method::spectral: return "spectral";
        case bound_method::local_search: return "local-search";
        case bound_method::none: return "none";
    }
    return "none";
}

/// The frustration of one connected component that is not balanced.
struct component_frustration {
    std::uint32_t component = 0;   ///< component number (balance_result::component)
    std::uint32_t statements = 0;  ///< statements in the component
    std::uint32_t core = 0;        ///< statements of its 2-core (what the search works on)
    std::uint32_t relations = 0;   ///< edges with both ends in the component
    double lower_bound = 0.0;
    double upper_bound = 0.0;
    bool exact = false;            ///< lower_bound == upper_bound, certified
    bound_method lower_method = bound_method::none;
    bound_method upper_method = bound_method::local_search;
    /// λ_min of the core's signed Laplacian: exact (dense), certified lower value, or a power
    /// iteration estimate when `lambda_certified` is false (then it bounds nothing). Not
    /// computed (0) for components solved by branch and bound.
    double lambda_min = 0.0;
    bool lambda_certified = false;
    std::uint64_t search_nodes = 0;  ///< branch-and-bound nodes visited
};

/// The frustration index L(G) = min over switchings s of Σ w_uv [σ_uv ≠ s_u s_v], as an interval.
struct frustration_result {
    /// status `empty` (no statements) or `ok` (every component exact or bounded as documented);
    /// a warning names each component whose λ_min could not be certified (lower bound 0 there).
    run_info run{};
    double lower_bound = 0.0;  ///< certified: L ≥ lower_bound
    double upper_bound = 0.0;  ///< the violated weight of `side`: L ≤ upper_bound
    bool exact = true;         ///< lower_bound == upper_bound, certified
    /// The best two-colouring found (side 0 or 1 per statement); on each component its sides
    /// are the camps. Exact components carry an optimal colouring.
    std::vector<std::uint8_t> side{};
    std::vector<std::uint32_t> component{};  ///< component number per statement
    std::uint32_t component_count = 0;
    /// Edges violated by `side` (indices into signed_graph::edges): the relations standing in
    /// the way of a clean split, including negative self-loops.
    std::vector<std::uint32_t> frustrated_edges{};
    /// One entry per unbalanced component, by component number.
    std::vector<component_frustration> components{};

    [[nodiscard]] double gap() const noexcept { return upper_bound - lower_bound; }
    /// Normalised frustration F = 1 − 2L/m (Aref & Wilson 2018) from the upper bound: a lower
    /// estimate of F; exact when `exact`. 1 for a graph without edges.
    [[nodiscard]] double normalised(std::uint32_t edge_count) const noexcept {
        return edge_count == 0 ? 1.0 : 1.0 - 2.0 * upper_bound / edge_count;
    }
};

/// Violated weight of a colouring: Σ over edges with σ ≠ s_u s_v (negative self-loops always).
[[nodiscard]] inline double violated_weight(const signed_graph& g,
                                            const std::vector<std::uint8_t>& side) {
    double total = 0.0;
    for (const auto& e : g.edges)
        if ((side[e.u] != side[e.v]) != e.is_negative()) total += e.weight;
    return total;
}

/// Exact frustration by enumerating all 2^(n−1) colourings in Gray-code order (one statement
/// flips per step, O(degree) each): the test oracle. Throws rule_error for n > 30.
/// Complexity: O(2^n · average degree + m).
[[nodiscard]] inline double brute_force_frustration(const signed_graph& g) {
    const std::uint32_t n = g.vertex_count;
    if (n > 30) throw rule_error("brute_force_frustration: at most 30 statements, got " +
                                 std::to_string(n));
    if (n == 0) return 0.0;
    std::vector<std::uint8_t> side(n, 0);
    double cost = 0.0;
    for (const auto& e : g.edges)
        if (e.is_negative()) cost += e.weight;  // all on one side: every contradiction violated
    double best = cost;
    for (std::uint64_t k = 1; k < (std::uint64_t{1} << (n - 1)); ++k) {
        const auto v = static_cast<std::uint32_t>(std::countr_zero(k)) + 1;  // statement 0 fixed
        for (const std::uint32_t e : g.incident_edges(v)) {
            const auto& edge = g.edges[e];
            const bool violated = (side[edge.u] != side[edge.v]) != edge.is_negative();
            cost += violated ? -edge.weight : edge.weight;
        }
        side[v] ^= 1u;
        best = std::min(best, cost);
    }
    return best;
}

namespace detail {

inline constexpr double frustration_eps = 1e-9;

// Greedy local search: flip a vertex while that lowers the violated weight. Only vertices with
// active[v] move; `seeds` start the work queue (a ring of at most n entries). Terminates: each
// flip lowers the objective by more than the tolerance.
class local_searcher {
public:
    explicit local_searcher(const signed_graph& g)
        : g_(&g), queued_(g.vertex_count, 0), ring_(std::size_t{g.vertex_count} + 1, 0) {}

    void run(std::vector<std::uint8_t>& side, const std::vector<char>& active,
             const std::vector<std::uint32_t>& seeds) {
        std::size_t head = 0, tail = 0;
        const std::size_t cap = ring_.size();
        const auto push = [&](std::uint32_t v) {
            if (queued_[v] || !active[v]) return;
            queued_[v] = 1;
            ring_[tail] = v;
            tail = tail + 1 == cap ? 0 : tail + 1;
        };
        for (const std::uint32_t v : seeds) push(v);
        while (head != tail) {
            const std::uint32_t v = ring_[head];
            head = head + 1 == cap ? 0 : head + 1;
            queued_[v] = 0;
            double gain = 0.0;  // violated − satisfied incident weight: what a flip saves
            for (const std::uint32_t e : g_->incident_edges(v)) {
                const auto& edge = g_->edges[e];
                const bool violated = (side[edge.u] != side[edge.v]) != edge.is_negative();
                gain += violated ? edge.weight : -edge.weight;
            }
            if (gain <= frustration_eps) continue;
            side[v] ^= 1u;
            for (const std::uint32_t u : g_->neighbours(v)) push(u);
        }
    }

private:
    const signed_graph* g_;
    std::vector<char> queued_{};
    std::vector<std::uint32_t> ring_{};
};

// Branch and bound over the colourings of a core (local numbering), first vertex fixed.
class branch_and_bound {
public:
    struct arc {
        std::uint32_t to = 0;
        bool negative = false;
        double weight = 1.0;
    };

    branch_and_bound(std::vector<std::vector<arc>> adj, double upper, std::uint64_t node_limit)
        : adj_(std::move(adj)), best_(upper), node_limit_(node_limit) {
        const auto k = static_cast<std::uint32_t>(adj_.size());
        // Maximum-adjacency order: next the vertex most tied to those already placed.
        std::vector<double> tie(k, 0.0);
        std::vector<char> placed(k, 0);
        pos_.assign(k, 0);
        for (std::uint32_t i = 0; i < k; ++i) {
            std::uint32_t pick = k;
            double best_tie = -1.0;
            for (std::uint32_t v = 0; v < k; ++v) {
                if (placed[v]) continue;
                double score = tie[v];
                if (i == 0)
                    for (const arc& a : adj_[v]) score += a.weight;
                if (score > best_tie) {
                    best_tie = score;
                    pick = v;
                }
            }
            placed[pick] = 1;
            pos_[pick] = i;
            order_.push_back(pick);
            for (const arc& a : adj_[pick]) tie[a.to] += a.weight;
        }
        cost_[0].assign(k, 0.0);
        cost_[1].assign(k, 0.0);
        side_.assign(k, 0);
        best_side_.assign(k, 0);
    }

    /// Runs the search; returns false when the node limit stopped it.
    bool run() {
        if (order_.empty()) return true;
        dfs(0, 0.0, 0.0);
        return !aborted_;
    }
    [[nodiscard]] bool improved() const noexcept { return found_; }
    [[nodiscard]] double best() const noexcept { return best_; }
    [[nodiscard]] const std::vector<std::uint8_t>& best_side() const noexcept { return best_side_; }
    [[nodiscard]] std::uint64_t nodes() const noexcept { return nodes_; }

private:
    void place(std::uint32_t v, std::uint8_t s, double sign, double& sum_min) {
        for (const arc& a : adj_[v]) {
            if (pos_[a.to] <= pos_[v]) continue;
            // The neighbour is violated on side s (negative edge) or on side 1 − s (positive).
            const std::uint8_t bad = a.negative ? s : static_cast<std::uint8_t>(1u - s);
            const double before = std::min(cost_[0][a.to], cost_[1][a.to]);
            cost_[bad][a.to] += sign * a.weight;
            sum_min += std::min(cost_[0][a.to], cost_[1][a.to]) - before;
        }
    }

    // sum_min: Σ over unplaced vertices (positions ≥ i) of min(cost_0, cost_1), a lower bound
    // on what they will add (edges among them are not counted).
    void dfs(std::uint32_t i, double cur, double sum_min) {
        if (aborted_) return;
        if (++nodes_ > node_limit_) {
            aborted_ = true;
            return;
        }
        if (i == order_.size()) {
            if (cur < best_ - frustration_eps) {
                best_ = cur;
                best_side_ = side_;
                found_ = true;
            }
            return;
        }
        const std::uint32_t v = order_[i];
        const double own_min = std::min(cost_[0][v], cost_[1][v]);
        const std::uint8_t first = i == 0 ? 0 : (cost_[0][v] <= cost_[1][v] ? 0 : 1);
        const int choices = i == 0 ? 1 : 2;  // the first vertex is fixed: a global flip is free
        for (int c = 0; c < choices; ++c) {
            const auto s = static_cast<std::uint8_t>(c == 0 ? first : 1u - first);
            const double now = cur + cost_[s][v];
            double rest = sum_min - own_min;
            if (now + rest >= best_ - frustration_eps) continue;
            side_[v] = s;
            place(v, s, 1.0, rest);
            if (now + rest < best_ - frustration_eps) dfs(i + 1, now, rest);
            double undo = 0.0;
            place(v, s, -1.0, undo);
            if (aborted_) return;
        }
    }

    std::vector<std::vector<arc>> adj_{};
    std::vector<std::uint32_t> order_{};
    std::vector<std::uint32_t> pos_{};
    std::vector<double> cost_[2]{};
    std::vector<std::uint8_t> side_{};
    std::vector<std::uint8_t> best_side_{};
    double best_ = 0.0;
    std::uint64_t node_limit_ = 0;
    std::uint64_t nodes_ = 0;
    bool aborted_ = false;
    bool found_ = false;
};

}  // namespace detail

/// Computes the frustration index with a best two-colouring (the camps) and the frustrated
/// relations.
///
/// Per connected component: balanced components cost 0; otherwise tree parts are peeled off
/// (never frustrated) and the 2-core is solved exactly by branch and bound (bound: cost so far
/// plus, for each unplaced statement, the cheaper of its two sides given the placed ones) when
/// it has at most `exact_max_statements` statements. Larger cores get the certified spectral
/// lower bound n·λ_min(L̄)/4 (signed-graphs reference §3.3; rounded up when every weight is 1;
/// certified up to `certify_max_statements` statements and `certify_max_flops` of factorisation,
/// beyond which λ_min is only an estimate,
/// reported with `lambda_certified = false`, and the component's lower bound is 0)
/// and an upper bound from greedy local search started from the spanning-forest switching,
/// from the sign of the λ_min eigenvector, and (components up to `certify_max_statements`)
/// from `restarts` random-root BFS trees.
/// Negative self-loops are violated by every colouring: they are added to both bounds.
///
/// Never throws on valid graphs; an empty graph gives status `empty`.
/// Complexity: O(m α(n)) for the balance part; O(2^k) worst case per exact core of k
/// statements (node_limit caps it); O(iterations · m) for the power iteration; O(restarts · m)
/// times the number of local-search rounds for the upper bound.
/// Reference: Aref, Mason & Wilson (2020), Networks 75(1); Kunegis et al. (2010), SDM.
[[nodiscard]] inline frustration_result compute_frustration(const signed_graph& g,
                                                            const frustration_options& options = {}) {
    frustration_result out{};
    const std::uint32_t n = g.vertex_count;
    if (n == 0) {
        out.run.status = run_status::empty;
        return out;
    }
    // Balance without self-loops (they are accounted for separately).
    parity_union_find uf(n);
    std::vector<char> comp_unbalanced_root(n, 0);
    double loops = 0.0;
    for (const auto& e : g.edges) {
        if (e.u == e.v) {
            if (e.is_negative()) loops += e.weight;
            continue;
        }
        if (uf.unite(e.u, e.v, e.is_negative() ? 1 : 0) == parity_union_find::outcome::conflict)
            comp_unbalanced_root[uf.find(e.u).first] = 1;
    }
    out.side.resize(n);
    out.component.assign(n, 0);
    std::vector<std::uint32_t> comp_of_root(n, std::numeric_limits<std::uint32_t>::max());
    std::vector<char> unbalanced_comp{};
    for (std::uint32_t v = 0; v < n; ++v) {
        const auto [r, p] = uf.find(v);
        out.side[v] = p;
        if (comp_of_root[r] == std::numeric_limits<std::uint32_t>::max()) {
            comp_of_root[r] = out.component_count++;
            unbalanced_comp.push_back(0);
        }
        out.component[v] = comp_of_root[r];
    }
    for (std::uint32_t v = 0; v < n; ++v)
        if (comp_unbalanced_root[v]) unbalanced_comp[comp_of_root[uf.find(v).first]] = 1;

    // Members of unbalanced components, grouped by component.
    std::vector<std::uint32_t> slot(out.component_count, std::numeric_limits<std::uint32_t>::max());
    std::vector<std::vector<std::uint32_t>> members{};
    for (std::uint32_t v = 0; v < n; ++v) {
        const std::uint32_t c = out.component[v];
        if (!unbalanced_comp[c]) continue;
        if (slot[c] == std::numeric_limits<std::uint32_t>::max()) {
            slot[c] = static_cast<std::uint32_t>(members.size());
            members.emplace_back();
            out.components.push_back({.component = c});
        }
        members[slot[c]].push_back(v);
    }
    std::vector<std::vector<std::uint32_t>> comp_edges(members.size());
    for (std::uint32_t i = 0; i < g.edge_count(); ++i) {
        const auto& e = g.edges[i];
        const std::uint32_t c = out.component[e.u];
        if (e.u != e.v && unbalanced_comp[c]) comp_edges[slot[c]].push_back(i);
    }

    std::mt19937_64 rng(options.seed);
    std::vector<char> active(n, 0);            // vertices local search may move
    detail::local_searcher searcher(g);
    std::vector<std::uint32_t> open_vertices{};  // members of components not solved exactly
    std::vector<char> exact_done(members.size(), 0);
    std::vector<std::uint32_t> local(n, 0);
    std::vector<std::vector<double>> eigvec(members.size());

    for (std::size_t ci = 0; ci < members.size(); ++ci) {
        auto& info = out.components[ci];
        const auto& vs = members[ci];
        info.statements = static_cast<std::uint32_t>(vs.size());
        info.relations = static_cast<std::uint32_t>(comp_edges[ci].size());
        // 2-core: peel statements with at most one relation left.
        std::vector<std::uint32_t> deg(vs.size(), 0);
        for (std::uint32_t i = 0; i < vs.size(); ++i) local[vs[i]] = i;
        for (const std::uint32_t e : comp_edges[ci]) {
            ++deg[local[g.edges[e].u]];
            ++deg[local[g.edges[e].v]];
        }
        std::vector<char> removed(vs.size(), 0);
        std::vector<std::uint32_t> peel{};
        for (std::uint32_t i = 0; i < vs.size(); ++i)
            if (deg[i] <= 1) {
                removed[i] = 1;
                peel.push_back(i);
            }
        for (std::size_t head = 0; head < peel.size(); ++head) {
            const std::uint32_t x = vs[peel[head]];
            for (const std::uint32_t u : g.neighbours(x)) {
                const std::uint32_t lu = local[u];
                if (removed[lu]) continue;
                if (--deg[lu] <= 1) {
                    removed[lu] = 1;
                    peel.push_back(lu);
                }
            }
        }
        std::vector<std::uint32_t> core{};
        std::vector<std::uint32_t> core_index(vs.size(), 0);
        for (std::uint32_t i = 0; i < vs.size(); ++i)
            if (!removed[i]) {
                core_index[i] = static_cast<std::uint32_t>(core.size());
                core.push_back(vs[i]);
            }
        info.core = static_cast<std::uint32_t>(core.size());
        std::vector<std::pair<std::uint32_t, std::uint32_t>> ends{};
        std::vector<const signed_edge*> cedges{};
        bool unit = true;
        for (const std::uint32_t e : comp_edges[ci]) {
            const auto& edge = g.edges[e];
            const std::uint32_t a = local[edge.u], b = local[edge.v];
            if (removed[a] || removed[b]) continue;
            ends.emplace_back(core_index[a], core_index[b]);
            cedges.push_back(&edge);
            unit = unit && edge.weight == 1.0;
        }
        for (const std::uint32_t v : vs) active[v] = 1;  // reset below when solved exactly

        // Upper bound start: the spanning-forest switching already in out.side.
        if (core.size() <= options.exact_max_statements) {
            std::vector<std::vector<detail::branch_and_bound::arc>> adj(core.size());
            for (std::size_t i = 0; i < ends.size(); ++i) {
                const auto [a, b] = ends[i];
                adj[a].push_back({.to = b, .negative = cedges[i]->is_negative(),
                                  .weight = cedges[i]->weight});
                adj[b].push_back({.to = a, .negative = cedges[i]->is_negative(),
                                  .weight = cedges[i]->weight});
            }
            // Initial incumbent: local search from the forest switching.
            std::vector<std::uint8_t> start = out.side;
            searcher.run(start, active, vs);
            double incumbent = 0.0;
            for (std::size_t i = 0; i < ends.size(); ++i)
                if ((start[cedges[i]->u] != start[cedges[i]->v]) != cedges[i]->is_negative())
                    incumbent += cedges[i]->weight;
            detail::branch_and_bound bb(std::move(adj), incumbent + detail::frustration_eps,
                                        options.node_limit);
            const bool finished = bb.run();
            info.search_nodes = bb.nodes();
            if (bb.improved()) {
                for (std::uint32_t i = 0; i < core.size(); ++i) out.side[core[i]] = bb.best_side()[i];
                info.upper_bound = bb.best();
            } else {
                for (std::uint32_t i = 0; i < core.size(); ++i) out.side[core[i]] = start[core[i]];
                info.upper_bound = incumbent;
            }
            // Place the peeled statements (reverse peel order) to satisfy the one relation that
            // tied each to a statement peeled later or kept in the core.
            std::vector<std::uint32_t> peel_pos(vs.size(), std::numeric_limits<std::uint32_t>::max());
            for (std::uint32_t i = 0; i < peel.size(); ++i) peel_pos[peel[i]] = i;
            for (std::size_t i = peel.size(); i-- > 0;) {
                const std::uint32_t x = vs[peel[i]];
                for (const std::uint32_t e : g.incident_edges(x)) {
                    const auto& edge = g.edges[e];
                    const std::uint32_t y = edge.other(x);
                    if (peel_pos[local[y]] <= i) continue;
                    out.side[x] = static_cast<std::uint8_t>(out.side[y] ^ (edge.is_negative() ? 1u : 0u));
                    break;
                }
            }
            if (finished) {
                info.exact = true;
                info.lower_bound = info.upper_bound;
                info.lower_method = bound_method::branch_and_bound;
                info.upper_method = bound_method::branch_and_bound;
                exact_done[ci] = 1;
                for (const std::uint32_t v : vs) active[v] = 0;
                continue;
            }
        }
        open_vertices.insert(open_vertices.end(), vs.begin(), vs.end());
        // Bounds: certified spectral lower bound on the core.
        std::vector<laplacian_edge> laplacian(cedges.size());
        for (std::size_t i = 0; i < cedges.size(); ++i)
            laplacian[i] = {.a = ends[i].first, .b = ends[i].second, .weight = cedges[i]->weight,
                            .negative = cedges[i]->is_negative()};
        const spectral_estimate spec = smallest_laplacian_eigenvalue(
            static_cast<std::uint32_t>(core.size()), laplacian,
            {.dense_max = options.dense_spectral_max, .power_iterations = options.power_iterations,
             .certify_max_statements = options.certify_max_statements,
             .certify_max_flops = options.certify_max_flops},
            rng);
        info.lambda_min = spec.lambda;
        info.lambda_certified = spec.certified;
        if (spec.certified) {
            double lb = static_cast<double>(core.size()) * spec.lambda / 4.0;
            if (unit) lb = std::ceil(lb - 1e-7);
            info.lower_bound = std::max(0.0, lb);
            info.lower_method = bound_method::spectral;
        }
        // Sign-rounding start, kept per component below.
        if (!spec.vector.empty()) {
            eigvec[ci].resize(vs.size(), 0.0);
            for (std::uint32_t i = 0; i < core.size(); ++i) eigvec[ci][local[core[i]]] = spec.vector[i];
        }
    }

    // Local search for the components not solved exactly: forest start, spectral start and
    // random-root BFS trees; keep the best colouring per component.
    const auto comp_violation = [&](const std::vector<std::uint8_t>& side, std::size_t ci) {
        double total = 0.0;
        for (const std::uint32_t e : comp_edges[ci]) {
            const auto& edge = g.edges[e];
            if ((side[edge.u] != side[edge.v]) != edge.is_negative()) total += edge.weight;
        }
        return total;
    };
    bool any_open = false;
    for (std::size_t ci = 0; ci < members.size(); ++ci) any_open = any_open || !exact_done[ci];
    if (any_open) {
        std::vector<std::uint8_t> best = out.side;
        searcher.run(best, active, open_vertices);
        std::vector<double> best_value(members.size(), 0.0);
        for (std::size_t ci = 0; ci < members.size(); ++ci)
            if (!exact_done[ci]) best_value[ci] = comp_violation(best, ci);
        // Restarts only on components up to certify_max_statements: on larger ones a restart
        // costs a full local search and gains less than the spectral start.
        std::vector<char> restartable(members.size(), 0);
        std::vector<std::uint32_t> restart_vertices{};
        for (std::size_t ci = 0; ci < members.size(); ++ci) {
            if (exact_done[ci] || members[ci].size() > options.certify_max_statements) continue;
            restartable[ci] = 1;
            restart_vertices.insert(restart_vertices.end(), members[ci].begin(), members[ci].end());
        }
        const auto consider = [&](std::vector<std::uint8_t>& trial, bool restart) {
            searcher.run(trial, active, restart ? restart_vertices : open_vertices);
            for (std::size_t ci = 0; ci < members.size(); ++ci) {
                if (exact_done[ci] || (restart && !restartable[ci])) continue;
                const double v = comp_violation(trial, ci);
                if (v < best_value[ci] - detail::frustration_eps) {
                    best_value[ci] = v;
                    for (const std::uint32_t x : members[ci]) best[x] = trial[x];
                }
            }
        };
        {  // spectral sign rounding (core vertices; peeled ones follow the forest switching)
            std::vector<std::uint8_t> trial = out.side;
            bool any = false;
            for (std::size_t ci = 0; ci < members.size(); ++ci) {
                if (exact_done[ci] || eigvec[ci].empty()) continue;
                any = true;
                for (std::uint32_t i = 0; i < members[ci].size(); ++i)
                    if (eigvec[ci][i] != 0.0)
                        trial[members[ci][i]] = eigvec[ci][i] > 0.0 ? 0 : 1;
            }
            if (any) consider(trial, false);
        }
        std::vector<std::uint8_t> trial(n, 0);
        std::vector<char> seen(n, 0);
        std::vector<std::uint32_t> queue{};
        for (std::uint32_t r = 0; r < options.restarts && !restart_vertices.empty(); ++r) {
            trial = out.side;
            for (std::size_t ci = 0; ci < members.size(); ++ci) {
                if (!restartable[ci]) continue;
                const auto& vs = members[ci];
                const std::uint32_t root = vs[std::uniform_int_distribution<std::size_t>(0, vs.size() - 1)(rng)];
                queue.assign(1, root);
                seen[root] = 1;
                trial[root] = 0;
                for (std::size_t head = 0; head < queue.size(); ++head) {
                    const std::uint32_t x = queue[head];
                    for (const std::uint32_t e : g.incident_edges(x)) {
                        const std::uint32_t y = g.edges[e].other(x);
                        if (seen[y]) continue;
                        seen[y] = 1;
                        trial[y] = static_cast<std::uint8_t>(trial[x] ^ (g.edges[e].is_negative() ? 1u : 0u));
                        queue.push_back(y);
                    }
                }
                for (const std::uint32_t x : queue) seen[x] = 0;
            }
            consider(trial, true);
        }
        for (std::size_t ci = 0; ci < members.size(); ++ci) {
            if (exact_done[ci]) continue;
            for (const std::uint32_t x : members[ci]) out.side[x] = best[x];
            auto& info = out.components[ci];
            info.upper_bound = best_value[ci];
            info.upper_method = bound_method::local_search;
            if (info.upper_bound <= info.lower_bound + detail::frustration_eps) {
                info.lower_bound = info.upper_bound;
                info.exact = true;
            }
        }
    }

    out.lower_bound = loops;
    out.upper_bound = loops;
    out.exact = true;
    for (const auto& c : out.components) {
        out.lower_bound += c.lower_bound;
        out.upper_bound += c.upper_bound;
        out.exact = out.exact && c.exact;
        if (!c.exact && c.lower_method == bound_method::none)
            out.run.warnings.push_back("component " + std::to_string(c.component) + " (" +
                                       std::to_string(c.core) + " statements in its core): the smallest "
                                       "eigenvalue could not be certified, so its lower bound is 0");
    }
    for (std::uint32_t i = 0; i < g.edge_count(); ++i) {
        const auto& e = g.edges[i];
        if ((out.side[e.u] != out.side[e.v]) != e.is_negative()) out.frustrated_edges.push_back(i);
    }
    return out;
}

/// A statement on which frustration concentrates (signed-graphs reference §7).
struct compound_candidate {
    std::uint32_t statement = 0;
    /// Frustrated cycles through it: for each frustrated relation, the shortest cycle it closes
    /// with satisfied relations (up to `max_cycle_length` relations).
    std::uint32_t frustrated_cycles = 0;
    /// Share of its relations' weight violated by the best colouring (≤ 1/2 at a local optimum;
    /// 1/2 means its relations pull equally into both camps).
    double tornness = 0.0;
    /// Its supports leading into camp 0 and into camp 1 (edge indices): the two groups a split
    /// of the statement would separate.
    std::vector<std::uint32_t> supports_side0{};
    std::vector<std::uint32_t> supports_side1{};
    /// True when it is on at least one frustrated cycle, its tornness reaches `min_tornness`
    /// and its supports lead into both camps: "possibly compound, consider splitting".
    bool flagged = false;
};

/// Parameters of the compound-claim diagnostic.
struct compound_options {
    std::uint32_t max_cycle_length = 8;  ///< longest witness cycle searched per frustrated edge
    std::uint32_t max_cycles = 10'000;   ///< frustrated edges examined (in edge order)
    /// Statements reached by the searches, summed: no frustrated edge is examined after it.
    /// On a dense core each search can reach most of the graph before closing its cycle.
    std::uint64_t max_visits = 20'000'000;
    double min_tornness = 0.5;
};

/// Ranks the statements of frustrated cycles (most cycles first, then tornness) and flags the
/// possibly compound ones. Only statements on at least one witness cycle are listed; the
/// frustrated edges examined are the first ones in edge order, up to `max_cycles` edges and
/// `max_visits` statements reached in total.
/// Complexity: O(max_visits + one search) for the bounded breadth-first searches, plus O(n + m).
[[nodiscard]] inline std::vector<compound_candidate> compound_candidates(
    const signed_graph& g, const frustration_result& f, const compound_options& options = {}) {
    const std::uint32_t n = g.vertex_count;
    std::vector<char> frustrated(g.edge_count(), 0);
    for (const std::uint32_t e : f.frustrated_edges) frustrated[e] = 1;
    std::vector<std::uint32_t> cycles(n, 0);
    constexpr std::uint32_t none = std::numeric_limits<std::uint32_t>::max();
    std::vector<std::uint32_t> via(n, none), depth(n, none), queue{};
    std::uint32_t examined = 0;
    std::uint64_t visits = 0;
    for (const std::uint32_t fe : f.frustrated_edges) {
        const auto& bad = g.edges[fe];
        if (bad.u == bad.v) continue;
        if (examined++ >= options.max_cycles || visits >= options.max_visits) break;
        queue.assign(1, bad.u);
        depth[bad.u] = 0;
        for (std::size_t head = 0; head < queue.size() && depth[bad.v] == none; ++head) {
            const std::uint32_t x = queue[head];
            if (depth[x] + 2 > options.max_cycle_length) continue;
            for (const std::uint32_t e : g.incident_edges(x)) {
                if (frustrated[e]) continue;
                const std::uint32_t y = g.edges[e].other(x);
                if (depth[y] != none) continue;
                depth[y] = depth[x] + 1;
                via[y] = e;
                queue.push_back(y);
            }
        }
        if (depth[bad.v] != none) {
            for (std::uint32_t x = bad.v;; x = g.edges[via[x]].other(x)) {
                ++cycles[x];
                if (x == bad.u) break;
            }
        }
        visits += queue.size();
        for (const std::uint32_t x : queue) depth[x] = none;
    }
    std::vector<compound_candidate> out{};
    for (std::uint32_t v = 0; v < n; ++v) {
        if (cycles[v] == 0) continue;
        compound_candidate c{.statement = v, .frustrated_cycles = cycles[v]};
        double total = 0.0, violated = 0.0;
        for (const std::uint32_t e : g.incident_edges(v)) {
            const auto& edge = g.edges[e];
            total += edge.weight;
            if (frustrated[e]) violated += edge.weight;
            if (!edge.is_negative())
                (f.side[edge.other(v)] == 0 ? c.supports_side0 : c.supports_side1).push_back(e);
        }
        c.tornness = total > 0.0 ? violated / total : 0.0;
        c.flagged = c.tornness >= options.min_tornness - 1e-12 && !c.supports_side0.empty() &&
                    !c.supports_side1.empty();
        out.push_back(std::move(c));
    }
    std::stable_sort(out.begin(), out.end(), [](const compound_candidate& a, const compound_candidate& b) {
        if (a.flagged != b.flagged) return a.flagged;
        if (a.frustrated_cycles != b.frustrated_cycles) return a.frustrated_cycles > b.frustrated_cycles;
        return a.tornness > b.tornness;
    });
    return out;
}

}  // namespace narrative
