// SPDX-License-Identifier: MIT
// The real settled cases (examples/cases, and the shared ones when present): the default
// credibility model of `narrative actors` must get every settled verdict right, rank the
// reliable actor above the unreliable one in at least 95 % of pairs (a null credibility loses),
// and find every recorded position shift. The record behind each case is its truth file.

#include "real_cases.hpp"

#include <doctest/doctest.h>

#include <string>

namespace {

void check_folder(const std::filesystem::path& folder) {
    const auto paths = real_cases::cases_in(folder);
    REQUIRE_FALSE(paths.empty());
    const std::string algorithm = narrative::actor_consistency_options{}.algorithm;
    CHECK(algorithm == "evidence-em");
    for (const auto& path : paths) {
        const auto sc = real_cases::load(path);
        CAPTURE(sc.name);
        const auto s = real_cases::score(sc, algorithm);
        for (const auto& w : s.wrong) MESSAGE(w);
        CHECK(s.verdicts > 0);
        CHECK(s.verdicts_right == s.verdicts);
        CHECK(s.pairs > 0);
        CHECK(static_cast<double>(s.pairs_right) >= 0.95 * static_cast<double>(s.pairs));
        CHECK(s.shifts_found == s.shifts);
    }
}

}  // namespace

TEST_SUITE("examples.real_cases") {
    TEST_CASE("the cases written for the project are decided as the record settled them") {
        check_folder(std::filesystem::path(NARRATIVE_SOURCE_DIR) / "examples" / "cases");
    }

    TEST_CASE("the shared cases are decided as the record settled them") {
        const auto folder = std::filesystem::path(NARRATIVE_SHARED_DATA_DIR) / "cases";
        if (real_cases::cases_in(folder).empty()) {
            MESSAGE("skipped: no cases with truth files in " << folder.string());
            return;
        }
        check_folder(folder);
    }

    TEST_CASE("the shared cases' x-evidence and x-interest keys are read as evidence and interest") {
        const auto folder = std::filesystem::path(NARRATIVE_SHARED_DATA_DIR) / "cases";
        if (!std::filesystem::exists(folder / "gulf-of-tonkin.json")) {
            MESSAGE("skipped: no shared cases in " << folder.string());
            return;
        }
        const auto sc = real_cases::load(folder / "gulf-of-tonkin.json");
        const auto v = sc.model.find_statement("hanyok-2005-aug4");
        REQUIRE(v);
        CHECK(sc.model.statement_at(*v).evidence == narrative::evidence_kind::finding);
        CHECK(sc.model.statement_at(*v).interest == narrative::interest::against_interest);
    }
}
