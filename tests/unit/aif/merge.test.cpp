// SPDX-License-Identifier: MIT
#include <narrative/io/aif.hpp>
#include <narrative/io/merge.hpp>

#include <doctest/doctest.h>

#include <string>

using namespace narrative;

namespace {
merge_input input(const char* name, const char* json) { return {.source = name, .model = read_case(json)}; }

const statement& statement_of(const case_model& c, const char* id) {
    const auto v = c.find_statement(id);
    REQUIRE(v.has_value());
    return c.statement_at(*v);
}
}  // namespace

TEST_SUITE("aif.merge") {
    TEST_CASE("actors are matched by id, then by name") {
        const auto r = merge_cases({
            input("a.json", R"({"format": "narrative/1", "actors": [{"id": "bo", "name": "Bo B", "kind": "person"}],
                               "statements": [{"id": "s1", "actor": "bo"}]})"),
            input("b.json", R"({"format": "narrative/1", "actors": [{"id": "Bo B"}, {"id": "bo", "kind": "outlet"}],
                               "statements": [{"id": "s2", "actor": "Bo B"}, {"id": "s3", "actor": "bo"}]})"),
        });
        REQUIRE(r.ok());
        // "Bo B" (an id in b) is the display name of "bo" (a): one actor, a's definition kept.
        REQUIRE(r.model->actors().size() == 1);
        CHECK(r.model->actors()[0].kind == std::optional<std::string>("person"));
        CHECK(statement_of(*r.model, "s2").actor == std::optional<std::string>("bo"));
        CHECK(statement_of(*r.model, "s3").actor == std::optional<std::string>("bo"));
    }

    TEST_CASE("a colliding statement id is renamed id~2, then id~3, and its relations follow") {
        const char* one = R"({"format": "narrative/1", "statements": [{"id": "s", "text": "one"}, {"id": "t"}],
                             "relations": [{"from": "t", "to": "s", "type": "supports"}]})";
        const char* two = R"({"format": "narrative/1", "statements": [{"id": "s", "text": "two"}, {"id": "u"}],
                             "relations": [{"from": "u", "to": "s", "type": "contradicts"}]})";
        const char* three = R"({"format": "narrative/1", "statements": [{"id": "s", "text": "three"}]})";
        const auto r = merge_cases({input("1.json", one), input("2.json", two), input("3.json", three)});
        REQUIRE(r.ok());
        CHECK(statement_of(*r.model, "s").text == std::optional<std::string>("one"));
        CHECK(statement_of(*r.model, "s~2").text == std::optional<std::string>("two"));
        CHECK(statement_of(*r.model, "s~3").text == std::optional<std::string>("three"));
        REQUIRE(r.model->relation_count() == 2);
        CHECK(r.model->statement_at(r.model->target(r.model->relations()[1])).id == "s~2");
        REQUIRE(r.diagnostics.size() == 2);
        CHECK(r.diagnostics[0].source == "2.json");
        CHECK(r.diagnostics[0].location == "/statements/0/id");
        CHECK(r.diagnostics[0].message == "statement id \"s\" is already taken; renamed \"s~2\"");
        CHECK(r.diagnostics[1].message == "statement id \"s\" is already taken; renamed \"s~3\"");
    }

    TEST_CASE("the same statement seen twice is kept once, completed, and shared relations once") {
        // Two nodesets of one debate: I-node 7 with its utterance in one, without in the other.
        const char* first = R"({"format": "narrative/1", "actors": [{"id": "A"}],
            "statements": [{"id": "7", "actor": "A", "time": "2020-10-15", "text": "x"}, {"id": "8", "text": "y"}],
            "relations": [{"from": "8", "to": "7", "type": "supports"}]})";
        const char* second = R"({"format": "narrative/1",
            "statements": [{"id": "7", "text": "x"}, {"id": "8", "text": "y", "source": "clip"}],
            "relations": [{"from": "8", "to": "7", "type": "supports"}]})";
        const auto r = merge_cases({input("first", first), input("second", second)});
        REQUIRE(r.ok());
        CHECK(r.model->statement_count() == 2);
        CHECK(r.model->relation_count() == 1);
        CHECK(statement_of(*r.model, "8").source == std::optional<std::string>("clip"));
        CHECK(statement_of(*r.model, "7").actor == std::optional<std::string>("A"));
        CHECK(r.diagnostics.empty());
    }

    TEST_CASE("provenance: each item names the input it first came from, and an existing mark is kept") {
        const auto r = merge_cases({
            input("a.json", R"({"format": "narrative/1", "actors": [{"id": "p"}],
                               "statements": [{"id": "s1", "actor": "p"}, {"id": "s2", "x-source-file": "old.json"}],
                               "relations": [{"from": "s1", "to": "s2", "type": "contradicts"}]})"),
            input("b.json", R"({"format": "narrative/1", "statements": [{"id": "s3"}],
                               "relations": [{"from": "s3", "to": "s3", "type": "supports"}]})"),
        });
        REQUIRE(r.ok());
        const auto& m = *r.model;
        CHECK(m.actors()[0].ext.at("x-source-file") == "a.json");
        CHECK(statement_of(m, "s1").ext.at("x-source-file") == "a.json");
        CHECK(statement_of(m, "s2").ext.at("x-source-file") == "old.json");
        CHECK(statement_of(m, "s3").ext.at("x-source-file") == "b.json");
        CHECK(m.relation_at(std::size_t{1}).ext.at("x-source-file") == "b.json");
    }

    TEST_CASE("a proposition defined twice differently keeps the first, with a warning") {
        const auto r = merge_cases({
            input("a", R"({"format": "narrative/1", "propositions": [{"id": "p", "values": ["x", "y"]}], "statements": []})"),
            input("b", R"({"format": "narrative/1", "propositions": [{"id": "p"}], "statements": []})"),
        });
        REQUIRE(r.ok());
        CHECK(r.model->propositions().size() == 1);
        REQUIRE(r.diagnostics.size() == 1);
        CHECK(r.diagnostics[0].location == "/propositions/0");
    }
}
