// SPDX-License-Identifier: MIT
// The case diff: items added, removed and changed, and the results that moved, on a small case
// whose strengths are derived by hand (DF-QuAD, Rago et al. 2016).

#include <doctest/doctest.h>

#include <narrative/diff/case_diff.hpp>
#include <narrative/explain/diff_report.hpp>
#include <narrative/gradual/registry.hpp>
#include <narrative/report/diff.hpp>
#include <narrative/report/text.hpp>

using namespace narrative;

namespace {

case_model version(bool later) {
    case_model c{};
    (void)c.add_actor({.id = "alice"});
    (void)c.add_actor({.id = "bob"});
    statement a{};
    a.id = "a";
    a.actor = "alice";
    a.base = 0.5;
    a.text = later ? "the bridge is open (corrected)" : "the bridge is open";
    (void)c.add_statement(a);
    statement b{};
    b.id = "b";
    b.actor = "bob";
    b.base = 0.5;
    (void)c.add_statement(b);
    if (later) {
        statement x{};
        x.id = "x";
        x.actor = "bob";
        x.base = 0.5;
        (void)c.add_statement(x);
        c.relate("x", "a", {.type = relation_type::contradicts, .directed = true});
    } else {
        c.relate("b", "a", {.type = relation_type::supports});
    }
    return c;
}

case_results analyse(const case_model& c) {
    case_results r{};
    r.actors = actor_consistency_report(c, {});
    r.contradictions = analyse_contradictions(c, {});
    r.strengths = find_gradual_semantics("df-quad").score(compiled_graph::compile(c), {});
    return r;
}

}  // namespace

TEST_CASE("diff_structure: added, removed and changed items with their fields") {
    const auto changes = diff_structure(version(false), version(true));
    REQUIRE(changes.size() == 4);
    CHECK(changes[0].item == "statement");
    CHECK(changes[0].id == "a");
    CHECK(changes[0].change == change_kind::changed);
    CHECK(changes[0].fields == std::vector<std::string>{"text"});
    CHECK(changes[1].id == "x");
    CHECK(changes[1].change == change_kind::added);
    CHECK(changes[2].id == "b -> a (supports)");
    CHECK(changes[2].change == change_kind::removed);
    CHECK(changes[3].id == "x -> a (contradicts)");
    CHECK(changes[3].change == change_kind::added);
    CHECK(diff_structure(version(true), version(true)).empty());
}

TEST_CASE("diff_cases: the strength that moved, with the changes around it") {
    const case_model before = version(false), after = version(true);
    const case_diff d = diff_cases(before, analyse(before), after, analyse(after));
    // Before, b supports a: σ(a) = 0.5 + 0.5·0.5 = 0.75. After, x attacks a instead:
    // σ(a) = 0.5 − 0.5·0.5 = 0.25.
    const auto it = std::find_if(d.moved.begin(), d.moved.end(),
                                 [](const moved_result& m) { return m.what == "strength" && m.id == "a"; });
    REQUIRE(it != d.moved.end());
    CHECK(it->before == doctest::Approx(0.75));
    CHECK(it->after == doctest::Approx(0.25));
    CHECK_FALSE(it->before_label.has_value());
    CHECK(it->delta == doctest::Approx(-0.5));
    // The changes at a (its text, the relation removed, the relation added) and at x (added).
    std::vector<std::string> related{};
    for (auto i : it->related) related.push_back(d.changes[i].id);
    CHECK(related == std::vector<std::string>{"a", "b -> a (supports)", "x -> a (contradicts)", "x"});
    CHECK(d.statements_before == 2);
    CHECK(d.statements_after == 3);
    const std::string text = report::write_text(explain::diff_document(d, "old.json", "new.json"));
    CHECK(text.find("What changed: old.json \u2192 new.json") != std::string::npos);
    const auto j = report::diff_to_json(d);
    CHECK(j["format"] == "narrative-diff/1");
    CHECK(j["changes"].size() == 4);
    // The numbers are written as the text reads them.
    bool found_a = false;
    for (const auto& m : j["moved"])
        if (m["result"] == "strength" && m["of"] == "a") {
            found_a = true;
            CHECK(m["before"] == "0.750");
            CHECK(m["after"] == "0.250");
        }
    CHECK(found_a);
    CHECK(j["run"]["status"] == "ok");
    CHECK(j["run"]["warnings"].empty());
}
