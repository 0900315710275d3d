// SPDX-License-Identifier: MIT
// Benchmark of the truth-discovery algorithms on a generated problem (default 1M statements by
// 100k actors on 300k propositions): per algorithm, the time of one iteration and its ratios to
// two Eigen sparse matrix–vector products measured in the same run: over the actor × claim vote
// incidence A (one direction), and over the bipartite graph's full adjacency [0 A; Aᵀ 0] (both
// directions; an iteration of these algorithms gathers over the votes once each way).
// Usage: narrative_bench_credibility [statements] [actors] [objects] [seed].

#include <narrative/credibility/credibility.hpp>
#include <narrative/credibility/evidence_model.hpp>

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

    // References, all Eigen row-major: y = A x over the actor × claim vote incidence (votes
    // non-zeros), the same over all statements (the observation incidence that stance-em reads),
    // and y = M x with M = [0 A; Aᵀ 0] over actors then claims (2 × votes non-zeros): the
    // product over the whole bipartite graph, which visits every vote from both ends as one
    // truth-discovery round must.
    using sparse = Eigen::SparseMatrix<double, Eigen::RowMajor, std::int32_t>;
    using triplet = Eigen::Triplet<double, std::int32_t>;
    const auto S = static_cast<std::int32_t>(actors);
    std::vector<triplet> trip{}, both{};
    for (std::uint32_t s = 0; s < actors; ++s)
        for (std::uint32_t k = votes.actor_offsets[s]; k < votes.actor_offsets[s + 1]; ++k) {
            const auto a = static_cast<std::int32_t>(s), c = static_cast<std::int32_t>(votes.actor_claims[k]);
            trip.emplace_back(a, c, 1.0);
            both.emplace_back(a, S + c, 1.0);
            both.emplace_back(S + c, a, 1.0);
        }
    sparse A(actors, p.claim_count());
    A.setFromTriplets(trip.begin(), trip.end());
    sparse M(S + static_cast<std::int32_t>(p.claim_count()), S + static_cast<std::int32_t>(p.claim_count()));
    M.setFromTriplets(both.begin(), both.end());
    both = {};
    trip.clear();
    for (const auto& ob : p.observations)
        trip.emplace_back(static_cast<std::int32_t>(ob.actor), static_cast<std::int32_t>(ob.claim), 1.0);
    sparse O(actors, p.claim_count());
    O.setFromTriplets(trip.begin(), trip.end(), [](double a, double b) { return a + b; });
    Eigen::VectorXd x = Eigen::VectorXd::Constant(p.claim_count(), 0.5), y(actors);
    Eigen::VectorXd xm = Eigen::VectorXd::Constant(M.cols(), 0.5), ym(M.rows());
    // Each measured like the iterations below (40 in a row, best of 3).
    auto spmv_a = [&] { for (int i = 0; i < 40; ++i) y.noalias() = A * x; };
    auto spmv_o = [&] { for (int i = 0; i < 40; ++i) y.noalias() = O * x; };
    auto spmv_m = [&] { for (int i = 0; i < 40; ++i) ym.noalias() = M * xm; };
    const double spmv = time_of(spmv_a, 3) / 40;
    const double spmv_obs = time_of(spmv_o, 3) / 40;
    const double spmv_both = time_of(spmv_m, 3) / 40;
    std::printf("one SpMV over the vote incidence A (%ld non-zeros): %.3f ms; over all statements (%ld): %.3f ms;\n"
                "over the bipartite adjacency [0 A; Aᵀ 0] (%ld non-zeros): %.3f ms\n\n",
                static_cast<long>(A.nonZeros()), spmv * 1e3, static_cast<long>(O.nonZeros()), spmv_obs * 1e3,
                static_cast<long>(M.nonZeros()), spmv_both * 1e3);

    std::printf("%-18s %12s %12s %10s %12s   %s\n", "algorithm", "ms/iteration", "setup ms", "× SpMV A", "× SpMV M",
                "(incidence)");
    for (const auto& a : narrative::credibility_algorithms()) {
        // Per-iteration time = (time of 1 + k iterations − time of 1 iteration) / k; setup (vote
        // table, components, implication lists) cancels out. Tolerance 0: no early stop.
        const std::uint32_t k = a.name == "voting" ? 0 : 40;
        narrative::credibility_options one{.max_iterations = 1u, .tolerance = 0.0};
        narrative::credibility_options more{.max_iterations = 1u + k, .tolerance = 0.0};
        // The runs alternate with the reference products, best of 3 each, so that the ratios
        // compare times taken under the same background load.
        const bool stance = a.name == "stance-em";
        double t1 = 1e300, tk = 1e300, ref = 1e300, ref_both = 1e300;
        std::uint64_t iterations = 0;
        for (int r = 0; r < 3; ++r) {
            t1 = std::min(t1, time_of([&] { (void)a.run(p, one); }, 1));
            if (k == 0) continue;
            tk = std::min(tk, time_of([&] { iterations = a.run(p, more).run.iterations; }, 1));
            ref = std::min(ref, (stance ? time_of(spmv_o, 1) : time_of(spmv_a, 1)) / 40);
            ref_both = std::min(ref_both, time_of(spmv_m, 1) / 40);
        }
        if (k == 0) {
            std::printf("%-18s %12s %12.1f %10s %12s   (one pass; no iterations)\n", std::string(a.name).c_str(), "-",
                        t1 * 1e3, "-", "-");
            continue;
        }
        const double per = (tk - t1) / static_cast<double>(iterations > 1 ? iterations - 1 : 1);
        // stance-em reads statements, not votes: no bipartite vote-graph reference for it.
        char both_ratio[32] = "-";
        if (!stance) std::snprintf(both_ratio, sizeof both_ratio, "%.2f", per / ref_both);
        std::printf("%-18s %12.3f %12.1f %10.2f %12s   %s\n", std::string(a.name).c_str(), per * 1e3,
                    (t1 - per) * 1e3, per / ref, both_ratio, stance ? "statements" : "votes");
    }
    {
        // evidence-em's whole default run: EM rounds to its tolerance, then the copy posteriors
        // re-estimated between runs (not part of a round, so measured apart).
        const auto start = clock_type::now();
        const auto run = narrative::evidence_em(p);
        std::printf("\nevidence-em default run (EM to tolerance 1e-6, copy detection between runs): %.2f s, %llu rounds, %s\n",
                    seconds_since(start), static_cast<unsigned long long>(run.run.iterations),
                    std::string(narrative::to_string(run.run.status)).c_str());
    }
    std::printf("\n× SpMV A: per-iteration time over one SpMV with the vote incidence A (actors × claims, one\n"
                "direction; for stance-em the incidence of all statements); × SpMV M: over one SpMV with the\n"
                "bipartite adjacency M = [0 A; Aᵀ 0] (both directions, 2 × votes non-zeros), the product over\n"
                "the same graph that one round, gathering over the votes from both ends, compares with\n"
                "(not given for stance-em, which reads statements, not votes). The references are measured\n"
                "again alternately with each algorithm's runs and the ratios use those times; the times\n"
                "printed at the top are the first measurement.\n");
    return 0;
}
