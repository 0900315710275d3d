// SPDX-License-Identifier: MIT
#pragma once
// Small compiled graphs for the gradual tests, built from edge lists.

#include <narrative/model/compiled_graph.hpp>

#include <cstdint>
#include <utility>
#include <vector>

namespace narrative::fixtures {

struct edge {
    std::uint32_t from = 0;
    std::uint32_t to = 0;
    double weight = 1.0;
};

/// A compiled graph with the given base scores, attacks and supports (directed arcs).
inline compiled_graph qbaf(std::vector<double> base, const std::vector<edge>& attacks,
                           const std::vector<edge>& supports = {}) {
    std::vector<compiled_arc> arcs{};
    std::uint32_t r = 0;
    for (const auto& e : attacks)
        arcs.push_back({.from = e.from, .to = e.to, .weight = e.weight,
                        .type = relation_type::contradicts, .relation = r++});
    for (const auto& e : supports)
        arcs.push_back({.from = e.from, .to = e.to, .weight = e.weight,
                        .type = relation_type::supports, .relation = r++});
    const auto n = static_cast<std::uint32_t>(base.size());
    return compiled_graph::from_arcs(n, arcs, std::move(base));
}

/// The illustrative example of the semantics reference §3.8:
///
///     b (0.7) --attacks--> a (0.5) <--attacks-- d (0.4)
///                          ^
///                          | supports
///                          c (0.3)
///
/// Vertex numbers: a = 0, b = 1, c = 2, d = 3.
inline compiled_graph illustrative() {
    return qbaf({0.5, 0.7, 0.3, 0.4}, {{.from = 1, .to = 0}, {.from = 3, .to = 0}},
                {{.from = 2, .to = 0}});
}

/// The e-democracy example of Rago, Toni, Aurisicchio & Baroni (2016, KR), as encoded in
/// Uncertainpy's examples/gradual/BAG/RagoEtAlEDemocracy.bag:
///
///     C1 --att--> A2 <--sup-- P3          P1 --sup--> A1 <--sup-- P2 <--att-- C2, C3, C4
///
/// Vertex numbers: A1 = 0, A2 = 1, P1 = 2, P2 = 3, P3 = 4, C1 = 5, C2 = 6, C3 = 7, C4 = 8.
/// Base scores: A1 0.5, A2 0.5, P1 0.7, P2 0.5, P3 0.9, C1 0.2, C2 0.2, C3 0.6, C4 0.5.
inline compiled_graph e_democracy() {
    return qbaf({0.5, 0.5, 0.7, 0.5, 0.9, 0.2, 0.2, 0.6, 0.5},
                {{.from = 5, .to = 1}, {.from = 6, .to = 3}, {.from = 7, .to = 3},
                 {.from = 8, .to = 3}},
                {{.from = 2, .to = 0}, {.from = 3, .to = 0}, {.from = 4, .to = 1}});
}

}  // namespace narrative::fixtures
