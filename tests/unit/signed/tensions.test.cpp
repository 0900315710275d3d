// SPDX-License-Identifier: MIT
// Direct contradictions and derived tensions with their witness paths.

#include <narrative/signed/tensions.hpp>

#include "signed_fixtures.hpp"

#include <doctest/doctest.h>

#include <vector>

namespace {

using narrative::signed_edge;
using narrative::signed_graph;

using narrative::fixtures::neg;
using narrative::fixtures::pos;

}  // namespace

TEST_SUITE("signed.tensions") {
    TEST_CASE("a support followed by a contradiction puts its ends in tension") {
        // a(0) supports b(1) with weight 0.5, b contradicts c(2) with weight 0.8.
        const auto g = signed_graph::from_edges(3, {pos(0, 1, 0.5), neg(1, 2, 0.8)});
        const auto direct = narrative::direct_contradictions(g);
        REQUIRE(direct.size() == 1);
        CHECK(direct[0].first == 1);
        CHECK(direct[0].second == 2);
        const auto t = narrative::derived_tensions(g);
        REQUIRE(t.size() == 1);
        CHECK(t[0].first == 0);
        CHECK(t[0].second == 2);
        CHECK(t[0].path.statements == std::vector<std::uint32_t>{0, 1, 2});
        CHECK(t[0].path.edges == std::vector<std::uint32_t>{0, 1});
        CHECK(t[0].path.strength == doctest::Approx(0.4));  // hand-derived: 0.5 × 0.8
        CHECK(t[0].path.contradictions == 1);
        CHECK_FALSE(t[0].ambivalent);
    }

    TEST_CASE("two contradictions in a row cancel and direct pairs are not derived") {
        // 0 − 1 − 2: 0 and 2 agree (the enemy of my enemy); 1 with 0 and 2 is direct.
        const auto g = signed_graph::from_edges(3, {neg(0, 1), neg(1, 2)});
        CHECK(narrative::derived_tensions(g).empty());
        CHECK(narrative::direct_contradictions(g).size() == 2);
    }

    TEST_CASE("the path bound limits how far tensions are derived") {
        // Chain 0 + 1 + 2 + 3 − 4: 0 and 4 are 4 relations apart.
        const auto g = signed_graph::from_edges(5, {pos(0, 1), pos(1, 2), pos(2, 3), neg(3, 4)});
        const auto near = narrative::derived_tensions(g, {.max_length = 3});
        // hand-derived: pairs (1,4) and (2,4) within 3 relations; (0,4) needs 4.
        REQUIRE(near.size() == 2);
        CHECK(near[0].first == 1);
        CHECK(near[1].first == 2);
        CHECK(narrative::derived_tensions(g, {.max_length = 4}).size() == 3);
        CHECK_THROWS_AS((void)narrative::derived_tensions(g, {.max_length = 1}), narrative::rule_error);
    }

    TEST_CASE("the strongest witness can be longer than the shortest") {
        // 0 + 1 (0.5), 1 − 4 (0.5): strength 0.25 in 2 relations;
        // 0 + 2 (1), 2 + 3 (1), 3 − 4 (1): strength 1 in 3 relations.
        const auto g = signed_graph::from_edges(
            5, {pos(0, 1, 0.5), neg(1, 4, 0.5), pos(0, 2), pos(2, 3), neg(3, 4)});
        const auto shortest = narrative::derived_tensions(g);
        const auto strongest = narrative::derived_tensions(
            g, {.max_length = 3, .witness = narrative::witness_choice::strongest});
        const auto find04 = [](const std::vector<narrative::tension>& ts) {
            for (const auto& t : ts)
                if (t.first == 0 && t.second == 4) return t;
            FAIL("no tension between 0 and 4");
            return narrative::tension{};
        };
        CHECK(find04(shortest).path.statements == std::vector<std::uint32_t>{0, 1, 4});
        CHECK(find04(shortest).path.strength == doctest::Approx(0.25));
        CHECK(find04(strongest).path.statements == std::vector<std::uint32_t>{0, 2, 3, 4});
        CHECK(find04(strongest).path.strength == doctest::Approx(1.0));
        CHECK(shortest.size() == strongest.size());
    }

    TEST_CASE("a pair joined by agreeing and disagreeing paths is ambivalent") {
        // Square 0 + 1 + 2 and 0 + 3 − 2: 0 and 2 both agree and disagree.
        const auto g = signed_graph::from_edges(4, {pos(0, 1), pos(1, 2), pos(0, 3), neg(3, 2)});
        const auto t = narrative::derived_tensions(g);
        bool found = false;
        for (const auto& x : t)
            if (x.first == 0 && x.second == 2) {
                found = true;
                CHECK(x.ambivalent);
                CHECK(x.path.statements == std::vector<std::uint32_t>{0, 3, 2});
            }
        CHECK(found);
    }

    TEST_CASE("for_each_tension visits each pair once") {
        const auto g = signed_graph::from_edges(4, {pos(0, 1), neg(1, 2), pos(2, 3)});
        // hand-derived: (0,2), (0,3) via 0+1−2+3, (1,3); (1,2) is direct.
        int count = 0;
        narrative::for_each_tension(g, {}, [&](const narrative::tension& t) {
            CHECK(t.first < t.second);
            CHECK(t.path.contradictions % 2 == 1);
            ++count;
        });
        CHECK(count == 3);
    }

    TEST_CASE("a bounded search stops between sources and says where") {
        const auto g = signed_graph::from_edges(4, {pos(0, 1), neg(1, 2), pos(2, 3)});
        int count = 0;
        const auto full = narrative::for_each_tension(g, {}, [&](const narrative::tension&) { ++count; });
        CHECK(count == 3);
        CHECK(full.complete);
        CHECK(full.sources_searched == 4);
        // hand-derived: from statement 0 the breadth-first search over (statement, parity)
        // reaches (0,even), (1,even), (2,odd), then (3,odd); going back from (2,odd) over the
        // contradiction gives (1,even) again. 4 states, past a bound of 1, so the search stops
        // after source 0 with its tensions (0,2) and (0,3).
        std::vector<std::uint32_t> seconds{};
        const auto bounded = narrative::for_each_tension(
            g, {}, [&](const narrative::tension& t) {
                CHECK(t.first == 0);
                seconds.push_back(t.second);
            },
            1);
        CHECK_FALSE(bounded.complete);
        CHECK(bounded.sources_searched == 1);
        CHECK(bounded.states_visited == 4);
        CHECK(seconds == std::vector<std::uint32_t>{2, 3});
    }
}
