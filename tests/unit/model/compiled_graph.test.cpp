// SPDX-License-Identifier: MIT
#include <narrative/model/compiled_graph.hpp>

#include <doctest/doctest.h>

#include <vector>

using namespace narrative;

TEST_SUITE("model.compiled_graph") {
    TEST_CASE("a mutual contradiction becomes two attacks and supports follow attacks") {
        // a <-x-> b, c -> b (supports, 0.5), d -x-> b (one-way attack, 0.25)
        case_model c;
        for (const char* id : {"a", "b", "c", "d"}) c.add_statement({.id = id, .base = 0.4});
        c.relate("a", "b", {.type = relation_type::contradicts});
        c.relate("c", "b", {.type = relation_type::supports, .weight = 0.5});
        c.relate("d", "b", {.type = relation_type::contradicts, .weight = 0.25, .directed = true});
        const auto g = compiled_graph::compile(c);
        CHECK(g.statement_count == 4);
        CHECK(g.arc_count() == 4);
        // b is attacked by a then d (relation order), supported by c.
        CHECK(std::vector<std::uint32_t>(g.attackers(1).begin(), g.attackers(1).end()) == std::vector<std::uint32_t>{0, 3});
        CHECK(std::vector<double>(g.attack_weights(1).begin(), g.attack_weights(1).end()) == std::vector<double>{1.0, 0.25});
        CHECK(std::vector<std::uint32_t>(g.supporters(1).begin(), g.supporters(1).end()) == std::vector<std::uint32_t>{2});
        CHECK(g.support_weights(1)[0] == 0.5);
        // a is attacked by b through the same mutual relation.
        REQUIRE(g.attackers(0).size() == 1);
        CHECK(g.attackers(0)[0] == 1);
        CHECK(g.in_relation[g.in_offsets[0]] == 0);
        CHECK(g.attackers(2).empty());
        CHECK(g.supporters(3).empty());
        // Out-arcs: b attacks a; d attacks b; c supports b.
        CHECK(g.out_offsets[2] + 1 == g.out_offsets[3]);
        CHECK(g.out_target[g.out_offsets[3]] == 1);
        CHECK(g.base == std::vector<double>(4, 0.4));
        CHECK(g.has_supports());
    }

    TEST_CASE("inferred relations can be left out") {
        case_model c;
        c.add_statement({.id = "a"});
        c.add_statement({.id = "b"});
        c.relate("a", "b", {.type = relation_type::supports, .provenance = provenance::inferred, .rule = "r"});
        CHECK(compiled_graph::compile(c).arc_count() == 1);
        CHECK(compiled_graph::compile(c, {.include_inferred = false}).arc_count() == 0);
    }

    TEST_CASE("from_arcs checks its input") {
        const std::vector<compiled_arc> outside{{.from = 0, .to = 5}};
        CHECK_THROWS_AS((void)compiled_graph::from_arcs(2, outside, {0.5, 0.5}), model_error);
        const std::vector<compiled_arc> zero{{.from = 0, .to = 1, .weight = 0.0}};
        CHECK_THROWS_AS((void)compiled_graph::from_arcs(2, zero, {0.5, 0.5}), model_error);
        CHECK_THROWS_AS((void)compiled_graph::from_arcs(2, {}, {0.5}), model_error);
        const auto empty = compiled_graph::from_arcs(0, {}, {});
        CHECK(empty.arc_count() == 0);
        CHECK(empty.in_offsets.size() == 1);
    }
}
