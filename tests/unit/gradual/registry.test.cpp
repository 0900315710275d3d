// SPDX-License-Identifier: MIT
// The name registry: catalog, lookup by name, errors, and user registration.

#include <narrative/gradual/registry.hpp>

#include "fixtures.hpp"

#include <doctest/doctest.h>

#include <string>

using narrative::fixtures::illustrative;

namespace {
// A user-defined semantics registered at run time: sum aggregation + linear(2).
struct sum_linear_two : narrative::modular_semantics<narrative::sum_aggregation, narrative::linear_influence> {
    static constexpr std::string_view name = "sum-linear-2";
    sum_linear_two() noexcept { influence_part.k = 2.0; }
};
}  // namespace

TEST_SUITE("gradual.registry") {
    TEST_CASE("the catalog lists the ten built-in semantics in contract order") {
        const auto cat = narrative::gradual_semantics_catalog();
        REQUIRE(cat.size() >= 10);
        const char* expected[] = {"df-quad", "quadratic-energy", "euler-based", "euler-based-top",
                                  "sd-df-quad", "naive-additive", "h-categorizer",
                                  "weighted-h-categorizer", "weighted-max-based",
                                  "weighted-card-based"};
        for (std::size_t i = 0; i < 10; ++i) {
            CHECK(cat[i].first == expected[i]);
            CHECK_FALSE(cat[i].second.empty());
        }
    }

    TEST_CASE("scoring by name equals scoring with the type") {
        const auto g = illustrative();
        const auto by_name = narrative::score(g, "euler-based");
        const auto by_type = narrative::score(g, narrative::euler_based{});
        CHECK(by_name.semantics == "euler-based");
        CHECK(by_name.strength == by_type.strength);
        // Semantics reference §3.8: 0.387587
        CHECK(by_name.strength[0] == doctest::Approx(0.387587).epsilon(5e-7));
    }

    TEST_CASE("an unknown name throws rule_error listing the valid names") {
        try {
            (void)narrative::find_gradual_semantics("df_quad");
            FAIL("expected rule_error");
        } catch (const narrative::rule_error& e) {
            const std::string msg = e.what();
            CHECK(msg.find("'df_quad'") != std::string::npos);
            CHECK(msg.find("df-quad") != std::string::npos);
            CHECK(msg.find("weighted-card-based") != std::string::npos);
        }
    }

    TEST_CASE("a user semantics can be registered and a duplicate name is refused") {
        narrative::gradual_registry r = narrative::make_builtin_gradual_registry();
        r.add(sum_linear_two{}, "sum aggregation + linear(2)");
        // Semantics reference §3.8: sum + linear(2) gives 0.300000 on the illustrative graph.
        CHECK(r.at("sum-linear-2").score(illustrative()).strength[0] ==
              doctest::Approx(0.3).epsilon(1e-12));
        CHECK_THROWS_AS(r.add(sum_linear_two{}, "again"), narrative::rule_error);
        CHECK_THROWS_AS(r.add(narrative::df_quad{}, "again"), narrative::rule_error);
    }

    TEST_CASE("the type-erased semantics keeps its traits") {
        const auto& n = narrative::find_gradual_semantics("naive-additive");
        CHECK_FALSE(n.is_bounded());
        CHECK(n.uses_supports());
        const auto& h = narrative::find_gradual_semantics("h-categorizer");
        CHECK(h.is_bounded());
        CHECK_FALSE(h.uses_supports());
    }
}
