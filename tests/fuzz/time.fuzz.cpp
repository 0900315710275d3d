// SPDX-License-Identifier: MIT
// Fuzz target: the ISO 8601 time parser (time_point::try_parse and time_point::parse).
//
// Properties checked: try_parse and parse agree (parse throws parse_error exactly when
// try_parse refuses, with the same reason); a refusal has a reason; a parsed time keeps its
// text, reads back equal from it, starts before it ends, within the documented range, and overlaps itself.

#include "fuzz_support.hpp"

#include <narrative/model/time.hpp>

#include <cstdint>
#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace narrative;
    const std::string_view text = fuzz::as_text(data, size);
    std::string reason;
    const auto t = time_point::try_parse(text, reason);
    try {
        const time_point p = time_point::parse(text);
        fuzz::require(t.has_value(), "parse accepts what try_parse refuses", text);
        fuzz::require(p == *t, "parse and try_parse give different times", text);
    } catch (const parse_error& e) {
        fuzz::require(!t.has_value(), "parse refuses what try_parse accepts", text);
        fuzz::require(!e.diagnostics().empty() && e.diagnostics()[0].message == reason,
                      "parse and try_parse give different reasons", reason);
    }
    if (!t) {
        fuzz::require(!reason.empty(), "a refused time has no reason", text);
        return 0;
    }
    fuzz::require(t->text() == text, "a parsed time does not keep its text", text);
    fuzz::require(t->start() < t->end(), "a time does not end after it starts", text);
    constexpr std::int64_t bound = 300'000'000'000;  // every time lies within ±3·10¹¹ s of 1970
    fuzz::require(t->start().seconds > -bound && t->end().seconds < bound, "a time lies outside the documented range",
                  text);
    fuzz::require(t->overlaps(*t), "a time does not overlap itself", text);
    fuzz::require(!t->certainly_before(*t), "a time is certainly before itself", text);
    std::string again_reason;
    const auto again = time_point::try_parse(t->text(), again_reason);
    fuzz::require(again.has_value() && *again == *t, "a time does not read back from its text", text);
    return 0;
}
