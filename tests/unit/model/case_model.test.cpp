// SPDX-License-Identifier: MIT
#include <narrative/model/case_model.hpp>

#include <boost/graph/connected_components.hpp>
#include <boost/graph/undirected_graph.hpp>
#include <doctest/doctest.h>

#include <array>
#include <vector>

using namespace narrative;

namespace {
// s1 (mayor) <-x-> s2 (contractor) <- s3 (anonymous, supports s2)
case_model bridge_case() {
    case_model c;
    c.add_actor({.id = "mayor", .prior = 0.8});
    c.add_actor({.id = "contractor"});
    c.add_statement({.id = "s1", .actor = "mayor"});
    c.add_statement({.id = "s2", .actor = "contractor", .base = 0.3});
    c.add_statement({.id = "s3"});
    c.relate("s2", "s1", {.type = relation_type::contradicts});
    c.relate("s3", "s2", {.type = relation_type::supports, .weight = 0.5});
    return c;
}
}  // namespace

TEST_SUITE("model.case_model") {
    TEST_CASE("ids and actor indexes find what was added") {
        const auto c = bridge_case();
        CHECK(c.statement_count() == 3);
        CHECK(c.relation_count() == 2);
        CHECK(c.find_statement("s2") == statement_index{1});
        CHECK_FALSE(c.find_statement("s4").has_value());
        CHECK(c.find_actor("contractor") == 1u);
        REQUIRE(c.statements_of(0).size() == 1);
        CHECK(c.statements_of(0)[0] == 0);
        CHECK(c.statement_at(2).actor_index == no_actor);
    }

    TEST_CASE("base scores fall back to the actor prior then to one half") {
        const auto c = bridge_case();
        CHECK(c.base_of(0) == 0.8);  // no base: the mayor's prior
        CHECK(c.base_of(1) == 0.3);  // its own base
        CHECK(c.base_of(2) == 0.5);  // anonymous, no base
    }

    TEST_CASE("relation defaults follow the case format") {
        const auto c = bridge_case();
        const relation& contradiction = c.relation_at(std::size_t{0});
        const relation& support = c.relation_at(std::size_t{1});
        CHECK(contradiction.is_mutual());
        CHECK_FALSE(contradiction.is_directed());
        CHECK(contradiction.effective_weight() == 1.0);
        CHECK(support.is_directed());
        CHECK(support.effective_weight() == 0.5);
        CHECK(support.index == 1);
        CHECK(c.source(c.relations()[1]) == 2);
        CHECK(c.target(c.relations()[1]) == 1);
    }

    TEST_CASE("bad edits throw model_error") {
        auto c = bridge_case();
        CHECK_THROWS_AS(c.add_statement({.id = "s1"}), model_error);
        CHECK_THROWS_AS(c.add_statement({.id = ""}), model_error);
        CHECK_THROWS_AS(c.add_statement({.id = "s9", .actor = "nobody"}), model_error);
        CHECK_THROWS_AS(c.add_statement({.id = "s9", .base = 1.5}), model_error);
        CHECK_THROWS_AS(c.add_actor({.id = "mayor"}), model_error);
        CHECK_THROWS_AS(c.add_actor({.id = "x", .prior = -0.1}), model_error);
        CHECK_THROWS_AS(c.relate("s1", "nope", {}), model_error);
        CHECK_THROWS_AS(c.relate("s1", "s2", {.weight = 0.0}), model_error);
        CHECK_THROWS_AS(c.relate(statement_index{0}, statement_index{7}, {}), model_error);
        CHECK(c.statement_count() == 3);  // nothing was added by the failed edits
        CHECK(c.relation_count() == 2);
    }

    TEST_CASE("self relations and parallel relations are kept") {
        auto c = bridge_case();
        c.relate("s1", "s1", {.type = relation_type::contradicts, .directed = true});
        c.relate("s3", "s2", {.type = relation_type::supports});
        CHECK(c.relation_count() == 4);
        CHECK(boost::num_edges(c.graph()) == 4);
    }

    TEST_CASE("copies and moves keep every relation reachable") {
        auto original = bridge_case();
        for (int i = 0; i < 50; ++i) original.relate("s1", "s3", {.note = "n" + std::to_string(i)});
        const case_model copy = original;  // NOLINT(performance-unnecessary-copy-initialization)
        case_model moved = std::move(original);
        case_model assigned;
        assigned = copy;
        for (const case_model* c : std::array<const case_model*, 3>{&copy, &moved, &assigned}) {
            REQUIRE(c->relation_count() == 52);
            for (std::size_t i = 2; i < 52; ++i) CHECK(*c->relation_at(i).note == "n" + std::to_string(i - 2));
            CHECK(c->relation_at(std::size_t{1}).effective_weight() == 0.5);
        }
    }

    TEST_CASE("any BGL algorithm runs on the graph") {
        auto c = bridge_case();
        c.add_statement({.id = "island"});
        // Weakly connected components through an undirected copy of the structure.
        boost::adjacency_list<boost::vecS, boost::vecS, boost::undirectedS> u(c.statement_count());
        for (const auto e : boost::make_iterator_range(boost::edges(c.graph())))
            boost::add_edge(boost::source(e, c.graph()), boost::target(e, c.graph()), u);
        std::vector<int> component(c.statement_count());
        CHECK(boost::connected_components(u, component.data()) == 2);
        CHECK(component[0] == component[2]);
        CHECK(component[3] != component[0]);
        CHECK(boost::in_degree(1, c.graph()) == 1);  // s3 supports s2
        CHECK(c.graph()[1].id == "s2");               // bundled properties
    }
}
