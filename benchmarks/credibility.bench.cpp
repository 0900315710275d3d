// SPDX-License-Identifier: MIT
// Benchmark of the truth-discovery algorithms on a generated problem (default 1M statements by
// 100k actors on 300k propositions): per algorithm, the time of one iteration and its ratio to
// one Eigen sparse matrix–vector product over the same actor × claim incidence in the same run.
// Usage: narrative_bench_credibility [statements] [actors] [objects] [seed].

#include <narrative/credibility/credibility.hpp>

#include "support/measure.hpp"

#include <Eigen/SparseCore>

#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <random>
#include <string>
#include <vector>

namespace {

using bench::clock_type;
using bench::seconds_since;


// A seeded problem: objects with 2 to 4 values (a third yes/no), actors of skewed activity
// (a few prolific ones, as editing bots in Population), stances 60 % asserts, 20 % denies,
// 20 % reports. Every actor knows the truth with its own accuracy in [0.5, 0.95].
narrative::truth_problem generate(std::uint32_t n, std::uint32_t actors, std::uint32_t objects, std::uint32_t seed) {
    std::mt19937_64 rng(seed);
    narrative::truth_problem p{};
    p.actor_ids.resize(actors);
    p.actor_prior.assign(actors, std::nullopt);
    // (Ids built by append: GCC 12 at -O3 warns falsely on "a" + std::to_string.)
    for (std::uint32_t s = 0; s < actors; ++s) p.actor_ids[s].append("a").append(std::to_string(s));
    std::uniform_int_distribution<int> values(2, 4);
    std::vector<std::uint32_t> truth(objects);
    for (std::uint32_t o = 0; o < objects; ++o) {
        p.object_ids.emplace_back("o");
        p.object_ids.back().append(std::to_string(o));
        const bool yes_no = o % 3 == 0;
        p.object_yes_no.push_back(yes_no);
        const int m = yes_no ? 2 : values(rng);
        for (int k = 0; k < m; ++k) {
            p.claim_values.push_back(yes_no ? (k == 0 ? "true" : "false") : std::to_string(k));
            p.claim_object.push_back(o);
        }
        p.object_offsets.push_back(static_cast<std::uint32_t>(p.claim_values.size()));
        truth[o] = static_cast<std::uint32_t>(rng() % static_cast<std::uint64_t>(m));
    }
    std::vector<double> accuracy(actors);
    std::uniform_real_distribution<double> u(0.0, 1.0);
    for (auto& a : accuracy) a = 0.5 + 0.45 * u(rng);
    // Skewed activity: actor index drawn as actors · u^2.
    p.observations.reserve(n);
    for (std::uint32_t i = 0; i < n; ++i) {
        const double x = u(rng);
        const auto s = std::min(actors - 1, static_cast<std::uint32_t>(actors * x * x));
        const auto o = static_cast<std::uint32_t>(rng() % objects);
        const std::uint32_t first = p.object_offsets[o], m = p.object_offsets[o + 1] - first;
        std::uint32_t v = truth[o];
        if (u(rng) > accuracy[s]) v = (v + 1 + static_cast<std::uint32_t>(rng() % (m - 1))) % m;
        const double r = u(rng);
        const auto st = r < 0.6 ? narrative::stance::asserts : r < 0.8 ? narrative::stance::denies : narrative::stance::reports;
        // A yes/no observation refers to "true"; a denial of the truth is a correct statement.
        std::uint32_t claim = first + v;
        if (p.object_yes_no[o]) claim = first;
        p.observations.push_back({.actor = s, .claim = claim, .stance = st, .statement = i});
    }
    return p;
}

// Time of one call of f: the minimum over `reps` calls (the least disturbed by other load).
template <class F>
double time_of(F f, int reps) {
    std::vector<double> t{};
    for (int r = 0; r < reps; ++r) {
        const auto t0 = clock_type::now();
        f();
        t.push_back(seconds_since(t0));
    }
    return *std::min_element(t.begin(), t.end());
}

}  // namespace

int main(int argc, char** argv) {
    const auto n = static_cast<std::uint32_t>(argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 1'000'000);
    const auto actors = static_cast<std::uint32_t>(argc > 2 ? std::strtoul(argv[2], nullptr, 10) : 100'000);
    const auto objects = static_cast<std::uint32_t>(argc > 3 ? std::strtoul(argv[3], nullptr, 10) : 300'000);
    const auto seed = static_cast<std::uint32_t>(argc > 4 ? std::strtoul(argv[4], nullptr, 10) : 42);

    auto t0 = clock_type::now();
    const narrative::truth_problem p = generate(n, actors, objects, seed);
    const double gen = seconds_since(t0);
    t0 = clock_type::now();
    const narrative::vote_table votes = narrative::make_vote_table(p);
    const double table = seconds_since(t0);
    std::printf("problem: %u statements, %u actors, %u propositions, %u claims; %zu votes after one vote per\n"
                "(actor, proposition); generated in %.2f s, vote table built in %.3f s\n",
                n, actors, objects, p.claim_count(), votes.vote_count(), gen, table);

    // Reference: y = A x over the actor × claim vote incidence (votes non-zeros), row-major, and
    // the same over all statements (the observation incidence that stance-em reads).
    using sparse = Eigen::SparseMatrix<double, Eigen::RowMajor, std::int32_t>;
    std::vector<Eigen::Triplet<double, std::int32_t>> trip{};
    for (std::uint32_t s = 0; s < actors; ++s)
        for (std::uint32_t k = votes.actor_offsets[s]; k < votes.actor_offsets[s + 1]; ++k)
            trip.emplace_back(static_cast<std::int32_t>(s), static_cast<std::int32_t>(votes.actor_claims[k]), 1.0);
    sparse A(actors, p.claim_count());
    A.setFromTriplets(trip.begin(), trip.end());
    trip.clear();
    for (const auto& ob : p.observations)
        trip.emplace_back(static_cast<std::int32_t>(ob.actor), static_cast<std::int32_t>(ob.claim), 1.0);
    sparse O(actors, p.claim_count());
    O.setFromTriplets(trip.begin(), trip.end(), [](double a, double b) { return a + b; });
    Eigen::VectorXd x = Eigen::VectorXd::Constant(p.claim_count(), 0.5), y(actors);
    // Measured like the iterations below (40 in a row, best of 3), so that both see the same
    // background load.
    const double spmv = time_of([&] { for (int i = 0; i < 40; ++i) y.noalias() = A * x; }, 3) / 40;
    const double spmv_obs = time_of([&] { for (int i = 0; i < 40; ++i) y.noalias() = O * x; }, 3) / 40;
    std::printf("one SpMV over the vote incidence (%ld non-zeros): %.3f ms; over all statements (%ld): %.3f ms\n\n",
                static_cast<long>(A.nonZeros()), spmv * 1e3, static_cast<long>(O.nonZeros()), spmv_obs * 1e3);

    std::printf("%-18s %12s %12s %10s   %s\n", "algorithm", "ms/iteration", "setup ms", "× SpMV", "(reference)");
    for (const auto& a : narrative::credibility_algorithms()) {
        // Per-iteration time = (time of 1 + k iterations − time of 1 iteration) / k; setup (vote
        // table, components, implication lists) cancels out. Tolerance 0: no early stop.
        const std::uint32_t k = a.name == "voting" ? 0 : 40;
        narrative::credibility_options one{.max_iterations = 1u, .tolerance = 0.0};
        narrative::credibility_options more{.max_iterations = 1u + k, .tolerance = 0.0};
        double t1 = 0, tk = 0;
        std::uint32_t iterations = 0;
        t1 = time_of([&] { (void)a.run(p, one); }, 3);
        if (k > 0) tk = time_of([&] { iterations = a.run(p, more).iterations; }, 3);
        const bool stance = a.name == "stance-em";
        const double ref = stance ? spmv_obs : spmv;
        if (k == 0) {
            std::printf("%-18s %12s %12.1f %10s   (one pass; no iterations)\n", std::string(a.name).c_str(), "-", t1 * 1e3, "-");
            continue;
        }
        const double per = (tk - t1) / (iterations > 1 ? iterations - 1 : 1);
        std::printf("%-18s %12.3f %12.1f %10.2f   %s\n", std::string(a.name).c_str(), per * 1e3, (t1 - per) * 1e3,
                    per / ref, stance ? "statements" : "votes");
    }
    return 0;
}
