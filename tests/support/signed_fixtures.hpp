// SPDX-License-Identifier: MIT
#pragma once
// Building blocks of the signed-graph test fixtures: a support (+) or contradiction (−) edge.

#include <narrative/signed/signed_graph.hpp>

#include <cstdint>

namespace narrative::fixtures {

/// A `supports` edge u — v (sign +1) of weight w.
inline signed_edge pos(std::uint32_t u, std::uint32_t v, double w = 1.0) {
    return {.u = u, .v = v, .sign = 1, .weight = w, .relation = 0};
}

/// A `contradicts` edge u — v (sign −1) of weight w.
inline signed_edge neg(std::uint32_t u, std::uint32_t v, double w = 1.0) {
    return {.u = u, .v = v, .sign = -1, .weight = w, .relation = 0};
}

}  // namespace narrative::fixtures
