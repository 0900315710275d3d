// SPDX-License-Identifier: MIT
// The contradictions report: analyses combined on one case, JSON shape, readable text.

#include <narrative/infer/infer_relations.hpp>
#include <narrative/io/case_json.hpp>
#include <narrative/report/contradictions.hpp>

#include <doctest/doctest.h>

#include <string>

namespace {

using narrative::case_model;

// Signed-graphs reference §7 (compound example) as a case: camps P = {p1, p2} (actor p, group
// camp-p) and Q = {q1, q2} (actor q, group camp-q); p1 − q1, p2 − q2; c (actor x) supports p1
// and q2. Plus a one-way contradiction d → q1 from an anonymous statement d.
case_model compound_case() {
    case_model c;
    c.add_actor({.id = "p", .group = std::string("camp-p")});
    c.add_actor({.id = "q", .group = std::string("camp-q")});
    c.add_actor({.id = "x"});
    for (const auto& [id, actor] : {std::pair{"p1", "p"}, std::pair{"p2", "p"}, std::pair{"q1", "q"},
                                    std::pair{"q2", "q"}, std::pair{"c", "x"}})
        c.add_statement({.id = id, .actor = std::string(actor)});
    c.add_statement({.id = "d"});
    using narrative::relation_type;
    c.relate("p2", "p1", {.type = relation_type::supports});
    c.relate("q2", "q1", {.type = relation_type::supports});
    c.relate("p1", "q1", {.type = relation_type::contradicts});
    c.relate("p2", "q2", {.type = relation_type::contradicts});
    c.relate("c", "p1", {.type = relation_type::supports});
    c.relate("c", "q2", {.type = relation_type::supports});
    c.relate("d", "q1", {.type = relation_type::contradicts, .directed = true});
    return c;
}

}  // namespace

TEST_SUITE("signed.contradictions") {
    TEST_CASE("the report combines frustration camps and directions of contradiction") {
        const case_model c = compound_case();
        const auto r = narrative::analyse_contradictions(c);
        CHECK(r.direct.size() == 3);
        CHECK_FALSE(r.balance.balanced);
        // hand-derived (reference §7): L = 1; d joins q1's component through d − q1, so the
        // frustration stays 1 and d sits in camp P.
        CHECK(r.frustration.exact);
        CHECK(r.frustration.upper_bound == doctest::Approx(1.0));
        REQUIRE(r.camps.size() == 1);
        CHECK_FALSE(r.camps[0].balanced);
        CHECK(r.camps[0].first.statements.size() + r.camps[0].second.statements.size() == 6);
        REQUIRE_FALSE(r.compound.empty());
        CHECK(c.statement_at(r.compound.front().statement).id == "c");
        // q1 is contradicted by p1 (group camp-p) and by the anonymous d (its own id); d's
        // contradiction is one-way, so d itself is contradicted by nobody.
        REQUIRE_FALSE(r.contradicted.empty());
        const auto& top = r.contradicted.front();
        CHECK(c.statement_at(top.statement).id == "q1");
        CHECK(top.directions == std::vector<std::string>{"camp-p", "d"});
        for (const auto& k : r.contradicted) CHECK(c.statement_at(k.statement).id != "d");
    }

    TEST_CASE("the json has the fields of the cli contract") {
        const case_model c = compound_case();
        const auto j = narrative::contradictions_to_json(c, narrative::analyse_contradictions(c));
        CHECK(j["format"] == "narrative-contradictions/1");
        CHECK(j["direct"].size() == 3);
        CHECK(j["frustration"]["exact"] == true);
        CHECK(j["frustration"]["value"].get<double>() == doctest::Approx(1.0));
        CHECK(j["frustration"]["frustrated_relations"].size() == 1);
        CHECK(j["camps"].size() == 2);
        CHECK(j["camps"][0].contains("actors"));
        CHECK(j.contains("derived"));
        CHECK(j.contains("self_contradictions"));
        CHECK(j["self_contradictions"][0]["pairs"][0].contains("kind"));
    }

    TEST_CASE("the summary leaves out the tables of direct and derived contradictions") {
        const case_model c = compound_case();
        const auto r = narrative::analyse_contradictions(c);
        const std::string full = narrative::format_contradictions(c, r);
        const std::string summary = narrative::format_contradictions(
            c, r, narrative::contradictions_style::table, narrative::contradictions_detail::summary);
        CHECK(full.find("Derived tensions\n") != std::string::npos);
        CHECK(summary.find("Derived tensions\n") == std::string::npos);
        CHECK(summary.find("Frustration\n") != std::string::npos);
        CHECK(summary.find("c: on 1 frustrated cycle(s), tornness 0.50") != std::string::npos);
        const std::string md = narrative::format_contradictions(c, r, narrative::contradictions_style::markdown);
        CHECK(md.find("## Camps (competing narratives)") != std::string::npos);
    }

    TEST_CASE("a limit keeps the strongest derived tensions and counts them all") {
        // Chain a +0.9 b −0.5 c +0.8 d. Hand-derived tensions (paths of at most 3 relations
        // with an odd number of contradictions, pairs not directly contradicting):
        // a–c 0.9·0.5 = 0.45, b–d 0.5·0.8 = 0.40, a–d 0.9·0.5·0.8 = 0.36.
        case_model c;
        for (const char* id : {"a", "b", "c", "d"}) c.add_statement({.id = id});
        using narrative::relation_type;
        c.relate("a", "b", {.type = relation_type::supports, .weight = 0.9});
        c.relate("b", "c", {.type = relation_type::contradicts, .weight = 0.5});
        c.relate("c", "d", {.type = relation_type::supports, .weight = 0.8});
        const auto all = narrative::analyse_contradictions(c);
        REQUIRE(all.derived.size() == 3);
        CHECK(all.derived_total == 3);
        CHECK(all.derived[0].path.strength == doctest::Approx(0.45));  // (a, c)
        CHECK(all.derived[1].path.strength == doctest::Approx(0.36));  // (a, d)
        CHECK(all.derived[2].path.strength == doctest::Approx(0.40));  // (b, d)

        narrative::contradictions_options two{};
        two.derived_limit = 2;
        const auto r = narrative::analyse_contradictions(c, two);
        CHECK(r.derived_total == 3);
        REQUIRE(r.derived.size() == 2);
        // The two strongest, listed by pair: (a, c) then (b, d); (a, d) at 0.36 is left out.
        CHECK(c.statement_at(r.derived[0].first).id == "a");
        CHECK(c.statement_at(r.derived[0].second).id == "c");
        CHECK(c.statement_at(r.derived[1].first).id == "b");
        CHECK(c.statement_at(r.derived[1].second).id == "d");
        const std::string text = narrative::format_contradictions(c, r);
        CHECK(text.find("3 derived tensions (paths of at most 3 relations; the 2 strongest listed)") != std::string::npos);
        CHECK(narrative::contradictions_to_json(c, r)["derived_total"] == 3);

        narrative::contradictions_options none{};
        none.derived_limit = 0;
        const auto counted = narrative::analyse_contradictions(c, none);
        CHECK(counted.derived.empty());
        CHECK(counted.derived_total == 3);
    }

    TEST_CASE("a bound on the work stops the path searches and the report says so") {
        // The chain of the test above: the search from a alone reaches more than one state.
        case_model c;
        c.add_actor({.id = "x"});
        for (const char* id : {"a", "b", "c", "d"}) c.add_statement({.id = id, .actor = std::string("x")});
        using narrative::relation_type;
        c.relate("a", "b", {.type = relation_type::supports, .weight = 0.9});
        c.relate("b", "c", {.type = relation_type::contradicts, .weight = 0.5});
        c.relate("c", "d", {.type = relation_type::supports, .weight = 0.8});
        const auto all = narrative::analyse_contradictions(c);
        CHECK(all.derived_search.complete);
        CHECK(all.self_contradictions_complete);
        CHECK(narrative::contradictions_to_json(c, all)["derived_complete"] == true);
        CHECK(all.run.ok());
        CHECK(all.run.warnings.empty());
        CHECK(narrative::contradictions_to_json(c, all)["run"]["status"] == "ok");

        narrative::contradictions_options bounded{};
        bounded.max_states = 1;
        const auto r = narrative::analyse_contradictions(c, bounded);
        // Only the tensions found from a: (a, c) and (a, d).
        CHECK_FALSE(r.derived_search.complete);
        CHECK(r.derived_search.sources_searched == 1);
        CHECK(r.derived_total == 2);
        // Every statement is x's: the full run has the direct b–c and the derived a–c, a–d and
        // b–d. The same search gives the derived ones, so the bounded run keeps (a, c) and
        // (a, d), and the direct one, which needs no search.
        CHECK(all.self_contradictions.size() == 4);
        CHECK_FALSE(r.self_contradictions_complete);
        REQUIRE(r.self_contradictions.size() == 3);
        CHECK(c.statement_at(r.self_contradictions[0].later).id == "c");
        CHECK(r.self_contradictions[0].origin == narrative::tension_origin::derived);
        CHECK(c.statement_at(r.self_contradictions[1].later).id == "d");
        CHECK(c.statement_at(r.self_contradictions[2].earlier).id == "b");
        CHECK(r.self_contradictions[2].origin == narrative::tension_origin::direct);
        const auto j = narrative::contradictions_to_json(c, r);
        CHECK(j["derived_complete"] == false);
        CHECK(j["self_contradictions_complete"] == false);
        // The run carries the same fact in the one status every result shares.
        CHECK(r.run.status == narrative::run_status::limit_reached);
        CHECK(r.run.converged);
        REQUIRE(r.run.warnings.size() == 1);
        CHECK(r.run.warnings[0] == "the derived-tension search stopped at its limit of 1 states after 1 of 4 "
                                   "statements; derived tensions and self-contradictions are partial");
        CHECK(j["run"]["status"] == "limit_reached");
        CHECK(j["run"]["warnings"][0] == r.run.warnings[0]);
        const std::string text = narrative::format_contradictions(c, r);
        CHECK(text.find("the search reached its work limit after the first 1 of 4 statements; the count is a lower bound") != std::string::npos);
        CHECK(text.find("Derived ones: the search reached its work limit after the first 1 of 4 statements") != std::string::npos);
    }

    TEST_CASE("the report's self-contradictions, found in the tension sweep, equal the per-actor search") {
        for (const char* file : {"examples/ceasefire/ceasefire.json", "examples/cases/watergate.json",
                                 "examples/cases/iraq-wmd.json", "examples/cases/wirecard.json",
                                 "examples/cases/flint-water.json"}) {
            CAPTURE(file);
            case_model c = narrative::read_case_file(std::string(NARRATIVE_SOURCE_DIR) + "/" + file);
            (void)narrative::infer_relations(c);
            for (const std::uint32_t length : {2u, 3u, 4u}) {
                narrative::contradictions_options o{};
                o.tensions.max_length = length;
                const auto r = narrative::analyse_contradictions(c, o);
                const auto expected = narrative::self_contradictions(c, {.tensions = o.tensions});
                REQUIRE(r.self_contradictions.size() == expected.size());
                for (std::size_t i = 0; i < expected.size(); ++i) {
                    const auto& x = r.self_contradictions[i];
                    const auto& y = expected[i];
                    CHECK(x.actor == y.actor);
                    CHECK(x.earlier == y.earlier);
                    CHECK(x.later == y.later);
                    CHECK(x.kind == y.kind);
                    CHECK(x.origin == y.origin);
                    CHECK(x.path == y.path);
                    CHECK(x.relations == y.relations);
                    CHECK(x.strength == y.strength);
                }
            }
        }
    }
}
