// SPDX-License-Identifier: MIT
// Structural and weak balance: the parity union-find, camps, odd-cycle witnesses, and the
// Boost.Graph bipartite route as an independent oracle.

#include <narrative/signed/balance.hpp>

#include <boost/graph/adjacency_list.hpp>
#include <boost/graph/bipartite.hpp>
#include "signed_fixtures.hpp"

#include <doctest/doctest.h>

#include <random>
#include <vector>

namespace {

using narrative::signed_edge;
using narrative::signed_graph;

using narrative::fixtures::neg;
using narrative::fixtures::pos;

// Signed-graphs reference §4.2: subdivide every positive edge; balanced iff bipartite.
bool balanced_by_boost(const signed_graph& g) {
    using ug = boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS>;
    ug aux(g.vertex_count);
    for (const auto& e : g.edges) {
        if (e.u == e.v) {
            if (e.is_negative()) return false;
            continue;
        }
        if (e.is_negative()) {
            boost::add_edge(e.u, e.v, aux);
        } else {
            const auto mid = boost::add_vertex(aux);
            boost::add_edge(e.u, mid, aux);
            boost::add_edge(mid, e.v, aux);
        }
    }
    return boost::is_bipartite(aux);
}

}  // namespace

TEST_SUITE("signed.balance") {
    TEST_CASE("the parity union-find links roots and detects a conflict") {
        // Signed-graphs reference §4.1 example: a-b (+), b-c (+), a-c (-) is unbalanced.
        narrative::parity_union_find uf(3);
        using o = narrative::parity_union_find::outcome;
        CHECK(uf.unite(0, 1, 0) == o::merged);
        CHECK(uf.unite(1, 2, 0) == o::merged);
        CHECK(uf.unite(0, 2, 0) == o::consistent);
        CHECK(uf.unite(0, 2, 1) == o::conflict);
        CHECK(uf.find(2).second == uf.find(0).second);
    }

    TEST_CASE("a triangle with one contradiction is unbalanced with a three edge witness") {
        const auto g = signed_graph::from_edges(3, {pos(0, 1), pos(1, 2), neg(0, 2)});
        const auto r = narrative::test_balance(g);
        CHECK_FALSE(r.balanced);
        REQUIRE(r.odd_cycle.size() == 3);
        int negatives = 0;
        for (const auto e : r.odd_cycle) negatives += g.edges[e].is_negative() ? 1 : 0;
        CHECK(negatives % 2 == 1);
        CHECK(r.odd_cycle_statements.front() == 0);
        CHECK(r.odd_cycle_statements.back() == 2);
    }

    TEST_CASE("two disjoint camps are balanced and split as expected") {
        // Camp {0, 1} and camp {2, 3}: supports inside, contradictions across; 4-5 apart.
        const auto g = signed_graph::from_edges(
            6, {pos(0, 1), pos(2, 3), neg(0, 2), neg(1, 3), neg(0, 3), pos(4, 5)});
        const auto r = narrative::test_balance(g);
        CHECK(r.balanced);
        CHECK(r.component_count == 2);
        CHECK(r.side[0] == r.side[1]);
        CHECK(r.side[2] == r.side[3]);
        CHECK(r.side[0] != r.side[2]);
        CHECK(r.component[4] == r.component[5]);
        CHECK(r.component[0] != r.component[4]);
        CHECK(r.odd_cycle.empty());
    }

    TEST_CASE("a negative self-loop makes the graph unbalanced") {
        const auto g = signed_graph::from_edges(2, {pos(0, 1), neg(1, 1)});
        const auto r = narrative::test_balance(g);
        CHECK_FALSE(r.balanced);
        CHECK(r.odd_cycle == std::vector<std::uint32_t>{1});
    }

    TEST_CASE("an all-negative triangle is weakly balanced but not balanced") {
        // Signed-graphs reference §8 table: triangle - - -: L = 1 strong, 0 under weak balance.
        const auto g = signed_graph::from_edges(3, {neg(0, 1), neg(1, 2), neg(0, 2)});
        CHECK_FALSE(narrative::test_balance(g).balanced);
        const auto w = narrative::test_weak_balance(g);
        CHECK(w.clusterable);
        CHECK(w.cluster_count == 3);
        const auto h = signed_graph::from_edges(3, {pos(0, 1), pos(1, 2), neg(0, 2)});
        const auto wh = narrative::test_weak_balance(h);
        CHECK_FALSE(wh.clusterable);
        CHECK(wh.violating_edges == std::vector<std::uint32_t>{2});
    }

    TEST_CASE("the union-find agrees with the bipartite test of Boost on random graphs") {
        std::mt19937 rng(7);
        for (int trial = 0; trial < 200; ++trial) {
            const std::uint32_t n = 2 + rng() % 12;
            const std::uint32_t m = rng() % (2 * n + 1);
            std::vector<signed_edge> edges{};
            // Half the trials are planted balanced graphs (signs from a random colouring).
            std::vector<int> colour(n);
            for (auto& c : colour) c = static_cast<int>(rng() % 2);
            for (std::uint32_t i = 0; i < m; ++i) {
                const std::uint32_t u = rng() % n, v = rng() % n;
                if (u == v) continue;
                const bool planted = trial % 2 == 0;
                const bool negative = planted ? colour[u] != colour[v] : rng() % 2 == 0;
                edges.push_back(negative ? neg(u, v) : pos(u, v));
            }
            const auto g = signed_graph::from_edges(n, edges);
            const auto r = narrative::test_balance(g);
            CHECK(r.balanced == balanced_by_boost(g));
            if (trial % 2 == 0) CHECK(r.balanced);
            if (r.balanced) {
                for (const auto& e : g.edges)
                    CHECK((r.side[e.u] != r.side[e.v]) == e.is_negative());
            } else {
                int negatives = 0;
                for (const auto e : r.odd_cycle) negatives += g.edges[e].is_negative() ? 1 : 0;
                CHECK(negatives % 2 == 1);
            }
        }
    }
}
