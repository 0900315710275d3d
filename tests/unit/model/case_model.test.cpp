// SPDX-License-Identifier: MIT
#include <narrative/model/case_model.hpp>

#include <boost/graph/connected_components.hpp>
#include <boost/graph/undirected_graph.hpp>
#include <doctest/doctest.h>

#include <array>
#include <cstdint>
#include <string>
#include <utility>
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

    TEST_CASE("relate_all and reserve_relations build the graph that relate builds one by one") {
        // 40 relations among the 3 statements, with self and parallel ones, more than the
        // look-ahead of relate_all (16), so that its fetching ahead runs past the first ones.
        std::vector<std::pair<statement_index, statement_index>> ends;
        for (std::size_t i = 0; i < 40; ++i) ends.emplace_back((i * 7) % 3, (i * 5 + 1) % 3);
        const auto make = [](std::size_t i) {
            return relation{.type = i % 2 ? relation_type::contradicts : relation_type::supports,
                            .weight = 1.0 / static_cast<double>(i + 1), .note = "r" + std::to_string(i)};
        };
        auto one_by_one = bridge_case();
        for (std::size_t i = 0; i < ends.size(); ++i) one_by_one.relate(ends[i].first, ends[i].second, make(i));
        auto batched = bridge_case();
        std::vector<std::uint32_t> out_added(3, 0), in_added(3, 0);
        for (const auto& [from, to] : ends) {
            ++out_added[from];
            ++in_added[to];
        }
        batched.reserve_relations(out_added, in_added);
        batched.relate_all(ends.size(), [&](std::size_t i) { return ends[i]; }, make);

        REQUIRE(batched.relation_count() == 42);
        for (std::size_t i = 0; i < 42; ++i) {
            const auto e = batched.relations()[i];
            const auto f = one_by_one.relations()[i];
            CHECK(batched.source(e) == one_by_one.source(f));
            CHECK(batched.target(e) == one_by_one.target(f));
            CHECK(batched.relation_at(e).index == i);
            CHECK(batched.relation_at(e).note == one_by_one.relation_at(f).note);
            CHECK(batched.relation_at(e).weight == one_by_one.relation_at(f).weight);
        }
        // The same edge order around every statement, which the analyses iterate in.
        for (statement_index v = 0; v < 3; ++v) {
            std::vector<std::uint32_t> out_a, out_b, in_a, in_b;
            for (const auto e : boost::make_iterator_range(boost::out_edges(v, batched.graph())))
                out_a.push_back(batched.graph()[e].index);
            for (const auto e : boost::make_iterator_range(boost::out_edges(v, one_by_one.graph())))
                out_b.push_back(one_by_one.graph()[e].index);
            for (const auto e : boost::make_iterator_range(boost::in_edges(v, batched.graph())))
                in_a.push_back(batched.graph()[e].index);
            for (const auto e : boost::make_iterator_range(boost::in_edges(v, one_by_one.graph())))
                in_b.push_back(one_by_one.graph()[e].index);
            CHECK(out_a == out_b);
            CHECK(in_a == in_b);
        }
        // Relations added after a reservation grow the lists as usual.
        batched.relate("s1", "s3", {});
        CHECK(batched.relation_count() == 43);
        CHECK(boost::in_degree(2, batched.graph()) == boost::in_degree(2, one_by_one.graph()) + 1);
    }

    TEST_CASE("relate_all stops at a bad relation as relate does, keeping those before it") {
        auto c = bridge_case();
        const std::array<std::pair<statement_index, statement_index>, 3> ends{{{0, 1}, {1, 9}, {2, 0}}};
        CHECK_THROWS_AS(c.relate_all(ends.size(), [&](std::size_t i) { return ends[i]; },
                                     [](std::size_t) { return relation{}; }),
                        model_error);
        CHECK(c.relation_count() == 3);  // the two of bridge_case and the first of the batch
    }

    TEST_CASE("reserve_relations refuses degree counts of the wrong length") {
        auto c = bridge_case();
        const std::vector<std::uint32_t> three(3, 1), two(2, 1);
        CHECK_THROWS_AS(c.reserve_relations(two, three), model_error);
        CHECK_THROWS_AS(c.reserve_relations(three, two), model_error);
        c.reserve_statements(10);
        CHECK(c.statement_count() == 3);  // a reservation adds nothing
        CHECK(c.relation_count() == 2);
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
