// SPDX-License-Identifier: MIT
// λ_min of a signed Laplacian with Eigen (see include/narrative/signed/spectral_bound.hpp).

#include <narrative/signed/spectral_bound.hpp>

#include <Eigen/Dense>
#include <Eigen/Sparse>
#include <Eigen/SparseCholesky>

#include <algorithm>
#include <limits>

namespace narrative {
namespace {

// Eigen's sparse LDLᵀ with the column counts of its symbolic analysis readable: the cost of the
// numeric factorisation is known before it starts.
class costed_ldlt : public Eigen::SimplicialLDLT<Eigen::SparseMatrix<double>> {
public:
    // Multiply-adds of the numeric factorisation (after analyzePattern).
    [[nodiscard]] double factor_flops() const {
        double total = 0.0;
        for (Eigen::Index j = 0; j < m_nonZerosPerCol.size(); ++j) {
            const double count = static_cast<double>(m_nonZerosPerCol[j]);
            total += count * count;
        }
        return total;
    }
};

}  // namespace

spectral_estimate smallest_laplacian_eigenvalue(std::uint32_t k, std::span<const laplacian_edge> edges,
                                                const spectral_options& options, std::mt19937_64& rng) {
    spectral_estimate out{};
    double max_diag = 0.0;
    std::vector<double> diag(k, 0.0);
    for (const laplacian_edge& e : edges) {
        diag[e.a] += e.weight;
        diag[e.b] += e.weight;
    }
    for (const double d : diag) max_diag = std::max(max_diag, d);
    if (k <= options.dense_max) {
        Eigen::MatrixXd lap = Eigen::MatrixXd::Zero(k, k);
        for (const laplacian_edge& e : edges) {
            const double s = e.negative ? -1.0 : 1.0;
            lap(e.a, e.a) += e.weight;
            lap(e.b, e.b) += e.weight;
            lap(e.a, e.b) -= s * e.weight;
            lap(e.b, e.a) -= s * e.weight;
        }
        Eigen::SelfAdjointEigenSolver<Eigen::MatrixXd> solver(lap);
        if (solver.info() != Eigen::Success) return out;
        // Backward-stable solver: eigenvalues are exact for a matrix within c·ε·‖L̄‖ of L̄.
        const double margin = 64.0 * std::numeric_limits<double>::epsilon() * k * 2.0 * max_diag;
        out.lambda = std::max(0.0, solver.eigenvalues()(0) - margin);
        out.certified = true;
        const Eigen::VectorXd x = solver.eigenvectors().col(0);
        out.vector.assign(x.data(), x.data() + k);
        return out;
    }
    std::vector<Eigen::Triplet<double>> trip{};
    trip.reserve(edges.size() * 2 + k);
    for (std::uint32_t v = 0; v < k; ++v) trip.emplace_back(v, v, diag[v]);
    for (const laplacian_edge& e : edges) {
        const double off = -(e.negative ? -1.0 : 1.0) * e.weight;
        trip.emplace_back(e.a, e.b, off);
        trip.emplace_back(e.b, e.a, off);
    }
    Eigen::SparseMatrix<double, Eigen::RowMajor> lap(k, k);
    lap.setFromTriplets(trip.begin(), trip.end());
    // Power iteration on c·I − L̄ (c = 2·max degree ≥ λ_max by Gershgorin) converges to the
    // eigenvector of λ_min(L̄).
    const double shift = 2.0 * max_diag;
    std::normal_distribution<double> normal(0.0, 1.0);
    Eigen::VectorXd x(k), y(k);
    for (std::uint32_t v = 0; v < k; ++v) x(v) = normal(rng);
    x.normalize();
    for (std::uint32_t it = 0; it < options.power_iterations; ++it) {
        y.noalias() = lap * x;
        y = shift * x - y;
        const double norm = y.norm();
        if (norm == 0.0) break;
        x = y / norm;
    }
    y.noalias() = lap * x;
    const double theta = std::max(0.0, x.dot(y));
    out.lambda = theta;
    out.vector.assign(x.data(), x.data() + k);
    if (k > options.certify_max_statements || theta <= 0.0) return out;
    // Certify μ < λ_min: L̄ − μI positive definite ⇔ every LDLᵀ pivot positive (Sylvester).
    // The pattern is the same for every μ: one symbolic analysis, whose fill says whether the
    // factorisations are affordable.
    Eigen::SparseMatrix<double> shifted = lap;
    costed_ldlt ldlt{};
    ldlt.analyzePattern(shifted);
    if (ldlt.info() != Eigen::Success || ldlt.factor_flops() > options.certify_max_flops) return out;
    double mu = theta * (1.0 - 1e-6);
    for (int attempt = 0; attempt < 6; ++attempt, mu *= 0.5) {
        shifted = lap;
        for (std::uint32_t v = 0; v < k; ++v) shifted.coeffRef(v, v) -= mu;
        ldlt.factorize(shifted);
        if (ldlt.info() != Eigen::Success) continue;
        const double tol = 1e-10 * std::max(1.0, max_diag);
        if (ldlt.vectorD().minCoeff() > tol) {
            out.lambda = mu;
            out.certified = true;
            return out;
        }
    }
    return out;
}

}  // namespace narrative
