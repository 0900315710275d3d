// SPDX-License-Identifier: MIT
// Benchmark of the signed-graph analyses on generated graphs (default 1M statements, 10M
// relations): balance test and camps, weak balance, frustration bounds, and derived tensions
// with the default path bound; each time also as a ratio to one Eigen sparse matrix–vector
// product over the same graph in the same run.
// Usage: narrative_bench_signed [n] [m] [sparse_m] [tension_sources] [seed].

#include <narrative/signed/balance.hpp>
#include <narrative/signed/frustration.hpp>
#include <narrative/signed/signed_graph.hpp>
#include <narrative/signed/tensions.hpp>

#include "support/measure.hpp"

#include <Eigen/SparseCore>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <fstream>
#include <random>
#include <string>
#include <vector>

namespace {

using bench::clock_type;
using bench::seconds_since;

using bench::peak_rss;

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// Seeded random signed graph: uniform endpoints without self-loops, weights in [0.5, 1].
// `planted`: signs follow a hidden two-colouring (a balanced graph with two camps); otherwise
// each edge is negative with probability 1/2.
std::vector<narrative::signed_edge> generate(std::uint32_t n, std::size_t m, std::uint64_t seed,
                                             bool planted) {
    std::mt19937_64 rng(seed);
    std::uniform_int_distribution<std::uint32_t> node(0, n - 1);
    std::uniform_real_distribution<double> unit(0.0, 1.0);
    std::vector<std::uint8_t> colour(n);
    for (auto& c : colour) c = static_cast<std::uint8_t>(rng() & 1u);
    std::vector<narrative::signed_edge> edges(m);
    for (std::size_t i = 0; i < m; ++i) {
        std::uint32_t u = node(rng), v = node(rng);
        while (v == u) v = node(rng);
        const bool negative = planted ? colour[u] != colour[v] : (rng() & 1u) != 0;
        edges[i] = {.u = u, .v = v, .sign = static_cast<std::int8_t>(negative ? -1 : 1),
                    .weight = 1.0 - 0.5 * unit(rng), .relation = static_cast<std::uint32_t>(i)};
    }
    return edges;
}

// Median time of one product y = A x with the signed weighted adjacency A (row-major, both
// orientations stored, 2m non-zeros): the reference unit of the ratios.
double spmv_seconds(const narrative::signed_graph& g) {
    std::vector<Eigen::Triplet<double>> trip{};
    trip.reserve(g.edges.size() * 2);
    for (const auto& e : g.edges) {
        trip.emplace_back(e.u, e.v, e.sign * e.weight);
        trip.emplace_back(e.v, e.u, e.sign * e.weight);
    }
    Eigen::SparseMatrix<double, Eigen::RowMajor> a(g.vertex_count, g.vertex_count);
    a.setFromTriplets(trip.begin(), trip.end());
    trip.clear();
    trip.shrink_to_fit();
    Eigen::VectorXd x = Eigen::VectorXd::Ones(g.vertex_count), y(g.vertex_count);
    std::vector<double> times{};
    for (int rep = 0; rep < 7; ++rep) {
        const auto t0 = clock_type::now();
        y.noalias() = a * x;
        times.push_back(seconds_since(t0));
        x = y.cwiseSign() + Eigen::VectorXd::Constant(g.vertex_count, 0.5);
    }
    return median(times);
}

void report(const char* what, double seconds, double spmv) {
    std::printf("  %-52s %10.3f s  %8.2f x SpMV\n", what, seconds, seconds / spmv);
    std::fflush(stdout);
}

}  // namespace

int main(int argc, char** argv) {
    const auto n = static_cast<std::uint32_t>(argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 1'000'000);
    const std::size_t m = argc > 2 ? std::strtoull(argv[2], nullptr, 10) : 10'000'000;
    const std::size_t sparse_m = argc > 3 ? std::strtoull(argv[3], nullptr, 10) : 2'000'000;
    const std::size_t sources = argc > 4 ? std::strtoull(argv[4], nullptr, 10) : 2'000;
    const std::uint64_t seed = argc > 5 ? std::strtoull(argv[5], nullptr, 10) : 20250510;
    std::printf("signed-graph benchmark: n = %u statements, m = %zu relations, seed %llu\n", n, m,
                static_cast<unsigned long long>(seed));

    // ---------------------------------------------------------------- balance and camps
    {
        auto t0 = clock_type::now();
        const auto g = narrative::signed_graph::from_edges(n, generate(n, m, seed, true));
        std::printf("planted two-camp graph (balanced), generated and built in %.2f s\n",
                    seconds_since(t0));
        const double spmv = spmv_seconds(g);
        std::printf("  %-52s %10.4f s  (%.2f ns per stored non-zero)\n", "one SpMV (Eigen, row-major, 2m non-zeros)",
                    spmv, spmv / (2.0 * static_cast<double>(m)) * 1e9);
        t0 = clock_type::now();
        const auto b = narrative::test_balance(g);
        report("balance test + camps (parity union-find)", seconds_since(t0), spmv);
        std::size_t side1 = 0;
        for (const auto s : b.side) side1 += s;
        std::printf("    balanced = %s, components = %u, camp sizes %zu / %zu\n",
                    b.balanced ? "yes" : "no", b.component_count, n - side1, side1);
        t0 = clock_type::now();
        const auto f = narrative::compute_frustration(g);
        report("frustration on the balanced graph (exact 0)", seconds_since(t0), spmv);
        std::printf("    L = %.3f, exact = %s\n", f.upper_bound, f.exact ? "yes" : "no");
    }
    {
        auto t0 = clock_type::now();
        const auto g = narrative::signed_graph::from_edges(n, generate(n, m, seed + 1, false));
        std::printf("random-sign graph (unbalanced), generated and built in %.2f s\n",
                    seconds_since(t0));
        const double spmv = spmv_seconds(g);
        std::printf("  %-52s %10.4f s  (%.2f ns per stored non-zero)\n", "one SpMV (Eigen, row-major, 2m non-zeros)",
                    spmv, spmv / (2.0 * static_cast<double>(m)) * 1e9);
        t0 = clock_type::now();
        const auto b = narrative::test_balance(g);
        report("balance test + odd-cycle witness", seconds_since(t0), spmv);
        std::printf("    balanced = %s, conflicting edges = %zu, witness cycle length = %zu\n",
                    b.balanced ? "yes" : "no", b.conflicting_edges.size(), b.odd_cycle.size());
        t0 = clock_type::now();
        const auto w = narrative::test_weak_balance(g);
        report("weak-balance test", seconds_since(t0), spmv);
        std::printf("    clusterable = %s, clusters = %u\n", w.clusterable ? "yes" : "no", w.cluster_count);

        // ------------------------------------------------------------ frustration bounds
        narrative::frustration_options o{};
        t0 = clock_type::now();
        const auto f = narrative::compute_frustration(g, o);
        const double tf = seconds_since(t0);
        report("frustration bounds (power iteration + local search)", tf, spmv);
        std::printf("    lower = %.1f, upper = %.1f (%.4f of the total weight), gap = %.1f\n",
                    f.lower_bound, f.upper_bound,
                    f.upper_bound / [&] { double s = 0; for (const auto& e : g.edges) s += e.weight; return s; }(),
                    f.gap());
        for (const auto& c : f.components)
            if (c.statements > 1000)
                std::printf("    component of %u statements: lambda_min estimate %.4f (certified: %s), "
                            "%u power iterations\n",
                            c.statements, c.lambda_min, c.lambda_certified ? "yes" : "no", o.power_iterations);

        // ------------------------------------------------------------ tensions, sampled
        narrative::tension_finder finder(g, {});
        std::mt19937_64 rng(seed + 2);
        std::uniform_int_distribution<std::uint32_t> node(0, n - 1);
        std::size_t found = 0;
        t0 = clock_type::now();
        for (std::size_t i = 0; i < sources; ++i)
            finder.from(node(rng), false, [](std::uint32_t) { return true; },
                        [&](const narrative::tension&) { ++found; });
        const double ts = seconds_since(t0);
        std::printf("  %-52s %10.4f ms per source (%zu sources, %.0f tensions per source)\n",
                    "derived tensions, max_length 3, sampled sources", ts / static_cast<double>(sources) * 1e3,
                    sources, static_cast<double>(found) / static_cast<double>(sources));
        std::printf("    a full sweep would take about %.0f s = %.0f x SpMV\n",
                    ts / static_cast<double>(sources) * n,
                    ts / static_cast<double>(sources) * n / spmv);
    }
    // ---------------------------------------------------------------- tensions, full sweep
    {
        auto t0 = clock_type::now();
        const auto g = narrative::signed_graph::from_edges(n, generate(n, sparse_m, seed + 3, false));
        std::printf("sparse random-sign graph: n = %u, m = %zu, built in %.2f s\n", n, sparse_m,
                    seconds_since(t0));
        const double spmv = spmv_seconds(g);
        std::printf("  %-52s %10.4f s\n", "one SpMV (Eigen, row-major, 2m non-zeros)", spmv);
        std::size_t found = 0;
        t0 = clock_type::now();
        narrative::for_each_tension(g, {}, [&](const narrative::tension&) { ++found; });
        report("derived tensions, max_length 3, every pair", seconds_since(t0), spmv);
        std::printf("    %zu derived tensions\n", found);
    }
    std::printf("peak resident set size: %.2f GiB\n",
                static_cast<double>(peak_rss()) / (1024.0 * 1024.0 * 1024.0));
    return 0;
}
