// SPDX-License-Identifier: MIT
// The signed view of a case and its adjacency.

#include <narrative/signed/signed_graph.hpp>

#include <doctest/doctest.h>

#include <string>

TEST_SUITE("signed.signed_graph") {
    TEST_CASE("a case becomes one signed edge per relation with its index") {
        narrative::case_model c;
        for (const char* id : {"a", "b", "c"}) c.add_statement({.id = id});
        c.relate("a", "b", {.type = narrative::relation_type::supports, .weight = 0.5});
        c.relate("b", "c", {.type = narrative::relation_type::contradicts});
        c.relate("c", "a", {.type = narrative::relation_type::contradicts,
                            .provenance = narrative::provenance::inferred, .rule = "r"});
        const auto g = narrative::signed_graph::from_case(c);
        REQUIRE(g.edge_count() == 3);
        CHECK(g.edges[0].sign == 1);
        CHECK(g.edges[0].weight == doctest::Approx(0.5));
        CHECK(g.edges[1].sign == -1);
        CHECK(g.edges[2].relation == 2);
        CHECK(g.degree(0) == 2);
        const auto asserted = narrative::signed_graph::from_case(c, {.include_inferred = false});
        CHECK(asserted.edge_count() == 2);
        CHECK(asserted.degree(0) == 1);
    }

    TEST_CASE("self-loops stay in the edge list but not in the adjacency") {
        const auto g = narrative::signed_graph::from_edges(
            2, {{.u = 0, .v = 0, .sign = -1, .weight = 1.0, .relation = 0},
                {.u = 0, .v = 1, .sign = 1, .weight = 1.0, .relation = 1}});
        CHECK(g.edge_count() == 2);
        CHECK(g.degree(0) == 1);
        CHECK(g.neighbours(0)[0] == 1);
        CHECK(g.incident_edges(1)[0] == 1);
    }

    TEST_CASE("bad edges are rejected") {
        using narrative::signed_graph;
        CHECK_THROWS_AS((void)signed_graph::from_edges(2, {{.u = 0, .v = 2, .sign = 1, .weight = 1.0, .relation = 0}}),
                        narrative::model_error);
        CHECK_THROWS_AS((void)signed_graph::from_edges(2, {{.u = 0, .v = 1, .sign = 0, .weight = 1.0, .relation = 0}}),
                        narrative::model_error);
        CHECK_THROWS_AS((void)signed_graph::from_edges(2, {{.u = 0, .v = 1, .sign = 1, .weight = 0.0, .relation = 0}}),
                        narrative::model_error);
    }
}
