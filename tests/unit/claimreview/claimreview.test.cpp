// SPDX-License-Identifier: MIT
// Tests of the ClaimReview import: the three JSON-LD shapes and the flattened one, the rating
// table and numeric thresholds, shared claims, and located errors and warnings.

#include <narrative/io/claimreview.hpp>
#include <narrative/io/text_file.hpp>

#include <doctest/doctest.h>

#include <string>

using namespace narrative;

namespace {

// A ClaimReview of a claim by "Mayor" rated by "Checker", with the given rating object.
std::string review(const std::string& rating, const std::string& claim = "The bridge is safe") {
    return R"({"@type": "ClaimReview", "claimReviewed": ")" + claim +
           R"(", "itemReviewed": {"@type": "Claim", "author": {"@type": "Person", "name": "Mayor"},
              "datePublished": "2024-03-02", "appearance": [{"url": "https://example.org/a"}]},
              "author": {"@type": "Organization", "name": "Checker"}, "datePublished": "2024-03-09T10:00:00Z",
              "url": "https://example.org/check", "reviewRating": )" +
           rating + "}";
}

const relation* only_relation(const case_model& c) {
    if (c.relation_count() != 1) return nullptr;
    return &c.relation_at(*c.relations().begin());
}

std::string errors(const check_result& r) {
    std::string out;
    for (const auto& d : r.diagnostics) out += d.to_string() + "\n";
    return out;
}

}  // namespace

TEST_SUITE("claimreview.read") {
    TEST_CASE("a false rating: the claimant's claim, the fact-checker's finding, a contradiction") {
        const auto r = check_claimreview(review(R"({"@type": "Rating", "alternateName": "False"})"), "f.json");
        REQUIRE_MESSAGE(r.ok(), errors(r));
        const case_model& c = *r.model;
        REQUIRE(c.statement_count() == 2);
        const statement& claim = c.statement_at(0);
        CHECK(claim.id == "claim-1");
        CHECK(*claim.actor == "Mayor");
        CHECK(claim.time->text() == "2024-03-02");
        CHECK(*claim.text == "The bridge is safe");
        CHECK(*claim.source == "https://example.org/a");
        const statement& finding = c.statement_at(1);
        CHECK(*finding.actor == "Checker");
        CHECK(*finding.evidence == evidence_kind::finding);
        CHECK(finding.time->text() == "2024-03-09T10:00:00Z");
        CHECK(*finding.source == "https://example.org/check");
        CHECK(finding.ext.at("x-claimreview-rating").at("alternateName") == "False");
        CHECK(c.actors()[0].kind == std::optional<std::string>("person"));
        CHECK(c.actors()[1].kind == std::optional<std::string>("organization"));
        const relation* rel = only_relation(c);
        REQUIRE(rel);
        CHECK(rel->type == relation_type::contradicts);
        CHECK_FALSE(rel->weight);  // a plain "False" is a full contradiction
        CHECK(c.statement_at(c.source(*c.relations().begin())).id == "review-1");
    }

    TEST_CASE("textual ratings: spelling and punctuation do not matter, and mostly-true supports with 0.75") {
        const auto pants = read_claimreview(review(R"({"alternateName": "Pants on Fire!"})"));
        CHECK(only_relation(pants)->type == relation_type::contradicts);
        const auto mostly = read_claimreview(review(R"({"alternateName": "Mostly-True"})"));
        REQUIRE(only_relation(mostly));
        CHECK(only_relation(mostly)->type == relation_type::supports);
        CHECK(*only_relation(mostly)->weight == doctest::Approx(0.75));
    }

    TEST_CASE("numeric ratings are placed on [worstRating, bestRating]") {
        // 5 of 1..5 is t = 1: true-like, full weight.
        const auto top = read_claimreview(review(R"({"ratingValue": 5, "bestRating": 5, "worstRating": 1})"));
        CHECK(only_relation(top)->type == relation_type::supports);
        CHECK_FALSE(only_relation(top)->weight);
        // 2 of 1..5 is t = 0.25 <= 0.4: false-like with weight 0.75; numbers given as strings.
        const auto low = read_claimreview(review(R"({"ratingValue": "2", "bestRating": "5", "worstRating": "1"})"));
        CHECK(only_relation(low)->type == relation_type::contradicts);
        CHECK(*only_relation(low)->weight == doctest::Approx(0.75));
        // Without best and worst, schema.org's defaults 5 and 1 apply: 4 is t = 0.75.
        const auto four = read_claimreview(review(R"({"ratingValue": 4})"));
        CHECK(only_relation(four)->type == relation_type::supports);
        CHECK(*only_relation(four)->weight == doctest::Approx(0.75));
    }

    TEST_CASE("the text of a rating decides before its number") {
        const auto c = read_claimreview(review(R"({"ratingValue": 5, "bestRating": 5, "alternateName": "False"})"));
        CHECK(only_relation(c)->type == relation_type::contradicts);
    }

    TEST_CASE("a mixed or unknown rating gives no relation and a warning at the rating") {
        const auto half = check_claimreview(review(R"({"alternateName": "Half True"})"), "f.json");
        REQUIRE(half.ok());
        CHECK(half.model->relation_count() == 0);
        REQUIRE(half.diagnostics.size() == 1);
        CHECK(half.diagnostics[0].to_string() ==
              "f.json:/reviewRating: warning: rating \"Half True\" is neither true nor false: no relation");
        const auto middle = check_claimreview(review(R"({"ratingValue": 3})"), "f.json");
        CHECK(middle.model->relation_count() == 0);
        CHECK(middle.diagnostics.at(0).message == "rating 3.0 on 1.0 to 5.0 is neither true nor false: no relation");
        const auto odd = check_claimreview(review(R"({"alternateName": "Spicy"})"), "f.json");
        CHECK(odd.model->relation_count() == 0);
        CHECK(odd.diagnostics.at(0).message.rfind("rating \"Spicy\" cannot be placed", 0) == 0);
    }

    TEST_CASE("the table of ratings can be edited") {
        claimreview_options o{};
        o.ratings.insert_or_assign("spicy", claimreview_rating{.verdict = claimreview_verdict::false_like, .weight = 0.5});
        const auto c = read_claimreview(review(R"({"alternateName": "Spicy"})"), "f", o);
        CHECK(*only_relation(c)->weight == doctest::Approx(0.5));
    }

    TEST_CASE("an array and @graph, where two reviews of the same claim share its statement") {
        const std::string two = "[" + review(R"({"alternateName": "False"})") + ", " +
                                review(R"({"alternateName": "Misleading"})") + "]";
        const auto c = read_claimreview(two);
        CHECK(c.statement_count() == 3);  // one claim, two findings
        CHECK(c.relation_count() == 2);
        const auto g = read_claimreview(R"({"@context": "https://schema.org", "@graph": [)" +
                                        review(R"({"alternateName": "False"})") + ", " +
                                        review(R"({"alternateName": "True"})", "Another claim") + "]}");
        CHECK(g.statement_count() == 4);
    }

    TEST_CASE("the flattened shape of fact-check search services") {
        const auto c = read_claimreview(R"({"claims": [{"text": "The bridge is safe", "claimant": "Mayor",
            "claimDate": "2024-03-02T09:00:00Z", "claimReview": [{"publisher": {"name": "Checker", "site": "example.org"},
            "url": "https://example.org/check", "title": "No, the bridge failed its inspection",
            "reviewDate": "2024-03-09T00:00:00Z", "textualRating": "False", "languageCode": "en"}]}]})");
        REQUIRE(c.statement_count() == 2);
        CHECK(*c.statement_at(0).actor == "Mayor");
        CHECK(*c.statement_at(1).text == "No, the bridge failed its inspection");
        CHECK(c.statement_at(1).ext.at("x-claimreview-rating").at("textualRating") == "False");
        CHECK(only_relation(c)->type == relation_type::contradicts);
    }

    TEST_CASE("a date-time without offset keeps its date, with a warning") {
        std::string text = review(R"({"alternateName": "False"})");
        text.replace(text.find("2024-03-02"), 10, "2024-03-02T08:15:00");
        const auto r = check_claimreview(text, "f.json");
        REQUIRE(r.ok());
        CHECK(r.model->statement_at(0).time->text() == "2024-03-02");
        CHECK(r.diagnostics.at(0).location == "/itemReviewed/datePublished");
    }

    TEST_CASE("errors are located by JSON Pointer into the input") {
        const auto missing = check_claimreview(R"([{"@type": "ClaimReview", "reviewRating": {}}])", "f.json");
        CHECK_FALSE(missing.ok());
        CHECK(missing.diagnostics.at(0).to_string() == "f.json:/0: error: missing \"claimReviewed\": the text of the claim");
        std::string bad_time = review(R"({"alternateName": "False"})");
        bad_time.replace(bad_time.find("2024-03-02"), 10, "2024-13-02");
        const auto time = check_claimreview(bad_time, "f.json");
        CHECK_FALSE(time.ok());
        CHECK(time.diagnostics.at(0).location == "/itemReviewed/datePublished");
        const auto syntax = check_claimreview("{\"@type\": \"ClaimReview\",}", "f.json");
        CHECK(syntax.diagnostics.at(0).location == "1:25");
        const auto none = check_claimreview(R"({"@type": "WebPage"})", "f.json");
        CHECK_FALSE(none.ok());
        CHECK(none.diagnostics.back().message == "no ClaimReview found (an object with \"@type\": \"ClaimReview\")");
        const auto author = check_claimreview(R"({"@type": "ClaimReview", "claimReviewed": "x", "author": {"url": "u"}})", "f.json");
        CHECK(author.diagnostics.at(0).to_string() == "f.json:/author: error: names no one: give \"name\"");
    }

    TEST_CASE("ClaimReview is told from case files and AIF") {
        CHECK(looks_like_claimreview(review("{}")));
        CHECK(looks_like_claimreview(R"({"claims": [{"claimReview": []}]})"));
        CHECK_FALSE(looks_like_claimreview(R"({"format": "narrative/1", "title": "\"ClaimReview\"", "statements": []})"));
        CHECK_FALSE(looks_like_claimreview(R"({"nodes": []})"));
    }

    TEST_CASE("the sample of three fact-checks imports") {
        const auto path = std::string(NARRATIVE_SOURCE_DIR) + "/tests/data/claimreview/fact-checks.json";
        const auto r = check_claimreview(read_text_file(path), path);
        REQUIRE_MESSAGE(r.ok(), errors(r));
        // Two claims, three findings (the second claim reviewed by two fact-checkers).
        CHECK(r.model->statement_count() == 5);
        CHECK(r.model->relation_count() == 3);
        CHECK(r.model->actors().size() == 4);
        CHECK(r.diagnostics.empty());
    }
}
