// SPDX-License-Identifier: MIT
#pragma once
// The signed view of a case: statements as vertices, supports as +1 and contradicts as −1 edges
// (direction ignored, one edge per relation), with an undirected CSR adjacency.

#include <narrative/error.hpp>
#include <narrative/model/case_model.hpp>

#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <vector>

namespace narrative {

/// One edge of a signed graph: a relation seen without direction.
struct signed_edge {
    std::uint32_t u = 0;
    std::uint32_t v = 0;
    std::int8_t sign = 1;  ///< +1 supports, −1 contradicts
    double weight = 1.0;   ///< > 0
    /// The relation it comes from (index in case_model::relations()), or any caller-chosen tag.
    std::uint32_t relation = 0;

    [[nodiscard]] bool is_negative() const noexcept { return sign < 0; }
    /// The other end of the edge seen from `x`.
    [[nodiscard]] std::uint32_t other(std::uint32_t x) const noexcept { return x == u ? v : u; }
};

/// What to take from a case when building its signed graph.
struct signed_graph_options {
    bool include_inferred = true;  ///< take inferred relations as well as asserted ones
};

/// A signed graph: the edge list plus an undirected CSR adjacency (self-loops are kept in the
/// edge list but left out of the adjacency). Parallel edges stay separate: a support and a
/// contradiction between one pair form a 2-cycle that is always frustrated.
///
/// Memory: 24 bytes per edge for the list plus 16 bytes per edge for the adjacency.
struct signed_graph {
    std::uint32_t vertex_count = 0;
    std::vector<signed_edge> edges{};
    std::vector<std::uint32_t> offsets{};    ///< size n + 1
    std::vector<std::uint32_t> neighbour{};  ///< size 2 × (non-loop edges)
    std::vector<std::uint32_t> edge_of{};    ///< same size: the edge index of each adjacency entry

    [[nodiscard]] std::uint32_t edge_count() const noexcept {
        return static_cast<std::uint32_t>(edges.size());
    }
    [[nodiscard]] std::uint32_t degree(std::uint32_t v) const noexcept {
        return offsets[v + 1] - offsets[v];
    }
    [[nodiscard]] std::span<const std::uint32_t> neighbours(std::uint32_t v) const noexcept {
        return {neighbour.data() + offsets[v], neighbour.data() + offsets[v + 1]};
    }
    [[nodiscard]] std::span<const std::uint32_t> incident_edges(std::uint32_t v) const noexcept {
        return {edge_of.data() + offsets[v], edge_of.data() + offsets[v + 1]};
    }

    /// Builds the graph from an edge list over `n` vertices.
    /// Throws: model_error on an endpoint ≥ n, a sign other than ±1, a weight ≤ 0 or not finite,
    /// or 2^31 edges or more. Complexity: O(n + m).
    [[nodiscard]] static signed_graph from_edges(std::uint32_t n, std::vector<signed_edge> edges);

    /// The signed graph of a case: one edge per relation, `relation` = its index in the case.
    /// Complexity: O(n + m).
    [[nodiscard]] static signed_graph from_case(const case_model& c,
                                                signed_graph_options options = {});
};

inline signed_graph signed_graph::from_edges(std::uint32_t n, std::vector<signed_edge> edges) {
    if (edges.size() >= (std::size_t{1} << 31))
        throw model_error("signed graph: too many edges (the limit is 2^31 - 1)");
    std::vector<std::uint32_t> count(std::size_t{n} + 1, 0);
    for (const auto& e : edges) {
        if (e.u >= n || e.v >= n)
            throw model_error("signed graph: edge " + std::to_string(e.u) + " - " +
                              std::to_string(e.v) + " names a vertex outside 0.." +
                              std::to_string(n));
        if (e.sign != 1 && e.sign != -1)
            throw model_error("signed graph: edge sign must be +1 or -1");
        if (!(e.weight > 0.0) || e.weight == std::numeric_limits<double>::infinity())
            throw model_error("signed graph: edge weight must be positive and finite");
        if (e.u != e.v) {
            ++count[e.u + 1];
            ++count[e.v + 1];
        }
    }
    signed_graph g;
    g.vertex_count = n;
    for (std::uint32_t v = 0; v < n; ++v) count[v + 1] += count[v];
    g.offsets = count;
    g.neighbour.resize(count[n]);
    g.edge_of.resize(count[n]);
    for (std::uint32_t i = 0; i < edges.size(); ++i) {
        const auto& e = edges[i];
        if (e.u == e.v) continue;
        g.neighbour[count[e.u]] = e.v;
        g.edge_of[count[e.u]++] = i;
        g.neighbour[count[e.v]] = e.u;
        g.edge_of[count[e.v]++] = i;
    }
    g.edges = std::move(edges);
    return g;
}

inline signed_graph signed_graph::from_case(const case_model& c, signed_graph_options options) {
    std::vector<signed_edge> edges{};
    edges.reserve(c.relation_count());
    for (const relation_handle e : c.relations()) {
        const relation& r = c.relation_at(e);
        if (r.provenance == provenance::inferred && !options.include_inferred) continue;
        edges.push_back({.u = static_cast<std::uint32_t>(c.source(e)),
                         .v = static_cast<std::uint32_t>(c.target(e)),
                         .sign = static_cast<std::int8_t>(r.type == relation_type::supports ? 1 : -1),
                         .weight = r.effective_weight(),
                         .relation = r.index});
    }
    return from_edges(static_cast<std::uint32_t>(c.statement_count()), std::move(edges));
}

}  // namespace narrative
