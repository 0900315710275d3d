// SPDX-License-Identifier: MIT
// Crisp semantics against an independent brute-force oracle: every attack graph on up to 4
// arguments (self-attacks included) and seeded random graphs up to 12 arguments, for every task.

#include "brute_force.hpp"

#include <narrative/extensions/cadical_solver.hpp>
#include <narrative/extensions/registry.hpp>
#include <narrative/extensions/tasks.hpp>

#include <doctest/doctest.h>

#include <cstdint>
#include <random>
#include <set>
#include <string>
#include <vector>

namespace {

using narrative::argument_set;
using narrative::attack_graph;
using narrative::crisp_task;
using narrative::fixtures::brute_force;
using narrative::fixtures::small_af;

const std::vector<std::string> all_semantics = {"grounded", "complete",    "preferred", "stable",
                                                "semi-stable", "stage", "ideal"};

std::uint32_t to_mask(const argument_set& e) {
    std::uint32_t m = 0;
    for (const auto a : e) m |= 1U << a;
    return m;
}

struct framework {
    attack_graph graph{};
    small_af af{};
};

framework make(unsigned n, const std::vector<std::pair<unsigned, unsigned>>& attacks) {
    framework f;
    f.af.n = n;
    f.af.attackers_mask.assign(n, 0);
    std::vector<narrative::attack> list;
    for (const auto& [from, to] : attacks) {
        f.af.attackers_mask[to] |= 1U << from;
        list.push_back({.from = from, .to = to});
    }
    f.graph = attack_graph::from_attacks(n, list);
    return f;
}

// Compares every task of `name` on `f` with the oracle; returns the number of disagreements,
// each also reported by a failed check naming the semantics, task and argument.
int compare(const framework& f, const std::string& name, bool decisions,
            const narrative::sat_solver_factory& solvers = narrative::dpll_solver_factory()) {
    const auto& sem = narrative::find_crisp_semantics(name);
    const std::set<std::uint32_t> expected = brute_force(f.af).semantics(name);
    int bad = 0;
    const auto fail = [&](const std::string& what) {
        ++bad;
        FAIL_CHECK(name << ": " << what << " (n = " << f.af.n << ", " << f.graph.attack_count() << " attacks)");
    };
    const auto ee = narrative::run_task(f.graph, sem, crisp_task::ee, {.solvers = solvers});
    std::set<std::uint32_t> got;
    for (const auto& e : ee.extensions) got.insert(to_mask(e));
    if (got != expected) fail("ee extensions differ");
    if (ee.extensions.size() != expected.size()) fail("ee repeats an extension");
    if (ee.status != narrative::task_status::done || ee.count != expected.size()) fail("ee count or status");
    const auto se = narrative::run_task(f.graph, sem, crisp_task::se, {.solvers = solvers});
    if (se.extensions.size() != (expected.empty() ? 0U : 1U)) fail("se found or missed an extension");
    if (!se.extensions.empty() && expected.count(to_mask(se.extensions[0])) != 1) fail("se is not an extension");
    if (!decisions) return bad;
    for (std::uint32_t a = 0; a < f.af.n; ++a) {
        bool credulous = false, sceptical = true;
        for (const auto e : expected) {
            credulous = credulous || ((e >> a) & 1U);
            sceptical = sceptical && ((e >> a) & 1U);
        }
        const auto dc = narrative::run_task(f.graph, sem, crisp_task::dc, {.argument = a, .solvers = solvers});
        const auto ds = narrative::run_task(f.graph, sem, crisp_task::ds, {.argument = a, .solvers = solvers});
        if (dc.accepted != credulous) fail("dc " + std::to_string(a));
        if (ds.accepted != sceptical) fail("ds " + std::to_string(a));
        // the witness is an extension containing a; the counterexample one without a
        if (credulous && (dc.extensions.size() != 1 || expected.count(to_mask(dc.extensions[0])) != 1 ||
                          ((to_mask(dc.extensions[0]) >> a) & 1U) != 1U))
            fail("dc witness " + std::to_string(a));
        if (!sceptical && (ds.extensions.size() != 1 || expected.count(to_mask(ds.extensions[0])) != 1 ||
                           ((to_mask(ds.extensions[0]) >> a) & 1U) != 0U))
            fail("ds counterexample " + std::to_string(a));
    }
    return bad;
}

}  // namespace

TEST_CASE("every semantics agrees with brute force on every attack graph of up to 4 arguments") {
    // n² possible attacks, self-attacks included: 1 + 2 + 16 + 512 + 65536 graphs.
    std::uint64_t graphs = 0;
    int disagreements = 0;
    for (unsigned n = 0; n <= 4; ++n) {
        const std::uint32_t total = 1U << (n * n);
        for (std::uint32_t code = 0; code < total; ++code) {
            std::vector<std::pair<unsigned, unsigned>> attacks;
            for (unsigned bit = 0; bit < n * n; ++bit)
                if ((code >> bit) & 1U) attacks.emplace_back(bit / n, bit % n);
            const framework f = make(n, attacks);
            for (const auto& name : all_semantics) disagreements += compare(f, name, true);
            ++graphs;
        }
    }
    CHECK(graphs == 1 + 2 + 16 + 512 + 65536);
    CHECK(disagreements == 0);
}

std::vector<framework> random_frameworks(std::uint32_t seed, int per_size) {
    std::mt19937 rng(seed);
    std::vector<framework> out;
    for (unsigned n = 5; n <= 12; ++n) {
        for (int round = 0; round < per_size; ++round) {
            // densities from sparse to dense, self-attacks rarer
            const double p = 0.05 + 0.05 * (round % 8);
            std::bernoulli_distribution edge(p), self(0.05);
            std::vector<std::pair<unsigned, unsigned>> attacks;
            for (unsigned a = 0; a < n; ++a)
                for (unsigned b = 0; b < n; ++b)
                    if (a == b ? self(rng) : edge(rng)) attacks.emplace_back(a, b);
            out.push_back(make(n, attacks));
        }
    }
    return out;
}

TEST_CASE("every semantics agrees with brute force on seeded random graphs of 5 to 12 arguments") {
    int disagreements = 0;
    int graphs = 0;
    for (const framework& f : random_frameworks(20261207, 40)) {
        for (const auto& name : all_semantics) disagreements += compare(f, name, true);
        ++graphs;
    }
    CHECK(graphs == 320);
    CHECK(disagreements == 0);
}

#ifdef NARRATIVE_HAS_CADICAL
TEST_CASE("with CaDiCaL: every semantics agrees with brute force on every graph up to 3 arguments and random ones") {
    const auto cadical = narrative::cadical_solver_factory();
    int disagreements = 0, graphs = 0;
    for (unsigned n = 0; n <= 3; ++n) {
        for (std::uint32_t code = 0; code < (1U << (n * n)); ++code) {
            std::vector<std::pair<unsigned, unsigned>> attacks;
            for (unsigned bit = 0; bit < n * n; ++bit)
                if ((code >> bit) & 1U) attacks.emplace_back(bit / n, bit % n);
            const framework f = make(n, attacks);
            for (const auto& name : all_semantics) disagreements += compare(f, name, true, cadical);
            ++graphs;
        }
    }
    for (const framework& f : random_frameworks(77, 10)) {
        for (const auto& name : all_semantics) disagreements += compare(f, name, true, cadical);
        ++graphs;
    }
    CHECK(graphs == 1 + 2 + 16 + 512 + 80);
    CHECK(disagreements == 0);
}
#endif
