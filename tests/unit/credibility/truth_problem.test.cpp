// SPDX-License-Identifier: MIT
// Tests of the truth-discovery input: building problems from cases and reducing votes.

#include <narrative/credibility/truth_problem.hpp>

#include <doctest/doctest.h>

#include <string>

namespace {

narrative::statement said(const std::string& id, const std::string& actor, const std::string& prop,
                          std::optional<std::string> value, narrative::stance s) {
    return {.id = id, .actor = actor, .claim = narrative::claim{.proposition = prop, .value = std::move(value), .stance = s}};
}

}  // namespace

TEST_SUITE("credibility.truth_problem") {
    TEST_CASE("a case maps yes-no and valued propositions to objects and claims") {
        narrative::case_model c;
        c.add_actor({.id = "a", .prior = 0.9});
        c.add_actor({.id = "b"});
        c.add_proposition({.id = "broker", .values = std::vector<std::string>{"us", "bilateral"}});
        c.add_proposition({.id = "tags", .values = std::vector<std::string>{"x", "y"}, .exclusive = false});
        c.add_statement(said("s1", "a", "broker", "us", narrative::stance::asserts));
        c.add_statement(said("s2", "b", "asked", std::nullopt, narrative::stance::denies));
        c.add_statement(said("s3", "b", "tags", "y", narrative::stance::asserts));
        c.add_statement({.id = "anonymous", .claim = narrative::claim{.proposition = "asked"}});
        const auto p = narrative::make_truth_problem(c);
        CHECK(p.actor_count() == 2);
        REQUIRE(p.actor_prior[0].has_value());
        CHECK(*p.actor_prior[0] == 0.9);
        CHECK_FALSE(p.actor_prior[1].has_value());
        // Objects: broker (valued), tags=x and tags=y (one yes/no object per value of a
        // non-exclusive proposition), then the undeclared yes/no proposition "asked".
        REQUIRE(p.object_count() == 4);
        CHECK(p.object_ids[0] == "broker");
        CHECK(p.object_ids[1] == "tags=x");
        CHECK(p.object_ids[2] == "tags=y");
        CHECK(p.object_ids[3] == "asked");
        CHECK_FALSE(p.object_yes_no[0]);
        CHECK(p.object_yes_no[3]);
        CHECK(p.claim_values[*p.find_claim(3, "false")] == "false");
        // The anonymous statement gives no observation.
        REQUIRE(p.observations.size() == 3);
        CHECK(p.observations[1].claim == *p.find_claim(3, "true"));
        CHECK(p.observations[1].stance == narrative::stance::denies);
        CHECK(p.observations[2].claim == *p.find_claim(2, "true"));
    }
    TEST_CASE("relations between claims become signed implications across propositions") {
        narrative::case_model c;
        c.add_actor({.id = "a"});
        c.add_actor({.id = "b"});
        c.add_proposition({.id = "broker", .values = std::vector<std::string>{"us", "bilateral"}});
        c.add_statement(said("us", "a", "broker", "us", narrative::stance::asserts));
        c.add_statement(said("asked", "a", "asked", std::nullopt, narrative::stance::asserts));
        c.add_statement(said("no-asked", "b", "asked", std::nullopt, narrative::stance::denies));
        c.add_statement(said("not-us", "b", "broker", "us", narrative::stance::denies));
        c.relate("asked", "us", {.type = narrative::relation_type::supports, .weight = 0.8});
        c.relate("no-asked", "us", {.type = narrative::relation_type::contradicts});  // mutual
        c.relate("not-us", "asked", {.type = narrative::relation_type::contradicts, .directed = true});
        const auto p = narrative::make_truth_problem(c);
        const auto us = *p.find_claim(0, "us");
        const auto t = *p.find_claim(1, "true"), f = *p.find_claim(1, "false");
        auto imp = [&](std::uint32_t a, std::uint32_t b) {
            for (const auto& i : p.implications)
                if (i.from == a && i.to == b) return i.value;
            return -99.0;
        };
        // hand-derived: supports with weight 0.8 from "asked"=true to "us".
        CHECK(imp(t, us) == doctest::Approx(0.8));
        // hand-derived: a mutual contradiction between "asked"=false and "us", both ways.
        CHECK(imp(f, us) == doctest::Approx(-1.0));
        CHECK(imp(us, f) == doctest::Approx(-1.0));
        // hand-derived: "not-us" is the negation of "us": contradicting "asked"=true flips to +1.
        CHECK(imp(us, t) == doctest::Approx(1.0));
        CHECK(p.implications.size() == 4);
    }
    TEST_CASE("a value key merges spellings and an empty key drops the statement") {
        narrative::case_model c;
        c.add_actor({.id = "a"});
        c.add_actor({.id = "b"});
        c.add_actor({.id = "c"});
        c.add_proposition({.id = "n", .values = std::vector<std::string>{"1,000", "1000", "?"}});
        c.add_statement(said("s1", "a", "n", "1,000", narrative::stance::asserts));
        c.add_statement(said("s2", "b", "n", "1000", narrative::stance::asserts));
        c.add_statement(said("s3", "c", "n", "?", narrative::stance::asserts));
        const auto p = narrative::make_truth_problem(c, {.value_key = [](std::string_view v) {
            std::string k{};
            for (char ch : v)
                if (ch >= '0' && ch <= '9') k += ch;
            return k;
        }});
        CHECK(p.claim_count() == 1);
        CHECK(p.observations.size() == 2);
        CHECK(p.observations[0].claim == p.observations[1].claim);
    }
}

TEST_SUITE("credibility.vote_table") {
    // Actor 0 votes x=1, x=2, x=1 (majority 1, first 1, latest 1) and y=1, y=2 (a tie);
    // actor 1 denies yes/no object z, reports z, and denies valued claim x=2 (x has 3 values).
    narrative::truth_problem fixture() {
        narrative::truth_problem_builder b;
        const auto a0 = b.actor("a0"), a1 = b.actor("a1");
        const auto x = b.object("x", false), y = b.object("y", false), z = b.object("z", true);
        b.value(x, "1");
        b.value(x, "2");
        b.value(x, "3");  // three values: a denial of one is not a vote for another
        b.observe(a0, x, "1", narrative::stance::asserts);
        b.observe(a0, x, "2", narrative::stance::asserts);
        b.observe(a0, x, "1", narrative::stance::asserts);
        b.observe(a0, y, "1", narrative::stance::asserts);
        b.observe(a0, y, "2", narrative::stance::asserts);
        b.observe(a1, z, "true", narrative::stance::denies);
        b.observe(a1, z, "true", narrative::stance::reports);
        b.observe(a1, x, "2", narrative::stance::denies);
        return b.build();
    }
    TEST_CASE("majority keeps one vote per actor and object and drops exact ties") {
        const auto p = fixture();
        const auto t = narrative::make_vote_table(p, narrative::duplicate_policy::majority);
        // a0: x=1 only (y is a tie); a1: z=false (a denial of a yes/no object).
        REQUIRE(t.claims_of_size(0) == 1);
        CHECK(p.claim_values[t.actor_claims[t.actor_offsets[0]]] == "1");
        CHECK(p.claim_object[t.actor_claims[t.actor_offsets[0]]] == 0);
        REQUIRE(t.claims_of_size(1) == 1);
        CHECK(t.actor_claims[t.actor_offsets[1]] == *p.find_claim(2, "false"));
        // The valued denial is a negative vote on x=2.
        REQUIRE(t.neg_actor_offsets[2] - t.neg_actor_offsets[1] == 1);
        CHECK(t.neg_actor_claims[t.neg_actor_offsets[1]] == *p.find_claim(0, "2"));
        CHECK(t.vote_count() == 2);
    }
    TEST_CASE("a denial of one of exactly two values is a vote for the other") {
        narrative::truth_problem_builder b;
        const auto a = b.actor("a");
        const auto o = b.object("broker", false);
        b.value(o, "us");
        b.value(o, "bilateral");
        b.observe(a, o, "us", narrative::stance::denies);
        const auto p = b.build();
        const auto t = narrative::make_vote_table(p);
        REQUIRE(t.vote_count() == 1);
        CHECK(t.actor_claims[0] == *p.find_claim(0, "bilateral"));
        CHECK(t.neg_actor_claims.empty());
    }
    TEST_CASE("first and latest policies keep the first or last vote") {
        const auto p = fixture();
        const auto first = narrative::make_vote_table(p, narrative::duplicate_policy::first);
        const auto latest = narrative::make_vote_table(p, narrative::duplicate_policy::latest);
        // a0 on y: first y=1, latest y=2; on x both give x=1 (observations 0 and 2).
        CHECK(first.claims_of_size(0) == 2);
        CHECK(first.actor_claims[first.actor_offsets[0] + 1] == *p.find_claim(1, "1"));
        CHECK(latest.actor_claims[latest.actor_offsets[0] + 1] == *p.find_claim(1, "2"));
        CHECK(latest.actor_claims[latest.actor_offsets[0]] == *p.find_claim(0, "1"));
    }
    TEST_CASE("declared priors become vote weights of twice the prior") {
        narrative::truth_problem_builder b;
        const auto a = b.actor("a", 0.8);
        const auto c = b.actor("c");
        const auto o = b.object("o", true);
        b.observe(a, o, "true", narrative::stance::asserts);
        b.observe(c, o, "true", narrative::stance::asserts);
        const auto t = narrative::make_vote_table(b.build());
        CHECK(t.actor_weight[a] == doctest::Approx(1.6));
        CHECK(t.actor_weight[c] == 1.0);
        CHECK_THROWS_AS(b.actor("bad", 1.5), narrative::model_error);
    }
}
