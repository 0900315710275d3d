// SPDX-License-Identifier: MIT
#pragma once
// The smallest eigenvalue of a signed Laplacian, the spectral part of the frustration bounds.
//
// Declared here and compiled once (src/signed/spectral_bound.cpp, part of narrative::narrative's
// link interface): it needs Eigen's dense eigensolver and sparse LDLᵀ, whose templates cost
// several seconds per translation unit, and it is the only code of the library that does. So
// the headers stay free of Eigen and a user needs no Eigen on the include path.

#include <cstddef>
#include <cstdint>
#include <random>
#include <span>
#include <vector>

namespace narrative {

/// One edge of a signed Laplacian L̄ = D − A_σ, endpoints numbered 0..k−1.
struct laplacian_edge {
    std::uint32_t a = 0;
    std::uint32_t b = 0;
    double weight = 1.0;    ///< > 0
    bool negative = false;  ///< a contradiction (σ = −1)
};

/// How hard to work for λ_min (see frustration_options, which holds the same fields).
struct spectral_options {
    std::uint32_t dense_max = 600;                 ///< exact dense eigensolver up to this size
    std::uint32_t power_iterations = 300;          ///< power iterations above it
    std::uint32_t certify_max_statements = 20'000; ///< LDLᵀ inertia certification up to this size
    double certify_max_flops = 2e9;                ///< ... and this cost of the factorisation
};

/// λ_min of a signed Laplacian: `certified` when `lambda` is a proven lower bound of it.
struct spectral_estimate {
    double lambda = 0.0;           ///< certified value (or estimate when !certified)
    bool certified = false;
    std::vector<double> vector{};  ///< approximate eigenvector (for sign rounding)
};

/// λ_min(L̄) of the signed Laplacian of `k` vertices and `edges`: exact up to a backward-error
/// margin for k ≤ dense_max (dense symmetric eigensolver), else a power-iteration estimate on
/// c·I − L̄ (c = 2·max degree) from a random start drawn from `rng`, certified for
/// k ≤ certify_max_statements by LDLᵀ factorisations of L̄ − μI (all pivots positive ⇔ μ <
/// λ_min, Sylvester) when the symbolic analysis says they cost at most certify_max_flops.
/// Never throws except std::bad_alloc. Complexity: O(k³) dense; O(iterations · m) plus the
/// factorisations otherwise.
[[nodiscard]] spectral_estimate smallest_laplacian_eigenvalue(std::uint32_t k, std::span<const laplacian_edge> edges,
                                                              const spectral_options& options, std::mt19937_64& rng);

}  // namespace narrative
