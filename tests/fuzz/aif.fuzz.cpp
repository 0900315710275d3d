// SPDX-License-Identifier: MIT
// Fuzz target: an AIF nodeset through check_aif.
//
// Properties checked: check_aif never throws; a refusal carries an error; an accepted nodeset
// gives a valid case that reads back unchanged from case JSON, and, written as AIF, from AIF.

#include "fuzz_support.hpp"

#include <narrative/io/aif.hpp>

#include <string>

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    using namespace narrative;
    const auto text = fuzz::as_text(data, size);
    (void)looks_like_aif(text);  // must not throw on any input either
    const auto result = check_aif(text, "<fuzz>");
    if (!result.ok()) {
        fuzz::require(result.error_count() > 0, "a refused AIF nodeset has no error");
        return 0;
    }
    const std::string json = fuzz::require_json_round_trip(*result.model, "AIF");
    const std::string aif = write_aif(*result.model);
    const auto back = check_aif(aif, "<written>");
    fuzz::require(back.ok(), "the written AIF does not read back", fuzz::diagnostics_text(back.diagnostics) + aif);
    fuzz::require(write_case(*back.model) == json, "the case changes when written as AIF and read back", aif);
    return 0;
}
