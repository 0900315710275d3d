// SPDX-License-Identifier: MIT
// Crisp semantics on the classic examples of the literature, the bipolar reductions on the
// worked example of the semantics reference, the building blocks (grounded, DPLL, attack
// graph) and a semantics added by user code.

#include <narrative/extensions/bipolar.hpp>
#include <narrative/extensions/grounded.hpp>
#include <narrative/extensions/registry.hpp>
#include <narrative/extensions/tasks.hpp>
#include <narrative/model/compiled_graph.hpp>

#include <doctest/doctest.h>

#include <memory>
#include <string>
#include <vector>

namespace {

using narrative::argument_set;
using narrative::attack_graph;
using narrative::crisp_task;

attack_graph af(std::uint32_t n, std::vector<narrative::attack> attacks) {
    return attack_graph::from_attacks(n, std::move(attacks));
}

std::vector<argument_set> all(const attack_graph& g, const std::string& semantics) {
    return narrative::run_task(g, narrative::find_crisp_semantics(semantics), crisp_task::ee).extensions;
}

using sets = std::vector<argument_set>;

}  // namespace

TEST_CASE("Dung (1995): a attacks b attacks c has the single extension {a, c} under every semantics") {
    // Dung (1995) discusses AF = ({a, b, c}, {(a, b), (b, c)}): c is reinstated by a; the
    // grounded extension {a, c} is also the only preferred and stable extension.
    const auto g = af(3, {{.from = 0, .to = 1}, {.from = 1, .to = 2}});
    for (const std::string s : {"grounded", "complete", "preferred", "stable", "semi-stable", "stage", "ideal"})
        CHECK_MESSAGE((all(g, s) == sets{{0, 2}}), s);
}

TEST_CASE("Dung (1995): the Nixon diamond, two arguments attacking each other") {
    // a ↔ b: grounded {} (nothing survives unconditionally), preferred and stable {a} and {b},
    // complete {}, {a}, {b}; ideal {} (the preferred extensions share nothing).
    const auto g = af(2, {{.from = 0, .to = 1}, {.from = 1, .to = 0}});
    CHECK(all(g, "grounded") == sets{{}});
    CHECK(all(g, "complete") == sets{{}, {0}, {1}});
    CHECK(all(g, "preferred") == sets{{0}, {1}});
    CHECK(all(g, "stable") == sets{{0}, {1}});
    CHECK(all(g, "ideal") == sets{{}});
    const auto& preferred = narrative::find_crisp_semantics("preferred");
    const auto dc = narrative::run_task(g, preferred, crisp_task::dc, {.argument = 0});
    CHECK(dc.accepted == true);
    CHECK(dc.extensions == sets{{0}});  // the witness
    const auto ds = narrative::run_task(g, preferred, crisp_task::ds, {.argument = 0});
    CHECK(ds.accepted == false);
    CHECK(ds.extensions == sets{{1}});  // the counterexample
}

TEST_CASE("Dung (1995): an odd attack cycle has no stable extension; stage still picks one argument") {
    // a → b → c → a: no stable extension; preferred, semi-stable, grounded and ideal are all {};
    // stage (Verheij 1996) gives {a}, {b}, {c} (each conflict-free singleton has range of two).
    const auto g = af(3, {{.from = 0, .to = 1}, {.from = 1, .to = 2}, {.from = 2, .to = 0}});
    CHECK(all(g, "stable").empty());
    CHECK(narrative::run_task(g, narrative::find_crisp_semantics("stable"), crisp_task::se).extensions.empty());
    CHECK(all(g, "preferred") == sets{{}});
    CHECK(all(g, "semi-stable") == sets{{}});
    CHECK(all(g, "stage") == sets{{0}, {1}, {2}});
    // sceptical acceptance holds vacuously when there is no extension (the ICCMA convention)
    const auto ds = narrative::run_task(g, narrative::find_crisp_semantics("stable"), crisp_task::ds, {.argument = 0});
    CHECK(ds.accepted == true);
    CHECK(ds.extensions.empty());
}

TEST_CASE("Caminada (2006): semi-stable discards the preferred extension that leaves a self-attacker unattacked") {
    // a ↔ b, b → c, c → c. Preferred: {a} and {b}. {a} has range {a, b}; {b} has range
    // {a, b, c}, so the only semi-stable (and stable) extension is {b}.
    const auto g = af(3, {{.from = 0, .to = 1}, {.from = 1, .to = 0}, {.from = 1, .to = 2}, {.from = 2, .to = 2}});
    CHECK(all(g, "preferred") == sets{{0}, {1}});
    CHECK(all(g, "semi-stable") == sets{{1}});
    CHECK(all(g, "stable") == sets{{1}});
    CHECK(all(g, "stage") == sets{{1}});
    // Adding d → d with nothing attacking d removes every stable extension; semi-stable still
    // returns {b}, the preferred extension of largest range (range {a, b, c}).
    const auto h = af(4, {{.from = 0, .to = 1}, {.from = 1, .to = 0}, {.from = 1, .to = 2},
                          {.from = 2, .to = 2}, {.from = 3, .to = 3}});
    CHECK(all(h, "stable").empty());
    CHECK(all(h, "semi-stable") == sets{{1}});
    CHECK(all(h, "preferred") == sets{{0}, {1}});
}

TEST_CASE("Dung, Mancarella & Toni (2007): the ideal extension is strictly larger than the grounded one") {
    // a ↔ b, both attack c, c ↔ d. Preferred: {a, d} and {b, d}; grounded {} (every argument
    // is attacked); ideal {d}: d is in every preferred extension and defends itself against c.
    const auto g = af(4, {{.from = 0, .to = 1}, {.from = 1, .to = 0}, {.from = 0, .to = 2},
                          {.from = 1, .to = 2}, {.from = 2, .to = 3}, {.from = 3, .to = 2}});
    CHECK(all(g, "preferred") == sets{{0, 3}, {1, 3}});
    CHECK(all(g, "grounded") == sets{{}});
    CHECK(all(g, "ideal") == sets{{3}});
    const auto& ideal = narrative::find_crisp_semantics("ideal");
    CHECK(narrative::run_task(g, ideal, crisp_task::ds, {.argument = 3}).accepted == true);
    CHECK(narrative::run_task(g, ideal, crisp_task::dc, {.argument = 0}).accepted == false);
}

TEST_CASE("grounded propagation: chains, self-attacks and reinstatement") {
    // 0 → 1 → 2 → 3, 4 → 4, 4 → 5: 0 and 2 IN, 1 and 3 OUT; 4 and 5 UNDEC.
    const auto g = af(6, {{.from = 0, .to = 1}, {.from = 1, .to = 2}, {.from = 2, .to = 3},
                          {.from = 4, .to = 4}, {.from = 4, .to = 5}});
    using narrative::label;
    CHECK(narrative::grounded_labelling(g) ==
          std::vector<label>{label::in, label::out, label::in, label::out, label::undec, label::undec});
    CHECK(narrative::grounded_extension(g) == argument_set{0, 2});
}

TEST_CASE("attack graph: duplicates merged, both orientations sorted, bad arguments refused") {
    const auto g = af(3, {{.from = 2, .to = 0}, {.from = 1, .to = 0}, {.from = 2, .to = 0}, {.from = 0, .to = 2}});
    CHECK(g.attack_count() == 3);
    CHECK(std::vector<std::uint32_t>(g.attackers(0).begin(), g.attackers(0).end()) == std::vector<std::uint32_t>{1, 2});
    CHECK(std::vector<std::uint32_t>(g.targets(2).begin(), g.targets(2).end()) == std::vector<std::uint32_t>{0});
    CHECK(g.attacks(0, 2));
    CHECK_FALSE(g.attacks(2, 1));
    CHECK_THROWS_AS(af(2, {{.from = 0, .to = 2}}), narrative::model_error);
    // a mutual contradiction of the statement graph is two attacks; supports are dropped
    const auto compiled = narrative::compiled_graph::from_arcs(
        2,
        std::vector<narrative::compiled_arc>{
            {.from = 0, .to = 1, .weight = 1.0, .type = narrative::relation_type::contradicts, .relation = 0},
            {.from = 1, .to = 0, .weight = 1.0, .type = narrative::relation_type::contradicts, .relation = 0},
            {.from = 0, .to = 1, .weight = 1.0, .type = narrative::relation_type::supports, .relation = 1}},
        {0.5, 0.5});
    CHECK(attack_graph::from_compiled(compiled).attack_list() ==
          std::vector<narrative::attack>{{.from = 0, .to = 1}, {.from = 1, .to = 0}});
}

TEST_CASE("DPLL: unit propagation, assumptions and incremental clauses") {
    narrative::dpll_solver s;
    const int x = s.new_variable(), y = s.new_variable(), z = s.new_variable();
    s.add_clause({x, y});
    s.add_clause({-x, z});
    s.add_clause({-y, z});
    REQUIRE(s.solve(std::vector<int>{-z}) == narrative::sat_result::unsatisfiable);  // z is implied
    REQUIRE(s.solve(std::vector<int>{-x}) == narrative::sat_result::satisfiable);
    CHECK(s.value(y));
    CHECK(s.value(z));
    s.add_clause({-z});
    CHECK(s.solve(std::vector<int>{}) == narrative::sat_result::unsatisfiable);
}

// The bipolar example of the semantics reference §8.3 (computed there from the definitions of
// Cayrol & Lagasquie-Schiex 2013 and Nouioua & Risch 2010): supports a → b and d → c, attack
// c → b (a = 0, b = 1, c = 2, d = 3).
TEST_CASE("deductive support: supported, mediated and super-mediated attacks (reference §8.3)") {
    const std::vector<narrative::attack> attacks = {{.from = 2, .to = 1}};
    const std::vector<narrative::attack> supports = {{.from = 0, .to = 1}, {.from = 3, .to = 2}};
    const auto r = narrative::reduce_bipolar(4, attacks, supports, narrative::support_reading::deductive);
    REQUIRE(r.derived.size() == 3);
    using narrative::attack_pattern;
    // c attacks a (mediated: a forces b, which c attacks)
    CHECK(r.derived[0].from == 2);
    CHECK(r.derived[0].to == 0);
    CHECK(r.derived[0].pattern == attack_pattern::mediated);
    // d attacks a (super-mediated: a forces b, which d supported-attacks); missed when mediated
    // attacks are derived from direct attacks only
    CHECK(r.derived[1].from == 3);
    CHECK(r.derived[1].to == 0);
    CHECK(r.derived[1].pattern == attack_pattern::super_mediated);
    // d attacks b (supported: d forces c, which attacks b)
    CHECK(r.derived[2].from == 3);
    CHECK(r.derived[2].to == 1);
    CHECK(r.derived[2].pattern == attack_pattern::supported);
    CHECK(r.graph.attack_count() == 4);
    // c and d are unattacked and together attack a and b: grounded {c, d}
    CHECK(narrative::grounded_extension(r.graph) == argument_set{2, 3});
    // without the reduction supports are ignored: grounded {a, c, d}
    const auto plain = narrative::reduce_bipolar(4, attacks, supports, narrative::support_reading::none);
    CHECK(plain.derived.empty());
    CHECK(narrative::grounded_extension(plain.graph) == argument_set{0, 2, 3});
}

TEST_CASE("necessary support: no derived attack on the reference example, secondary and extended ones otherwise") {
    const std::vector<narrative::attack> supports = {{.from = 0, .to = 1}, {.from = 3, .to = 2}};
    const auto r = narrative::reduce_bipolar(4, {{.from = 2, .to = 1}}, supports, narrative::support_reading::necessary);
    CHECK(r.derived.empty());  // reference §8.3: secondary and extended attacks need other shapes
    // a supports b (b needs a); c attacks a; a attacks d (a = 0, b = 1, c = 2, d = 3).
    // Secondary: c attacks b (attacking a prerequisite attacks what needs it). Extended: b
    // attacks d (what needs a inherits a's attack).
    const auto s = narrative::reduce_bipolar(4, {{.from = 2, .to = 0}, {.from = 0, .to = 3}},
                                             std::vector<narrative::attack>{{.from = 0, .to = 1}},
                                             narrative::support_reading::necessary);
    REQUIRE(s.derived.size() == 2);
    CHECK(s.derived[0].from == 1);
    CHECK(s.derived[0].to == 3);
    CHECK(s.derived[0].pattern == narrative::attack_pattern::extended);
    CHECK(s.derived[1].from == 2);
    CHECK(s.derived[1].to == 1);
    CHECK(s.derived[1].pattern == narrative::attack_pattern::secondary);
    // b cannot stand without a, which c defeats: grounded {c, d}, b rejected
    CHECK(narrative::grounded_extension(s.graph) == argument_set{2, 3});
    // read deductively the same graph derives nothing: b attacks nobody (no supported attack)
    // and nobody attacks b (no mediated attack on a)
    const auto d = narrative::reduce_bipolar(4, {{.from = 2, .to = 0}, {.from = 0, .to = 3}},
                                             std::vector<narrative::attack>{{.from = 0, .to = 1}},
                                             narrative::support_reading::deductive);
    CHECK(d.derived.empty());
}

// Cayrol & Lagasquie-Schiex (2013), the example they use for the deductive reading (as
// transcribed in TweetyProject's DeductiveBipolarArgumentation example): attack x → c, supports
// a → x and b → c (a = 0, b = 1, c = 2, x = 3). Derived from their definitions: a
// supported-attacks c (a supports x, which attacks c); x mediated-attacks b (b supports c, which
// x attacks); a super-mediated-attacks b (b supports c, which a supported-attacks). A reduction
// that derives mediated attacks from direct attacks only misses a → b.
TEST_CASE("Cayrol & Lagasquie-Schiex (2013): supported, mediated and super-mediated attacks of their example") {
    const std::vector<narrative::attack> supports = {{.from = 0, .to = 3}, {.from = 1, .to = 2}};
    const auto r = narrative::reduce_bipolar(4, {{.from = 3, .to = 2}}, supports, narrative::support_reading::deductive);
    using narrative::attack_pattern;
    REQUIRE(r.derived.size() == 3);
    CHECK((r.derived[0].from == 0 && r.derived[0].to == 1 && r.derived[0].pattern == attack_pattern::super_mediated));
    CHECK((r.derived[1].from == 0 && r.derived[1].to == 2 && r.derived[1].pattern == attack_pattern::supported));
    CHECK(r.derived[1].via == 3);
    CHECK((r.derived[2].from == 3 && r.derived[2].to == 1 && r.derived[2].pattern == attack_pattern::mediated));
    CHECK(r.derived[2].via == 2);
    CHECK_FALSE(r.has_sentinel());
    // a and x are unattacked and defeat b and c: the single extension {a, x} of every semantics
    for (const char* name : {"grounded", "complete", "preferred", "stable", "semi-stable", "stage", "ideal"}) {
        CAPTURE(name);
        CHECK(narrative::run_task(r, narrative::find_crisp_semantics(name), crisp_task::ee).extensions ==
              sets{{0, 3}});
    }
}

// Polberg & Oren (2014), Example 4 (an AFN; also in TweetyProject's necessity tests): attacks
// b → a, e → a, c → d; necessities a N c (c needs a), b N b, and {b, d} N e (e needs b or d).
// b needs itself, so it is never accepted, and e's need "b or d" is then the need d: written
// with binary supports as d → e (a = 0, b = 1, c = 2, d = 3, e = 4). The paper's extensions:
// grounded {}; complete {}, {a, c}, {d, e}; preferred and stable {a, c} and {d, e}.
TEST_CASE("Polberg & Oren (2014), Example 4: necessary support, with an argument that needs itself") {
    const std::vector<narrative::attack> attacks = {{.from = 1, .to = 0}, {.from = 4, .to = 0}, {.from = 2, .to = 3}};
    const std::vector<narrative::attack> supports = {{.from = 0, .to = 2}, {.from = 1, .to = 1}, {.from = 3, .to = 4}};
    const auto r = narrative::reduce_bipolar(5, attacks, supports, narrative::support_reading::necessary);
    CHECK(r.unfounded == std::vector<std::uint32_t>{1});
    REQUIRE(r.has_sentinel());
    CHECK(r.graph.argument_count() == 6);
    CHECK(r.graph.attacks(5, 1));  // the sentinel rejects b
    // secondary attacks: the attackers of a (b, e) attack c, which needs a; c attacks e, which needs d
    using narrative::attack_pattern;
    REQUIRE(r.derived.size() == 3);
    CHECK((r.derived[0].from == 1 && r.derived[0].to == 2 && r.derived[0].pattern == attack_pattern::secondary));
    CHECK((r.derived[1].from == 2 && r.derived[1].to == 4 && r.derived[1].pattern == attack_pattern::secondary));
    CHECK((r.derived[2].from == 4 && r.derived[2].to == 2 && r.derived[2].pattern == attack_pattern::secondary));
    const auto ee = [&](const char* name) {
        return narrative::run_task(r, narrative::find_crisp_semantics(name), crisp_task::ee).extensions;
    };
    CHECK(ee("grounded") == sets{{}});
    CHECK(ee("complete") == sets{{}, {0, 2}, {3, 4}});
    CHECK(ee("preferred") == sets{{0, 2}, {3, 4}});
    CHECK(ee("stable") == sets{{0, 2}, {3, 4}});
    CHECK(ee("semi-stable") == sets{{0, 2}, {3, 4}});
    CHECK(ee("ideal") == sets{{}});
    const auto& stable = narrative::find_crisp_semantics("stable");
    CHECK(narrative::run_task(r, stable, crisp_task::dc, {.argument = 1}).accepted == false);
    CHECK(narrative::run_task(r, stable, crisp_task::dc, {.argument = 4}).accepted == true);
    CHECK(narrative::run_task(r, stable, crisp_task::count).count == 2);
    // the sentinel is not an argument of the framework
    CHECK_THROWS_AS((void)narrative::run_task(r, stable, crisp_task::dc, {.argument = 5}), narrative::usage_error);
    // Read without the sentinel, b (unattacked) would be accepted and would defeat a: the
    // reduction alone, as an associated framework, gives the single stable extension {b, d, e}.
    auto plain = narrative::reduce_bipolar(5, attacks, supports, narrative::support_reading::necessary);
    std::vector<narrative::attack> without;
    for (const auto& x : plain.graph.attack_list())
        if (x.from != 5) without.push_back(x);
    CHECK(all(af(5, without), "stable") == sets{{1, 3, 4}});
}

TEST_CASE("necessary support: a support cycle and what needs it are in no extension; deductive cycles are fine") {
    // a and b need each other, c needs b, d needs nothing and attacks nothing
    const std::vector<narrative::attack> supports = {{.from = 0, .to = 1}, {.from = 1, .to = 0}, {.from = 1, .to = 2}};
    const auto r = narrative::reduce_bipolar(4, {}, supports, narrative::support_reading::necessary);
    CHECK(r.unfounded == std::vector<std::uint32_t>{0, 1, 2});
    CHECK(narrative::run_task(r, narrative::find_crisp_semantics("preferred"), crisp_task::ee).extensions ==
          sets{{3}});
    // read deductively, the cycle only says a and b stand together: everything is accepted
    const auto d = narrative::reduce_bipolar(4, {}, supports, narrative::support_reading::deductive);
    CHECK(d.unfounded.empty());
    CHECK_FALSE(d.has_sentinel());
    CHECK(narrative::run_task(d, narrative::find_crisp_semantics("preferred"), crisp_task::ee).extensions ==
          sets{{0, 1, 2, 3}});
}

namespace {

// A semantics written in user code: the admissible sets, by brute force over subsets.
class admissible_by_subsets final : public narrative::crisp_semantics {
public:
    std::string_view name() const noexcept override { return "admissible"; }
    std::string_view summary() const noexcept override { return "conflict-free sets defending their members"; }
    bool enumerate(const attack_graph& g, const narrative::sat_solver_factory&,
                   const narrative::extension_callback& f) const override {
        const std::uint32_t n = g.argument_count();
        for (std::uint32_t mask = 0; mask < (1U << n); ++mask) {
            argument_set s;
            for (std::uint32_t a = 0; a < n; ++a)
                if ((mask >> a) & 1U) s.push_back(a);
            bool ok = true;
            for (const auto a : s)
                for (const auto b : g.attackers(a)) {
                    bool defended = false;
                    for (const auto c : s) defended = defended || g.attacks(c, b);
                    for (const auto c : s) ok = ok && c != b;  // conflict-free
                    ok = ok && defended;
                }
            if (ok && !f(s)) return false;
        }
        return true;
    }
};

}  // namespace

TEST_CASE("a semantics added in user code runs every task through the registry") {
    narrative::crisp_semantics_registry registry = narrative::crisp_semantics_registry::with_builtins();
    registry.add(std::make_shared<admissible_by_subsets>());
    CHECK_THROWS_AS(registry.add(std::make_shared<admissible_by_subsets>()), narrative::usage_error);
    CHECK_THROWS_AS((void)registry.find("admisible"), narrative::usage_error);
    const auto g = af(2, {{.from = 0, .to = 1}, {.from = 1, .to = 0}});
    const auto& s = registry.find("admissible");
    CHECK(narrative::run_task(g, s, crisp_task::ee).extensions == sets{{}, {0}, {1}});
    CHECK(narrative::run_task(g, s, crisp_task::count).count == 3);
    const auto limited = narrative::run_task(g, s, crisp_task::ee, {.limit = 2});
    CHECK(limited.run.status == narrative::run_status::limit_reached);
    CHECK(limited.extensions.size() == 2);
    REQUIRE(limited.run.warnings.size() == 1);
    CHECK(limited.run.warnings[0] == "stopped at the limit of 2 extensions: more may exist");
    CHECK(narrative::run_task(g, s, crisp_task::ee).run.ok());
    CHECK(narrative::run_task(g, s, crisp_task::dc, {.argument = 1}).accepted == true);
    CHECK(narrative::run_task(g, s, crisp_task::ds, {.argument = 1}).accepted == false);
    CHECK_THROWS_AS((void)narrative::run_task(g, s, crisp_task::dc, {.argument = 2}), narrative::usage_error);
}

TEST_CASE("the bipolar reduction refuses a support closure beyond its limit instead of exhausting memory") {
    // a support chain 0 → 1 → … → 9 has 45 pairs a ⇒ b
    std::vector<narrative::attack> chain;
    for (std::uint32_t v = 0; v + 1 < 10; ++v) chain.push_back({.from = v, .to = v + 1});
    CHECK_NOTHROW((void)narrative::reduce_bipolar(10, {}, chain, narrative::support_reading::deductive, 45));
    CHECK_THROWS_AS((void)narrative::reduce_bipolar(10, {}, chain, narrative::support_reading::deductive, 44),
                    narrative::model_error);
}
