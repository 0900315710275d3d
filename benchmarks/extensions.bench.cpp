// SPDX-License-Identifier: MIT
// Benchmark of the crisp semantics. Two modes:
//   narrative_bench_extensions grounded [n] [m] [seed]
//     grounded labelling on generated attack graphs (default 1M arguments, 10M attacks): the time
//     of the linear propagation and its ratio to one Eigen sparse matrix-vector product over the
//     same attack CSR in the same run; an acyclic graph (everything gets labelled) and a uniform
//     random one.
//   narrative_bench_extensions solve FILE.apx SEMANTICS TASK [ARGUMENT]
//     reads an ICCMA .apx framework, runs one task with CaDiCaL and prints one JSON line: read
//     and solve times, the count or the acceptance. Used by extensions/bench_vs_clingo.py.

#include <narrative/extensions/attack_graph.hpp>
#include <narrative/extensions/grounded.hpp>
#include <narrative/extensions/registry.hpp>
#include <narrative/extensions/tasks.hpp>
#ifdef NARRATIVE_HAS_CADICAL
#include <narrative/extensions/cadical_solver.hpp>
#endif

#include "support/measure.hpp"

#include <Eigen/SparseCore>

#include <algorithm>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <exception>
#include <fstream>
#include <random>
#include <string>
#include <unordered_map>
#include <vector>

namespace {

using bench::clock_type;
using bench::seconds_since;

double median(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return v[v.size() / 2];
}

// Acyclic: every attack goes from a lower to a higher index; uniform: any pair, no self-loops.
narrative::attack_graph generate(std::uint32_t n, std::size_t m, std::uint64_t seed, bool acyclic) {
    std::mt19937_64 rng(seed);
    std::uniform_int_distribution<std::uint32_t> node(0, n - 1);
    std::vector<narrative::attack> attacks(m);
    for (auto& a : attacks) {
        std::uint32_t x = node(rng), y = node(rng);
        while (y == x) y = node(rng);
        if (acyclic && x > y) std::swap(x, y);
        a = {.from = x, .to = y};
    }
    return narrative::attack_graph::from_attacks(n, std::move(attacks));
}

void grounded_mode(std::uint32_t n, std::size_t m, std::uint64_t seed) {
    const int reps = 5;
    for (const bool acyclic : {true, false}) {
        const auto t0 = clock_type::now();
        const auto g = generate(n, m, seed, acyclic);
        const double build = seconds_since(t0);
        // The attack CSR (attackers of each argument) as an Eigen row-major matrix of ones.
        std::vector<int> outer(std::size_t{n} + 1, 0), inner(g.attack_count());
        for (std::uint32_t v = 0; v < n; ++v) {
            const auto att = g.attackers(v);
            outer[v + 1] = outer[v] + static_cast<int>(att.size());
            std::copy(att.begin(), att.end(), inner.begin() + outer[v]);
        }
        std::vector<double> ones(g.attack_count(), 1.0);
        Eigen::Map<const Eigen::SparseMatrix<double, Eigen::RowMajor, int>> matrix(
            n, n, static_cast<int>(g.attack_count()), outer.data(), inner.data(), ones.data());
        Eigen::VectorXd x = Eigen::VectorXd::Ones(n), y(n);
        std::vector<double> spmv, grounded;
        std::size_t in = 0, out = 0;
        for (int r = 0; r < reps; ++r) {
            auto t = clock_type::now();
            y.noalias() = matrix * x;
            spmv.push_back(seconds_since(t));
            t = clock_type::now();
            const auto lab = narrative::grounded_labelling(g);
            grounded.push_back(seconds_since(t));
            in = static_cast<std::size_t>(std::count(lab.begin(), lab.end(), narrative::label::in));
            out = static_cast<std::size_t>(std::count(lab.begin(), lab.end(), narrative::label::out));
        }
        std::printf("%s graph: %u arguments, %zu attacks (built in %.2f s)\n",
                    acyclic ? "acyclic" : "uniform", n, g.attack_count(), build);
        std::printf("  grounded labelling: %.1f ms (IN %zu, OUT %zu, UNDEC %zu)\n", median(grounded) * 1e3,
                    in, out, std::size_t{n} - in - out);
        std::printf("  Eigen SpMV:         %.1f ms\n", median(spmv) * 1e3);
        std::printf("  ratio grounded / SpMV: %.2f (median of %d)\n\n", median(grounded) / median(spmv), reps);
    }
    std::printf("peak memory: %.0f MiB\n", static_cast<double>(bench::peak_rss()) / (1024.0 * 1024.0));
}

// ICCMA .apx: arg(name). att(a,b). one per line (other lines ignored).
narrative::attack_graph read_apx(const std::string& path, std::unordered_map<std::string, std::uint32_t>& ids) {
    std::ifstream in(path);
    if (!in) throw std::runtime_error("cannot read " + path);
    std::vector<std::pair<std::string, std::string>> pending;
    std::string line;
    while (std::getline(in, line)) {
        const auto open = line.find('('), close = line.rfind(')');
        if (open == std::string::npos || close == std::string::npos) continue;
        const std::string head = line.substr(0, open), body = line.substr(open + 1, close - open - 1);
        if (head == "arg") {
            ids.emplace(body, static_cast<std::uint32_t>(ids.size()));
        } else if (head == "att") {
            const auto comma = body.find(',');
            pending.emplace_back(body.substr(0, comma), body.substr(comma + 1));
        }
    }
    std::vector<narrative::attack> attacks;
    attacks.reserve(pending.size());
    for (const auto& [a, b] : pending) attacks.push_back({.from = ids.at(a), .to = ids.at(b)});
    return narrative::attack_graph::from_attacks(static_cast<std::uint32_t>(ids.size()), std::move(attacks));
}

int solve_mode(const std::string& path, const std::string& semantics, const std::string& task,
               const std::string& argument) {
    std::unordered_map<std::string, std::uint32_t> ids;
    auto t0 = clock_type::now();
    const auto g = read_apx(path, ids);
    const double read = seconds_since(t0);
    narrative::task_options options{};
#ifdef NARRATIVE_HAS_CADICAL
    options.solvers = narrative::cadical_solver_factory();
#endif
    const auto t = narrative::parse_crisp_task(task);
    if (t == narrative::crisp_task::dc || t == narrative::crisp_task::ds) options.argument = ids.at(argument);
    t0 = clock_type::now();
    const auto r = narrative::run_task(g, narrative::find_crisp_semantics(semantics), t, options);
    const double solve = seconds_since(t0);
    std::printf("{\"read\": %.6f, \"solve\": %.6f, \"count\": %llu, \"accepted\": %s}\n", read, solve,
                static_cast<unsigned long long>(r.count),
                r.accepted ? (*r.accepted ? "true" : "false") : "null");
    return 0;
}

}  // namespace

int main(int argc, char** argv) {
    try {
        const std::string mode = argc > 1 ? argv[1] : "grounded";
        if (mode == "grounded") {
            const auto n = static_cast<std::uint32_t>(argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 1000000);
            const std::size_t m = argc > 3 ? std::strtoull(argv[3], nullptr, 10) : 10000000;
            const std::uint64_t seed = argc > 4 ? std::strtoull(argv[4], nullptr, 10) : 1;
            grounded_mode(n, m, seed);
            return 0;
        }
        if (mode == "solve" && argc >= 5) return solve_mode(argv[2], argv[3], argv[4], argc > 5 ? argv[5] : "");
        std::fprintf(stderr, "usage: narrative_bench_extensions grounded [n] [m] [seed]\n"
                             "       narrative_bench_extensions solve FILE.apx SEMANTICS TASK [ARGUMENT]\n");
        return 2;
    } catch (const std::exception& e) {
        std::fprintf(stderr, "narrative_bench_extensions: %s\n", e.what());
        return 1;
    }
}
