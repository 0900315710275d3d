// SPDX-License-Identifier: MIT
// Fuzz target: ClaimReview JSON-LD (and the flattened fact-check search shape).
//
// Properties checked: the reader never throws; a refused input has at least one error; a
// case built is valid: written as JSON it reads back unchanged; every relation goes from a
// finding to a claim.

#include "fuzz_support.hpp"

#include <narrative/io/claimreview.hpp>

#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace narrative;
    const std::string_view input = fuzz::as_text(data, size);
    const check_result r = check_claimreview(input, "<fuzz>");
    if (!r.model) {
        fuzz::require(r.error_count() > 0, "a refused input without an error", fuzz::diagnostics_text(r.diagnostics));
        return 0;
    }
    const case_model& c = *r.model;
    for (const relation_handle e : c.relations()) {
        fuzz::require(c.statement_at(c.source(e)).evidence == evidence_kind::finding, "a relation not from a finding");
        fuzz::require(c.statement_at(c.target(e)).id.rfind("claim-", 0) == 0, "a relation not to a claim");
    }
    (void)fuzz::require_json_round_trip(c, "ClaimReview");
    return 0;
}
