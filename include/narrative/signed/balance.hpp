// SPDX-License-Identifier: MIT
#pragma once
// Structural balance (Harary 1953) with a parity union-find, its odd-cycle witness, and weak
// balance (Davis 1967, clusterability).

#include <narrative/run_info.hpp>
#include <narrative/signed/signed_graph.hpp>

#include <algorithm>
#include <cstdint>
#include <limits>
#include <utility>
#include <vector>

namespace narrative {

/// A union-find whose vertices carry a parity bit relative to their parent (signed-graphs
/// reference §4.1). `find` returns the root and the parity of the vertex relative to it, with
/// path compression (bits updated) and union by rank.
///
/// Complexity: O(α(n)) amortised per operation; 9 bytes per vertex.
class parity_union_find {
public:
    explicit parity_union_find(std::uint32_t n) : parent_(n), parity_(n, 0), rank_(n, 0) {
        for (std::uint32_t v = 0; v < n; ++v) parent_[v] = v;
    }

    /// The root of v's set and v's parity relative to it.
    [[nodiscard]] std::pair<std::uint32_t, std::uint8_t> find(std::uint32_t v) {
        // Two passes, iterative: find the root and the parity, then compress.
        std::uint32_t root = v;
        std::uint8_t total = 0;
        while (parent_[root] != root) {
            total ^= parity_[root];
            root = parent_[root];
        }
        std::uint8_t remaining = total;
        while (parent_[v] != root && parent_[v] != v) {
            const std::uint32_t next = parent_[v];
            const std::uint8_t own = parity_[v];
            parent_[v] = root;
            parity_[v] = remaining;
            remaining ^= own;
            v = next;
        }
        return {root, total};
    }

    /// Requires parity(u) ⊕ parity(v) = p (0: same side, 1: opposite sides). Returns
    /// `merged` when it joined two sets, `consistent` when already implied, `conflict` when the
    /// opposite is implied (the constraint closes an unbalanced cycle).
    enum class outcome { merged, consistent, conflict };
    outcome unite(std::uint32_t u, std::uint32_t v, std::uint8_t p) {
        auto [ru, pu] = find(u);
        auto [rv, pv] = find(v);
        if (ru == rv) return (pu ^ pv) == p ? outcome::consistent : outcome::conflict;
        if (rank_[ru] < rank_[rv]) std::swap(ru, rv);
        parent_[rv] = ru;
        parity_[rv] = static_cast<std::uint8_t>(pu ^ pv ^ p);
        if (rank_[ru] == rank_[rv]) ++rank_[ru];
        return outcome::merged;
    }

    [[nodiscard]] std::uint32_t size() const noexcept {
        return static_cast<std::uint32_t>(parent_.size());
    }

private:
    std::vector<std::uint32_t> parent_{};
    std::vector<std::uint8_t> parity_{};
    std::vector<std::uint8_t> rank_{};
};

/// The result of the balance test.
struct balance_result {
    run_info run{};  ///< a direct algorithm: `empty` for a graph without statements, else `ok`
    bool balanced = true;
    /// Side 0 or 1 of each vertex: its parity relative to its component's root. On a balanced
    /// graph the two sides of each component are its camps; otherwise every spanning-forest
    /// edge is satisfied and other edges may not be.
    std::vector<std::uint8_t> side{};
    std::vector<std::uint32_t> component{};  ///< dense component number of each vertex
    std::uint32_t component_count = 0;
    /// Edges that closed an unbalanced cycle when streamed in edge order (each one's cycle
    /// through the spanning forest is unbalanced). Empty iff balanced.
    std::vector<std::uint32_t> conflicting_edges{};
    /// A witness when unbalanced: an unbalanced cycle as edge indices (the forest path from u
    /// to v of the first conflicting edge, then that edge) and its vertices in order.
    std::vector<std::uint32_t> odd_cycle{};
    std::vector<std::uint32_t> odd_cycle_statements{};
};

/// Tests structural balance: every cycle has an even number of contradictions (equivalently the
/// statements split into two camps, supports inside and contradictions across).
///
/// Streams the edges through a parity_union_find; a negative self-loop is a conflict on its
/// own. Complexity: O(m α(n)) plus O(n + m) for the components and the witness.
[[nodiscard]] inline balance_result test_balance(const signed_graph& g) {
    const std::uint32_t n = g.vertex_count;
    parity_union_find uf(n);
    balance_result out{.run = direct_run(n == 0)};
    std::vector<std::uint32_t> forest{};
    for (std::uint32_t i = 0; i < g.edge_count(); ++i) {
        const signed_edge& e = g.edges[i];
        const auto o = uf.unite(e.u, e.v, e.is_negative() ? 1 : 0);
        if (o == parity_union_find::outcome::merged)
            forest.push_back(i);
        else if (o == parity_union_find::outcome::conflict)
            out.conflicting_edges.push_back(i);
    }
    out.balanced = out.conflicting_edges.empty();
    out.side.resize(n);
    out.component.assign(n, std::numeric_limits<std::uint32_t>::max());
    std::vector<std::uint32_t> root_component(n, std::numeric_limits<std::uint32_t>::max());
    for (std::uint32_t v = 0; v < n; ++v) {
        const auto [r, p] = uf.find(v);
        out.side[v] = p;
        if (root_component[r] == std::numeric_limits<std::uint32_t>::max())
            root_component[r] = out.component_count++;
        out.component[v] = root_component[r];
    }
    if (out.balanced) return out;
    // Witness: breadth-first search in the spanning forest from u to v of the first conflict.
    const signed_edge& bad = g.edges[out.conflicting_edges.front()];
    if (bad.u == bad.v) {
        out.odd_cycle = {out.conflicting_edges.front()};
        out.odd_cycle_statements = {bad.u};
        return out;
    }
    std::vector<std::uint32_t> offs(std::size_t{n} + 1, 0), adj(forest.size() * 2);
    for (const std::uint32_t i : forest) {
        ++offs[g.edges[i].u + 1];
        ++offs[g.edges[i].v + 1];
    }
    for (std::uint32_t v = 0; v < n; ++v) offs[v + 1] += offs[v];
    std::vector<std::uint32_t> cursor(offs.begin(), offs.end() - 1);
    for (const std::uint32_t i : forest) {
        adj[cursor[g.edges[i].u]++] = i;
        adj[cursor[g.edges[i].v]++] = i;
    }
    constexpr std::uint32_t none = std::numeric_limits<std::uint32_t>::max();
    std::vector<std::uint32_t> via(n, none);
    std::vector<std::uint32_t> queue{bad.u};
    std::vector<char> seen(n, 0);
    seen[bad.u] = 1;
    for (std::size_t head = 0; head < queue.size() && !seen[bad.v]; ++head) {
        const std::uint32_t x = queue[head];
        for (std::uint32_t k = offs[x]; k < offs[x + 1]; ++k) {
            const std::uint32_t y = g.edges[adj[k]].other(x);
            if (seen[y]) continue;
            seen[y] = 1;
            via[y] = adj[k];
            queue.push_back(y);
        }
    }
    std::uint32_t x = bad.v;
    out.odd_cycle_statements.push_back(x);
    while (x != bad.u) {
        out.odd_cycle.push_back(via[x]);
        x = g.edges[via[x]].other(x);
        out.odd_cycle_statements.push_back(x);
    }
    // Now the cycle reads v … u; orient it u … v, then close it with the conflicting edge.
    std::reverse(out.odd_cycle.begin(), out.odd_cycle.end());
    std::reverse(out.odd_cycle_statements.begin(), out.odd_cycle_statements.end());
    out.odd_cycle.push_back(out.conflicting_edges.front());
    return out;
}

/// The result of the weak-balance (clusterability) test.
struct weak_balance_result {
    run_info run{};  ///< a direct algorithm: `empty` for a graph without statements, else `ok`
    bool clusterable = true;
    /// The finest clusters: vertices joined by supports share a cluster (dense numbers).
    std::vector<std::uint32_t> cluster{};
    std::uint32_t cluster_count = 0;
    /// Negative edges inside one cluster (each closes a cycle with exactly one contradiction).
    std::vector<std::uint32_t> violating_edges{};
};

/// Tests weak balance (Davis 1967): no cycle has exactly one contradiction; equivalently the
/// statements split into k ≥ 1 camps with supports inside and contradictions between.
/// An all-negative triangle is weakly balanced (three mutually exclusive stories) but not
/// balanced. Complexity: O(m α(n)).
[[nodiscard]] inline weak_balance_result test_weak_balance(const signed_graph& g) {
    const std::uint32_t n = g.vertex_count;
    parity_union_find uf(n);
    for (const signed_edge& e : g.edges)
        if (!e.is_negative()) (void)uf.unite(e.u, e.v, 0);
    weak_balance_result out{.run = direct_run(n == 0)};
    out.cluster.resize(n);
    std::vector<std::uint32_t> root_cluster(n, std::numeric_limits<std::uint32_t>::max());
    for (std::uint32_t v = 0; v < n; ++v) {
        const std::uint32_t r = uf.find(v).first;
        if (root_cluster[r] == std::numeric_limits<std::uint32_t>::max())
            root_cluster[r] = out.cluster_count++;
        out.cluster[v] = root_cluster[r];
    }
    for (std::uint32_t i = 0; i < g.edge_count(); ++i) {
        const signed_edge& e = g.edges[i];
        if (e.is_negative() && out.cluster[e.u] == out.cluster[e.v])
            out.violating_edges.push_back(i);
    }
    out.clusterable = out.violating_edges.empty();
    return out;
}

}  // namespace narrative
